namespace Nop.Core.Caching;

public partial class CacheKey
{
    protected CacheKey() { }

    public CacheKey(string key, params string[] prefixes) { }

    public string Key { get; protected set; }

    public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects) { throw null; }
}

public partial interface ICacheKeys
{
}
