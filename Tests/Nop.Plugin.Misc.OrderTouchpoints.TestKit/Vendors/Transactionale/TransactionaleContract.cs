using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using static Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared.JsonShape;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;

/// <summary>docs/vendors.md §1: POST /api/v1/transaction, raw key in X-Authorization, flat snake_case body.</summary>
public static class TransactionaleContract
{
    public const string Path = "/api/v1/transaction";

    public static HttpContract For(string apiKey) => new(
        "POST",
        Path,
        new Dictionary<string, string>
        {
            ["X-Authorization"] = apiKey,
            ["Content-Type"] = "application/json",
            ["Accept"] = "application/json"
        },
        ["Authorization"],
        Object(
            Required("country", Text),
            Required("email", Text),
            Required("first_name", Text),
            Optional("zip_code", Text),
            Optional("last_name", Text),
            Optional("phone", Text),
            Optional("transaction_value", Number),
            Optional("transaction_currency", Text)),
        "X-Authorization",
        // Transactionale documents no error body; its API answers a flat {"error": "..."} (as its 400 for a missing email).
        (status, message) => new FakeResponse(status, JsonSerializer.Serialize(new { error = message })));
}
