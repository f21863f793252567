using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Gdpr;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

/// <summary>
/// Maps a placed order to the Transactionale body (docs/vendors.md §1), re-reading the order at send time. nopCommerce's GDPR
/// service is resolved only when the store requires a consent: building it builds the shopping cart, product, forum, blog
/// and news services with the settings each loads, in every send's scope and in checkout's consumer, which asks this
/// channel whether it is active. It comes from the scope's own provider, as <see cref="OrderDataLoader"/>'s services do.
/// </summary>
public class TransactionalePayloadBuilder(OrderDataLoader orderDataLoader, IServiceProvider services)
{
    private const int ConsentNameLength = 80;

    public async Task<PayloadBuildResult<TransactionalePayload>> BuildAsync(
        DeliveryRequest request, OrderTouchpointsTransactionaleSettings settings, CancellationToken cancellationToken)
    {
        if (!TransactionaleSettingsCheck.TryGetShopCountry(settings, out var country, out var countryProblem))
            return PayloadBuildResult<TransactionalePayload>.CannotSend(countryProblem);

        var data = await orderDataLoader.LoadAsync(request.OrderId);
        cancellationToken.ThrowIfCancellationRequested();
        if (data is null)
            return PayloadBuildResult<TransactionalePayload>.CannotSend(OrderCannotSendReasons.OrderMissing(request.OrderId));
        var order = data.Order;
        if (data.Email is null)
            return PayloadBuildResult<TransactionalePayload>.CannotSend(OrderCannotSendReasons.NoEmail(order.CustomOrderNumber));

        // The mail carries third-party offers: Transactionale's own shop plugins send only after an opt-in.
        if (TransactionaleConsentRule.ModeOf(settings) == TransactionaleConsentMode.ConsentRequired
            && await FindConsentProblemAsync(settings.RequiredGdprConsentId, order.CustomerId, order.CustomOrderNumber) is { } consentProblem)
            return PayloadBuildResult<TransactionalePayload>.CannotSend(consentProblem);

        if (data.FirstName is null)
            return PayloadBuildResult<TransactionalePayload>.CannotSend(
                $"Order {order.CustomOrderNumber}: neither the billing address nor the customer has a first name, which Transactionale requires.");

        var currency = order.CustomerCurrencyCode?.Trim().ToUpperInvariant();
        var sendValue = settings.SendTransactionValue && !string.IsNullOrEmpty(currency);
        return PayloadBuildResult<TransactionalePayload>.Ready(new TransactionalePayload(country, data.Email, data.FirstName)
        {
            LastName = settings.SendLastName ? data.LastName : null,
            ZipCode = data.ZipCode,
            Phone = settings.SendPhone ? data.Phone : null,
            TransactionValue = sendValue ? data.InCustomerCurrency(order.OrderTotal) : null,
            TransactionCurrency = sendValue ? currency : null
        });
    }

    private async Task<string?> FindConsentProblemAsync(int consentId, int customerId, string orderNumber)
    {
        var gdprService = services.GetRequiredService<IGdprService>();
        var consent = (await gdprService.GetAllConsentsAsync()).FirstOrDefault(c => c.Id == consentId);
        if (consent is null)
            return $"The GDPR consent (id {consentId}) that the Transactionale settings require no longer exists: choose another consent, or none, in the Transactionale settings.";

        // null = the customer never answered; only an explicit "agree" counts.
        if (await gdprService.IsConsentAcceptedAsync(consentId, customerId) == true)
            return null;
        var name = VendorErrorText.Clean(consent.Message);
        if (name.Length > ConsentNameLength)
            name = string.Concat(name.AsSpan(0, ConsentNameLength - 1), "…");
        return $"Order {orderNumber}: the customer has not accepted the GDPR consent \"{name}\" (id {consentId}) that the Transactionale settings require; nothing is sent to Transactionale.";
    }
}
