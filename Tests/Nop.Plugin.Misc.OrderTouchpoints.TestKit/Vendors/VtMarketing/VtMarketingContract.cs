using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using static Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared.JsonShape;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>docs/vendors.md §3: POST /v1/event/ (trailing slash), raw key in Authorization, nested confirmation event.</summary>
public static class VtMarketingContract
{
    public const string Path = "/v1/event/";

    public static HttpContract For(string apiKey) => new(
        "POST",
        Path,
        new Dictionary<string, string>
        {
            ["Authorization"] = apiKey,
            ["Content-Type"] = "application/json"
        },
        ["X-Authorization"],
        Object(
            Required("user", Object(
                Required("email", Text),
                Optional("tel", Text),
                Optional("firstname", Text),
                Optional("lastname", Text),
                Optional("country", Text),
                Optional("city", Text))),
            Required("event", Object(
                Required("confirmation", Object(
                    Required("generic", Object(
                        Required("orderId", Text),
                        Required("total", Number),
                        Optional("status", Text),
                        Optional("coupons", ArrayOf(Text)),
                        Optional("phone", Text),
                        Optional("currency", Text),
                        Optional("total_shipping", Number))),
                    // vendors.md marks an item's id and quantity "recommended", not required: VTmarketing takes an item without them.
                    Required("items", ArrayOf(Object(
                        Optional("id", Text),
                        Optional("quantity", Number))))))))),
        "Authorization",
        // The documented error body: {"errors":[{"message":"…","description":"…"}]}.
        (status, message) => new FakeResponse(status, JsonSerializer.Serialize(new
        {
            errors = new[] { new { message = status == 401 ? "Unauthorized" : "Invalid event", description = message } }
        })));
}
