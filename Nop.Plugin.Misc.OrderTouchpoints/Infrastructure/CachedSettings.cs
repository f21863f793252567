using Nop.Core.Caching;
using Nop.Core.Configuration;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>
/// Settings for a store as the send path and checkout read them: built once and kept in nopCommerce's static cache.
/// LoadSettingAsync converts every property through a TypeDescriptor on each call, which cost a fifth of a delivery's CPU
/// and ran for every vendor in each checkout. Read only; a page that edits settings loads its own copy from ISettingService.
/// </summary>
public class CachedSettings(ISettingService settingService, IStaticCacheManager cache)
{
    // Under nopCommerce's settings prefix ("Nop.setting.", NopEntityCacheDefaults<Setting>.Prefix): SettingService.ClearCacheAsync,
    // which every settings save runs, removes these keys with its own, on this node and, with a distributed cache, on all.
    private static readonly CacheKey Key = new("Nop.setting.ordertouchpoints.{0}.{1}");

    public Task<T> LoadAsync<T>(int storeId = 0) where T : ISettings, new() =>
        cache.GetAsync(cache.PrepareKeyForDefaultCache(Key, typeof(T).FullName!, storeId), () => settingService.LoadSettingAsync<T>(storeId));
}
