using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>The 1.3 update's data step, run through the data provider on real PostgreSQL and MariaDB.</summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
public class Version13MigrationTests(DatabaseKind kind) : DatabaseTests(kind)
{
    [Test]
    public async Task Rows_a_version_12_node_left_queued_become_pending_due_now_without_a_claim_and_nothing_else_changes()
    {
        var then = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        var now = then.AddDays(4);
        await using var connection = Database.Connect();
        await connection.ExecuteAsync($"DELETE FROM {Database.Quote(OutboxTableMigration.TableName)}");
        OrderTouchpointDelivery Row(int orderId, int statusId, Guid? token) => new()
        {
            StoreId = 1, OrderId = orderId, Vendor = TouchpointVendor.VoyadoEngage, Event = TouchpointEvent.OrderPlaced, StatusId = statusId,
            Attempts = statusId == (int)DeliveryStatus.InProgress ? 1 : 0, NextAttemptOnUtc = then, CreatedOnUtc = then, EventOccurredOnUtc = then,
            ClaimToken = token, ClaimExpiresOnUtc = token is null ? null : then.AddMinutes(5)
        };
        var sending = Guid.NewGuid();
        var queued = Guid.NewGuid();
        foreach (var row in new[] { Row(1, OutboxVersion13Migration.Version12QueuedStatusId, queued), Row(2, OutboxVersion13Migration.Version12QueuedStatusId, queued),
                     Row(3, (int)DeliveryStatus.InProgress, sending), Row(4, (int)DeliveryStatus.Pending, null) })
            await connection.InsertAsync(row);

        var returned = OutboxVersion13Migration.ReturnVersion12QueuedRows(new Linq2DbDataProvider(connection), now);

        Assert.That(returned, Is.EqualTo(2));
        var rows = await connection.GetTable<OrderTouchpointDelivery>().OrderBy(d => d.OrderId).ToListAsync();
        Assert.That(rows.Select(r => (r.OrderId, r.Status, r.NextAttemptOnUtc, r.ClaimToken, r.ClaimExpiresOnUtc, r.Attempts)), Is.EqualTo(new[]
        {
            (1, DeliveryStatus.Pending, now, (Guid?)null, (DateTime?)null, 0),
            (2, DeliveryStatus.Pending, now, null, null, 0),
            (3, DeliveryStatus.InProgress, then, sending, then.AddMinutes(5), 1),
            (4, DeliveryStatus.Pending, then, null, null, 0)
        }));
        Assert.That(OutboxVersion13Migration.ReturnVersion12QueuedRows(new Linq2DbDataProvider(connection), now), Is.Zero, "running it again changes nothing");
    }
}
