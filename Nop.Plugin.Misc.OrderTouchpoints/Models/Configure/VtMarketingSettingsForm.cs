using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

public class VtMarketingSettingsForm(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    TimeProvider timeProvider,
    ILocalizationService localizationService,
    IProductAttributeService productAttributeService,
    ISpecificationAttributeService specificationAttributeService)
    : VendorSettingsForm<OrderTouchpointsVtMarketingSettings, VtMarketingModel>(settingService, apiKeyProtector, timeProvider)
{
    protected override string FieldPrefix => nameof(ConfigurationModel.VtMarketing);

    protected override async Task ReadOverridesAsync(VtMarketingModel model, ScopedSettings<OrderTouchpointsVtMarketingSettings> scoped)
    {
        model.EndpointUrl_OverrideForStore = await scoped.IsOverriddenAsync(x => x.EndpointUrl);
        model.ProductIdSource_OverrideForStore = await scoped.IsOverriddenAsync(x => x.ProductIdSource);
        model.FeedColorAttribute_OverrideForStore = await scoped.IsOverriddenAsync(x => x.FeedColorAttribute);
        model.PendingOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.PendingOrderStatus);
        model.ProcessingOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.ProcessingOrderStatus);
        model.CompleteOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.CompleteOrderStatus);
        model.CancelledOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.CancelledOrderStatus);
    }

    protected override void ReadValues(VtMarketingModel model, OrderTouchpointsVtMarketingSettings settings)
    {
        model.EndpointUrl = settings.EndpointUrl;
        model.ProductIdSource = settings.ProductIdSource;
        model.FeedColorAttribute = FeedColorSource.Parse(settings.FeedColorAttribute).Format();
        model.PendingOrderStatus = settings.PendingOrderStatus;
        model.ProcessingOrderStatus = settings.ProcessingOrderStatus;
        model.CompleteOrderStatus = settings.CompleteOrderStatus;
        model.CancelledOrderStatus = settings.CancelledOrderStatus;
    }

    protected override async Task FillListsAsync(VtMarketingModel model)
    {
        model.AvailableProductIdSources =
        [
            new SelectListItem(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.VtMarketing.ProductIdSource.ProductId"), nameof(ProductIdSource.ProductId)),
            new SelectListItem(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.VtMarketing.ProductIdSource.Sku"), nameof(ProductIdSource.Sku))
        ];
        var productAttributeLabel = await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.VtMarketing.FeedColor.ProductAttribute");
        var specificationLabel = await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.VtMarketing.FeedColor.SpecificationAttribute");
        model.AvailableFeedColorAttributes =
        [
            new SelectListItem(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.VtMarketing.FeedColor.None"), string.Empty),
            .. (await productAttributeService.GetAllProductAttributesAsync()).Select(a =>
                new SelectListItem(string.Format(CultureInfo.CurrentCulture, productAttributeLabel, a.Name), new FeedColorSource(FeedColorKind.ProductAttribute, a.Id).Format())),
            .. (await specificationAttributeService.GetAllSpecificationAttributesAsync()).Select(a =>
                new SelectListItem(string.Format(CultureInfo.CurrentCulture, specificationLabel, a.Name), new FeedColorSource(FeedColorKind.SpecificationAttribute, a.Id).Format()))
        ];
    }

    protected override void ApplyFields(VtMarketingModel model, ScopedSettings<OrderTouchpointsVtMarketingSettings> target)
    {
        var s = target.Settings;
        if (target.Applies(model.EndpointUrl_OverrideForStore))
            s.EndpointUrl = model.EndpointUrl?.Trim() ?? string.Empty;
        if (target.Applies(model.ProductIdSource_OverrideForStore))
            s.ProductIdSource = model.ProductIdSource;
        if (target.Applies(model.FeedColorAttribute_OverrideForStore))
            s.FeedColorAttribute = FeedColorSource.Parse(model.FeedColorAttribute).Format();
        if (target.Applies(model.PendingOrderStatus_OverrideForStore))
            s.PendingOrderStatus = model.PendingOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.ProcessingOrderStatus_OverrideForStore))
            s.ProcessingOrderStatus = model.ProcessingOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.CompleteOrderStatus_OverrideForStore))
            s.CompleteOrderStatus = model.CompleteOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.CancelledOrderStatus_OverrideForStore))
            s.CancelledOrderStatus = model.CancelledOrderStatus?.Trim() ?? string.Empty;
    }

    protected override async Task ValidateFieldsAsync(VtMarketingModel model, ScopedSettings<OrderTouchpointsVtMarketingSettings> effective, FormErrors errors)
    {
        var s = effective.Settings;
        await errors.VendorUrlAsync(Field(nameof(model.EndpointUrl)), s.EndpointUrl);
        if (!Enum.IsDefined(s.ProductIdSource))
            await errors.AddAsync(Field(nameof(model.ProductIdSource)), "Plugins.Misc.OrderTouchpoints.Validation.Choose");
    }

    protected override async Task SaveFieldsAsync(VtMarketingModel model, ScopedSettings<OrderTouchpointsVtMarketingSettings> scoped)
    {
        await scoped.SaveAsync(x => x.EndpointUrl, model.EndpointUrl_OverrideForStore);
        await scoped.SaveAsync(x => x.ProductIdSource, model.ProductIdSource_OverrideForStore);
        await scoped.SaveAsync(x => x.FeedColorAttribute, model.FeedColorAttribute_OverrideForStore);
        await scoped.SaveAsync(x => x.PendingOrderStatus, model.PendingOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.ProcessingOrderStatus, model.ProcessingOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.CompleteOrderStatus, model.CompleteOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.CancelledOrderStatus, model.CancelledOrderStatus_OverrideForStore);
    }
}
