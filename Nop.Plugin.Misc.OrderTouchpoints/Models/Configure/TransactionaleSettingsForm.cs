using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Gdpr;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

public class TransactionaleSettingsForm(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    TimeProvider timeProvider,
    ICountryService countryService,
    IGdprService gdprService,
    ILocalizationService localizationService)
    : VendorSettingsForm<OrderTouchpointsTransactionaleSettings, TransactionaleModel>(settingService, apiKeyProtector, timeProvider)
{
    protected override string FieldPrefix => nameof(ConfigurationModel.Transactionale);

    protected override async Task ReadOverridesAsync(TransactionaleModel model, ScopedSettings<OrderTouchpointsTransactionaleSettings> scoped)
    {
        model.EndpointUrl_OverrideForStore = await scoped.IsOverriddenAsync(x => x.EndpointUrl);
        model.ShopCountryCode_OverrideForStore = await scoped.IsOverriddenAsync(x => x.ShopCountryCode);
        model.SendLastName_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendLastName);
        model.SendPhone_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendPhone);
        model.SendTransactionValue_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendTransactionValue);
        model.RequiredGdprConsentId_OverrideForStore = await scoped.IsOverriddenAsync(x => x.RequiredGdprConsentId);
        model.SendWithoutConsentCheck_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendWithoutConsentCheck);
    }

    protected override void ReadValues(TransactionaleModel model, OrderTouchpointsTransactionaleSettings settings)
    {
        model.EndpointUrl = settings.EndpointUrl;
        model.ShopCountryCode = settings.ShopCountryCode;
        model.SendLastName = settings.SendLastName;
        model.SendPhone = settings.SendPhone;
        model.SendTransactionValue = settings.SendTransactionValue;
        model.RequiredGdprConsentId = settings.RequiredGdprConsentId;
        model.SendWithoutConsentCheck = settings.SendWithoutConsentCheck;
    }

    protected override async Task FillListsAsync(TransactionaleModel model)
    {
        model.AvailableCountries =
        [
            new SelectListItem(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.Transactionale.SelectCountry"), string.Empty),
            .. (await countryService.GetAllCountriesAsync(showHidden: true))
                .Where(c => !string.IsNullOrEmpty(c.TwoLetterIsoCode))
                .Select(c => new SelectListItem($"{c.Name} ({c.TwoLetterIsoCode.ToUpperInvariant()})", c.TwoLetterIsoCode.ToUpperInvariant()))
        ];
        // A code whose country was deleted since must stay visible, or saving would silently drop it.
        if (!string.IsNullOrEmpty(model.ShopCountryCode) && model.AvailableCountries.All(i => i.Value != model.ShopCountryCode))
            model.AvailableCountries.Add(new SelectListItem(model.ShopCountryCode, model.ShopCountryCode));

        var consents = await gdprService.GetAllConsentsAsync();
        model.AvailableConsents =
        [
            new SelectListItem(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.Transactionale.NoConsentRequired"), "0"),
            .. consents.Select(c => new SelectListItem(c.Message, c.Id.ToString()))
        ];

        var mode = TransactionaleConsentRule.ModeOf(new OrderTouchpointsTransactionaleSettings
        {
            RequiredGdprConsentId = model.RequiredGdprConsentId,
            SendWithoutConsentCheck = model.SendWithoutConsentCheck
        });
        model.ConsentRuleMissing = mode == TransactionaleConsentMode.NotChosen;
        model.ConsentRuleText = mode switch
        {
            TransactionaleConsentMode.ConsentRequired => string.Format(CultureInfo.CurrentCulture,
                await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.Transactionale.ConsentRule.Required"),
                consents.FirstOrDefault(c => c.Id == model.RequiredGdprConsentId)?.Message ?? $"#{model.RequiredGdprConsentId}"),
            TransactionaleConsentMode.WithoutConsentCheck =>
                await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.Transactionale.ConsentRule.WithoutCheck"),
            _ => await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Configure.Transactionale.ConsentRule.NotChosen")
        };
    }

    protected override void ApplyFields(TransactionaleModel model, ScopedSettings<OrderTouchpointsTransactionaleSettings> target)
    {
        var s = target.Settings;
        if (target.Applies(model.EndpointUrl_OverrideForStore))
            s.EndpointUrl = model.EndpointUrl?.Trim() ?? string.Empty;
        if (target.Applies(model.ShopCountryCode_OverrideForStore))
            s.ShopCountryCode = string.IsNullOrWhiteSpace(model.ShopCountryCode) ? null : model.ShopCountryCode.Trim().ToUpperInvariant();
        if (target.Applies(model.SendLastName_OverrideForStore))
            s.SendLastName = model.SendLastName;
        if (target.Applies(model.SendPhone_OverrideForStore))
            s.SendPhone = model.SendPhone;
        if (target.Applies(model.SendTransactionValue_OverrideForStore))
            s.SendTransactionValue = model.SendTransactionValue;
        if (target.Applies(model.RequiredGdprConsentId_OverrideForStore))
            s.RequiredGdprConsentId = model.RequiredGdprConsentId;
        if (target.Applies(model.SendWithoutConsentCheck_OverrideForStore))
            s.SendWithoutConsentCheck = model.SendWithoutConsentCheck;
    }

    protected override async Task ValidateFieldsAsync(TransactionaleModel model, ScopedSettings<OrderTouchpointsTransactionaleSettings> effective, FormErrors errors)
    {
        var s = effective.Settings;
        await errors.VendorUrlAsync(Field(nameof(model.EndpointUrl)), s.EndpointUrl);
        if (s.ShopCountryCode is not null && !SettingsValidation.IsCountryCode(s.ShopCountryCode))
            await errors.AddAsync(Field(nameof(model.ShopCountryCode)), "Plugins.Misc.OrderTouchpoints.Validation.CountryCode");
        if (s.Enabled)
            await errors.RequireAsync(Field(nameof(model.ShopCountryCode)), s.ShopCountryCode);
        if (s.Enabled && TransactionaleConsentRule.ModeOf(s) == TransactionaleConsentMode.NotChosen)
            await errors.AddAsync(Field(nameof(model.RequiredGdprConsentId)), "Plugins.Misc.OrderTouchpoints.Validation.Transactionale.ConsentRule");
        // Both chosen would leave the owner unsure which applies (the consent would): ask for one.
        if (s.RequiredGdprConsentId > 0 && s.SendWithoutConsentCheck)
            await errors.AddAsync(Field(nameof(model.SendWithoutConsentCheck)), "Plugins.Misc.OrderTouchpoints.Validation.Transactionale.ConsentRuleBoth");
    }

    protected override async Task SaveFieldsAsync(TransactionaleModel model, ScopedSettings<OrderTouchpointsTransactionaleSettings> scoped)
    {
        await scoped.SaveAsync(x => x.EndpointUrl, model.EndpointUrl_OverrideForStore);
        await scoped.SaveAsync(x => x.ShopCountryCode, model.ShopCountryCode_OverrideForStore);
        await scoped.SaveAsync(x => x.SendLastName, model.SendLastName_OverrideForStore);
        await scoped.SaveAsync(x => x.SendPhone, model.SendPhone_OverrideForStore);
        await scoped.SaveAsync(x => x.SendTransactionValue, model.SendTransactionValue_OverrideForStore);
        await scoped.SaveAsync(x => x.RequiredGdprConsentId, model.RequiredGdprConsentId_OverrideForStore);
        await scoped.SaveAsync(x => x.SendWithoutConsentCheck, model.SendWithoutConsentCheck_OverrideForStore);
    }
}
