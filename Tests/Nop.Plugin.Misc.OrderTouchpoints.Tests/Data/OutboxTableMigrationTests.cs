using System.Globalization;
using System.Reflection;
using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Index;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Data;

public class OutboxTableMigrationTests
{
    [Test]
    public void Is_an_installation_migration_at_a_fixed_version_that_reverses_itself_on_uninstall()
    {
        var attribute = typeof(OutboxTableMigration).GetCustomAttributesData().Single(a => a.AttributeType == typeof(NopMigrationAttribute));
        var arguments = attribute.ConstructorArguments.Select(a => a.Value).ToArray();

        Assert.That(arguments, Is.EqualTo(new object[] { "2026/11/22 12:00:00:0000000", "Misc.OrderTouchpoints: delivery outbox", (int)MigrationProcessType.Installation }));
        var expectedVersion = DateTime.ParseExact("2026/11/22 12:00:00:0000000", "yyyy/MM/dd HH:mm:ss:fffffff", CultureInfo.InvariantCulture).Ticks;
        Assert.That(typeof(OutboxTableMigration).GetCustomAttribute<NopMigrationAttribute>()!.Version, Is.EqualTo(expectedVersion));
        Assert.That(typeof(OutboxTableMigration).BaseType, Is.EqualTo(typeof(AutoReversingMigration)));
    }

    [Test]
    public void The_table_is_named_after_the_entity_whose_columns_are_ids_times_and_delivery_state_only()
    {
        Assert.That(OutboxTableMigration.TableName, Is.EqualTo("OrderTouchpointDelivery"));
        // nopCommerce's TableFor maps int, DateTime, Guid, string (and their nullable forms); enum wrappers are not columns.
        var mapped = typeof(OrderTouchpointDelivery).GetProperties()
            .Where(p => p.CanWrite && p.DeclaringType == typeof(OrderTouchpointDelivery) && !p.PropertyType.IsEnum)
            .ToDictionary(p => p.Name, p => p.PropertyType);
        Assert.That(mapped, Is.EquivalentTo(new Dictionary<string, Type>
        {
            ["StoreId"] = typeof(int), ["OrderId"] = typeof(int), ["VendorId"] = typeof(int), ["EventId"] = typeof(int), ["EventSourceId"] = typeof(long), ["StatusId"] = typeof(int),
            ["Attempts"] = typeof(int), ["FirstAttemptOnUtc"] = typeof(DateTime?), ["VendorKey"] = typeof(string), ["NextAttemptOnUtc"] = typeof(DateTime), ["ClaimToken"] = typeof(Guid?), ["ClaimExpiresOnUtc"] = typeof(DateTime?), ["FinishedOnUtc"] = typeof(DateTime?),
            ["LastHttpStatus"] = typeof(int?), ["LastReason"] = typeof(string), ["CreatedOnUtc"] = typeof(DateTime),
            ["LastAttemptOnUtc"] = typeof(DateTime?), ["DeliveredOnUtc"] = typeof(DateTime?), ["EventOccurredOnUtc"] = typeof(DateTime),
            ["DeliveredState"] = typeof(string)
        }));
    }

    [Test]
    public void Creates_the_unique_delivery_key_the_due_index_and_the_admin_log_indexes()
    {
        var recorder = new IndexRecorder();

        OutboxTableMigration.CreateIndexes(recorder);

        Assert.That(recorder.Indexes, Is.EqualTo(new[]
        {
            new RecordedIndex("IX_OrderTouchpointDelivery_EventKey", "OrderTouchpointDelivery", "StoreId,OrderId,VendorId,EventId,EventSourceId", Unique: true),
            new RecordedIndex("IX_OrderTouchpointDelivery_Due", "OrderTouchpointDelivery", "StatusId,NextAttemptOnUtc", Unique: false),
            new RecordedIndex("IX_OrderTouchpointDelivery_Created", "OrderTouchpointDelivery", "CreatedOnUtc", Unique: false),
            new RecordedIndex("IX_OrderTouchpointDelivery_Order", "OrderTouchpointDelivery", "OrderId", Unique: false),
            new RecordedIndex("IX_OrderTouchpointDelivery_Finished", "OrderTouchpointDelivery", "StatusId,FinishedOnUtc", Unique: false)
        }));
        var columns = typeof(OrderTouchpointDelivery).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.That(recorder.Indexes.SelectMany(i => i.Columns.Split(',')).Distinct(), Is.SubsetOf(columns));
        Assert.That(recorder.Indexes.Select(i => i.Name.Length), Has.All.LessThanOrEqualTo(63), "PostgreSQL and MySQL name limits");
    }

    private sealed record RecordedIndex(string Name, string Table, string Columns, bool Unique);

    /// <summary>Stands in for FluentMigrator's create-index builder and records what the migration asks for.</summary>
    private sealed class IndexRecorder : ICreateExpressionRoot, ICreateIndexOnColumnOrInSchemaSyntax, ICreateIndexColumnOptionsSyntax,
        ICreateIndexMoreColumnOptionsSyntax, ICreateIndexOptionsSyntax, ICreateIndexForTableSyntax
    {
        private string _name = "", _table = "";
        private readonly List<string> _columns = [];
        private bool _unique;
        private readonly List<RecordedIndex> _done = [];

        public IReadOnlyList<RecordedIndex> Indexes => [.. _done, .. Current()];

        private IEnumerable<RecordedIndex> Current() =>
            _name == "" ? [] : [new RecordedIndex(_name, _table, string.Join(",", _columns), _unique)];

        public ICreateIndexForTableSyntax Index(string indexName)
        {
            _done.AddRange(Current());
            (_name, _table, _unique) = (indexName, "", false);
            _columns.Clear();
            return this;
        }

        public ICreateIndexOnColumnOrInSchemaSyntax OnTable(string tableName)
        {
            _table = tableName;
            return this;
        }

        public ICreateIndexColumnOptionsSyntax OnColumn(string columnName)
        {
            _columns.Add(columnName);
            return this;
        }

        public ICreateIndexMoreColumnOptionsSyntax Ascending() => this;

        public ICreateIndexOptionsSyntax WithOptions() => this;

        public ICreateIndexOnColumnSyntax Unique()
        {
            _unique = true;
            return this;
        }

        public ICreateIndexOnColumnSyntax NonClustered() => this;
    }
}

public class OutboxVersion11MigrationTests
{
    [Test]
    public void Is_an_update_migration_after_the_installation_one_so_nopCommerce_runs_it_when_the_plugin_version_changes()
    {
        var attribute = typeof(OutboxVersion11Migration).GetCustomAttributesData().Single(a => a.AttributeType == typeof(NopMigrationAttribute));
        var arguments = attribute.ConstructorArguments.Select(a => a.Value).ToArray();

        Assert.That(arguments[2], Is.EqualTo((int)MigrationProcessType.Update));
        Assert.That(typeof(OutboxVersion11Migration).GetCustomAttribute<NopMigrationAttribute>()!.Version,
            Is.GreaterThan(typeof(OutboxTableMigration).GetCustomAttribute<NopMigrationAttribute>()!.Version));
        Assert.That(typeof(OutboxVersion11Migration).BaseType, Is.EqualTo(typeof(Migration)));
    }

    [Test]
    public void Adds_exactly_the_entity_columns_the_first_version_of_the_table_did_not_have()
    {
        var firstVersion = new[]
        {
            "StoreId", "OrderId", "VendorId", "EventId", "StatusId", "Attempts", "NextAttemptOnUtc", "ClaimToken", "ClaimExpiresOnUtc",
            "LastHttpStatus", "LastReason", "CreatedOnUtc", "LastAttemptOnUtc", "DeliveredOnUtc", "EventOccurredOnUtc"
        };
        var mapped = typeof(OrderTouchpointDelivery).GetProperties()
            .Where(p => p.CanWrite && p.DeclaringType == typeof(OrderTouchpointDelivery) && !p.PropertyType.IsEnum)
            .Select(p => p.Name);
        // The update migrations, 1.1 and 1.3, together add every later column.
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Misc.OrderTouchpoints", "Data", "OutboxVersion11Migration.cs"))
                     + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Misc.OrderTouchpoints", "Data", "ErasedCustomersMigration.cs"));

        // The 1.0 key (without the event source) allowed one shipment and one refund per order: it goes.
        Assert.That(source, Does.Contain("Delete.Index(Version10KeyIndex).OnTable(table)"));
        Assert.That(OutboxVersion11Migration.Version10KeyIndex, Is.Not.EqualTo(OutboxTableMigration.KeyIndex));
        Assert.That(source, Does.Contain("OutboxTableMigration.CreateKeyIndex(Create)"));
        // The web farm's vendor-key leases: a table of their own, created on upgrade when missing.
        Assert.That(source, Does.Contain("if (!Schema.Table(OutboxTableMigration.LeaseTableName).Exists())"));
        Assert.That(source, Does.Contain("Create.TableFor<OrderTouchpointVendorLease>()"));
        foreach (var added in mapped.Except(firstVersion))
        {
            Assert.That(source, Does.Contain($"Column(nameof(OrderTouchpointDelivery.{added})).Exists()"), added);
            Assert.That(source, Does.Contain($"AddColumn(nameof(OrderTouchpointDelivery.{added}))"), added);
        }
    }
}

