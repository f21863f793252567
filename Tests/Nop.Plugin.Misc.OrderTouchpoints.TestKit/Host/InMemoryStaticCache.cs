using System.Collections.Concurrent;
using System.Globalization;
using Nop.Core.Caching;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>
/// nopCommerce's static cache as the plugin sees it: entries by the prepared key's text, kept until removed by prefix
/// (what SettingService.ClearCacheAsync does with "Nop.setting."). <see cref="Uncached"/> answers every read afresh.
/// </summary>
public sealed class InMemoryStaticCache
{
    private readonly ConcurrentDictionary<string, object?> _entries = new();

    public InMemoryStaticCache(bool keeps = true) =>
        Manager = FakeService<IStaticCacheManager>.Create(new Dictionary<string, Func<System.Reflection.MethodInfo, object?[], object?>>
        {
            ["PrepareKeyForDefaultCache"] = (_, a) =>
                new CacheKey(string.Format(CultureInfo.InvariantCulture, ((CacheKey)a[0]!).Key, (object[])a[1]!)),
            ["GetAsync"] = (_, a) => keeps
                ? _entries.GetOrAdd(((CacheKey)a[0]!).Key, _ => ((Delegate)a[1]!).DynamicInvoke())
                : ((Delegate)a[1]!).DynamicInvoke()
        });

    public IStaticCacheManager Manager { get; }

    public IReadOnlyCollection<string> Keys => _entries.Keys.ToList();

    public void RemoveByPrefix(string prefix)
    {
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            _entries.TryRemove(key, out _);
    }

    /// <summary>Settings read straight from <paramref name="settingService"/> on every call, as tests that change settings between sends need.</summary>
    public static CachedSettings Uncached(ISettingService settingService) => new(settingService, new InMemoryStaticCache(keeps: false).Manager);
}
