namespace Nop.Core.Caching;

public partial class CacheKey
{
    protected CacheKey()
    {
    }

    public CacheKey(string key, params string[] prefixes)
    {
        Key = key;
    }

    public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects)
    {
        var cacheKey = new CacheKey();
        cacheKey.Key = string.Format(Key, keyObjects.Select(createCacheKeyParameters).ToArray());
        return cacheKey;
    }

    public string Key { get; protected set; }
}

public partial interface ICacheKeys
{
}
