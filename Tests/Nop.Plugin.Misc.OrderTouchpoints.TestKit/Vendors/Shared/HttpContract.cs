using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>
/// What a vendor documents for one endpoint: method, exact path, no query, exact headers, body shape, which header
/// carries the API key, and how the vendor words an error (<see cref="ErrorAnswer"/>: status, message → answer).
/// </summary>
public sealed record HttpContract(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> ExactHeaders,
    IReadOnlyList<string> ForbiddenHeaders,
    JsonShape Body,
    string KeyHeader,
    Func<int, string, FakeResponse> ErrorAnswer)
{
    public IEnumerable<string> Violations(RecordedRequest request, bool connectionTest = false)
    {
        if (request.Method != Method)
            yield return $"method {request.Method}, expected {Method}";
        if (!string.Equals(request.Path, Path, StringComparison.Ordinal))
            yield return $"path {request.Path}, expected {Path}";
        if (request.Query.Length > 0)
            yield return $"unexpected query {request.Query}";
        foreach (var (name, expected) in ExactHeaders)
        {
            var actual = request.Header(name);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
                yield return actual is null ? $"header {name} missing" : $"header {name} has an unexpected value";
        }
        foreach (var name in ForbiddenHeaders.Where(name => request.Header(name) is not null))
            yield return $"header {name} must not be sent";
        foreach (var violation in BodyViolations(request, connectionTest))
            yield return violation;
    }

    /// <summary>
    /// The vendor's own answer to a request it would not accept, or null when it would: a key other than
    /// <paramref name="apiKey"/> is 401 (checked first, as an API gateway does), a wrong route 404, a body or content
    /// type it cannot take 400 naming the first problem.
    /// </summary>
    public FakeResponse? Refusal(RecordedRequest request, string apiKey, bool connectionTest = false)
    {
        if (!string.Equals(request.Header(KeyHeader), apiKey, StringComparison.Ordinal))
            return ErrorAnswer(401, "invalid api key");
        if (request.Method != Method || !string.Equals(request.Path, Path, StringComparison.Ordinal))
            return ErrorAnswer(404, "no such route");
        if (!string.Equals(request.Header("Content-Type"), ExactHeaders.GetValueOrDefault("Content-Type", "application/json"), StringComparison.Ordinal))
            return ErrorAnswer(400, "body must be application/json");
        return BodyViolations(request, connectionTest).FirstOrDefault() is { } problem ? ErrorAnswer(400, problem) : null;
    }

    private IEnumerable<string> BodyViolations(RecordedRequest request, bool connectionTest)
    {
        if (connectionTest)
            return request.Body == "{}" ? [] : ["a connection test must send exactly {}"];
        return Body.Check(request.Body);
    }

    /// <summary>
    /// Wraps a scripted answer so every request is checked first and violations are recorded on the server; a request
    /// the vendor would refuse gets the vendor's refusal instead of the scripted answer.
    /// </summary>
    public Func<RecordedRequest, FakeResponse> Enforce(FakeVendorServer server, Func<RecordedRequest, FakeResponse> respond, bool connectionTest = false) =>
        request =>
        {
            foreach (var violation in Violations(request, connectionTest))
                server.Violation(violation);
            return Refusal(request, ExactHeaders[KeyHeader], connectionTest) ?? respond(request);
        };
}
