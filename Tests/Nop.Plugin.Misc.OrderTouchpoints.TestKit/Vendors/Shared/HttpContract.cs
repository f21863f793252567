using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>What a vendor documents for one endpoint: method, exact path, no query, exact headers, body shape.</summary>
public sealed record HttpContract(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> ExactHeaders,
    IReadOnlyList<string> ForbiddenHeaders,
    JsonShape Body)
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
        if (connectionTest)
        {
            if (request.Body != "{}")
                yield return "a connection test must send exactly {}";
            yield break;
        }
        foreach (var violation in Body.Check(request.Body))
            yield return violation;
    }

    /// <summary>Wraps a scripted answer so every request is checked first and violations are recorded on the server.</summary>
    public Func<RecordedRequest, FakeResponse> Enforce(FakeVendorServer server, Func<RecordedRequest, FakeResponse> respond, bool connectionTest = false) =>
        request =>
        {
            foreach (var violation in Violations(request, connectionTest))
                server.Violation(violation);
            return respond(request);
        };
}
