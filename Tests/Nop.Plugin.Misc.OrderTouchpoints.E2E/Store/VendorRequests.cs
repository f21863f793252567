using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>The requests each fake vendor received for one order, found by what the vendor's body identifies it with.</summary>
public static class VendorRequests
{
    /// <summary>Transactionale's body has no order number: the suite gives every order its own email.</summary>
    public static IReadOnlyList<RecordedRequest> Transactionale(VendorFarm vendors, string email) =>
        vendors.Transactionale.Requests.Where(r => Text(r, "email") == email).ToList();

    public static IReadOnlyList<RecordedRequest> EngageOrderPosts(VendorFarm vendors, string orderNumber) =>
        vendors.Engage.OrderPosts.Where(r => Text(r, "orderNumber") == orderNumber).OrderBy(r => r.ReceivedAt).ToList();

    public static IReadOnlyList<RecordedRequest> VtMarketing(VendorFarm vendors, string orderNumber) =>
        vendors.VtMarketing.Requests
            .Where(r => TryJson(r) is { } json
                        && json.TryGetProperty("event", out var e) && e.TryGetProperty("confirmation", out var c)
                        && c.GetProperty("generic").GetProperty("orderId").GetString() == orderNumber)
            .ToList();

    public static IReadOnlyList<RecordedRequest> EngageLookups(VendorFarm vendors, string email) =>
        vendors.Engage.Lookups.Where(r => Uri.UnescapeDataString(r.Query).Contains("email=" + email, StringComparison.OrdinalIgnoreCase)).ToList();

    private static string? Text(RecordedRequest request, string property) =>
        TryJson(request) is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonElement? TryJson(RecordedRequest request)
    {
        try
        {
            return request.Body.Length == 0 ? null : request.Json;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
