using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// The claim reads the due rows through the due index, in its order, whatever the backlog: PostgreSQL's own
/// plan for the exact statement the plugin sends at a 50,000-row backlog.
/// </summary>
public class ClaimPlanTests() : DatabaseTests(DatabaseKind.PostgreSQL)
{
    [OneTimeSetUp]
    public async Task CreateBacklog()
    {
        var now = DateTime.UtcNow;
        await using var connection = Database.Connect();
        // Mostly finished rows (what a store keeps for its retention period) plus a pending backlog, some of
        // it not yet due: the claim must touch neither the finished rows nor sort the backlog.
        var rows = Enumerable.Range(1, 50_000).Select(i => new OrderTouchpointDelivery
        {
            StoreId = 1,
            OrderId = i,
            Vendor = (TouchpointVendor)(1 + i % 3),
            Event = TouchpointEvent.OrderPlaced,
            Status = i % 5 == 0 ? DeliveryStatus.Pending : DeliveryStatus.Delivered,
            NextAttemptOnUtc = now.AddSeconds(i % 7 == 0 ? 3600 : -i),
            CreatedOnUtc = now,
            EventOccurredOnUtc = now
        });
        await connection.GetTable<OrderTouchpointDelivery>().BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, rows);
        await connection.ExecuteAsync($"ANALYZE {Database.Quote(OutboxTableMigration.TableName)}");
    }

    [Test]
    public async Task The_look_for_expired_send_leases_seeks_the_rows_being_sent_by_status()
    {
        var statements = new List<string>();
        await using (var connection = Database.ConnectTraced(statements.Add))
            await OutboxDatabase.Outbox(connection, TimeProvider.System).ClaimDueAsync(8, TimeSpan.FromMinutes(5), "node:1");
        var expired = string.Join("\n", statements[0].Split('\n').Where(line => !line.TrimStart().StartsWith("--")));
        Assert.That(expired, Does.Contain("\"StatusId\" = 20"));

        await using var plain = Database.Connect();
        var plan = string.Join("\n", await plain.QueryToListAsync<string>("EXPLAIN " + expired));

        TestContext.Out.WriteLine(expired + "\n" + plan);
        Assert.That(plan, Does.Contain("Index Cond: (\"StatusId\" = 20)"), "the rows being sent are found by an index seek on their status");
        Assert.That(plan, Does.Not.Contain($"Seq Scan on \"{OutboxTableMigration.TableName}\""), "no table scan");
    }

    [Test]
    public async Task The_claim_of_due_rows_is_an_index_scan_on_the_due_index_without_a_sort_or_a_sequential_scan()
    {
        var statements = new List<string>();
        await using (var connection = Database.ConnectTraced(statements.Add))
        {
            var claimed = await OutboxDatabase.Outbox(connection, TimeProvider.System).ClaimDueAsync(8, TimeSpan.FromMinutes(5), "node:1");
            Assert.That(claimed, Has.Count.EqualTo(8));
        }
        // linq2db heads each statement with a comment line naming the provider. The claim reads, in one statement, rows whose
        // send lease ran out (few rows, found by an index's StatusId prefix, sorted) and the due range: the due branch is checked.
        var candidates = string.Join("\n", statements.First(sql => sql.Contains("\"NextAttemptOnUtc\" <=")).Split('\n')
            .Where(line => !line.TrimStart().StartsWith("--")));
        Assert.That(candidates.TrimStart(), Does.StartWith("SELECT"));

        await using var plain = Database.Connect();
        var plan = string.Join("\n", await plain.QueryToListAsync<string>("EXPLAIN " + candidates));

        TestContext.Out.WriteLine(candidates + "\n" + plan);
        Assert.That(plan, Does.Contain($"Index Scan using \"{OutboxTableMigration.DueIndex}\""), "the due rows are read through the due index");
        Assert.That(plan, Does.Not.Contain($"Seq Scan on \"{OutboxTableMigration.TableName}\""), "no table scan");
        Assert.That(plan, Does.Not.Match(@"Sort Key: \w+\.""NextAttemptOnUtc"""), "the due range is read in index order: no sort of the backlog");
    }
}
