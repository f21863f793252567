using System.Runtime.ExceptionServices;
using Polly;
using Polly.Retry;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Writes the attempts' results of one drain as group commits: a result is written at once when no write is
/// running, and the results that finish while a write runs go together in the next one (one UPDATE per group of
/// equal values, <see cref="IDeliveryOutbox.RecordAttemptsAsync"/>). So an idle dispatcher adds no latency and a
/// busy one writes its deliveries in batches. Writes run one at a time on an outbox of their own (a DI scope's
/// data connection is not shared between threads), never with the shutdown token, and with retries through
/// transient database errors: a delivery the vendor acknowledged must be recorded, or its expired claim
/// would send it again.
/// </summary>
public sealed class DeliveryResultWriter(IDeliveryOutbox outbox)
{
    // Transient database errors (a deadlock victim on SQL Server, a dropped connection): about 10 s of retries on
    // the wall clock before the batch is left to its rows' leases. A retried batch rewrites nothing already written.
    private static readonly ResiliencePipeline RecordRetries = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 6,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => exception is not OperationCanceledException)
        })
        .Build();

    private readonly object _gate = new();
    private List<AttemptResult> _waiting = [];
    private Task _writing = Task.CompletedTask;
    private bool _running;
    private Exception? _failure;
    private int _batches;
    private int _written;

    /// <summary>How many writes (batches) were made; each is one statement per group of equal values.</summary>
    public int Batches => Volatile.Read(ref _batches);

    /// <summary>How many results were stored (a result whose claim was gone is not counted).</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Queues a result; it is written now, or right after the write that is running.</summary>
    public void Add(AttemptResult result)
    {
        lock (_gate)
        {
            _waiting.Add(result);
            if (_running)
                return;
            _running = true;
            _writing = Task.Run(WriteWhileWaitingAsync, CancellationToken.None);
        }
    }

    /// <summary>
    /// Returns once every result added so far is written; rethrows the first write that failed even after its
    /// retries (those rows are left to their leases).
    /// </summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            Task writing;
            lock (_gate)
            {
                if (!_running)
                    break;
                writing = _writing;
            }
            await writing;
        }
        if (_failure is { } failure)
            ExceptionDispatchInfo.Throw(failure);
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            List<AttemptResult> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }
                batch = _waiting;
                _waiting = [];
            }
            try
            {
                var written = await RecordRetries.ExecuteAsync(async token => await outbox.RecordAttemptsAsync(batch, token), CancellationToken.None);
                Interlocked.Add(ref _written, written);
                Interlocked.Increment(ref _batches);
            }
            catch (Exception ex)
            {
                lock (_gate)
                    _failure ??= ex;
            }
        }
    }
}
