using System.Collections.Concurrent;
using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>
/// The setting table behind the faked ISettingService: one object per settings class and store; a store
/// without its own object gets the "all stores" (0) one, as nopCommerce falls back to store 0.
/// </summary>
public sealed class InMemorySettings
{
    private readonly ConcurrentDictionary<(Type Type, int StoreId), ISettings> _settings = new();

    public T Set<T>(T settings, int storeId = 0) where T : ISettings
    {
        _settings[(typeof(T), storeId)] = settings;
        return settings;
    }

    public ISettings Load(Type type, int storeId) =>
        _settings.TryGetValue((type, storeId), out var own) ? own
        : _settings.TryGetValue((type, 0), out var shared) ? shared
        : (ISettings)Activator.CreateInstance(type)!;

    public T Load<T>(int storeId = 0) where T : ISettings => (T)Load(typeof(T), storeId);
}
