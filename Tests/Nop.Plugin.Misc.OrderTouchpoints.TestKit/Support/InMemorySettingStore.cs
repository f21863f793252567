using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Nop.Core.Configuration;
using Nop.Core.Domain.Cms;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// The setting table of the tests, the sandbox and the benchmarks: one value per settings property and store, with
/// nopCommerce's semantics — a store's value falls back to the "all stores" (0) value, every load is a new settings
/// object; saving "overridable per store" writes the store value while its override box is ticked (always at store 0)
/// and deletes it otherwise. <see cref="Mock"/> is ISettingService over it; the sandbox's host calls <see cref="Load(Type, int)"/>.
/// Safe for the background worker's concurrent loads.
/// </summary>
public sealed class InMemorySettingStore
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();
    private readonly ConcurrentDictionary<(Type Type, string Property, int StoreId), object?> _values = new();

    public Mock<ISettingService> Mock { get; } = new(MockBehavior.Strict);

    /// <summary>Calls of ClearCacheAsync (the clears that writes make on their own are not counted).</summary>
    public int CacheClears { get; private set; }

    /// <summary>
    /// When set, <see cref="Mock"/>'s loads read the table as it was at the first load after the last cache clear, as
    /// nopCommerce's SettingService reads its cached dictionary of all settings: a write made with clearCache: false
    /// stays unseen until ClearCacheAsync. <see cref="Load{T}"/> and the other test accessors always read the table.
    /// </summary>
    public bool CachesReads { get; init; }

    private IReadOnlyDictionary<(Type Type, string Property, int StoreId), object?>? _cache;

    public InMemorySettingStore()
    {
        Register<OrderTouchpointsTransactionaleSettings>();
        Register<OrderTouchpointsVoyadoSettings>();
        Register<OrderTouchpointsVtMarketingSettings>();
        Register<OrderTouchpointsDeliverySettings>();
        Register<WidgetSettings>();
        Register<Nop.Plugin.Misc.OrderTouchpoints.Alerts.OrderTouchpointsAlertSettings>();
        Mock.Setup(s => s.ClearCacheAsync()).Callback(() =>
        {
            CacheClears++;
            DropCache();
        }).Returns(Task.CompletedTask);
    }

    /// <summary>Stores every property of <paramref name="settings"/> for the store (what install does for store 0).</summary>
    public T Seed<T>(T settings, int storeId = 0) where T : ISettings
    {
        foreach (var property in Properties(typeof(T)))
            _values[(typeof(T), property.Name, storeId)] = property.GetValue(settings);
        return settings;
    }

    public void Set<T, TProp>(Expression<Func<T, TProp>> property, TProp value, int storeId) =>
        _values[(typeof(T), NameOf(property), storeId)] = value;

    public bool Exists<T, TProp>(Expression<Func<T, TProp>> property, int storeId) =>
        _values.ContainsKey((typeof(T), NameOf(property), storeId));

    /// <summary>Whether a value is stored for exactly this store, as nopCommerce's SettingExistsAsync answers it.</summary>
    public bool Exists(Type type, LambdaExpression property, int storeId) => ReadValues().ContainsKey((type, PropertyOf(property).Name, storeId));

    /// <summary>The value stored for exactly this store (no fallback).</summary>
    public TProp? Stored<T, TProp>(Expression<Func<T, TProp>> property, int storeId) =>
        _values.TryGetValue((typeof(T), NameOf(property), storeId), out var value)
            ? (TProp?)value
            : throw new KeyNotFoundException($"{typeof(T).Name}.{NameOf(property)} is not stored for store {storeId}");

    public T Load<T>(int storeId = 0) where T : ISettings, new() => (T)Load(typeof(T), storeId);

    public ISettings Load(Type type, int storeId) => Load(type, storeId, _values);

    /// <summary>What the mocked service reads: the table, or its cached copy (<see cref="CachesReads"/>).</summary>
    private IReadOnlyDictionary<(Type Type, string Property, int StoreId), object?> ReadValues() =>
        CachesReads ? _cache ??= new Dictionary<(Type Type, string Property, int StoreId), object?>(_values) : _values;

    private void DropCache() => _cache = null;

    private static ISettings Load(Type type, int storeId, IReadOnlyDictionary<(Type Type, string Property, int StoreId), object?> values)
    {
        var settings = (ISettings)Activator.CreateInstance(type)!;
        foreach (var property in Properties(type))
        {
            if (values.TryGetValue((type, property.Name, storeId), out var value)
                || (storeId > 0 && values.TryGetValue((type, property.Name, 0), out value)))
                property.SetValue(settings, value is List<string> list ? new List<string>(list) : value);
        }
        return settings;
    }

    private void Register<T>() where T : ISettings, new()
    {
        Mock.Setup(s => s.LoadSettingAsync<T>(It.IsAny<int>())).ReturnsAsync((int storeId) => (T)Load(typeof(T), storeId, ReadValues()));
        Mock.Setup(s => s.SaveSettingAsync(It.IsAny<T>(), It.IsAny<int>()))
            .Callback((T settings, int storeId) =>
            {
                Seed(settings, storeId);
                DropCache();
            })
            .Returns(Task.CompletedTask);
        Mock.Setup(s => s.SaveSettingAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var property = PropertyOf((LambdaExpression)invocation.Arguments[1]);
                _values[(typeof(T), property.Name, (int)invocation.Arguments[2])] = property.GetValue(invocation.Arguments[0]);
                if ((bool)invocation.Arguments[3])
                    DropCache();
                return Task.CompletedTask;
            }));
        Mock.Setup(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(),
                It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var (settings, property, overrideForStore, storeId) = ((T)invocation.Arguments[0], PropertyOf((LambdaExpression)invocation.Arguments[1]),
                    (bool)invocation.Arguments[2], (int)invocation.Arguments[3]);
                if (overrideForStore || storeId == 0)
                {
                    _values[(typeof(T), property.Name, storeId)] = property.GetValue(settings);
                    if ((bool)invocation.Arguments[4])
                        DropCache();
                }
                else if (_values.TryRemove((typeof(T), property.Name, storeId), out _))
                    DropCache(); // nopCommerce deletes a setting row with a cache clear, whatever clearCache says
                return Task.CompletedTask;
            }));
        Mock.Setup(s => s.SettingExistsAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(), It.IsAny<int>()))
            .Returns(new InvocationFunc(invocation =>
                Task.FromResult(Exists(typeof(T), (LambdaExpression)invocation.Arguments[1], (int)invocation.Arguments[2]))));
    }

    private static PropertyInfo[] Properties(Type type) =>
        PropertiesByType.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p is { CanRead: true, CanWrite: true }).ToArray());

    private static PropertyInfo PropertyOf(LambdaExpression expression) =>
        (PropertyInfo)((MemberExpression)(expression.Body is UnaryExpression unary ? unary.Operand : expression.Body)).Member;

    private static string NameOf(LambdaExpression expression) => PropertyOf(expression).Name;
}
