using Microsoft.Playwright;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>The plugin's configure page in the browser, as a store owner fills it in.</summary>
public sealed class ConfigurePage(IPage page)
{
    public const string Path = "Admin/OrderTouchpoints/Configure";

    public IPage Page => page;

    /// <summary>Picks the store scope with nopCommerce's own selector endpoint (0 = all stores) and opens the page.</summary>
    public async Task OpenAsync(int storeScope = 0)
    {
        await page.GotoAsync($"Admin/Setting/ChangeStoreScopeConfiguration?storeid={storeScope}&returnUrl=%2F{Uri.EscapeDataString(Path)}");
        await page.WaitForURLAsync($"**/{Path}");
    }

    /// <summary>All stores: every vendor on, pointed at this run's vendors on 127.0.0.1.</summary>
    public async Task EnableAllVendorsAsync(VendorFarm vendors, string shopCountry = "IT")
    {
        await page.SetCheckedAsync("#Transactionale_Enabled", true);
        await page.FillAsync("#Transactionale_ApiKey", VendorFarm.TransactionaleKey);
        await page.FillAsync("#Transactionale_EndpointUrl", vendors.TransactionaleEndpoint.ToString());
        await page.SelectOptionAsync("#Transactionale_ShopCountryCode", shopCountry);
        // Transactionale cannot be enabled without a consent rule; the sample store has no GDPR consent to require.
        await page.SetCheckedAsync("#Transactionale_SendWithoutConsentCheck", true);

        await page.SetCheckedAsync("#Voyado_Enabled", true);
        await page.FillAsync("#Voyado_ApiKey", VendorFarm.VoyadoKey);
        await page.FillAsync("#Voyado_BaseUrl", vendors.VoyadoBaseUrl.ToString());
        await page.FillAsync("#Voyado_StoreExternalId", "nop-e2e");
        await page.SetCheckedAsync("#Voyado_SendOnDelivered", true);

        await page.SetCheckedAsync("#VtMarketing_Enabled", true);
        await page.FillAsync("#VtMarketing_ApiKey", VendorFarm.VtMarketingKey);
        await page.FillAsync("#VtMarketing_EndpointUrl", vendors.VtMarketingEndpoint.ToString());
        await SaveAsync();
    }

    /// <summary>All stores: the three vendors switched on or off together, every other setting (keys, endpoints) kept as saved.</summary>
    public async Task SetVendorsEnabledAsync(bool enabled)
    {
        await page.SetCheckedAsync("#Transactionale_Enabled", enabled);
        await page.SetCheckedAsync("#Voyado_Enabled", enabled);
        await page.SetCheckedAsync("#VtMarketing_Enabled", enabled);
        await SaveAsync();
    }

    /// <summary>In a store's scope: overrides only that store's Transactionale key.</summary>
    public async Task OverrideTransactionaleKeyAsync(string apiKey)
    {
        await page.SetCheckedAsync("#Transactionale_ApiKey_OverrideForStore", true);
        await page.FillAsync("#Transactionale_ApiKey", apiKey);
        await SaveAsync();
    }

    public async Task SaveAsync()
    {
        await page.ClickAsync("button[name='save']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var errors = await page.Locator(".validation-summary-errors, .field-validation-error").AllInnerTextsAsync();
        if (errors.Any(e => e.Trim().Length > 0))
            throw new InvalidOperationException("the configure page refused the settings: " + string.Join(" | ", errors));
    }
}
