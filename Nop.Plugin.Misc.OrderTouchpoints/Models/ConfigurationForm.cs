namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>The whole configure page: the three vendor cards (per store scope) and the delivery card (global).</summary>
public class ConfigurationForm(
    TransactionaleSettingsForm transactionale,
    VoyadoSettingsForm voyado,
    VtMarketingSettingsForm vtMarketing,
    DeliverySettingsForm delivery)
{
    public async Task<ConfigurationModel> PrepareAsync(int storeScope) => new()
    {
        ActiveStoreScopeConfiguration = storeScope,
        Transactionale = await transactionale.PrepareAsync(storeScope),
        Voyado = await voyado.PrepareAsync(storeScope),
        VtMarketing = await vtMarketing.PrepareAsync(storeScope),
        Delivery = await delivery.PrepareAsync()
    };

    public async Task ValidateAsync(ConfigurationModel model, int storeScope, FormErrors errors)
    {
        await transactionale.ValidateAsync(model.Transactionale, storeScope, errors);
        await voyado.ValidateAsync(model.Voyado, storeScope, errors);
        await vtMarketing.ValidateAsync(model.VtMarketing, storeScope, errors);
        await delivery.ValidateAsync(model.Delivery, errors);
    }

    /// <summary>The posted page again after a refused save, with lists and key status but no key.</summary>
    public async Task RedisplayAsync(ConfigurationModel model, int storeScope)
    {
        model.ActiveStoreScopeConfiguration = storeScope;
        await transactionale.RedisplayAsync(model.Transactionale, storeScope);
        await voyado.RedisplayAsync(model.Voyado, storeScope);
        await vtMarketing.RedisplayAsync(model.VtMarketing, storeScope);
    }

    /// <summary>Saves without clearing the settings cache; the caller clears it once.</summary>
    public async Task SaveAsync(ConfigurationModel model, int storeScope)
    {
        await transactionale.SaveAsync(model.Transactionale, storeScope);
        await voyado.SaveAsync(model.Voyado, storeScope);
        await vtMarketing.SaveAsync(model.VtMarketing, storeScope);
        await delivery.SaveAsync(model.Delivery);
    }
}
