using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

/// <summary>Transactionale as the delivery pipeline sees it: one POST per placed order.</summary>
public class TransactionaleTouchpointChannel(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    TransactionalePayloadBuilder payloadBuilder,
    TransactionaleClient client,
    ILogger logger)
    : SingleRequestTouchpointChannel<OrderTouchpointsTransactionaleSettings, TransactionalePayload>(settingService, apiKeyProtector, logger)
{
    // Transactionale gets no order number, only the customer: the owner finds the mail by the customer.
    public static readonly VendorFacts About = new(TouchpointVendor.Transactionale, "Transactionale", TransactionaleClient.PostRepeat,
        "Transactionale documents no duplicate check and would mail the customer twice",
        (orderId, touchpointEvent) => $"the mail for order id {orderId} ({touchpointEvent}) went out to the order's customer");

    public override VendorFacts Facts => About;

    protected override string? EndpointUrl(OrderTouchpointsTransactionaleSettings settings) => settings.EndpointUrl;

    protected override string? FindSettingsProblem(OrderTouchpointsTransactionaleSettings settings) =>
        TransactionaleSettingsCheck.FindProblem(settings);

    protected override Task<PayloadBuildResult<TransactionalePayload>> BuildAsync(
        DeliveryRequest request, OrderTouchpointsTransactionaleSettings settings, CancellationToken cancellationToken) =>
        payloadBuilder.BuildAsync(request, settings, cancellationToken);

    protected override Task<VendorResponse> PostAsync(Uri endpoint, string apiKey, string json, DeliveryRequest? delivery,
        CancellationToken cancellationToken) =>
        client.PostAsync(endpoint, apiKey, json, delivery, cancellationToken);
}
