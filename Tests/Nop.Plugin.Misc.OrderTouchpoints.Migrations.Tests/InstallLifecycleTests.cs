using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Migrations.Tests;

/// <summary>Uninstalling and updating, on databases of their own: what nopCommerce runs of the plugin's migrations at each step.</summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
[CancelAfter(60_000)]
public class InstallLifecycleTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private const string Outbox = OutboxTableMigration.TableName;

    /// <summary>
    /// The outbox columns added after 1.0: 1.1's FirstAttemptOnUtc, VendorKey, FinishedOnUtc and EventSourceId, 1.3's
    /// SentByNode and DeliveredState.
    /// </summary>
    private static readonly string[] AddedAfter10 =
        ["FirstAttemptOnUtc", "VendorKey", "FinishedOnUtc", "EventSourceId", nameof(OrderTouchpointDelivery.SentByNode), nameof(OrderTouchpointDelivery.DeliveredState)];

    /// <summary>The tables added after 1.0: 1.1's vendor-key leases and 1.3's three.</summary>
    private static readonly string[] TablesAddedAfter10 =
    [
        OutboxTableMigration.LeaseTableName, ErasedCustomersMigration.ErasedCustomerTableName, AlertStatesMigration.AlertStateTableName,
        DeliveryHoursMigration.TableName
    ];

    [Test]
    public async Task Uninstalling_drops_every_table_the_migrations_created()
    {
        var database = await NewDatabaseAsync();
        PluginMigrations.Up(Kind, database.ConnectionString, PluginMigrations.All);
        var installed = await PluginTablesAsync(database);

        PluginMigrations.Down(Kind, database.ConnectionString, PluginMigrations.All);

        Assert.That(installed, Is.EquivalentTo(new[]
        {
            Outbox, OutboxTableMigration.LeaseTableName, ErasedCustomersMigration.ErasedCustomerTableName, AlertStatesMigration.AlertStateTableName,
            DeliveryHoursMigration.TableName
        }));
        Assert.That(await PluginTablesAsync(database), Is.Empty);
    }

    [Test]
    public async Task Updating_a_version_1_0_outbox_gives_the_columns_of_a_new_install()
    {
        var (fresh, updated) = await NewInstallAndUpdatedVersion10Async();

        foreach (var table in TablesAddedAfter10.Prepend(Outbox))
            Assert.That(await ColumnsByNameAsync(updated, table), Is.EqualTo(await ColumnsByNameAsync(fresh, table)), table);
    }

    [Test]
    public async Task Updating_a_version_1_0_outbox_gives_the_indexes_of_a_new_install()
    {
        var (fresh, updated) = await NewInstallAndUpdatedVersion10Async();

        foreach (var table in TablesAddedAfter10.Prepend(Outbox))
            Assert.That(await IndexesByNameAsync(updated, table), Is.EqualTo(await IndexesByNameAsync(fresh, table)), table);
    }

    [Test]
    public async Task Updating_a_version_1_0_outbox_keeps_its_rows_as_the_first_event_of_their_kind()
    {
        var updated = await Version10OutboxAsync();
        var q = updated.Quote;
        await updated.ExecuteAsync(
            $"""
             INSERT INTO {q(Outbox)} ({q("StoreId")}, {q("OrderId")}, {q("VendorId")}, {q("EventId")}, {q("StatusId")}, {q("Attempts")},
                 {q("NextAttemptOnUtc")}, {q("CreatedOnUtc")}, {q("EventOccurredOnUtc")})
             VALUES (1, 7, 2, 3, 0, 0, '2026-11-30 10:00:00', '2026-11-30 10:00:00', '2026-11-30 10:00:00')
             """, TestContext.CurrentContext.CancellationToken);

        PluginMigrations.Up(Kind, updated.ConnectionString, PluginMigrations.Updates);

        Assert.That(await updated.CountAsync(Outbox, $"{q("OrderId")} = 7 AND {q("EventSourceId")} = 0", TestContext.CurrentContext.CancellationToken),
            Is.EqualTo(1));
    }

    private async Task<(CatalogueDatabase NewInstall, CatalogueDatabase Updated)> NewInstallAndUpdatedVersion10Async()
    {
        var newInstall = await NewDatabaseAsync();
        PluginMigrations.Up(Kind, newInstall.ConnectionString, PluginMigrations.All);
        var updated = await Version10OutboxAsync();
        PluginMigrations.Up(Kind, updated.ConnectionString, PluginMigrations.Updates);
        return (newInstall, updated);
    }

    /// <summary>
    /// The outbox as version 1.0 installed it: today's installation migration without what later versions added (their
    /// columns and tables, the delivery key with the event source, the finished index), with 1.0's key on store, order,
    /// vendor and event.
    /// </summary>
    private async Task<CatalogueDatabase> Version10OutboxAsync()
    {
        var database = await NewDatabaseAsync();
        PluginMigrations.Up(Kind, database.ConnectionString, [PluginMigrations.Installation]);
        var q = database.Quote;
        var cancellationToken = TestContext.CurrentContext.CancellationToken;
        foreach (var index in new[] { OutboxTableMigration.KeyIndex, OutboxTableMigration.FinishedIndex })
            await database.ExecuteAsync(Kind == DatabaseKind.PostgreSQL ? $"DROP INDEX {q(index)}" : $"DROP INDEX {q(index)} ON {q(Outbox)}", cancellationToken);
        foreach (var column in AddedAfter10)
            await database.ExecuteAsync($"ALTER TABLE {q(Outbox)} DROP COLUMN {q(column)}", cancellationToken);
        foreach (var table in TablesAddedAfter10)
            await database.ExecuteAsync($"DROP TABLE {q(table)}", cancellationToken);
        await database.ExecuteAsync(
            $"CREATE UNIQUE INDEX {q(OutboxVersion11Migration.Version10KeyIndex)} ON {q(Outbox)} ({q("StoreId")}, {q("OrderId")}, {q("VendorId")}, {q("EventId")})",
            cancellationToken);
        return database;
    }

    private static async Task<IReadOnlyList<string>> PluginTablesAsync(CatalogueDatabase database) =>
        (await database.TablesAsync(TestContext.CurrentContext.CancellationToken)).Where(t => t.StartsWith("OrderTouchpoint", StringComparison.Ordinal)).ToList();

    private static async Task<IReadOnlyList<CatalogueColumn>> ColumnsByNameAsync(CatalogueDatabase database, string table) =>
        (await database.ColumnsAsync(table, TestContext.CurrentContext.CancellationToken)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    private static async Task<IReadOnlyList<CatalogueIndex>> IndexesByNameAsync(CatalogueDatabase database, string table) =>
        (await database.IndexesAsync(table, TestContext.CurrentContext.CancellationToken))
            // FluentMigrator names a primary key after its table; the key itself is compared.
            .Select(i => i.PrimaryKey ? i with { Name = "primary key" } : i)
            .OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
}
