using System.Net;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>The admin's order page buttons, posted as the browser posts them (each is a named submit button of the order form).</summary>
public sealed class AdminOrders(NopHttpSession admin, StoreDatabase database)
{
    public Task MarkPaidAsync(int orderId) => PressAsync($"Admin/Order/Edit/{orderId}", "markorderaspaid");

    public Task CancelAsync(int orderId) => PressAsync($"Admin/Order/Edit/{orderId}", "cancelorder");

    public Task RefundOfflineAsync(int orderId) => PressAsync($"Admin/Order/Edit/{orderId}", "refundorderoffline");

    /// <summary>Adds a shipment of every item with a tracking number; returns the shipment's id.</summary>
    public async Task<int> AddShipmentAsync(int orderId, string trackingNumber)
    {
        var items = await database.QueryAsync("""select "Id", "Quantity" from "OrderItem" where "OrderId" = $1""", orderId);
        await admin.GetPageAsync($"Admin/Order/AddShipment/{orderId}");
        var fields = new List<KeyValuePair<string, string>> { new("OrderId", orderId.ToString()), new("TrackingNumber", trackingNumber), new("save", "") };
        fields.AddRange(items.Select(i => new KeyValuePair<string, string>($"qtyToAdd{i["Id"]}", i["Quantity"]!.ToString()!)));
        Expect(await admin.PostFormAsync($"Admin/Order/AddShipment/{orderId}", fields), "add shipment");
        return await database.ScalarAsync<int?>("""select max("Id") from "Shipment" where "OrderId" = $1""", orderId)
               ?? throw new InvalidOperationException($"no shipment was added to order {orderId}");
    }

    public Task SetShippedAsync(int shipmentId) => PressAsync($"Admin/Order/ShipmentDetails/{shipmentId}", "setasshipped");

    public Task SetDeliveredAsync(int shipmentId) => PressAsync($"Admin/Order/ShipmentDetails/{shipmentId}", "setasdelivered");

    private async Task PressAsync(string page, string button)
    {
        await admin.GetPageAsync(page);
        Expect(await admin.PostFormAsync(page, [new(button, "")]), button);
    }

    private static void Expect(HttpResponseMessage response, string action)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.OK))
            throw new InvalidOperationException($"admin action {action} answered {(int)response.StatusCode}");
    }
}
