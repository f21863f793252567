using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

public class OrderTouchpointsTransactionaleSettings : VendorSettings
{
    public const string DefaultEndpointUrl = "https://www.transactionale.com/api/v1/transaction";

    public string EndpointUrl { get; set; } = DefaultEndpointUrl;

    /// <summary>ISO 3166-1 alpha-2 code of the shop (not the customer), upper case; required when enabled.</summary>
    public string? ShopCountryCode { get; set; }

    public bool SendLastName { get; set; }

    public bool SendPhone { get; set; }

    /// <summary>Sends <c>transaction_value</c> and <c>transaction_currency</c> (order total in customer currency).</summary>
    public bool SendTransactionValue { get; set; }

    /// <summary>nopCommerce GDPR consent the customer must have accepted before this vendor is sent anything; 0 = none chosen.</summary>
    public int RequiredGdprConsentId { get; set; }

    /// <summary>
    /// The store owner's explicit choice to send every order without a consent check (another legal basis).
    /// Without it or a <see cref="RequiredGdprConsentId"/>, Transactionale cannot be enabled (<see cref="TransactionaleConsentRule"/>).
    /// </summary>
    public bool SendWithoutConsentCheck { get; set; }
}
