using System.Reflection;
using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Table;
using FluentMigrator.Runner;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;

namespace Nop.Plugin.Misc.OrderTouchpoints.Migrations.Tests;

/// <summary>
/// Runs the plugin's migrations as nopCommerce's migration manager does: each one's Up (or Down) through FluentMigrator's
/// runner, in version order, with nopCommerce's choice of database engine (Postgres92 for PostgreSQL, MySql5 for MySQL and
/// MariaDB), and <c>Create.TableFor&lt;TEntity&gt;()</c> writing the test kit's <see cref="EntityTable"/>.
/// </summary>
public static class PluginMigrations
{
    private const int DateTimePrecision = 6;

    /// <summary>Every migration of the plugin assembly nopCommerce would pick up (those with a NopMigration attribute), oldest first.</summary>
    public static IReadOnlyList<PluginMigration> All { get; } = EntityTable.LoadableTypes(typeof(OutboxTableMigration).Assembly)
        .Select(PluginMigration.Of)
        .OfType<PluginMigration>()
        .OrderBy(m => m.Version)
        .ToList();

    public static PluginMigration Installation { get; } = All.Single(m => m.Type == typeof(OutboxTableMigration));

    public static IEnumerable<PluginMigration> Updates => All.Where(m => m.Process == MigrationProcessType.Update);

    public static void Up(DatabaseKind kind, string connectionString, IEnumerable<PluginMigration> migrations) =>
        Run(kind, connectionString, (runner, services) =>
        {
            foreach (var migration in migrations)
                runner.Up(migration.Create(services));
        });

    /// <summary>What uninstalling does: Down of every applied migration, newest first.</summary>
    public static void Down(DatabaseKind kind, string connectionString, IEnumerable<PluginMigration> migrations) =>
        Run(kind, connectionString, (runner, services) =>
        {
            foreach (var migration in migrations.Reverse())
                runner.Down(migration.Create(services));
        });

    private static void Run(DatabaseKind kind, string connectionString, Action<IMigrationRunner, IServiceProvider> run)
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (kind == DatabaseKind.PostgreSQL)
                    runner.AddPostgres92();
                else
                    runner.AddMySql5();
                runner.WithGlobalConnectionString(connectionString);
            })
            // nopCommerce builds migrations through its container: a data migration may take the data provider.
            .AddSingleton(_ => new DataConnection(DataOptionsFor(kind, connectionString)))
            .AddSingleton<INopDataProvider>(provider => new Linq2DbDataProvider(provider.GetRequiredService<DataConnection>()))
            .BuildServiceProvider(validateScopes: false);
        using var scope = services.CreateScope();
        using (EntityTable.UseWriter((root, table) => WriteTable((ICreateExpressionRoot)root, table, kind)))
            run(scope.ServiceProvider.GetRequiredService<IMigrationRunner>(), scope.ServiceProvider);
    }

    /// <summary>The outbox as nopCommerce maps it for a data migration's reads: the enum wrappers are not columns.</summary>
    private static DataOptions DataOptionsFor(DatabaseKind kind, string connectionString)
    {
        var mapping = new MappingSchema();
        new FluentMappingBuilder(mapping).Entity<OrderTouchpointDelivery>()
            .HasTableName(OutboxTableMigration.TableName)
            .Property(d => d.Id).IsPrimaryKey().IsIdentity()
            .Property(d => d.Vendor).IsNotColumn()
            .Property(d => d.Event).IsNotColumn()
            .Property(d => d.Status).IsNotColumn()
            .Build();
        var options = kind == DatabaseKind.PostgreSQL
            ? new DataOptions().UsePostgreSQL(connectionString)
            : new DataOptions().UseMySql(connectionString, LinqToDB.DataProvider.MySql.MySqlVersion.MariaDB10, LinqToDB.DataProvider.MySql.MySqlProvider.MySqlConnector);
        return options.UseMappingSchema(mapping);
    }

    /// <summary>
    /// The table's columns through FluentMigrator's table syntax, typed as nopCommerce types them: a string is unlimited text, a
    /// decimal (18, 4), a DateTime datetime2 with microseconds (MySQL: datetime(6)); a column is NOT NULL unless made nullable.
    /// </summary>
    private static void WriteTable(ICreateExpressionRoot create, EntityTable table, DatabaseKind kind)
    {
        var builder = (CreateTableExpressionBuilder)create.Table(table.Name);
        foreach (var column in table.Columns)
        {
            var typed = builder.WithColumn(column.Name);
            if (column.PrimaryKey)
            {
                typed.AsInt32().PrimaryKey().Identity();
                continue;
            }
            switch (column.ClrType)
            {
                case var t when t == typeof(int): typed.AsInt32(); break;
                case var t when t == typeof(long): typed.AsInt64(); break;
                case var t when t == typeof(string): typed.AsString(int.MaxValue); break;
                case var t when t == typeof(bool): typed.AsBoolean(); break;
                case var t when t == typeof(decimal): typed.AsDecimal(18, 4); break;
                case var t when t == typeof(byte[]): typed.AsBinary(int.MaxValue); break;
                case var t when t == typeof(Guid): typed.AsGuid(); break;
                case var t when t == typeof(DateTime):
                    if (kind == DatabaseKind.MariaDB)
                        typed.AsCustom($"datetime({DateTimePrecision})");
                    else
                        typed.AsDateTime2();
                    builder.CurrentColumn.Precision = DateTimePrecision;
                    break;
                default: throw new NotSupportedException($"{table.Name}.{column.Name}: nopCommerce maps no column of type {column.ClrType}.");
            }
            if (column.Nullable)
                builder.Nullable();
        }
    }
}

/// <summary>
/// A migration with what its NopMigration attribute says. The attribute is read as FluentMigrator's (its base at run time) and
/// through its constructor arguments: the test kit's Nop.Data is compiled against the reference surface's FluentMigrator 7, which
/// this compilation cannot unify with the real FluentMigrator 8 it runs on.
/// </summary>
public sealed record PluginMigration(Type Type, long Version, MigrationProcessType Process)
{
    public static PluginMigration? Of(Type type)
    {
        if (type.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == "Nop.Data.Migrations.NopMigrationAttribute") is not { } nopMigration)
            return null;
        var process = nopMigration.ConstructorArguments.LastOrDefault(a => a.ArgumentType == typeof(MigrationProcessType)).Value is int value
            ? (MigrationProcessType)value
            : MigrationProcessType.NoMatter;
        return new PluginMigration(type, type.GetCustomAttribute<MigrationAttribute>()!.Version, process);
    }

    public IMigration Create(IServiceProvider services) => (IMigration)ActivatorUtilities.CreateInstance(services, Type);
}
