using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>The web farm's vendor-key leases as the database enforces them: one holder at a time, taken over when it expires.</summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
public class VendorLeasesOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);


    private static DbVendorLeaseStore Store(DataConnection connection) => new(new Linq2DbRepository<OrderTouchpointVendorLease>(connection));

    [Test]
    public async Task One_holder_at_a_time_renewed_by_its_holder_and_taken_over_after_it_expires()
    {
        await using var connection = Database.Connect();
        var store = Store(connection);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.That(await store.TryHoldAsync(2, 1001, first, Now, Now + Lease, CancellationToken.None), Is.True, "the first lease of a key");
        Assert.That(await store.TryHoldAsync(2, 1001, second, Now.AddSeconds(1), Now.AddSeconds(1) + Lease, CancellationToken.None), Is.False);
        Assert.That(await store.TryHoldAsync(2, 1002, second, Now.AddSeconds(1), Now.AddSeconds(1) + Lease, CancellationToken.None), Is.True, "another key");
        Assert.That(await store.TryHoldAsync(2, 1001, first, Now.AddSeconds(6), Now.AddSeconds(6) + Lease, CancellationToken.None), Is.True, "renewed");
        Assert.That(await store.TryHoldAsync(2, 1001, second, Now.AddSeconds(15), Now.AddSeconds(15) + Lease, CancellationToken.None), Is.False, "still running");
        Assert.That(await store.TryHoldAsync(2, 1001, second, Now.AddSeconds(16), Now.AddSeconds(16) + Lease, CancellationToken.None), Is.True, "expired: taken over");
        Assert.That(await store.TryHoldAsync(2, 1001, first, Now.AddSeconds(17), Now.AddSeconds(17) + Lease, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task Two_nodes_taking_a_keys_first_lease_at_once_end_with_one_holder()
    {
        for (var key = 2000L; key < 2020; key++)
        {
            await using var one = Database.Connect();
            await using var other = Database.Connect();
            var results = await Task.WhenAll(
                Task.Run(() => Store(one).TryHoldAsync(1, key, Guid.NewGuid(), Now, Now + Lease, CancellationToken.None)),
                Task.Run(() => Store(other).TryHoldAsync(1, key, Guid.NewGuid(), Now, Now + Lease, CancellationToken.None)));

            Assert.That(results.Count(held => held), Is.EqualTo(1), $"key {key}");
        }
    }
}
