using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>A Microsoft.Extensions.Logging sink that keeps every formatted entry, exception text included.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = $"{logLevel}: {formatter(state, exception)}";
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
            text += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
        if (exception is not null)
            text += " | " + exception;
        Entries.Enqueue(text);
    }
}
