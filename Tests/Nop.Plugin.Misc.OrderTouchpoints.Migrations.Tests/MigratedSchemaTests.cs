using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Migrations.Tests;

/// <summary>The tables every migration of the plugin leaves, run in version order on an empty database, read from its catalogue.</summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
[CancelAfter(30_000)]
public class MigratedSchemaTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private const string Outbox = OutboxTableMigration.TableName;
    private const string Leases = OutboxTableMigration.LeaseTableName;

    private CatalogueDatabase _database = null!;
    private IReadOnlyList<CatalogueColumn> _outboxColumns = [];

    [OneTimeSetUp]
    public async Task MigrateEmptyDatabase()
    {
        _database = await NewDatabaseAsync();
        PluginMigrations.Up(Kind, _database.ConnectionString, PluginMigrations.All);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _outboxColumns = await _database.ColumnsAsync(Outbox, timeout.Token);
    }

    [Test]
    public void The_outbox_has_a_column_for_each_entity_property_nopCommerce_maps()
    {
        Assert.That(_outboxColumns.Select(c => c.Name), Is.EquivalentTo(new[]
        {
            "Id", "StoreId", "OrderId", "VendorId", "EventId", "EventSourceId", "StatusId", "Attempts", "FirstAttemptOnUtc", "VendorKey",
            "NextAttemptOnUtc", "ClaimToken", "ClaimExpiresOnUtc", "FinishedOnUtc", "LastHttpStatus", "LastReason", "CreatedOnUtc",
            "LastAttemptOnUtc", "DeliveredOnUtc", "EventOccurredOnUtc", "SentByNode", "DeliveredState"
        }));
    }

    [Test]
    public void Each_outbox_column_has_the_database_type_nopCommerce_gives_its_property_type()
    {
        var expected = _outboxColumns.ToDictionary(c => c.Name, c => ExpectedType(PropertyType(typeof(OrderTouchpointDelivery), c.Name)));

        Assert.That(_outboxColumns.ToDictionary(c => c.Name, c => c.Type), Is.EquivalentTo(expected));
    }

    [Test]
    public void An_outbox_column_is_nullable_exactly_when_its_property_is_a_string_or_nullable()
    {
        var expected = _outboxColumns.ToDictionary(c => c.Name, c => IsNullable(PropertyType(typeof(OrderTouchpointDelivery), c.Name)));

        Assert.That(_outboxColumns.ToDictionary(c => c.Name, c => c.Nullable), Is.EquivalentTo(expected));
    }

    [Test]
    public void Outbox_times_keep_microseconds()
    {
        var times = _outboxColumns.Where(c => c.Name.EndsWith("OnUtc", StringComparison.Ordinal)).ToList();

        Assert.That(times, Has.Count.EqualTo(8));
        Assert.That(times.Select(c => c.DateTimePrecision), Has.All.EqualTo(6));
    }

    [Test]
    public void The_outbox_key_is_an_identity_Id()
    {
        Assert.That(_outboxColumns.Where(c => c.Identity).Select(c => c.Name), Is.EqualTo(new[] { "Id" }));
    }

    [Test]
    public async Task The_outbox_has_the_primary_key_the_delivery_key_and_the_lookup_indexes()
    {
        var indexes = await _database.IndexesAsync(Outbox, Timeout());

        Assert.That(indexes.Where(i => !i.PrimaryKey), Is.EquivalentTo(new[]
        {
            new CatalogueIndex("IX_OrderTouchpointDelivery_EventKey", "StoreId,OrderId,VendorId,EventId,EventSourceId", Unique: true, PrimaryKey: false),
            new CatalogueIndex("IX_OrderTouchpointDelivery_Due", "StatusId,NextAttemptOnUtc", Unique: false, PrimaryKey: false),
            new CatalogueIndex("IX_OrderTouchpointDelivery_Created", "CreatedOnUtc", Unique: false, PrimaryKey: false),
            new CatalogueIndex("IX_OrderTouchpointDelivery_Order", "OrderId", Unique: false, PrimaryKey: false),
            new CatalogueIndex("IX_OrderTouchpointDelivery_Finished", "StatusId,FinishedOnUtc", Unique: false, PrimaryKey: false)
        }));
        Assert.That(indexes.Where(i => i.PrimaryKey).Select(i => i.Columns), Is.EqualTo(new[] { "Id" }));
    }

    [Test]
    public async Task The_delivery_key_refuses_a_second_row_for_the_same_event_of_an_order()
    {
        await InsertDeliveryAsync(orderId: 11, eventSourceId: 0);

        var duplicate = Assert.CatchAsync(() => InsertDeliveryAsync(orderId: 11, eventSourceId: 0));

        Assert.That(duplicate!.Message, Does.Contain("IX_OrderTouchpointDelivery_EventKey"));
    }

    [Test]
    public async Task The_delivery_key_takes_each_shipment_of_an_order_once()
    {
        await InsertDeliveryAsync(orderId: 12, eventSourceId: 501);
        await InsertDeliveryAsync(orderId: 12, eventSourceId: 502);

        var rows = await _database.CountAsync(Outbox, $"{_database.Quote("OrderId")} = 12", Timeout());

        Assert.That(rows, Is.EqualTo(2));
    }

    [Test]
    public async Task The_lease_table_has_a_column_for_each_entity_property_typed_as_nopCommerce_maps_it()
    {
        var columns = await _database.ColumnsAsync(Leases, Timeout());

        Assert.That(columns.Select(c => (c.Name, c.Type, c.Nullable)), Is.EquivalentTo(new[]
        {
            ("Id", ExpectedType(typeof(int)), false), ("VendorId", ExpectedType(typeof(int)), false), ("KeyHash", ExpectedType(typeof(long)), false),
            ("HolderId", ExpectedType(typeof(Guid)), false), ("ExpiresOnUtc", ExpectedType(typeof(DateTime)), false)
        }));
    }

    [Test]
    public async Task The_lease_table_holds_one_lease_per_vendor_key()
    {
        var indexes = await _database.IndexesAsync(Leases, Timeout());

        Assert.That(indexes.Where(i => !i.PrimaryKey), Is.EquivalentTo(new[]
        {
            new CatalogueIndex("IX_OrderTouchpointVendorLease_Key", "VendorId,KeyHash", Unique: true, PrimaryKey: false)
        }));
    }

    [Test]
    public async Task The_alert_state_table_has_a_column_for_each_entity_property_typed_as_nopCommerce_maps_it()
    {
        var columns = await _database.ColumnsAsync(AlertStatesMigration.AlertStateTableName, Timeout());

        Assert.That(columns.Select(c => (c.Name, c.Type, c.Nullable)), Is.EquivalentTo(new[]
        {
            ("Id", ExpectedType(typeof(int)), false), ("StoreId", ExpectedType(typeof(int)), false), ("VendorId", ExpectedType(typeof(int)), false),
            ("AlertedOnUtc", ExpectedType(typeof(DateTime)), true)
        }));
        Assert.That(columns.Single(c => c.Name == "AlertedOnUtc").DateTimePrecision, Is.EqualTo(6), "the alert time it compares keeps microseconds");
    }

    [Test]
    public async Task The_alert_state_table_holds_one_row_per_store_and_vendor()
    {
        var indexes = await _database.IndexesAsync(AlertStatesMigration.AlertStateTableName, Timeout());

        Assert.That(indexes.Where(i => !i.PrimaryKey), Is.EquivalentTo(new[]
        {
            new CatalogueIndex("IX_OrderTouchpointAlertState_Key", "StoreId,VendorId", Unique: true, PrimaryKey: false)
        }));
    }

    [Test]
    public async Task The_hourly_counts_have_a_column_for_each_entity_property_and_one_row_per_status_hour_store_and_vendor()
    {
        var columns = await _database.ColumnsAsync(DeliveryHoursMigration.TableName, Timeout());
        var indexes = await _database.IndexesAsync(DeliveryHoursMigration.TableName, Timeout());

        Assert.That(columns.Select(c => (c.Name, c.Type, c.Nullable)), Is.EquivalentTo(new[]
        {
            ("Id", ExpectedType(typeof(int)), false), ("HourUtc", ExpectedType(typeof(DateTime)), false), ("StatusId", ExpectedType(typeof(int)), false),
            ("StoreId", ExpectedType(typeof(int)), false), ("VendorId", ExpectedType(typeof(int)), false), ("Deliveries", ExpectedType(typeof(int)), false)
        }));
        Assert.That(indexes.Where(i => !i.PrimaryKey), Is.EquivalentTo(new[]
        {
            new CatalogueIndex(DeliveryHoursMigration.KeyIndex, "StatusId,HourUtc,StoreId,VendorId", Unique: true, PrimaryKey: false)
        }));
    }

    private Task InsertDeliveryAsync(int orderId, long eventSourceId)
    {
        var q = _database.Quote;
        return _database.ExecuteAsync(
            $"""
             INSERT INTO {q(Outbox)} ({q("StoreId")}, {q("OrderId")}, {q("VendorId")}, {q("EventId")}, {q("EventSourceId")}, {q("StatusId")},
                 {q("Attempts")}, {q("NextAttemptOnUtc")}, {q("CreatedOnUtc")}, {q("EventOccurredOnUtc")})
             VALUES (1, {orderId}, 2, 3, {eventSourceId}, 0, 0, '2026-12-05 10:00:00.123456', '2026-12-05 10:00:00', '2026-12-05 10:00:00')
             """, Timeout());
    }

    /// <summary>How nopCommerce's column types read back from each catalogue.</summary>
    private string ExpectedType(Type clrType)
    {
        var postgres = Kind == DatabaseKind.PostgreSQL;
        return (Nullable.GetUnderlyingType(clrType) ?? clrType) switch
        {
            var t when t == typeof(int) => postgres ? "integer" : "int",
            var t when t == typeof(long) => "bigint",
            var t when t == typeof(string) => postgres ? "text" : "longtext",
            var t when t == typeof(DateTime) => postgres ? "timestamp without time zone" : "datetime",
            var t when t == typeof(Guid) => postgres ? "uuid" : "char",
            var t => throw new ArgumentOutOfRangeException(nameof(clrType), t, "no column of this type in the plugin's tables")
        };
    }

    private static bool IsNullable(Type clrType) => clrType == typeof(string) || Nullable.GetUnderlyingType(clrType) is not null;

    private static Type PropertyType(Type entity, string column) =>
        entity.GetProperty(column)?.PropertyType ?? throw new AssertionException($"{entity.Name} has no property for the column {column}");

    private static CancellationToken Timeout() => TestContext.CurrentContext.CancellationToken;
}
