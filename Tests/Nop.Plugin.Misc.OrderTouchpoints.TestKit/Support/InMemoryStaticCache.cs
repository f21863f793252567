using System.Collections.Concurrent;
using Nop.Core.Caching;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// nopCommerce's static cache as the plugin uses it: a key prepared with its parameters, a value acquired once per key,
/// and, as nopCommerce's memory cache does, a null answer not kept. The reference <see cref="CacheKey"/> carries no text
/// (the plugin reads none), so a prepared key carries its parameters and entries are told apart by them.
/// </summary>
public sealed class InMemoryStaticCache : IStaticCacheManager
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _entries = new();

    /// <summary>Forgets everything, as nopCommerce's cache event consumers do for their prefix.</summary>
    public void Clear() => _entries.Clear();

    public CacheKey PrepareKeyForDefaultCache(CacheKey cacheKey, params object[] cacheKeyParameters) =>
        new PreparedKey(string.Join('|', cacheKeyParameters));

    public async Task<T> GetAsync<T>(CacheKey key, Func<Task<T>> acquire)
    {
        var text = (key as PreparedKey ?? throw new InvalidOperationException("the key was not prepared by PrepareKeyForDefaultCache")).Text;
        var entry = _entries.GetOrAdd(text, _ => new Lazy<Task<object?>>(async () => await acquire()));
        var value = (T)(await entry.Value)!;
        if (value is null)
            _entries.TryRemove(text, out _);
        return value;
    }

    public void Dispose()
    {
    }

    private sealed class PreparedKey(string text) : CacheKey(text)
    {
        public string Text { get; } = text;
    }
}
