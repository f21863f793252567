using System.Diagnostics;
using System.Reflection;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Npgsql;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

public enum DatabaseKind
{
    PostgreSQL,
    MariaDB
}

/// <summary>
/// A database of its own on one of the servers of build/db-servers.sh, holding the outbox table (and the erased customers and alert states) as the
/// plugin's migration creates it (columns as nopCommerce maps the entity, the migration's indexes). Dropped
/// on dispose.
/// </summary>
public sealed class OutboxDatabase : IAsyncDisposable
{
    /// <summary>The entity as nopCommerce maps it (also for the SQL Server review).</summary>
    public static readonly MappingSchema MappingSchema = CreateMapping();

    private readonly string _serverConnectionString;

    static OutboxDatabase() =>
        // As nopCommerce's PostgreSQL provider: UTC DateTimes go to "timestamp without time zone" columns.
        AppContext.SetSwitch("Npgsql.EnableLegacyTimestampBehavior", true);

    private OutboxDatabase(DatabaseKind kind, string serverConnectionString, string name, string connectionString)
    {
        Kind = kind;
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public DatabaseKind Kind { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string from build/db-servers.sh, or null when it is not running.</summary>
    public static string? ServerConnectionString(DatabaseKind kind) =>
        Environment.GetEnvironmentVariable(kind == DatabaseKind.PostgreSQL ? "OT_TEST_POSTGRES" : "OT_TEST_MARIADB") is { Length: > 0 } value ? value : null;

    public static async Task<OutboxDatabase> CreateAsync(DatabaseKind kind, string serverConnectionString)
    {
        var name = "ot_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var server = new DataConnection(Options(kind, serverConnectionString)))
            await server.ExecuteAsync($"CREATE DATABASE {name}");
        var database = new OutboxDatabase(kind, serverConnectionString, name, WithDatabase(kind, serverConnectionString, name));
        await using var connection = database.Connect();
        await connection.CreateTableAsync<OrderTouchpointDelivery>();
        await connection.CreateTableAsync<OrderTouchpointVendorLease>();
        await connection.CreateTableAsync<OrderTouchpointErasedCustomer>();
        await connection.CreateTableAsync<OrderTouchpointAlertState>();
        await connection.CreateTableAsync<OrderTouchpointDeliveryHour>();
        foreach (var index in MigrationIndexes.OfOutbox())
        {
            var columns = string.Join(", ", index.Columns.Select(database.Quote));
            await connection.ExecuteAsync(
                $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {database.Quote(index.Name)} ON {database.Quote(index.Table)} ({columns})");
        }
        return database;
    }

    public string Quote(string identifier) => Kind == DatabaseKind.PostgreSQL ? $"\"{identifier}\"" : $"`{identifier}`";

    public DataConnection Connect() => new(Options(Kind, ConnectionString));

    /// <summary>A connection whose statements are handed to <paramref name="onStatement"/> (SQL text, parameters inlined).</summary>
    public DataConnection ConnectTraced(Action<string> onStatement) =>
        new(Options(Kind, ConnectionString).UseTracing(TraceLevel.Info, info =>
        {
            if (info.TraceInfoStep == TraceInfoStep.BeforeExecute && info.SqlText is { } sql)
                onStatement(sql);
        }))
        { InlineParameters = true };

    /// <summary>
    /// The plugin's outbox over one connection of this database (what one DI scope of the store holds); raw statements
    /// go through <paramref name="dataProvider"/> (by default one over the connection's options). With a
    /// <paramref name="databaseClock"/> its times are the database server's, as in the store; without, <paramref name="timeProvider"/>'s.
    /// </summary>
    public static DbDeliveryOutbox Outbox(DataConnection connection, TimeProvider timeProvider, Linq2DbDataProvider? dataProvider = null,
        DatabaseClock? databaseClock = null, Nop.Services.Logging.ILogger? logger = null) =>
        new(new Linq2DbRepository<OrderTouchpointDelivery>(connection), dataProvider ?? new Linq2DbDataProvider(connection), timeProvider, databaseClock,
            logger);

    /// <summary>The plugin's reports and resends over one connection of this database, on <paramref name="timeProvider"/>'s clock.</summary>
    public static DbDeliveryReports Reports(DataConnection connection, TimeProvider timeProvider, Linq2DbDataProvider? dataProvider = null) =>
        new(new Linq2DbRepository<OrderTouchpointDelivery>(connection), dataProvider ?? new Linq2DbDataProvider(connection), timeProvider);

    /// <summary>
    /// The plugin's erased-customer list over one connection of this database; nopCommerce's order read is answered by
    /// <paramref name="orders"/> (by default <see cref="OrdersOf"/> with an order's customer id being the order id). One
    /// <paramref name="known"/> per node (by default a node of its own).
    /// </summary>
    public static DbErasedCustomers ErasedCustomers(DataConnection connection, IOrderQueries? orders = null, KnownErasures? known = null) =>
        new(new Linq2DbRepository<OrderTouchpointErasedCustomer>(connection),
            new ServiceCollection().AddSingleton(orders ?? OrdersOf(orderId => orderId)).AddScoped<OrderDataLoader>().BuildServiceProvider(),
            known ?? new KnownErasures(TimeProvider.System));

    /// <summary>The plugin's order read, answering each order with the customer <paramref name="customerOfOrder"/> gives.</summary>
    public static IOrderQueries OrdersOf(Func<int, int> customerOfOrder) =>
        FakeService<IOrderQueries>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>
        {
            ["FindAsync"] = (_, a) => Task.FromResult<OrderRows?>(new OrderRows(new Order { Id = (int)a[0]!, CustomerId = customerOfOrder((int)a[0]!) }, null, null, null))
        });

    private static DataOptions Options(DatabaseKind kind, string connectionString)
    {
        var options = kind == DatabaseKind.PostgreSQL
            ? new DataOptions().UsePostgreSQL(connectionString)
            : new DataOptions().UseMySql(connectionString, LinqToDB.DataProvider.MySql.MySqlVersion.MariaDB10, LinqToDB.DataProvider.MySql.MySqlProvider.MySqlConnector);
        return options.UseMappingSchema(MappingSchema);
    }

    private static string WithDatabase(DatabaseKind kind, string serverConnectionString, string name) => kind == DatabaseKind.PostgreSQL
        ? new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString
        : new MySqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;

    /// <summary>The entity as nopCommerce maps it: the …Id ints are columns, the enum wrappers are not; times keep microseconds.</summary>
    private static MappingSchema CreateMapping()
    {
        var schema = new MappingSchema();
        var entity = new FluentMappingBuilder(schema).Entity<OrderTouchpointDelivery>()
            .HasTableName(OutboxTableMigration.TableName)
            .Property(d => d.Id).IsPrimaryKey().IsIdentity()
            .Property(d => d.Vendor).IsNotColumn()
            .Property(d => d.Event).IsNotColumn()
            .Property(d => d.Status).IsNotColumn()
            .Property(d => d.LastReason).HasDataType(DataType.Text).IsNullable()
            .Property(d => d.VendorKey).HasDataType(DataType.Text).IsNullable()
            .Property(d => d.SentByNode).HasDataType(DataType.Text).IsNullable()
            .Property(d => d.DeliveredState).HasDataType(DataType.Text).IsNullable()
            .Property(d => d.NextAttemptOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6)
            .Property(d => d.CreatedOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6)
            .Property(d => d.EventOccurredOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6)
            .Property(d => d.FirstAttemptOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6).IsNullable()
            .Property(d => d.ClaimExpiresOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6).IsNullable()
            .Property(d => d.FinishedOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6).IsNullable()
            .Property(d => d.LastAttemptOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6).IsNullable()
            .Property(d => d.DeliveredOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6).IsNullable();
        entity.Build();
        new FluentMappingBuilder(schema).Entity<OrderTouchpointVendorLease>()
            .HasTableName(OutboxTableMigration.LeaseTableName)
            .Property(l => l.Id).IsPrimaryKey().IsIdentity()
            .Property(l => l.ExpiresOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6)
            .Build();
        new FluentMappingBuilder(schema).Entity<OrderTouchpointErasedCustomer>()
            .HasTableName(ErasedCustomersMigration.ErasedCustomerTableName)
            .Property(e => e.Id).IsPrimaryKey().IsIdentity()
            .Property(e => e.ErasedOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6)
            .Build();
        new FluentMappingBuilder(schema).Entity<OrderTouchpointAlertState>()
            .HasTableName(AlertStatesMigration.AlertStateTableName)
            .Property(a => a.Id).IsPrimaryKey().IsIdentity()
            .Property(a => a.AlertedOnUtc).HasDataType(DataType.DateTime2).HasPrecision(6).IsNullable()
            .Build();
        new FluentMappingBuilder(schema).Entity<OrderTouchpointDeliveryHour>()
            .HasTableName(DeliveryHoursMigration.TableName)
            .Property(h => h.Id).IsPrimaryKey().IsIdentity()
            .Property(h => h.HourUtc).HasDataType(DataType.DateTime2).HasPrecision(6)
            .Build();
        return schema;
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.PostgreSQL)
            NpgsqlConnection.ClearAllPools();
        else
            MySqlConnection.ClearAllPools();
        await using var server = new DataConnection(Options(Kind, _serverConnectionString));
        await server.ExecuteAsync(Kind == DatabaseKind.PostgreSQL ? $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)" : $"DROP DATABASE IF EXISTS {Name}");
    }
}
