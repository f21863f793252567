namespace Nop.Core.Caching;

public partial class CacheKey
{
    public CacheKey(string key)
    {
        Key = key;
    }

    public string Key { get; protected set; }
}
