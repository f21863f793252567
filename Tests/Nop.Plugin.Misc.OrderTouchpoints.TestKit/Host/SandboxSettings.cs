using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>Where each vendor is reached; http is allowed only to loopback addresses (the plugin checks).</summary>
public sealed record VendorEndpoints(string TransactionaleUrl, string VoyadoBaseUrl, string VtMarketingUrl)
{
    public static VendorEndpoints Of(VendorFarm farm) =>
        new(farm.TransactionaleEndpoint.AbsoluteUri, farm.VoyadoBaseUrl.AbsoluteUri, farm.VtMarketingEndpoint.AbsoluteUri);
}

/// <summary>All three vendors enabled for both stores of <see cref="SampleShop"/>, keys stored encrypted.</summary>
public static class SandboxSettings
{
    public static InMemorySettingStore Create(VendorEndpoints endpoints, OrderTouchpointsDeliverySettings delivery, int voyadoRequestsPerSecond = 40)
    {
        var settings = new InMemorySettingStore();
        settings.Seed(delivery);
        foreach (var (storeId, country) in new[] { (1, "IT"), (2, "SE") })
        {
            settings.Seed(new OrderTouchpointsTransactionaleSettings
            {
                Enabled = true, ApiKey = InMemoryNopServices.Encrypt(VendorFarm.TransactionaleKey), EndpointUrl = endpoints.TransactionaleUrl,
                ShopCountryCode = country, SendLastName = true, SendPhone = storeId == 1, SendTransactionValue = true,
                // The sample shop records no GDPR consents; its customers are test data.
                SendWithoutConsentCheck = true
            }, storeId);
            settings.Seed(new OrderTouchpointsVtMarketingSettings
            {
                Enabled = true, ApiKey = InMemoryNopServices.Encrypt(VendorFarm.VtMarketingKey), EndpointUrl = endpoints.VtMarketingUrl,
                ProductIdSource = storeId == 1 ? ProductIdSource.ProductId : ProductIdSource.Sku
            }, storeId);
            settings.Seed(new OrderTouchpointsVoyadoSettings
            {
                Enabled = true, ApiKey = InMemoryNopServices.Encrypt(VendorFarm.VoyadoKey), BaseUrl = endpoints.VoyadoBaseUrl,
                StoreExternalId = storeId == 1 ? "NEGOZIO-MI" : "BUTIK-STO", MaxRequestsPerSecond = voyadoRequestsPerSecond
            }, storeId);
        }
        return settings;
    }
}
