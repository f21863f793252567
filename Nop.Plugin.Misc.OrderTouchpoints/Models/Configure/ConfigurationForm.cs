using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// The whole configure page: the three vendor cards (per store scope) with VTmarketing's feed section,
/// the delivery and alerts cards (global) and the vendors' delivery health.
/// </summary>
public class ConfigurationForm(
    TransactionaleSettingsForm transactionale,
    VoyadoSettingsForm voyado,
    VtMarketingSettingsForm vtMarketing,
    VtMarketingFeedModelFactory vtMarketingFeed,
    DeliverySettingsForm delivery,
    AlertSettingsForm alerts,
    VendorHealthModelFactory health,
    INotificationService notificationService,
    ILocalizationService localizationService,
    ILogger logger)
{
    public const string SettingsUnavailableResource = "Plugins.Misc.OrderTouchpoints.Configure.SettingsUnavailable";
    public const string RedisplayIncompleteResource = "Plugins.Misc.OrderTouchpoints.Configure.RedisplayIncomplete";

    /// <summary>The page at the scope; without the settings form (<see cref="ConfigurationModel.SettingsUnavailable"/>) when they cannot be read.</summary>
    public async Task<ConfigurationModel> PrepareAsync(int storeScope)
    {
        ConfigurationModel model;
        try
        {
            model = new ConfigurationModel
            {
                Transactionale = await transactionale.PrepareAsync(storeScope),
                Voyado = await voyado.PrepareAsync(storeScope),
                VtMarketing = await vtMarketing.PrepareAsync(storeScope),
                VtMarketingFeed = await vtMarketingFeed.PrepareAsync(storeScope),
                Delivery = await delivery.PrepareAsync(),
                Alerts = await alerts.PrepareAsync()
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // All or nothing: the page saves every card at once, so a card left out would be saved with defaults.
            // The health and the payload preview below do not depend on the form and still show.
            await AdminFailureLog.WriteAsync(logger, $"the settings of store scope {storeScope} could not be read for the configure page", exception);
            model = new ConfigurationModel
            {
                SettingsUnavailable = await AdminFailureLog.OwnerTextAsync(localizationService, SettingsUnavailableResource, exception)
            };
        }
        model.ActiveStoreScopeConfiguration = storeScope;
        model.Health = await PrepareHealthAsync(storeScope);
        return model;
    }

    public async Task ValidateAsync(ConfigurationModel model, int storeScope, FormErrors errors)
    {
        await transactionale.ValidateAsync(model.Transactionale, storeScope, errors);
        await voyado.ValidateAsync(model.Voyado, storeScope, errors);
        await vtMarketing.ValidateAsync(model.VtMarketing, storeScope, errors);
        await vtMarketingFeed.ValidateAsync(model.VtMarketingFeed, storeScope, errors);
        await delivery.ValidateAsync(model.Delivery, errors);
        await alerts.ValidateAsync(model.Alerts, errors);
    }

    /// <summary>
    /// The posted page again after a refused or failed save, with lists and key status but no key. When that cannot be
    /// prepared, the posted values stay as they are, each list offers at least the posted choice, and the owner is told.
    /// </summary>
    public async Task RedisplayAsync(ConfigurationModel model, int storeScope)
    {
        model.ActiveStoreScopeConfiguration = storeScope;
        try
        {
            await transactionale.RedisplayAsync(model.Transactionale, storeScope);
            await voyado.RedisplayAsync(model.Voyado, storeScope);
            await vtMarketing.RedisplayAsync(model.VtMarketing, storeScope);
            var posted = model.VtMarketingFeed;
            model.VtMarketingFeed = await vtMarketingFeed.PrepareAsync(storeScope) with
            {
                FeedCacheMinutes = posted.FeedCacheMinutes,
                FeedCacheMinutes_OverrideForStore = posted.FeedCacheMinutes_OverrideForStore,
                TrackingScript = posted.TrackingScript,
                TrackingScript_OverrideForStore = posted.TrackingScript_OverrideForStore,
                TrackingScriptPlacementId = posted.TrackingScriptPlacementId,
                TrackingScriptPlacementId_OverrideForStore = posted.TrackingScriptPlacementId_OverrideForStore
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The fields still show what the owner typed (model state keeps it); a list left empty would post nothing
            // for its field, so saving the page again would silently change that choice.
            await AdminFailureLog.WriteAsync(logger, $"the configure page of store scope {storeScope} could not be prepared again after a post", exception);
            notificationService.ErrorNotification(await AdminFailureLog.OwnerTextAsync(localizationService, RedisplayIncompleteResource, exception));
            PostedChoices.Keep(model);
        }
        model.Health = await PrepareHealthAsync(storeScope);
    }

    /// <summary>The vendors' health, or none (with a notification) when its report cannot be read.</summary>
    private async Task<IList<VendorHealthModel>> PrepareHealthAsync(int storeScope)
    {
        try
        {
            return await health.PrepareAsync(storeScope);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The health card only informs; the settings above it are how the owner acts (switching a failing
            // vendor off, among others), so a report that times out must not take the page down with it.
            await AdminFailureLog.WriteAsync(logger, $"the vendors' delivery health of store scope {storeScope} could not be loaded", exception);
            notificationService.ErrorNotification(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Unavailable"));
            return [];
        }
    }

    /// <summary>
    /// Saves everything and clears the settings cache once (twice when stores got new feed tokens). The feed
    /// section goes last: it clears the cache so that it sees which stores the VTmarketing card just enabled,
    /// and gives them their feed token.
    /// </summary>
    public async Task SaveAsync(ConfigurationModel model, int storeScope)
    {
        await transactionale.SaveAsync(model.Transactionale, storeScope);
        await voyado.SaveAsync(model.Voyado, storeScope);
        await vtMarketing.SaveAsync(model.VtMarketing, storeScope);
        await delivery.SaveAsync(model.Delivery);
        await alerts.SaveAsync(model.Alerts);
        await vtMarketingFeed.SaveAsync(model.VtMarketingFeed, storeScope);
    }
}
