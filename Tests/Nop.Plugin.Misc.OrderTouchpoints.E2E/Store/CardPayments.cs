using System.Net;
using System.Text.Json;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// nopCommerce's Payments.Manual ("Credit Card") offered at checkout and set to authorize and capture, as the owner sets
/// it in the admin (Configuration → Payment methods, and the plugin's configure page; neither needs a restart), and
/// withdrawn again: a fresh store offers Check / Money Order only, with the card plugin in its installed Pending mode.
/// </summary>
public sealed class CardPayments(NopHttpSession admin)
{
    private const string SystemName = "Payments.Manual";

    public async Task OfferWithCaptureAsync()
    {
        await SetTransactModeAsync(TransactModeAuthorizeAndCapture);
        await SetActiveAsync(true);
    }

    public async Task WithdrawAsync()
    {
        await SetActiveAsync(false);
        await SetTransactModeAsync(TransactModePending);
    }

    // Payments.Manual's TransactMode enum: Pending = 0 (installed default), Authorize = 1, AuthorizeAndCapture = 2.
    private const int TransactModePending = 0;
    private const int TransactModeAuthorizeAndCapture = 2;

    private async Task SetTransactModeAsync(int mode)
    {
        await admin.GetPageAsync("Admin/PaymentManual/Configure");
        var response = await admin.PostFormAsync("Admin/PaymentManual/Configure",
            [new("TransactModeId", mode.ToString()), new("AdditionalFee", "0"), new("AdditionalFeePercentage", "false")]);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"the card plugin's configure page answered {(int)response.StatusCode}");
    }

    /// <summary>The payment methods grid's inline edit: it posts the row back, and also saves its name and display order.</summary>
    private async Task SetActiveAsync(bool active)
    {
        await admin.GetPageAsync("Admin/Payment/Methods");
        var grid = await admin.PostFormAsync("Admin/Payment/Methods", [new("Start", "0"), new("Length", "50")], ajax: true);
        using var json = JsonDocument.Parse(await grid.Content.ReadAsStringAsync());
        var row = Property(json.RootElement, "Data").EnumerateArray().Single(r => Property(r, "SystemName").GetString() == SystemName);
        var response = await admin.PostFormAsync("Admin/Payment/MethodUpdate",
        [
            new("SystemName", SystemName),
            new("FriendlyName", Property(row, "FriendlyName").GetString() ?? ""),
            new("DisplayOrder", Property(row, "DisplayOrder").GetInt32().ToString()),
            new("IsActive", active ? "true" : "false")
        ], ajax: true);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the payment methods grid answered {(int)response.StatusCode} to the {SystemName} update");
    }

    // The admin's JSON keeps .NET's property names, but a store may serialize camelCase; accept either.
    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
