using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// Asks every channel what it would send for an order — through the same builders the dispatcher uses —
/// for each event the channel is active for at the order's store. Nothing is sent.
/// </summary>
public class PayloadPreviewFactory(
    IOrderService orderService,
    IEnumerable<ITouchpointChannel> channels,
    ILocalizationService localizationService,
    TimeProvider timeProvider,
    ILogger logger)
{
    public const string OrderLookupFailedResource = "Plugins.Misc.OrderTouchpoints.Configure.Preview.OrderLookupFailed";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // For reading only: keeps accented names legible; the page HTML-encodes the text anyway.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    public async Task<PayloadPreviewModel> PrepareAsync(string? orderNumber, CancellationToken cancellationToken)
    {
        var model = new PayloadPreviewModel { OrderNumber = orderNumber?.Trim(), Requested = true };
        if (string.IsNullOrEmpty(model.OrderNumber))
            return model;
        Order? order;
        try
        {
            order = await orderService.GetOrderByCustomOrderNumberAsync(model.OrderNumber);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Said as a failure, not as "no such order": the order may well exist. The number stays in the field for another try.
            await AdminFailureLog.WriteAsync(logger, $"the payload preview could not look up order number {model.OrderNumber}", exception);
            model.Failure = await AdminFailureLog.OwnerTextAsync(localizationService, OrderLookupFailedResource, exception);
            return model;
        }
        if (order is null || order.Deleted)
            return model;

        model.OrderId = order.Id;
        model.StoreId = order.StoreId;
        var occurredUtc = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var channel in channels.OrderBy(c => c.Facts.Vendor))
        {
            foreach (var touchpointEvent in Enum.GetValues<TouchpointEvent>())
            {
                var request = new DeliveryRequest(order.StoreId, order.Id, touchpointEvent, occurredUtc);
                if (await PreviewIfActiveAsync(channel, request, cancellationToken) is { } result)
                    model.Results.Add(result);
            }
        }
        return model;
    }

    /// <summary>Null when the channel is not active for the event at the order's store.</summary>
    private async Task<PreviewResultModel?> PreviewIfActiveAsync(ITouchpointChannel channel, DeliveryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            // Inside the guard: whether a channel is active is read from its settings, and a failed read is
            // one more reason to show for that vendor, not a reason to lose the whole preview.
            if (!await channel.IsActiveForAsync(request.StoreId, request.Event))
                return null;
            var preview = await channel.PreviewAsync(request, cancellationToken);
            var requests = preview.Requests.Select(r => new PreviewRequestModel(r.Method, r.Url, Indent(r.Json))).ToList();
            return new PreviewResultModel(channel.Facts.Name, request.Event, requests, preview.CannotSendReason);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The channels turn what they expect (unreadable order, settings) into reasons; anything else reaching here may
            // be a defect, so it is recorded as well as shown.
            await AdminFailureLog.WriteAsync(logger,
                $"the payload preview of order id {request.OrderId} for {channel.Facts.Vendor} ({request.Event}) failed", exception);
            var reason = string.Format(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.Preview.Failed"),
                VendorErrorText.Clean(exception.Message));
            return new PreviewResultModel(channel.Facts.Name, request.Event, [], reason);
        }
    }

    /// <summary>Indents the body without touching a value (numbers keep their exact text); anything not JSON is shown as it is.</summary>
    private static string? Indent(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Indented) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
