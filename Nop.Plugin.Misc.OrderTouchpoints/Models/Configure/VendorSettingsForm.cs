using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// Reads, validates and saves one vendor card for the admin's store scope. This base handles what every
/// vendor has — enabled (with <see cref="VendorSettings.EnabledOnUtc"/>), the encrypted API key — and
/// leaves the vendor's own fields to the subclass.
/// </summary>
public abstract class VendorSettingsForm<TSettings, TModel>(
    ISettingService settingService,
    ApiKeyProtector apiKeyProtector,
    TimeProvider timeProvider)
    where TSettings : VendorSettings, new()
    where TModel : VendorModel, new()
{
    /// <summary>Shorter keys could be guessed from their ending, so only longer ones show it.</summary>
    private const int MinKeyLengthToShowEnding = 12;
    private const int ShownKeyEnding = 4;

    /// <summary>The model's property name on the configuration model: the prefix of its input names.</summary>
    protected abstract string FieldPrefix { get; }

    protected string Field(string property) => $"{FieldPrefix}.{property}";

    public async Task<TModel> PrepareAsync(int storeScope)
    {
        var scoped = await LoadAsync(storeScope);
        var model = new TModel
        {
            Enabled_OverrideForStore = await scoped.IsOverriddenAsync(s => s.Enabled),
            ApiKey_OverrideForStore = await scoped.IsOverriddenAsync(s => s.ApiKey)
        };
        await ReadOverridesAsync(model, scoped);
        await ShowAsync(model, scoped);
        return model;
    }

    /// <summary>
    /// After a refused save: the posted values of what applies at this scope (normalized as they would be
    /// saved), the inherited values of the rest, the posted override boxes — and still never the key.
    /// </summary>
    public async Task RedisplayAsync(TModel posted, int storeScope) =>
        await ShowAsync(posted, await AfterSaveAsync(posted, storeScope));

    private async Task ShowAsync(TModel model, ScopedSettings<TSettings> scoped)
    {
        var settings = scoped.Settings;
        model.ActiveStoreScopeConfiguration = scoped.StoreScope;
        model.Enabled = settings.Enabled;
        model.ApiKey = null;
        var stored = (await CurrentAsync(scoped.StoreScope)).ApiKey;
        var key = apiKeyProtector.Reveal(stored);
        model.ApiKeyState = key is not null ? ApiKeyState.Set : string.IsNullOrEmpty(stored) ? ApiKeyState.None : ApiKeyState.Unreadable;
        model.ApiKeyEnding = key is { Length: >= MinKeyLengthToShowEnding } ? key[^ShownKeyEnding..] : null;
        ReadValues(model, settings);
        await FillListsAsync(model);
    }

    /// <summary>
    /// Validates the settings as they would be in effect after saving: what applies at this scope comes
    /// from the form, the rest is inherited from "all stores".
    /// </summary>
    public async Task ValidateAsync(TModel model, int storeScope, FormErrors errors)
    {
        if (TypedKeyApplies(model, storeScope) && FirstCharacterNotAllowedInKey(model.ApiKey!.Trim()) is { } position)
            await errors.AddAsync(Field(nameof(model.ApiKey)), "Plugins.Misc.OrderTouchpoints.Validation.ApiKeyCharacters", position + 1);
        var effective = await AfterSaveAsync(model, storeScope);
        if (effective.Settings.Enabled && string.IsNullOrEmpty(effective.Settings.ApiKey))
            await errors.AddAsync(Field(nameof(model.ApiKey)), "Plugins.Misc.OrderTouchpoints.Validation.ApiKeyRequired");
        await ValidateFieldsAsync(model, effective, errors);
    }

    private static bool TypedKeyApplies(TModel model, int storeScope) =>
        (storeScope == 0 || model.ApiKey_OverrideForStore) && !model.ClearApiKey && !string.IsNullOrWhiteSpace(model.ApiKey);

    /// <summary>
    /// The index of the first character outside visible ASCII (0x21-0x7E), or null. Every vendor's keys are
    /// visible ASCII; anything else is a paste accident (a zero-width space, a space inside, a typographic
    /// dash) that the vendor would refuse as a wrong key, or that HttpClient refuses to put in a header.
    /// Trim() keeps zero-width characters, which are not white space.
    /// </summary>
    private static int? FirstCharacterNotAllowedInKey(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] is < '!' or > '~')
                return i;
        }
        return null;
    }

    public async Task SaveAsync(TModel model, int storeScope)
    {
        var scoped = await LoadAsync(storeScope);
        var keyOverride = await KeyOverrideAsync(model, scoped);
        var before = await CurrentAsync(storeScope);
        before.EnabledOnUtc = await settingService.EnabledOnUtcAsync<TSettings>(storeScope);
        Apply(model, scoped, before, keyOverride);
        // A store that stops overriding "enabled" while "all stores" is on keeps a switch-on time of its own (see
        // VendorSwitchOn): now when it was off until this save, so reconciliation does not queue what it took meanwhile.
        var followsAllStoresOn = storeScope > 0 && !model.Enabled_OverrideForStore && (await CurrentAsync(0)).Enabled;
        if (followsAllStoresOn)
            scoped.Settings.EnabledOnUtc = before.Enabled ? before.EnabledOnUtc : timeProvider.GetUtcNow().UtcDateTime;
        await scoped.SaveAsync(s => s.Enabled, model.Enabled_OverrideForStore);
        await scoped.SaveAsync(s => s.EnabledOnUtc, model.Enabled_OverrideForStore || followsAllStoresOn);
        await scoped.SaveAsync(s => s.ApiKey, keyOverride);
        await SaveFieldsAsync(model, scoped);
    }

    /// <summary>
    /// Whether the store gets a key of its own. The page never shows a key, so a ticked box with the field left blank
    /// keeps what the store has; a store that has none would otherwise get a silent copy of the all-stores key, which
    /// then no longer follows a new all-stores key while the page says the store overrides it.
    /// </summary>
    private async Task<bool> KeyOverrideAsync(TModel model, ScopedSettings<TSettings> scoped) =>
        model.ApiKey_OverrideForStore
        && (model.ClearApiKey || !string.IsNullOrWhiteSpace(model.ApiKey) || await scoped.IsOverriddenAsync(s => s.ApiKey));

    /// <param name="stored">The settings currently in effect at this scope: the key kept when the field is left blank, and whether the vendor was already on.</param>
    /// <param name="keyOverride">Whether the key applies at this scope (<see cref="KeyOverrideAsync"/>).</param>
    private void Apply(TModel model, ScopedSettings<TSettings> target, TSettings stored, bool keyOverride)
    {
        var settings = target.Settings;
        if (target.Applies(model.Enabled_OverrideForStore))
        {
            var switchedOn = model.Enabled && !stored.Enabled;
            settings.EnabledOnUtc = switchedOn ? timeProvider.GetUtcNow().UtcDateTime : stored.EnabledOnUtc;
            settings.Enabled = model.Enabled;
        }
        if (target.Applies(keyOverride))
        {
            settings.ApiKey = model.ClearApiKey ? null
                : string.IsNullOrWhiteSpace(model.ApiKey) ? stored.ApiKey
                : apiKeyProtector.Protect(model.ApiKey);
        }
        ApplyFields(model, target);
    }

    /// <summary>
    /// The settings that would be in effect at the scope once the form is saved: at a store, whatever is not
    /// overridden comes from "all stores" (saving deletes the store's own value).
    /// </summary>
    private async Task<ScopedSettings<TSettings>> AfterSaveAsync(TModel model, int storeScope)
    {
        var effective = new ScopedSettings<TSettings>(settingService, await CurrentAsync(0), storeScope);
        Apply(model, effective, await CurrentAsync(storeScope), await KeyOverrideAsync(model, effective));
        return effective;
    }

    private async Task<ScopedSettings<TSettings>> LoadAsync(int storeScope) =>
        new(settingService, await CurrentAsync(storeScope), storeScope);

    /// <summary>A fresh copy of the settings in effect at the scope (a store's values fall back to "all stores").</summary>
    private Task<TSettings> CurrentAsync(int storeScope) => settingService.LoadSettingAsync<TSettings>(storeScope);

    /// <summary>Which of the vendor's own fields the store overrides.</summary>
    protected abstract Task ReadOverridesAsync(TModel model, ScopedSettings<TSettings> scoped);

    /// <summary>Copies the vendor's own field values from settings into the model.</summary>
    protected abstract void ReadValues(TModel model, TSettings settings);

    /// <summary>Select lists and other display-only data.</summary>
    protected virtual Task FillListsAsync(TModel model) => Task.CompletedTask;

    /// <summary>Copies the vendor's own fields that apply at this scope (<see cref="ScopedSettings{T}.Applies"/>) into settings.</summary>
    protected abstract void ApplyFields(TModel model, ScopedSettings<TSettings> target);

    protected abstract Task ValidateFieldsAsync(TModel model, ScopedSettings<TSettings> effective, FormErrors errors);

    protected abstract Task SaveFieldsAsync(TModel model, ScopedSettings<TSettings> scoped);
}
