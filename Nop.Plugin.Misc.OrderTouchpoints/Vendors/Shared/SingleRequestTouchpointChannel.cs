using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// A vendor that gets one POST per placed order (Transactionale, VTmarketing). Settings are loaded for the delivery's store
/// (<see cref="ISettingService.LoadSettingAsync{T}"/>): injected ones belong to the store that served the current request.
/// </summary>
public abstract class SingleRequestTouchpointChannel<TSettings, TPayload>(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    ILogger logger) : ITouchpointChannel
    where TSettings : VendorSettings, new()
    where TPayload : class
{
    private sealed record PreparedRequest(Uri? Endpoint, string? Json, string? CannotSendReason);

    public abstract VendorFacts Facts { get; }

    protected abstract string? EndpointUrl(TSettings settings);

    protected abstract string? FindSettingsProblem(TSettings settings);

    protected abstract Task<PayloadBuildResult<TPayload>> BuildAsync(DeliveryRequest request, TSettings settings, CancellationToken cancellationToken);

    /// <param name="delivery">The delivery being sent, named in the reason when its answer is lost; null for a connection test.</param>
    protected abstract Task<VendorResponse> PostAsync(Uri endpoint, string apiKey, string json, DeliveryRequest? delivery, CancellationToken cancellationToken);

    public async Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent)
    {
        if (touchpointEvent != TouchpointEvent.OrderPlaced)
            return false;
        var settings = await settingService.LoadSettingAsync<TSettings>(storeId);
        return FindSettingsProblem(settings) is null;
    }

    public Task<DateTime?> GetEnabledOnUtcAsync(int storeId) => settingService.EnabledOnUtcAsync<TSettings>(storeId);

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        if (request.Event != TouchpointEvent.OrderPlaced)
            return DeliveryOutcome.CannotSend(OrderCannotSendReasons.OnlyPlacedOrders(Facts.Name, request.Event));

        TSettings settings;
        PreparedRequest prepared;
        try
        {
            settings = await settingService.LoadSettingAsync<TSettings>(request.StoreId);
            if (FindSettingsProblem(settings) is { } settingsProblem)
                return DeliveryOutcome.CannotSend(settingsProblem);
            prepared = await PrepareAsync(request, settings, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await OrderReadFailure.RetryLaterAsync(logger, Facts.Vendor, request, exception);
        }
        if (prepared.CannotSendReason is { } reason)
            return DeliveryOutcome.CannotSend(reason);

        if (apiKeyProtector.Reveal(settings.ApiKey) is not { } apiKey)
            return DeliveryOutcome.CannotSend(ApiKeyProtector.UnreadableKeyReason(Facts.Name));
        var response = await PostAsync(prepared.Endpoint!, apiKey, prepared.Json!, request, cancellationToken);
        return response.Outcome;
    }

    public async Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        PreparedRequest prepared;
        try
        {
            var settings = await settingService.LoadSettingAsync<TSettings>(request.StoreId);
            prepared = await PrepareAsync(request, settings, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new PayloadPreview([], await OrderReadFailure.PreviewReasonAsync(logger, Facts.Vendor, request, exception));
        }
        return prepared.CannotSendReason is { } reason
            ? new PayloadPreview([], reason)
            : new PayloadPreview([new PreviewRequest(HttpMethod.Post.Method, prepared.Endpoint!.AbsoluteUri, prepared.Json!)]);
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken)
    {
        var settings = await settingService.LoadSettingAsync<TSettings>(storeId);
        if (apiKeyProtector.Reveal(settings.ApiKey) is not { } apiKey)
            return new(false, $"No usable {Facts.Name} API key is saved for this store (none entered, or one that cannot be read: re-enter the API key); nothing was sent.");
        if (!VendorEndpoint.TryParse(EndpointUrl(settings), out var endpoint, out var endpointError))
            return new(false, $"{Facts.Name} endpoint: {endpointError} Nothing was sent.");

        var response = await PostAsync(endpoint, apiKey, VendorConnectionProbe.EmptyTestBody, null, cancellationToken);
        return VendorConnectionProbe.Interpret(Facts.Name, endpoint, response);
    }

    private async Task<PreparedRequest> PrepareAsync(DeliveryRequest request, TSettings settings, CancellationToken cancellationToken)
    {
        if (!VendorEndpoint.TryParse(EndpointUrl(settings), out var endpoint, out var endpointError))
            return new PreparedRequest(null, null, $"{Facts.Name} endpoint: {endpointError}");
        var built = await BuildAsync(request, settings, cancellationToken);
        if (built.Payload is null)
            return new PreparedRequest(null, null, built.CannotSendReason);
        return new PreparedRequest(endpoint, VendorJson.Serialize(built.Payload), null);
    }
}

/// <summary>A vendor payload, or the reason (for the store owner) why the order cannot be sent to that vendor.</summary>
public sealed record PayloadBuildResult<TPayload>(TPayload? Payload, string? CannotSendReason)
    where TPayload : class
{
    public static PayloadBuildResult<TPayload> Ready(TPayload payload) => new(payload, null);

    public static PayloadBuildResult<TPayload> CannotSend(string reason) => new(null, reason);
}
