using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>
/// VTmarketing as the delivery pipeline sees it: one POST per placed order. VTmarketing documents no
/// deduplication, so only 200 counts (<see cref="VtMarketingAnswers"/>) and a lost answer is not retried
/// (<see cref="VtMarketingClient.EventRepeat"/>, <see cref="UnknownOutcome"/>).
/// </summary>
public class VtMarketingTouchpointChannel(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    VtMarketingPayloadBuilder payloadBuilder,
    VtMarketingClient client,
    ILogger logger)
    : SingleRequestTouchpointChannel<OrderTouchpointsVtMarketingSettings, VtMarketingEventPayload>(settingService, apiKeyProtector, logger)
{
    // VTmarketing records the order under its order number, which the owner reads on the nopCommerce order page.
    public static readonly VendorFacts About = new(TouchpointVendor.VtMarketing, "VTmarketing", VtMarketingClient.EventRepeat,
        "VTmarketing documents no duplicate check and could count the order twice in its reports",
        (orderId, touchpointEvent) => $"the order number of order id {orderId} ({touchpointEvent}) is recorded");

    public override VendorFacts Facts => About;

    protected override string? EndpointUrl(OrderTouchpointsVtMarketingSettings settings) => settings.EndpointUrl;

    protected override string? FindSettingsProblem(OrderTouchpointsVtMarketingSettings settings) =>
        VtMarketingSettingsCheck.FindProblem(settings);

    protected override Task<PayloadBuildResult<VtMarketingEventPayload>> BuildAsync(
        DeliveryRequest request, OrderTouchpointsVtMarketingSettings settings, CancellationToken cancellationToken) =>
        payloadBuilder.BuildAsync(request, settings, cancellationToken);

    protected override async Task<VendorResponse> PostAsync(Uri endpoint, string apiKey, string json, DeliveryRequest? delivery,
        CancellationToken cancellationToken) =>
        VtMarketingAnswers.Interpret(await client.PostAsync(endpoint, apiKey, json, delivery, cancellationToken));
}
