using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// The per-store secret of the product feed URL. A token is always saved for one store (never for "all
/// stores"), so one store's feed URL never opens another store's feed.
/// </summary>
public class VtMarketingFeedTokens(ISettingService settingService, IStoreService storeService)
{
    private const int TokenBytes = 32;

    /// <summary>A new random token, safe in a URL query without escaping (base64url, 43 characters).</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Whether <paramref name="presented"/> is the store's token; compared in constant time.</summary>
    public static bool Matches(string? expected, string? presented) =>
        !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    /// <summary>
    /// Gives every store where VTmarketing is enabled its own token if it has none yet ("generated on first
    /// enable"). Call after the VTmarketing settings were saved; cheap when nothing is missing.
    /// </summary>
    public async Task EnsureForEnabledStoresAsync()
    {
        var changed = false;
        foreach (var store in await storeService.GetAllStoresAsync())
        {
            var settings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(store.Id);
            if (!settings.Enabled)
                continue;
            // A value inherited from the all-stores scope would be shared by every store: not a per-store secret.
            if (!string.IsNullOrEmpty(settings.FeedToken) && await settingService.SettingExistsAsync(settings, s => s.FeedToken, store.Id))
                continue;
            await SaveNewTokenAsync(settings, store.Id);
            changed = true;
        }
        if (changed)
            await settingService.ClearCacheAsync();
    }

    /// <summary>Replaces the token (the old feed URL stops working at once); store 0 = every store where VTmarketing is enabled.</summary>
    public async Task RegenerateAsync(int storeId)
    {
        var storeIds = storeId > 0 ? [storeId] : (await storeService.GetAllStoresAsync()).Select(s => s.Id).ToArray();
        foreach (var id in storeIds)
        {
            var settings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(id);
            if (storeId > 0 || settings.Enabled)
                await SaveNewTokenAsync(settings, id);
        }
        await settingService.ClearCacheAsync();
    }

    private Task SaveNewTokenAsync(OrderTouchpointsVtMarketingSettings settings, int storeId)
    {
        settings.FeedToken = NewToken();
        return settingService.SaveSettingAsync(settings, s => s.FeedToken, storeId, clearCache: false);
    }
}
