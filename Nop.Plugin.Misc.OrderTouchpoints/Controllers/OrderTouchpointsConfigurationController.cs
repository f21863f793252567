using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Models;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.OrderTouchpoints.Controllers;

/// <summary>
/// The configure page: vendor settings per store scope, delivery settings, connection tests and the
/// payload preview. Every button that posts the settings form saves it first, so no edit is lost, and
/// every outcome is a notification; what could not be read is said on the page instead. [AuthorizeAdmin] alone would admit the Vendors role, hence the permission on every action.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class OrderTouchpointsConfigurationController(
    ConfigurationForm configurationForm,
    PayloadPreviewFactory payloadPreviewFactory,
    VtMarketingFeedTokens vtMarketingFeedTokens,
    IEnumerable<ITouchpointChannel> channels,
    IStoreContext storeContext,
    WidgetActivation widgetActivation,
    INotificationService notificationService,
    ILocalizationService localizationService,
    ILogger logger) : BasePluginController
{
    public const string ViewPath = "~/Plugins/Misc.OrderTouchpoints/Views/Configure.cshtml";
    public const string SavedFirstResource = "Plugins.Misc.OrderTouchpoints.Configure.SavedFirst";
    public const string NotSavedResource = "Plugins.Misc.OrderTouchpoints.Configure.NotSaved";
    public const string NotSavedNotTestedResource = "Plugins.Misc.OrderTouchpoints.Configure.NotSaved.NotTested";
    public const string NotSavedNoTokenResource = "Plugins.Misc.OrderTouchpoints.Configure.NotSaved.NoNewToken";
    public const string NotSavedUnreadableResource = "Plugins.Misc.OrderTouchpoints.Configure.NotSaved.Unreadable";
    public const string SaveFailedResource = "Plugins.Misc.OrderTouchpoints.Configure.SaveFailed";

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure()
    {
        var storeScope = await storeContext.GetActiveStoreScopeConfigurationAsync();
        return View(ViewPath, await configurationForm.PrepareAsync(storeScope));
    }

    [HttpPost]
    [FormValueRequired("save")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var storeScope = await storeContext.GetActiveStoreScopeConfigurationAsync();
        if (await SaveOrRedisplayAsync(model, storeScope, NotSavedResource) is { } refused)
            return refused;
        notificationService.SuccessNotification(await localizationService.GetResourceAsync("Admin.Plugins.Saved"));
        return RedirectToAction(nameof(Configure));
    }

    /// <summary>
    /// Saves the page (the button posts the whole form, so no edit is lost), then gives the store scope new
    /// feed tokens ("all stores": every store where VTmarketing is on); the old feed URLs stop working.
    /// </summary>
    [HttpPost, ActionName("Configure")]
    [FormValueRequired(VtMarketingFeedModel.RegenerateTokenButton)]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RegenerateFeedToken(ConfigurationModel model)
    {
        var storeScope = await storeContext.GetActiveStoreScopeConfigurationAsync();
        if (await SaveOrRedisplayAsync(model, storeScope, NotSavedNoTokenResource) is { } refused)
            return refused;
        notificationService.SuccessNotification(await localizationService.GetResourceAsync(SavedFirstResource));
        try
        {
            await vtMarketingFeedTokens.RegenerateAsync(storeScope);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The changes are saved, so the page can be shown afresh. Tokens are saved store by store, so some stores may
            // already have a new one: pressing the button again gives every store of the scope a new one.
            await AdminFailureLog.WriteAsync(logger, $"new feed tokens for store scope {storeScope} could not be saved", exception);
            notificationService.ErrorNotification(await AdminFailureLog.OwnerTextAsync(localizationService, VtMarketingFeedModel.TokenNotRegeneratedResource, exception));
            return RedirectToAction(nameof(Configure));
        }
        notificationService.SuccessNotification(await localizationService.GetResourceAsync(VtMarketingFeedModel.TokenRegeneratedResource));
        return RedirectToAction(nameof(Configure));
    }

    /// <summary>
    /// Saves the page (the button posts the whole form, so no edit is lost), then tests one vendor with the
    /// settings just saved at the current store scope ("all stores" tests the shared values).
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> TestConnection(ConfigurationModel model, TouchpointVendor vendor, CancellationToken cancellationToken)
    {
        var storeScope = await storeContext.GetActiveStoreScopeConfigurationAsync();
        if (await SaveOrRedisplayAsync(model, storeScope, NotSavedNotTestedResource) is { } refused)
            return refused;
        notificationService.SuccessNotification(await localizationService.GetResourceAsync(SavedFirstResource));

        var channel = channels.FirstOrDefault(c => c.Facts.Vendor == vendor);
        if (channel is null)
        {
            notificationService.ErrorNotification(string.Format(
                await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.TestConnection.Unavailable"), vendor));
            return RedirectToAction(nameof(Configure));
        }

        ConnectionTestResult result;
        try
        {
            result = await channel.TestConnectionAsync(storeScope, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The channels answer what they expect (no key, vendor down, time-out) as a result; anything thrown may be a
            // defect, so it is recorded as well as shown.
            await AdminFailureLog.WriteAsync(logger, $"the {vendor} connection test for store scope {storeScope} failed", exception);
            result = new ConnectionTestResult(false, VendorErrorText.Clean(exception.Message));
        }
        var text = string.Format(await localizationService.GetResourceAsync(result.Success
            ? "Plugins.Misc.OrderTouchpoints.Configure.TestConnection.Succeeded"
            : "Plugins.Misc.OrderTouchpoints.Configure.TestConnection.Failed"), channel.Facts.Name, result.Message);
        if (result.Success)
            notificationService.SuccessNotification(text);
        else
            notificationService.ErrorNotification(text);
        return RedirectToAction(nameof(Configure));
    }

    /// <summary>
    /// Validates and saves the posted page; null when saved. A refused save shows the page again with the
    /// fields marked and an error notification saying what did not happen; so does a save that fails, so
    /// that what the owner entered is still there to save again.
    /// </summary>
    private async Task<IActionResult?> SaveOrRedisplayAsync(ConfigurationModel model, int storeScope, string refusedResource)
    {
        try
        {
            await configurationForm.ValidateAsync(model, storeScope, new FormErrors(ModelState, localizationService));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Checking reads the stored settings (what a store inherits): nothing was saved yet.
            await AdminFailureLog.WriteAsync(logger, $"the settings of store scope {storeScope} could not be read to check a save", exception);
            return await RedisplayAsync(model, storeScope, await AdminFailureLog.OwnerTextAsync(localizationService, NotSavedUnreadableResource, exception));
        }
        if (!ModelState.IsValid)
            return await RedisplayAsync(model, storeScope, await localizationService.GetResourceAsync(refusedResource));

        try
        {
            await configurationForm.SaveAsync(model, storeScope);
            await widgetActivation.EnsureActiveAsync(storeScope);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The cards are saved one after another: part of the changes may be stored. Saving the same page again
            // completes them, so the page comes back as posted.
            await AdminFailureLog.WriteAsync(logger, $"the settings of store scope {storeScope} could not be saved", exception);
            return await RedisplayAsync(model, storeScope, await AdminFailureLog.OwnerTextAsync(localizationService, SaveFailedResource, exception));
        }
        return null;
    }

    private async Task<IActionResult> RedisplayAsync(ConfigurationModel model, int storeScope, string error)
    {
        ForgetTypedKeys();
        await configurationForm.RedisplayAsync(model, storeScope);
        model.Preview = new PayloadPreviewModel();
        notificationService.ErrorNotification(error);
        return View(ViewPath, model);
    }

    /// <summary>
    /// Shows what each active vendor would receive for an order; sends nothing. The settings form and the order
    /// lookup each say on the page what they could not read, so the preview never takes the page down.
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Preview([Bind(Prefix = nameof(ConfigurationModel.Preview))] PayloadPreviewModel preview, CancellationToken cancellationToken)
    {
        var storeScope = await storeContext.GetActiveStoreScopeConfigurationAsync();
        var model = await configurationForm.PrepareAsync(storeScope);
        model.Preview = await payloadPreviewFactory.PrepareAsync(preview.OrderNumber, cancellationToken);
        return View(ViewPath, model);
    }

    /// <summary>A page shown again after a post must not bring a typed key back, not even from model state.</summary>
    private void ForgetTypedKeys()
    {
        foreach (var (key, entry) in ModelState)
        {
            if (key.EndsWith("." + nameof(VendorModel.ApiKey), StringComparison.Ordinal))
            {
                entry.RawValue = null;
                entry.AttemptedValue = null;
            }
        }
    }
}
