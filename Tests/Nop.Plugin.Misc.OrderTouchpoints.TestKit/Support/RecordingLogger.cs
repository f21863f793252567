using System.Collections.Concurrent;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>nopCommerce's logger (System → Log) as a sink that keeps every entry: level, message and exception text.</summary>
public sealed class RecordingLogger
{
    public RecordingLogger()
    {
        Logger = FakeService<ILogger>.Create(new Dictionary<string, Func<System.Reflection.MethodInfo, object?[], object?>>
        {
            [nameof(ILogger.WarningAsync)] = (_, args) => Record("Warning", args),
            [nameof(ILogger.ErrorAsync)] = (_, args) => Record("Error", args)
        });
    }

    public ILogger Logger { get; }

    public ConcurrentQueue<string> Entries { get; } = new();

    private Task Record(string level, object?[] args)
    {
        Entries.Enqueue($"{level}: {args[0]}" + (args[1] is Exception exception ? " | " + exception : ""));
        return Task.CompletedTask;
    }
}
