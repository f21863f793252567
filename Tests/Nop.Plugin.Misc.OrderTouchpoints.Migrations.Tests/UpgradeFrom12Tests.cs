using System.Data.Common;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Migrations.Tests;

/// <summary>
/// Uploading 1.3 over a store that runs 1.2: nopCommerce runs the plugin's update migrations, in version order, on the
/// tables 1.2 created and the rows 1.2 left, through FluentMigrator's runner.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
[CancelAfter(60_000)]
public class UpgradeFrom12Tests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private const string Outbox = OutboxTableMigration.TableName;

    /// <summary>The outbox columns 1.3 added (the sending node, the delivered state); 1.2's entity had none of them.</summary>
    private static readonly string[] Version13Columns = [nameof(OrderTouchpointDelivery.SentByNode), nameof(OrderTouchpointDelivery.DeliveredState)];

    /// <summary>The tables 1.3 added; 1.2 had the outbox and the vendor-key leases only.</summary>
    private static readonly string[] Version13Tables =
        [ErasedCustomersMigration.ErasedCustomerTableName, AlertStatesMigration.AlertStateTableName, DeliveryHoursMigration.TableName];

    private static readonly DateTime Then = new(2026, 12, 1, 10, 0, 0);
    private static readonly Guid QueuedClaim = Guid.Parse("6f1c2a53-4a61-4c55-9d7e-0b4a9a0e7c11");
    private static readonly Guid SendingClaim = Guid.Parse("0d8e51a4-2b1f-4e1b-8a57-3c5f7a2d9e40");

    // The rows a 1.2 node left: two queued in its send queue under one claim, one being sent, one delivered, one pending.
    private static readonly OutboxRow[] Version12Rows =
    [
        new(1, OutboxVersion13Migration.Version12QueuedStatusId, 0, Then, QueuedClaim, Then.AddMinutes(5)),
        new(2, OutboxVersion13Migration.Version12QueuedStatusId, 0, Then, QueuedClaim, Then.AddMinutes(5)),
        new(3, (int)DeliveryStatus.InProgress, 1, Then, SendingClaim, Then.AddMinutes(5)),
        new(4, (int)DeliveryStatus.Delivered, 1, Then, null, null),
        new(5, (int)DeliveryStatus.Pending, 2, Then.AddMinutes(30), null, null)
    ];

    private CatalogueDatabase _database = null!;
    private Exception? _updateError;
    private DateTime _updateStartedUtc;
    private DateTime _updateEndedUtc;

    [OneTimeSetUp]
    public async Task UpdateVersion12Outbox()
    {
        _database = await Version12OutboxAsync();
        _updateStartedUtc = DateTime.UtcNow;
        // Kept rather than thrown so that one test reports it and the others still say what the update left.
        _updateError = Catch(() => PluginMigrations.Up(Kind, _database.ConnectionString, PluginMigrations.Updates));
        _updateEndedUtc = DateTime.UtcNow;
    }

    [Test]
    public void The_updates_run_on_a_version_12_outbox_without_an_error()
    {
        Assert.That(_updateError, Is.Null, () => $"the update failed: {_updateError}");
    }

    [Test]
    public async Task The_outbox_gets_the_columns_13_added()
    {
        var columns = (await _database.ColumnsAsync(Outbox, Timeout())).Select(c => c.Name);

        Assert.That(columns, Is.SupersetOf(Version13Columns));
    }

    [Test]
    public async Task The_tables_13_added_exist()
    {
        var tables = await _database.TablesAsync(Timeout());

        Assert.That(tables, Is.SupersetOf(Version13Tables));
    }

    [Test]
    public async Task Rows_a_version_12_node_left_queued_become_pending_due_now_without_a_claim()
    {
        var queued = (await RowsAsync(_database)).Where(r => r.OrderId is 1 or 2).ToList();

        Assert.That(queued.Select(r => (r.OrderId, r.StatusId, r.Attempts, r.ClaimToken, r.ClaimExpiresOnUtc)), Is.EqualTo(new[]
        {
            (1, (int)DeliveryStatus.Pending, 0, (Guid?)null, (DateTime?)null),
            (2, (int)DeliveryStatus.Pending, 0, null, null)
        }));
        // FluentMigrator writes the due time in whole seconds.
        Assert.That(queued.Select(r => r.NextAttemptOnUtc), Has.All.InRange(_updateStartedUtc.AddSeconds(-1), _updateEndedUtc));
    }

    [Test]
    public async Task Rows_in_every_other_state_keep_every_value()
    {
        var others = (await RowsAsync(_database)).Where(r => r.OrderId is not (1 or 2));

        Assert.That(others, Is.EqualTo(Version12Rows.Where(r => r.OrderId is not (1 or 2))));
    }

    [Test]
    public async Task Running_the_updates_again_fails_nothing_and_changes_no_row()
    {
        var database = await Version12OutboxAsync();
        PluginMigrations.Up(Kind, database.ConnectionString, PluginMigrations.Updates);
        var once = await RowsAsync(database);

        Assert.That(() => PluginMigrations.Up(Kind, database.ConnectionString, PluginMigrations.Updates), Throws.Nothing);
        Assert.That(await RowsAsync(database), Is.EqualTo(once));
        Assert.That(once, Has.Count.EqualTo(Version12Rows.Length));
    }

    /// <summary>
    /// The tables as 1.2 created them, holding <see cref="Version12Rows"/>: today's installation migration without what 1.3
    /// added (two outbox columns, three tables). 1.2's outbox, lease table and indexes are otherwise today's.
    /// </summary>
    private async Task<CatalogueDatabase> Version12OutboxAsync()
    {
        var database = await NewDatabaseAsync();
        PluginMigrations.Up(Kind, database.ConnectionString, [PluginMigrations.Installation]);
        var q = database.Quote;
        var cancellationToken = Timeout();
        foreach (var column in Version13Columns)
            await database.ExecuteAsync($"ALTER TABLE {q(Outbox)} DROP COLUMN {q(column)}", cancellationToken);
        foreach (var table in Version13Tables)
            await database.ExecuteAsync($"DROP TABLE {q(table)}", cancellationToken);

        static string Literal(object? value) => value switch
        {
            null => "NULL",
            DateTime time => $"'{time:yyyy-MM-dd HH:mm:ss}'",
            Guid guid => $"'{guid}'",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!
        };
        foreach (var row in Version12Rows)
        {
            await database.ExecuteAsync(
                $"""
                 INSERT INTO {q(Outbox)} ({q("StoreId")}, {q("OrderId")}, {q("VendorId")}, {q("EventId")}, {q("EventSourceId")}, {q("StatusId")},
                     {q("Attempts")}, {q("NextAttemptOnUtc")}, {q("ClaimToken")}, {q("ClaimExpiresOnUtc")}, {q("CreatedOnUtc")}, {q("EventOccurredOnUtc")})
                 VALUES (1, {row.OrderId}, 2, 3, 0, {row.StatusId}, {row.Attempts}, {Literal(row.NextAttemptOnUtc)},
                     {Literal(row.ClaimToken)}, {Literal(row.ClaimExpiresOnUtc)}, {Literal(Then)}, {Literal(Then)})
                 """, cancellationToken);
        }
        return database;
    }

    private static async Task<IReadOnlyList<OutboxRow>> RowsAsync(CatalogueDatabase database)
    {
        var q = database.Quote;
        return await database.QueryAsync(
            $"""
             SELECT {q("OrderId")}, {q("StatusId")}, {q("Attempts")}, {q("NextAttemptOnUtc")}, {q("ClaimToken")}, {q("ClaimExpiresOnUtc")}
             FROM {q(Outbox)} ORDER BY {q("OrderId")}
             """,
            Read, Timeout());

        // MariaDB keeps a Guid as char(36), PostgreSQL as uuid: read through its text either way.
        static OutboxRow Read(DbDataReader row) => new(
            Convert.ToInt32(row.GetValue(0)), Convert.ToInt32(row.GetValue(1)), Convert.ToInt32(row.GetValue(2)), row.GetDateTime(3),
            row.IsDBNull(4) ? null : Guid.Parse(Convert.ToString(row.GetValue(4))!),
            row.IsDBNull(5) ? null : row.GetDateTime(5));
    }

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static CancellationToken Timeout() => TestContext.CurrentContext.CancellationToken;

    private sealed record OutboxRow(int OrderId, int StatusId, int Attempts, DateTime NextAttemptOnUtc, Guid? ClaimToken, DateTime? ClaimExpiresOnUtc);
}
