using System.Globalization;
using Microsoft.Playwright;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// The admin's order and shipment pages clicked in the browser, as a store owner does: each button that nopCommerce
/// guards with "Are you sure?" is confirmed in its modal, and each step waits for the form post it caused to be answered.
/// </summary>
public sealed class AdminOrderPage(IPage page)
{
    public Task MarkPaidAsync(int orderId) => ClickConfirmedAsync($"Admin/Order/Edit/{orderId}", "markorderaspaid");

    public Task CancelAsync(int orderId) => ClickConfirmedAsync($"Admin/Order/Edit/{orderId}", "cancelorder");

    /// <summary>Add shipment with every remaining item and a tracking number; returns the shipment id the page moved on to.</summary>
    public async Task<int> AddShipmentAsync(int orderId, string trackingNumber, StoreDatabase database)
    {
        await page.GotoAsync($"Admin/Order/AddShipment/{orderId}");
        await page.FillAsync("#TrackingNumber", trackingNumber);
        // With every item's warehouse able to ship, the page drops its "Are you sure?" modal and the button submits at once.
        await PostAnsweredAsync($"Admin/Order/AddShipment/{orderId}", () => page.ClickAsync("#shipment-save"));
        return await database.ScalarAsync<int?>("""select max("Id") from "Shipment" where "OrderId" = $1""", orderId)
               ?? throw new InvalidOperationException($"the admin added no shipment to order {orderId}");
    }

    public Task SetShippedAsync(int shipmentId) => ClickAsync($"Admin/Order/ShipmentDetails/{shipmentId}", "setasshipped");

    public Task SetDeliveredAsync(int shipmentId) => ClickAsync($"Admin/Order/ShipmentDetails/{shipmentId}", "setasdelivered");

    /// <summary>"Partial refund (offline)": nopCommerce opens a popup window for the amount; it reloads the order page when done.</summary>
    public async Task PartiallyRefundOfflineAsync(int orderId, decimal amount)
    {
        await page.GotoAsync($"Admin/Order/Edit/{orderId}");
        var popup = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("#partiallyrefundorderoffline"));
        await popup.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await popup.FillAsync("#AmountToRefund", amount.ToString(CultureInfo.InvariantCulture));
        var closed = new TaskCompletionSource();
        popup.Close += (_, _) => closed.TrySetResult();
        var answered = await popup.RunAndWaitForResponseAsync(() => popup.ClickAsync("#partialrefundorder"),
            r => r.Request.Method == "POST" && r.Url.Contains("PartiallyRefundOrderPopup", StringComparison.OrdinalIgnoreCase));
        if (answered.Status >= 400)
            throw new InvalidOperationException($"the partial refund was answered {answered.Status}");
        // On success the popup's page clicks the order page's refresh button and closes itself.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task ClickConfirmedAsync(string path, string buttonId)
    {
        await page.GotoAsync(path);
        await page.ClickAsync($"#{buttonId}");
        await PostAnsweredAsync(path, () => page.ClickAsync($"#{buttonId}-action-confirmation-submit-button"));
    }

    private async Task ClickAsync(string path, string buttonId)
    {
        await page.GotoAsync(path);
        await PostAnsweredAsync(path, () => page.ClickAsync($"#{buttonId}"));
    }

    private async Task PostAnsweredAsync(string path, Func<Task> click)
    {
        // The form posts to its action (Admin/Order/<action>, with or without the id); match on the action.
        var action = "/Admin/Order/" + path.Split('/')[2];
        var answered = await page.RunAndWaitForResponseAsync(click,
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath.StartsWith(action, StringComparison.OrdinalIgnoreCase));
        if (answered.Status >= 400)
            throw new InvalidOperationException($"the admin answered {answered.Status} to the post of {path}");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
