using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.OrderTouchpoints.Controllers;

/// <summary>
/// The configure page: vendor settings per store scope, delivery settings, connection tests and the
/// payload preview. Every button that posts the settings form saves it first, so no edit is lost, and
/// every outcome is a notification. [AuthorizeAdmin] alone would admit the Vendors role, hence the permission on every action.
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
    ILocalizationService localizationService) : BasePluginController
{
    public const string ViewPath = "~/Plugins/Misc.OrderTouchpoints/Views/Configure.cshtml";
    public const string SavedFirstResource = "Plugins.Misc.OrderTouchpoints.Configure.SavedFirst";
    public const string NotSavedResource = "Plugins.Misc.OrderTouchpoints.Configure.NotSaved";
    public const string NotSavedNotTestedResource = "Plugins.Misc.OrderTouchpoints.Configure.NotSaved.NotTested";
    public const string NotSavedNoTokenResource = "Plugins.Misc.OrderTouchpoints.Configure.NotSaved.NoNewToken";

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
        await vtMarketingFeedTokens.RegenerateAsync(storeScope);
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
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
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
    /// fields marked and an error notification saying what did not happen.
    /// </summary>
    private async Task<IActionResult?> SaveOrRedisplayAsync(ConfigurationModel model, int storeScope, string refusedResource)
    {
        await configurationForm.ValidateAsync(model, storeScope, new FormErrors(ModelState, localizationService));
        if (!ModelState.IsValid)
        {
            ForgetTypedKeys();
            await configurationForm.RedisplayAsync(model, storeScope);
            model.Preview = new PayloadPreviewModel();
            notificationService.ErrorNotification(await localizationService.GetResourceAsync(refusedResource));
            return View(ViewPath, model);
        }

        await configurationForm.SaveAsync(model, storeScope);
        await widgetActivation.EnsureActiveAsync(storeScope);
        return null;
    }

    /// <summary>Shows what each active vendor would receive for an order; sends nothing.</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Preview([Bind(Prefix = nameof(ConfigurationModel.Preview))] PayloadPreviewModel preview, CancellationToken cancellationToken)
    {
        var storeScope = await storeContext.GetActiveStoreScopeConfigurationAsync();
        var model = await configurationForm.PrepareAsync(storeScope);
        model.Preview = await payloadPreviewFactory.PrepareAsync(preview.OrderNumber, cancellationToken);
        return View(ViewPath, model);
    }

    /// <summary>A refused save shows the page again; a typed key must not come back in it, not even from model state.</summary>
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
