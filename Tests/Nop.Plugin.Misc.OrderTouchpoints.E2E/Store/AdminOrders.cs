using System.Net;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// The admin's order page buttons posted over HTTP as the browser posts them (each is a named submit button of the
/// order form), for scenarios whose subject is not the admin's UI; <see cref="AdminOrderPage"/> clicks them.
/// </summary>
public sealed class AdminOrders(NopHttpSession admin)
{
    public Task MarkPaidAsync(int orderId) => PressAsync($"Admin/Order/Edit/{orderId}", "markorderaspaid");

    public Task RefundOfflineAsync(int orderId) => PressAsync($"Admin/Order/Edit/{orderId}", "refundorderoffline");

    private async Task PressAsync(string page, string button)
    {
        await admin.GetPageAsync(page);
        var response = await admin.PostFormAsync(page, [new(button, "")]);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.OK))
            throw new InvalidOperationException($"admin action {button} answered {(int)response.StatusCode}");
    }
}
