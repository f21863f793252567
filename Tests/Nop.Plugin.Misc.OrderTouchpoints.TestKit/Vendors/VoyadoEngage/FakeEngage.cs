using System.Collections.Concurrent;
using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// An Engage tenant on a real Kestrel server: contacts by email, contact creation, order posts that need
/// a known contact id. Every request is checked against <see cref="EngageContract"/>; a test can put its
/// own answer in front of the default behaviour with <see cref="Answer"/>.
/// </summary>
public sealed class FakeEngage : IAsyncDisposable
{
    public const string ApiKey = "engage-secret-key-4f9a1c";

    private int _created;

    private FakeEngage(FakeVendorServer server) => Server = server;

    public FakeVendorServer Server { get; }

    /// <summary>Contact ids Engage holds per email (case-insensitive); several ids = MultipleMatches.</summary>
    public ConcurrentDictionary<string, List<string>> ContactsByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Contact id → its contact type.</summary>
    public ConcurrentDictionary<string, string> KnownContactIds { get; } = new();

    /// <summary>How a 409 MultipleMatches lists the matches (Engage publishes no shape; both seen forms are served).</summary>
    public MultipleMatchesShape MatchesShape { get; set; } = MultipleMatchesShape.TopLevelIds;

    /// <summary>The status an order post for an unknown contact gets (404, or 422 with a ContactNotFound code).</summary>
    public int UnknownContactStatus { get; set; } = 404;

    /// <summary>Runs before the default behaviour; a non-null answer replaces it.</summary>
    public Func<RecordedRequest, FakeResponse?>? Answer { get; set; }

    public Uri BaseUri => Server.BaseUri;

    public IEnumerable<RecordedRequest> Requests => Server.Requests;

    public IReadOnlyList<RecordedRequest> Lookups => Requests.Where(r => r.Method == "GET" && r.Path == "/api/v2/contacts/id").ToList();

    public IReadOnlyList<RecordedRequest> ContactCreations => Requests.Where(r => r.Method == "POST" && r.Path == "/api/v2/contacts").ToList();

    public IReadOnlyList<RecordedRequest> OrderPosts => Requests.Where(r => r.Method == "POST" && r.Path == "/api/v2/orders").ToList();

    public IReadOnlyList<string> Violations => Server.ContractViolations.ToList();

    public static async Task<FakeEngage> StartAsync()
    {
        FakeEngage? engage = null;
        var server = await FakeVendorServer.StartAsync(request => engage!.Respond(request));
        engage = new FakeEngage(server);
        return engage;
    }

    public void AddContact(string email, string contactId, string contactType = "Contact")
    {
        ContactsByEmail.GetOrAdd(email, _ => []).Add(contactId);
        KnownContactIds[contactId] = contactType;
    }

    public static string LookedUpEmail(RecordedRequest lookup) =>
        Uri.UnescapeDataString(EngageContract.QueryParameters(lookup.Query).GetValueOrDefault("email", ""));

    /// <summary>The contactType the lookup was limited to, or null.</summary>
    public static string? LookedUpContactType(RecordedRequest lookup) =>
        EngageContract.QueryParameters(lookup.Query).TryGetValue("contactType", out var type) ? Uri.UnescapeDataString(type) : null;

    private FakeResponse Respond(RecordedRequest request)
    {
        var violations = EngageContract.Check(request, ApiKey);
        foreach (var violation in violations)
            Server.Violation(violation);
        if (Answer?.Invoke(request) is { } scripted)
            return scripted;
        if (request.Header("apikey") != ApiKey)
            return Error(401, "Unauthorized", "Invalid api key");
        if (Refusal(request, violations) is { } refusal)
            return refusal;
        return (request.Method, request.Path) switch
        {
            ("GET", "/api/v2/contacts/id") => LookUp(LookedUpEmail(request), LookedUpContactType(request)),
            ("POST", "/api/v2/contacts") => Create(request.Json),
            ("POST", "/api/v2/orders") => PostOrder(request.Json),
            _ => new FakeResponse(404)
        };
    }

    /// <summary>
    /// How Engage answers a request it cannot take (docs/vendors.md §2): 500 without the JSON content type, 422
    /// ValidationError for an order whose totals or taxes do not add up, 400 for anything else off the contract.
    /// </summary>
    private static FakeResponse? Refusal(RecordedRequest request, IReadOnlyList<string> violations)
    {
        if (request.Header("Content-Type") != "application/json")
            return Error(500, "InternalServerError", "An error has occurred");
        if (violations.Count == 0)
            return null;
        return violations.FirstOrDefault(v => v.Contains(" rule: ", StringComparison.Ordinal)) is { } failedValidation
            ? Error(422, "ValidationError", failedValidation)
            : Error(400, "InvalidRequest", violations[0]);
    }

    private FakeResponse LookUp(string email, string? contactType)
    {
        var ids = ContactsByEmail.TryGetValue(email, out var all)
            ? all.Where(id => contactType is null || !KnownContactIds.TryGetValue(id, out var type) || string.Equals(type, contactType, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        if (ids.Count == 0)
            return Error(404, "ContactNotFound", "No contact found");
        if (ids.Count == 1)
            return FakeResponse.Json(200, JsonSerializer.Serialize(ids[0]));
        object body = MatchesShape switch
        {
            MultipleMatchesShape.TopLevelIds => new { multipleMatchesFound = ids },
            MultipleMatchesShape.EnvelopeIds => Envelope(ids),
            _ => Envelope(ids.Select(id => new { id, contactType = KnownContactIds.GetValueOrDefault(id) }).ToList())
        };
        return FakeResponse.Json(409, JsonSerializer.Serialize(body));
    }

    private static object Envelope(object matches) => new
    {
        statusCode = 409,
        errorCode = "MultipleMatches",
        message = "Multiple contacts matched",
        messageDetails = new { multipleMatchesFound = matches }
    };

    private FakeResponse Create(JsonElement contact)
    {
        var id = $"c0ffee00-0000-4000-8000-{Interlocked.Increment(ref _created):D12}";
        AddContact(contact.GetProperty("email").GetString()!, id, contact.TryGetProperty("contactType", out var created) ? created.GetString()! : "Member");
        return FakeResponse.Json(201, JsonSerializer.Serialize(new
        {
            id,
            firstName = contact.TryGetProperty("firstName", out var first) ? first.GetString() : null,
            email = contact.GetProperty("email").GetString(),
            contactType = contact.TryGetProperty("contactType", out var type) ? type.GetString() : "Member"
        }));
    }

    private FakeResponse PostOrder(JsonElement order)
    {
        var contactId = order.GetProperty("contact").GetProperty("matchKey").GetString()!;
        if (!KnownContactIds.ContainsKey(contactId))
            return Error(UnknownContactStatus, "ContactNotFound", "Contact not found");
        return new FakeResponse(202);
    }

    public static FakeResponse Error(int status, string errorCode, string message) =>
        FakeResponse.Json(status, JsonSerializer.Serialize(new { statusCode = status, errorCode, message }));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>The 409 MultipleMatches bodies a fake tenant can answer.</summary>
public enum MultipleMatchesShape
{
    /// <summary><c>{"multipleMatchesFound":["id1","id2"]}</c>, the form a public connector reads.</summary>
    TopLevelIds,

    /// <summary><c>{"errorCode":"MultipleMatches",…,"messageDetails":{"multipleMatchesFound":["id1","id2"]}}</c>.</summary>
    EnvelopeIds,

    /// <summary>The envelope listing contacts: <c>…"multipleMatchesFound":[{"id":"id1","contactType":"Contact"}]</c>.</summary>
    EnvelopeContacts
}
