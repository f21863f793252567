using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

public class VoyadoSettingsForm(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    TimeProvider timeProvider,
    ILanguageService languageService)
    : VendorSettingsForm<OrderTouchpointsVoyadoSettings, VoyadoModel>(settingService, apiKeyProtector, timeProvider)
{
    /// <summary>Engage answers 429 above ~200 requests/s per key and asks integrators to stay under 50.</summary>
    public static readonly SettingRange MaxRequestsPerSecond = new(1, 50);

    protected override string FieldPrefix => nameof(ConfigurationModel.Voyado);

    protected override async Task ReadOverridesAsync(VoyadoModel model, ScopedSettings<OrderTouchpointsVoyadoSettings> scoped)
    {
        model.BaseUrl_OverrideForStore = await scoped.IsOverriddenAsync(x => x.BaseUrl);
        model.StoreExternalId_OverrideForStore = await scoped.IsOverriddenAsync(x => x.StoreExternalId);
        model.Source_OverrideForStore = await scoped.IsOverriddenAsync(x => x.Source);
        model.ContactType_OverrideForStore = await scoped.IsOverriddenAsync(x => x.ContactType);
        model.MaxRequestsPerSecond_OverrideForStore = await scoped.IsOverriddenAsync(x => x.MaxRequestsPerSecond);
        model.SendOnPaid_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendOnPaid);
        model.SendOnShipped_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendOnShipped);
        model.SendOnDelivered_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendOnDelivered);
        model.SendOnCancelled_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendOnCancelled);
        model.SendOnRefunded_OverrideForStore = await scoped.IsOverriddenAsync(x => x.SendOnRefunded);
        model.PlacedOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.PlacedOrderStatus);
        model.PaidOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.PaidOrderStatus);
        model.ShippedOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.ShippedOrderStatus);
        model.DeliveredOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.DeliveredOrderStatus);
        model.CancelledOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.CancelledOrderStatus);
        model.RefundedOrderStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.RefundedOrderStatus);
        model.PendingPaymentStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.PendingPaymentStatus);
        model.AuthorizedPaymentStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.AuthorizedPaymentStatus);
        model.PaidPaymentStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.PaidPaymentStatus);
        model.PartiallyRefundedPaymentStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.PartiallyRefundedPaymentStatus);
        model.RefundedPaymentStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.RefundedPaymentStatus);
        model.VoidedPaymentStatus_OverrideForStore = await scoped.IsOverriddenAsync(x => x.VoidedPaymentStatus);
        model.LanguageOverrides_OverrideForStore = await scoped.IsOverriddenAsync(x => x.LanguageOverrides);
    }

    protected override void ReadValues(VoyadoModel model, OrderTouchpointsVoyadoSettings settings)
    {
        model.BaseUrl = settings.BaseUrl;
        model.StoreExternalId = settings.StoreExternalId;
        model.Source = settings.Source;
        model.ContactType = settings.ContactType;
        model.MaxRequestsPerSecond = settings.MaxRequestsPerSecond;
        model.SendOnPaid = settings.SendOnPaid;
        model.SendOnShipped = settings.SendOnShipped;
        model.SendOnDelivered = settings.SendOnDelivered;
        model.SendOnCancelled = settings.SendOnCancelled;
        model.SendOnRefunded = settings.SendOnRefunded;
        model.PlacedOrderStatus = settings.PlacedOrderStatus;
        model.PaidOrderStatus = settings.PaidOrderStatus;
        model.ShippedOrderStatus = settings.ShippedOrderStatus;
        model.DeliveredOrderStatus = settings.DeliveredOrderStatus;
        model.CancelledOrderStatus = settings.CancelledOrderStatus;
        model.RefundedOrderStatus = settings.RefundedOrderStatus;
        model.PendingPaymentStatus = settings.PendingPaymentStatus;
        model.AuthorizedPaymentStatus = settings.AuthorizedPaymentStatus;
        model.PaidPaymentStatus = settings.PaidPaymentStatus;
        model.PartiallyRefundedPaymentStatus = settings.PartiallyRefundedPaymentStatus;
        model.RefundedPaymentStatus = settings.RefundedPaymentStatus;
        model.VoidedPaymentStatus = settings.VoidedPaymentStatus;
        model.Languages = VoyadoLanguageOverrides.Parse(settings.LanguageOverrides)
            .Select(o => new VoyadoLanguageModel { LanguageId = o.Key, OverrideCulture = o.Value })
            .ToList();
    }

    /// <summary>One row per language of the shop, hidden ones included: orders keep the language they were placed in.</summary>
    protected override async Task FillListsAsync(VoyadoModel model)
    {
        var overrides = model.Languages.GroupBy(l => l.LanguageId).ToDictionary(g => g.Key, g => g.First().OverrideCulture);
        model.Languages = (await languageService.GetAllLanguagesAsync(showHidden: true))
            .Select(language => new VoyadoLanguageModel
            {
                LanguageId = language.Id,
                LanguageName = language.Name,
                LanguageCulture = language.LanguageCulture,
                OverrideCulture = overrides.GetValueOrDefault(language.Id)
            })
            .ToList();
    }

    protected override void ApplyFields(VoyadoModel model, ScopedSettings<OrderTouchpointsVoyadoSettings> target)
    {
        var s = target.Settings;
        if (target.Applies(model.BaseUrl_OverrideForStore))
            s.BaseUrl = model.BaseUrl?.Trim().TrimEnd('/') is { Length: > 0 } url ? url : null;
        if (target.Applies(model.StoreExternalId_OverrideForStore))
            s.StoreExternalId = string.IsNullOrWhiteSpace(model.StoreExternalId) ? null : model.StoreExternalId.Trim();
        if (target.Applies(model.Source_OverrideForStore))
            s.Source = string.IsNullOrWhiteSpace(model.Source) ? null : model.Source.Trim();
        if (target.Applies(model.ContactType_OverrideForStore))
            s.ContactType = model.ContactType?.Trim() ?? string.Empty;
        if (target.Applies(model.MaxRequestsPerSecond_OverrideForStore))
            s.MaxRequestsPerSecond = model.MaxRequestsPerSecond;
        if (target.Applies(model.SendOnPaid_OverrideForStore))
            s.SendOnPaid = model.SendOnPaid;
        if (target.Applies(model.SendOnShipped_OverrideForStore))
            s.SendOnShipped = model.SendOnShipped;
        if (target.Applies(model.SendOnDelivered_OverrideForStore))
            s.SendOnDelivered = model.SendOnDelivered;
        if (target.Applies(model.SendOnCancelled_OverrideForStore))
            s.SendOnCancelled = model.SendOnCancelled;
        if (target.Applies(model.SendOnRefunded_OverrideForStore))
            s.SendOnRefunded = model.SendOnRefunded;
        if (target.Applies(model.PlacedOrderStatus_OverrideForStore))
            s.PlacedOrderStatus = model.PlacedOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.PaidOrderStatus_OverrideForStore))
            s.PaidOrderStatus = model.PaidOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.ShippedOrderStatus_OverrideForStore))
            s.ShippedOrderStatus = model.ShippedOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.DeliveredOrderStatus_OverrideForStore))
            s.DeliveredOrderStatus = model.DeliveredOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.CancelledOrderStatus_OverrideForStore))
            s.CancelledOrderStatus = model.CancelledOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.RefundedOrderStatus_OverrideForStore))
            s.RefundedOrderStatus = model.RefundedOrderStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.PendingPaymentStatus_OverrideForStore))
            s.PendingPaymentStatus = model.PendingPaymentStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.AuthorizedPaymentStatus_OverrideForStore))
            s.AuthorizedPaymentStatus = model.AuthorizedPaymentStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.PaidPaymentStatus_OverrideForStore))
            s.PaidPaymentStatus = model.PaidPaymentStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.PartiallyRefundedPaymentStatus_OverrideForStore))
            s.PartiallyRefundedPaymentStatus = model.PartiallyRefundedPaymentStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.RefundedPaymentStatus_OverrideForStore))
            s.RefundedPaymentStatus = model.RefundedPaymentStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.VoidedPaymentStatus_OverrideForStore))
            s.VoidedPaymentStatus = model.VoidedPaymentStatus?.Trim() ?? string.Empty;
        if (target.Applies(model.LanguageOverrides_OverrideForStore))
            s.LanguageOverrides = VoyadoLanguageOverrides.Format(
                model.Languages.Select(l => KeyValuePair.Create(l.LanguageId, l.OverrideCulture ?? string.Empty)));
    }

    protected override async Task ValidateFieldsAsync(VoyadoModel model, ScopedSettings<OrderTouchpointsVoyadoSettings> effective, FormErrors errors)
    {
        var s = effective.Settings;
        if (!string.IsNullOrEmpty(s.BaseUrl))
        {
            if (!VendorEndpoint.TryParse(s.BaseUrl, out var tenant, out _))
                await errors.AddAsync(Field(nameof(model.BaseUrl)), "Plugins.Misc.OrderTouchpoints.Validation.VendorUrl");
            // The client appends /api/v2/…; a path here would double it.
            else if (tenant.AbsolutePath != "/" || tenant.Query.Length > 0 || tenant.Fragment.Length > 0)
                await errors.AddAsync(Field(nameof(model.BaseUrl)), "Plugins.Misc.OrderTouchpoints.Validation.TenantUrl");
        }
        await errors.RangeAsync(Field(nameof(model.MaxRequestsPerSecond)), "Plugins.Misc.OrderTouchpoints.Fields.Voyado.MaxRequestsPerSecond",
            s.MaxRequestsPerSecond, MaxRequestsPerSecond);

        if (effective.Applies(model.LanguageOverrides_OverrideForStore))
        {
            for (var i = 0; i < model.Languages.Count; i++)
            {
                var culture = model.Languages[i].OverrideCulture?.Trim();
                if (!string.IsNullOrEmpty(culture) && !SettingsValidation.IsCulture(culture))
                    await errors.AddAsync(Field($"{nameof(model.Languages)}[{i}].{nameof(VoyadoLanguageModel.OverrideCulture)}"),
                        "Plugins.Misc.OrderTouchpoints.Validation.Culture");
            }
        }

        if (!s.Enabled)
            return;
        await errors.RequireAsync(Field(nameof(model.BaseUrl)), s.BaseUrl);
        await errors.RequireAsync(Field(nameof(model.StoreExternalId)), s.StoreExternalId);
        await errors.RequireAsync(Field(nameof(model.ContactType)), s.ContactType);
        await errors.RequireAsync(Field(nameof(model.PlacedOrderStatus)), s.PlacedOrderStatus);
        foreach (var (sent, status, field) in new[]
        {
            (s.SendOnPaid, s.PaidOrderStatus, nameof(model.PaidOrderStatus)),
            (s.SendOnShipped, s.ShippedOrderStatus, nameof(model.ShippedOrderStatus)),
            (s.SendOnDelivered, s.DeliveredOrderStatus, nameof(model.DeliveredOrderStatus)),
            (s.SendOnCancelled, s.CancelledOrderStatus, nameof(model.CancelledOrderStatus)),
            (s.SendOnRefunded, s.RefundedOrderStatus, nameof(model.RefundedOrderStatus))
        })
        {
            if (sent)
                await errors.RequireAsync(Field(field), status);
        }
        // Every order has one of these payment statuses, so each needs a name Engage knows.
        foreach (var (status, field) in new[]
        {
            (s.PendingPaymentStatus, nameof(model.PendingPaymentStatus)),
            (s.AuthorizedPaymentStatus, nameof(model.AuthorizedPaymentStatus)),
            (s.PaidPaymentStatus, nameof(model.PaidPaymentStatus)),
            (s.PartiallyRefundedPaymentStatus, nameof(model.PartiallyRefundedPaymentStatus)),
            (s.RefundedPaymentStatus, nameof(model.RefundedPaymentStatus)),
            (s.VoidedPaymentStatus, nameof(model.VoidedPaymentStatus))
        })
        {
            await errors.RequireAsync(Field(field), status);
        }
    }

    protected override async Task SaveFieldsAsync(VoyadoModel model, ScopedSettings<OrderTouchpointsVoyadoSettings> scoped)
    {
        await scoped.SaveAsync(x => x.BaseUrl, model.BaseUrl_OverrideForStore);
        await scoped.SaveAsync(x => x.StoreExternalId, model.StoreExternalId_OverrideForStore);
        await scoped.SaveAsync(x => x.Source, model.Source_OverrideForStore);
        await scoped.SaveAsync(x => x.ContactType, model.ContactType_OverrideForStore);
        await scoped.SaveAsync(x => x.MaxRequestsPerSecond, model.MaxRequestsPerSecond_OverrideForStore);
        await scoped.SaveAsync(x => x.SendOnPaid, model.SendOnPaid_OverrideForStore);
        await scoped.SaveAsync(x => x.SendOnShipped, model.SendOnShipped_OverrideForStore);
        await scoped.SaveAsync(x => x.SendOnDelivered, model.SendOnDelivered_OverrideForStore);
        await scoped.SaveAsync(x => x.SendOnCancelled, model.SendOnCancelled_OverrideForStore);
        await scoped.SaveAsync(x => x.SendOnRefunded, model.SendOnRefunded_OverrideForStore);
        await scoped.SaveAsync(x => x.PlacedOrderStatus, model.PlacedOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.PaidOrderStatus, model.PaidOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.ShippedOrderStatus, model.ShippedOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.DeliveredOrderStatus, model.DeliveredOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.CancelledOrderStatus, model.CancelledOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.RefundedOrderStatus, model.RefundedOrderStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.PendingPaymentStatus, model.PendingPaymentStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.AuthorizedPaymentStatus, model.AuthorizedPaymentStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.PaidPaymentStatus, model.PaidPaymentStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.PartiallyRefundedPaymentStatus, model.PartiallyRefundedPaymentStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.RefundedPaymentStatus, model.RefundedPaymentStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.VoidedPaymentStatus, model.VoidedPaymentStatus_OverrideForStore);
        await scoped.SaveAsync(x => x.LanguageOverrides, model.LanguageOverrides_OverrideForStore);
    }
}
