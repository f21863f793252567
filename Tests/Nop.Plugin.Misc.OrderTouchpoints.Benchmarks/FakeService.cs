using System.Reflection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// A hand-written fake of a nopCommerce service interface: calls are answered by handlers keyed by method
/// name. Cheaper per call than a Moq mock (so benchmarks measure the plugin, not the mocking library),
/// and unlike a class implementing the interface it keeps compiling when the reference surface grows.
/// </summary>
public class FakeService<TService> : DispatchProxy where TService : class
{
    private IReadOnlyDictionary<string, Func<MethodInfo, object?[], object?>> _handlers = null!;

    public static TService Create(IReadOnlyDictionary<string, Func<MethodInfo, object?[], object?>> handlers)
    {
        var service = Create<TService, FakeService<TService>>();
        ((FakeService<TService>)(object)service)._handlers = handlers;
        return service;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _handlers.TryGetValue(targetMethod!.Name, out var handler)
            ? handler(targetMethod, args ?? [])
            : throw new NotSupportedException($"{typeof(TService).Name}.{targetMethod.Name} is not faked");
}
