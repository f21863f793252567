using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Voyado Engage as the delivery pipeline sees it: resolve the contact, then post the whole order with
/// the event's status. Engage does not deduplicate orders, so within one attempt the order is posted once;
/// the only second post is after Engage refused a saved contact id it no longer knows (nothing was sent then).
/// Across attempts, an order post whose answer was lost is not repeated (<see cref="VoyadoClient.OrderPostRepeat"/>);
/// a lost lookup or contact creation is, as repeating those cannot email anyone. A post whose state Engage already
/// has for the order is not sent at all (<see cref="VoyadoOrderState"/>).
/// </summary>
public class VoyadoTouchpointChannel(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    OrderDataLoader orderDataLoader,
    VoyadoContactPayloadBuilder contactPayloadBuilder,
    VoyadoOrderPayloadBuilder orderPayloadBuilder,
    VoyadoContactResolver contactResolver,
    VoyadoClient client,
    ILocalizationService localizationService,
    IDeliveryOutbox outbox) : ITouchpointChannel
{
    /// <summary>An address no contact can have (<c>.invalid</c> is reserved), so the connection test touches nobody.</summary>
    public const string ConnectionTestEmail = "orderTouchpoints-connection-test@invalid.invalid";

    /// <summary>The matchKey a preview shows while the contact id is known only after the lookup.</summary>
    public const string PendingContactId = "{contact id returned by the lookup}";

    /// <summary>
    /// A crashed delivery counts as its order post: the lookup and contact creation repeat harmlessly, but the node may have
    /// died during the post. Engage stores no order, only the messages its automations sent the contact.
    /// </summary>
    public static readonly VendorFacts About = new(TouchpointVendor.VoyadoEngage, "Voyado Engage", VoyadoClient.OrderPostRepeat,
        "Engage does not drop a repeated order post and would email the customer twice",
        (orderId, touchpointEvent) => $"the message for order id {orderId} ({touchpointEvent}) reached the order's contact");

    public VendorFacts Facts => About;

    public async Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent)
    {
        var settings = await LoadSettingsAsync(storeId);
        // The stored key is only checked for presence here (no decryption on the checkout path); one that
        // cannot be decrypted makes the delivery CannotSend with that reason.
        return settings.Enabled
               && !string.IsNullOrWhiteSpace(settings.ApiKey)
               && VendorEndpoint.TryParse(settings.BaseUrl, out _, out _)
               && !string.IsNullOrWhiteSpace(settings.StoreExternalId)
               && VoyadoStatuses.IsWanted(settings, touchpointEvent);
    }

    public Task<DateTime?> GetEnabledOnUtcAsync(int storeId) => settingService.EnabledOnUtcAsync<OrderTouchpointsVoyadoSettings>(storeId);

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        var settings = await LoadSettingsAsync(request.StoreId);
        if (!settings.Enabled)
            return DeliveryOutcome.CannotSend("Voyado Engage is not enabled for this store.");
        if (!VoyadoConnection.TryCreate(settings, apiKeyProtector.Reveal(settings.ApiKey), out var connection, out var problem))
            return DeliveryOutcome.CannotSend(problem);
        var (delivery, cannotSend) = await PrepareAsync(request, settings);
        if (delivery is null)
            return DeliveryOutcome.CannotSend(cannotSend);
        // Before any request: a post that would show Engage the state it already has would fire its automations twice.
        var state = VoyadoOrderState.Of(delivery.Order, delivery.Data, request);
        var lastShown = await outbox.GetLastDeliveredStateAsync(request.StoreId, request.OrderId, About.Vendor, cancellationToken);
        if (VoyadoOrderState.Repeats(lastShown, state) is { } repeat)
            return repeat;
        try
        {
            return await PostAsync(connection, delivery, request, state, cancellationToken);
        }
        catch (SendInterruptedException interrupted) when (interrupted.Repeat == VoyadoClient.OrderPostRepeat)
        {
            // The send time limit cut the order post while it was out: Engage may show its state, as after a lost answer.
            interrupted.PossiblyShownState = state;
            throw;
        }
    }

    private async Task<DeliveryOutcome> PostAsync(VoyadoConnection connection, VoyadoDelivery delivery, DeliveryRequest request, string state,
        CancellationToken cancellationToken)
    {
        var customer = delivery.Data.Customer;
        var resolution = await contactResolver.ResolveAsync(connection, customer, request.StoreId, delivery.Contact, ignoreSavedId: false, cancellationToken);
        if (resolution.Failure is { } failure)
            return failure;
        var response = await client.PostOrderAsync(connection, delivery.Order.ForContact(resolution.ContactId!), request, cancellationToken);
        if (!VoyadoResponseReader.IsUnknownContact(response))
            return OrderOutcome(response, state);

        await contactResolver.ForgetAsync(customer, request.StoreId);
        if (!resolution.FromSavedId)
            return OrderOutcome(response, state);

        // The saved id is stale (contact merged or deleted in Engage): Engage accepted nothing, so resolve once more and post once more.
        resolution = await contactResolver.ResolveAsync(connection, customer, request.StoreId, delivery.Contact, ignoreSavedId: true, cancellationToken);
        if (resolution.Failure is { } retryFailure)
            return retryFailure;
        response = await client.PostOrderAsync(connection, delivery.Order.ForContact(resolution.ContactId!), request, cancellationToken);
        if (VoyadoResponseReader.IsUnknownContact(response))
            await contactResolver.ForgetAsync(customer, request.StoreId);
        return OrderOutcome(response, state);
    }

    public async Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        var settings = await LoadSettingsAsync(request.StoreId);
        if (!VendorEndpoint.TryParse(settings.BaseUrl, out var baseUrl, out var urlError))
            return new PayloadPreview([], $"Voyado Engage tenant URL: {urlError}");
        var (delivery, cannotSend) = await PrepareAsync(request, settings);
        if (delivery is null)
            return new PayloadPreview([], cannotSend);

        var ordersUrl = VoyadoConnection.OrdersUrlFor(baseUrl).AbsoluteUri;
        if (await contactResolver.GetSavedIdAsync(delivery.Data.Customer, request.StoreId, delivery.Contact.Email) is { } savedId)
            return new PayloadPreview([new PreviewRequest("POST", ordersUrl, VendorJson.Serialize(delivery.Order.ForContact(savedId)))]);

        // No saved id: the lookup runs first; the contact is created only when the lookup answers 404.
        return new PayloadPreview(
        [
            new PreviewRequest("GET", VoyadoConnection.LookupUrlFor(baseUrl, delivery.Contact.Email, settings.ContactType).AbsoluteUri, string.Empty),
            new PreviewRequest("POST", VoyadoConnection.ContactsUrlFor(baseUrl).AbsoluteUri, VendorJson.Serialize(delivery.Contact)),
            new PreviewRequest("POST", ordersUrl, VendorJson.Serialize(delivery.Order))
        ]);
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken)
    {
        var settings = await LoadSettingsAsync(storeId);
        if (!VoyadoConnection.TryCreate(settings, apiKeyProtector.Reveal(settings.ApiKey), out var connection, out var problem))
            return new ConnectionTestResult(false, await TextAsync("Plugins.Misc.OrderTouchpoints.Voyado.TestConnection.NotConfigured", problem));

        var response = await client.LookUpContactIdAsync(connection, ConnectionTestEmail, cancellationToken, connectionTest: true);
        if (response.StatusCode == 404 || response.IsSuccess)
            return new ConnectionTestResult(true, await TextAsync("Plugins.Misc.OrderTouchpoints.Voyado.TestConnection.Success", connection.BaseUrl.Host));
        if (response.StatusCode is 401 or 403)
            return new ConnectionTestResult(false, await TextAsync("Plugins.Misc.OrderTouchpoints.Voyado.TestConnection.BadKey", response.StatusCode));
        return new ConnectionTestResult(false, await TextAsync("Plugins.Misc.OrderTouchpoints.Voyado.TestConnection.Failed", response.Outcome.Reason));
    }

    /// <summary>Everything that can be checked and built before talking to Engage, or why the delivery cannot be sent.</summary>
    private async Task<(VoyadoDelivery? Delivery, string Problem)> PrepareAsync(DeliveryRequest request, OrderTouchpointsVoyadoSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.StoreExternalId))
            return (null, "The store's Engage store id is not set in the Voyado Engage settings.");
        if (VoyadoStatuses.OrderStatusFor(settings, request.Event).Length == 0)
            return (null, $"No Engage order status is set for the event {request.Event} in the Voyado Engage settings.");

        var data = await orderDataLoader.LoadAsync(request.OrderId);
        if (data is null)
            return (null, OrderCannotSendReasons.OrderMissing(request.OrderId));
        if (data.Email is not { } email)
            return (null, OrderCannotSendReasons.NoEmail(data.Order.CustomOrderNumber));

        var order = await orderPayloadBuilder.BuildAsync(data, settings, request, PendingContactId);
        if (order.PaymentStatus.Length == 0)
            return (null, $"No Engage payment status is set for the payment status {data.Order.PaymentStatus} in the Voyado Engage settings.");
        if (order.Currency.Length == 0)
            return (null, $"Order {order.OrderNumber} has no customer currency code.");
        if (order.Items.Count == 0)
            return (null, $"Order {order.OrderNumber} has no items; Engage requires at least one.");
        // Engage refuses an order without one; said here, before any request, rather than as Engage's 400.
        if (string.IsNullOrEmpty(order.Language))
            return (null, $"Order {order.OrderNumber} has no language for Engage: its language and its store's languages are gone or have no culture; set one in the Voyado Engage language settings.");
        return (new VoyadoDelivery(data, contactPayloadBuilder.Build(data, email, settings), order), string.Empty);
    }

    // A lost answer's reason already says what to check in Engage and reads the same as after a crash. It keeps the post's
    // state as a delivery does: Engage may have mailed it, so a later post that would show it again is held for the owner.
    private static DeliveryOutcome OrderOutcome(VendorResponse response, string state) =>
        response.IsSuccess || response.AnswerLost
            ? response.Outcome with { DeliveredState = state }
            : response.Outcome with { Reason = DeliveryOutcome.Trim($"Order: {response.Outcome.Reason}") };

    private Task<OrderTouchpointsVoyadoSettings> LoadSettingsAsync(int storeId) =>
        settingService.LoadSettingAsync<OrderTouchpointsVoyadoSettings>(storeId);

    private async Task<string> TextAsync(string resourceKey, object? argument) =>
        string.Format(CultureInfo.CurrentCulture, await localizationService.GetResourceAsync(resourceKey), argument);

    private sealed record VoyadoDelivery(OrderData Data, VoyadoContactPayload Contact, VoyadoOrderPayload Order);
}
