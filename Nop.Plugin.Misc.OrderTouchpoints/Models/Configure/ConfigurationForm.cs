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
    public async Task<ConfigurationModel> PrepareAsync(int storeScope) => new()
    {
        ActiveStoreScopeConfiguration = storeScope,
        Transactionale = await transactionale.PrepareAsync(storeScope),
        Voyado = await voyado.PrepareAsync(storeScope),
        VtMarketing = await vtMarketing.PrepareAsync(storeScope),
        VtMarketingFeed = await vtMarketingFeed.PrepareAsync(storeScope),
        Delivery = await delivery.PrepareAsync(),
        Alerts = await alerts.PrepareAsync(),
        Health = await PrepareHealthAsync(storeScope)
    };

    public async Task ValidateAsync(ConfigurationModel model, int storeScope, FormErrors errors)
    {
        await transactionale.ValidateAsync(model.Transactionale, storeScope, errors);
        await voyado.ValidateAsync(model.Voyado, storeScope, errors);
        await vtMarketing.ValidateAsync(model.VtMarketing, storeScope, errors);
        await vtMarketingFeed.ValidateAsync(model.VtMarketingFeed, storeScope, errors);
        await delivery.ValidateAsync(model.Delivery, errors);
        await alerts.ValidateAsync(model.Alerts, errors);
    }

    /// <summary>The posted page again after a refused save, with lists and key status but no key.</summary>
    public async Task RedisplayAsync(ConfigurationModel model, int storeScope)
    {
        model.ActiveStoreScopeConfiguration = storeScope;
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
            await logger.ErrorAsync("Order touchpoints: the vendors' delivery health could not be loaded.", exception);
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
