using System.Collections.Concurrent;
using System.Reflection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>A service that counts the calls to each of its methods by name and passes them on to the real one.</summary>
public class CallCounter<TService> : DispatchProxy where TService : class
{
    private TService _inner = null!;
    private ConcurrentDictionary<string, int> _calls = null!;

    public static TService Wrap(TService inner, ConcurrentDictionary<string, int> calls)
    {
        var proxy = Create<TService, CallCounter<TService>>();
        var counter = (CallCounter<TService>)(object)proxy;
        counter._inner = inner;
        counter._calls = calls;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _calls.AddOrUpdate(targetMethod!.Name, 1, (_, count) => count + 1);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
        {
            throw inner;
        }
    }
}
