using System.Collections.Concurrent;
using System.Reflection;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>
/// A hand-written fake of a nopCommerce service interface: calls are answered by handlers keyed by method
/// name. Cheaper per call than a Moq mock (so benchmarks measure the plugin, not the mocking library),
/// and unlike a class implementing the interface it keeps compiling when the reference surface grows.
/// A method without a handler that returns a plain Task completes; any other one throws.
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

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (_handlers.TryGetValue(targetMethod!.Name, out var handler))
            return handler(targetMethod, args ?? []);
        if (targetMethod.ReturnType == typeof(Task))
            return Task.CompletedTask;
        throw new NotSupportedException($"{typeof(TService).Name}.{targetMethod.Name} is not faked");
    }
}

/// <summary>Builds the Task&lt;T&gt; a faked generic method returns when T is known only at run time.</summary>
public static class FakeResult
{
    private static readonly ConcurrentDictionary<Type, Func<object?, object>> Factories = new();

    public static object TaskFor(MethodInfo method, object? value)
    {
        var resultType = method.ReturnType.GetGenericArguments()[0];
        var factory = Factories.GetOrAdd(resultType, type =>
        {
            var fromResult = typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(type);
            return v => fromResult.Invoke(null, [v])!;
        });
        return factory(value);
    }
}
