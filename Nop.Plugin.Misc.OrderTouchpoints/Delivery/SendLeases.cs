using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The send leases of one drain's claims, renewed together every <see cref="DrainPlan.LeaseRenewal"/> in one write until
/// each claim's last result is written; if the database stays away, the lease runs out and another node settles the rows.
/// </summary>
internal sealed class SendLeases(IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, (int Rows, DateTime EndsOnUtc)> _claims = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _renewing;

    public void Add(Guid claimToken, int rows, DateTime endsOnUtc)
    {
        lock (_gate)
        {
            _claims[claimToken] = (rows, endsOnUtc);
            _renewing ??= Task.Run(RenewWhileSendingAsync, CancellationToken.None);
        }
    }

    /// <summary>When the claim's lease runs out unless renewed again.</summary>
    public DateTime EndsOnUtc(Guid claimToken)
    {
        lock (_gate)
            return _claims.TryGetValue(claimToken, out var claim) ? claim.EndsOnUtc : timeProvider.GetUtcNow().UtcDateTime;
    }

    /// <summary>One row of the claim has its result written, or gave up writing it.</summary>
    public void Done(Guid claimToken)
    {
        lock (_gate)
        {
            if (!_claims.TryGetValue(claimToken, out var claim))
                return;
            if (claim.Rows <= 1)
                _claims.Remove(claimToken);
            else
                _claims[claimToken] = claim with { Rows = claim.Rows - 1 };
        }
    }

    private async Task RenewWhileSendingAsync()
    {
        while (true)
        {
            try
            {
                await Task.Delay(DrainPlan.LeaseRenewal, timeProvider, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            List<Guid> tokens;
            lock (_gate)
                tokens = [.. _claims.Keys];
            if (tokens.Count == 0)
                continue;
            try
            {
                var now = timeProvider.GetUtcNow().UtcDateTime;
                await using var scope = scopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IDeliveryOutbox>().RenewLeasesAsync(tokens, DrainPlan.Lease, CancellationToken.None);
                lock (_gate)
                {
                    foreach (var token in tokens.Where(_claims.ContainsKey))
                        _claims[token] = _claims[token] with { EndsOnUtc = now + DrainPlan.Lease };
                }
            }
            catch (Exception)
            {
                // Tried again at the next step; the rows' results are written, or their leases run out, either way.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task? renewing;
        lock (_gate)
            renewing = _renewing;
        if (renewing is not null)
            await renewing;
        _stop.Dispose();
    }
}
