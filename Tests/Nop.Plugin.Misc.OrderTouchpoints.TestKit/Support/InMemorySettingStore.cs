using System.Linq.Expressions;
using System.Reflection;
using Nop.Core.Configuration;
using Nop.Core.Domain.Cms;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// A Moq mock of ISettingService over an in-memory setting table with nopCommerce's semantics: a store's
/// value falls back to the "all stores" (0) value; saving "overridable per store" writes the store value
/// while its override box is ticked (always at store 0) and deletes it otherwise.
/// </summary>
public sealed class InMemorySettingStore
{
    private readonly Dictionary<(Type Type, string Property, int StoreId), object?> _values = [];

    public Mock<ISettingService> Mock { get; } = new(MockBehavior.Strict);

    public int CacheClears { get; private set; }

    public InMemorySettingStore()
    {
        Register<OrderTouchpointsTransactionaleSettings>();
        Register<OrderTouchpointsVoyadoSettings>();
        Register<OrderTouchpointsVtMarketingSettings>();
        Register<OrderTouchpointsDeliverySettings>();
        Register<WidgetSettings>();
        Register<Nop.Plugin.Misc.OrderTouchpoints.Alerts.OrderTouchpointsAlertSettings>();
        Mock.Setup(s => s.ClearCacheAsync()).Callback(() => CacheClears++).Returns(Task.CompletedTask);
    }

    /// <summary>Stores every property of <paramref name="settings"/> for the store (what install does for store 0).</summary>
    public void Seed<T>(T settings, int storeId = 0) where T : ISettings
    {
        foreach (var property in Properties(typeof(T)))
            _values[(typeof(T), property.Name, storeId)] = property.GetValue(settings);
    }

    public void Set<T, TProp>(Expression<Func<T, TProp>> property, TProp value, int storeId) =>
        _values[(typeof(T), NameOf(property), storeId)] = value;

    public bool Exists<T, TProp>(Expression<Func<T, TProp>> property, int storeId) =>
        _values.ContainsKey((typeof(T), NameOf(property), storeId));

    /// <summary>The value stored for exactly this store (no fallback).</summary>
    public TProp? Stored<T, TProp>(Expression<Func<T, TProp>> property, int storeId) =>
        _values.TryGetValue((typeof(T), NameOf(property), storeId), out var value)
            ? (TProp?)value
            : throw new AssertionException($"{typeof(T).Name}.{NameOf(property)} is not stored for store {storeId}");

    public T Load<T>(int storeId) where T : new()
    {
        var settings = new T();
        foreach (var property in Properties(typeof(T)))
        {
            if (_values.TryGetValue((typeof(T), property.Name, storeId), out var value)
                || (storeId > 0 && _values.TryGetValue((typeof(T), property.Name, 0), out value)))
                property.SetValue(settings, value is List<string> list ? new List<string>(list) : value);
        }
        return settings;
    }

    private void Register<T>() where T : ISettings, new()
    {
        Mock.Setup(s => s.LoadSettingAsync<T>(It.IsAny<int>())).ReturnsAsync((int storeId) => Load<T>(storeId));
        Mock.Setup(s => s.SaveSettingAsync(It.IsAny<T>(), It.IsAny<int>()))
            .Callback((T settings, int storeId) => Seed(settings, storeId))
            .Returns(Task.CompletedTask);
        Mock.Setup(s => s.SaveSettingAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var property = PropertyOf((LambdaExpression)invocation.Arguments[1]);
                _values[(typeof(T), property.Name, (int)invocation.Arguments[2])] = property.GetValue(invocation.Arguments[0]);
                if ((bool)invocation.Arguments[3])
                    CacheClears++;
                return Task.CompletedTask;
            }));
        Mock.Setup(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(),
                It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var (settings, property, overrideForStore, storeId) = ((T)invocation.Arguments[0], PropertyOf((LambdaExpression)invocation.Arguments[1]),
                    (bool)invocation.Arguments[2], (int)invocation.Arguments[3]);
                if (overrideForStore || storeId == 0)
                    _values[(typeof(T), property.Name, storeId)] = property.GetValue(settings);
                else
                    _values.Remove((typeof(T), property.Name, storeId));
                return Task.CompletedTask;
            }));
        Mock.Setup(s => s.SaveSettingAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var property = PropertyOf((LambdaExpression)invocation.Arguments[1]);
                _values[(typeof(T), property.Name, (int)invocation.Arguments[2])] = property.GetValue(invocation.Arguments[0]);
                return Task.CompletedTask;
            }));
        Mock.Setup(s => s.SettingExistsAsync(It.IsAny<T>(), It.IsAny<Expression<Func<T, It.IsAnyType>>>(), It.IsAny<int>()))
            .Returns(new InvocationFunc(invocation => Task.FromResult(_values.ContainsKey(
                (typeof(T), PropertyOf((LambdaExpression)invocation.Arguments[1]).Name, (int)invocation.Arguments[2])))));
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p is { CanRead: true, CanWrite: true });

    private static PropertyInfo PropertyOf(LambdaExpression expression) =>
        (PropertyInfo)((MemberExpression)(expression.Body is UnaryExpression unary ? unary.Operand : expression.Body)).Member;

    private static string NameOf(LambdaExpression expression) => PropertyOf(expression).Name;
}
