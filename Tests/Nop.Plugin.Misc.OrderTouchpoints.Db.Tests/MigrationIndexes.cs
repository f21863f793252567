using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Index;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>One index as the plugin's migration declares it.</summary>
public sealed record MigrationIndex(string Name, string Table, IReadOnlyList<string> Columns, bool Unique);

/// <summary>
/// Records the indexes <see cref="OutboxTableMigration"/> creates (outbox, vendor-key leases, erased customers, alert states), through the FluentMigrator syntax it
/// calls, so the test database gets exactly the migration's indexes.
/// </summary>
public sealed class MigrationIndexes : ICreateExpressionRoot, ICreateIndexForTableSyntax, ICreateIndexOnColumnOrInSchemaSyntax,
    ICreateIndexColumnOptionsSyntax, ICreateIndexMoreColumnOptionsSyntax, ICreateIndexOptionsSyntax
{
    private readonly List<MigrationIndex> _indexes = [];
    private string _name = "";
    private string _table = "";
    private List<string> _columns = [];
    private bool _unique;

    public static IReadOnlyList<MigrationIndex> OfOutbox()
    {
        var recorder = new MigrationIndexes();
        OutboxTableMigration.CreateIndexes(recorder);
        OutboxTableMigration.CreateLeaseKeyIndex(recorder);
        ErasedCustomersMigration.CreateErasedCustomerIndex(recorder);
        AlertStatesMigration.CreateAlertStateKeyIndex(recorder);
        DeliveryHoursMigration.CreateKeyIndex(recorder);
        recorder.Flush();
        return recorder._indexes;
    }

    private void Flush()
    {
        if (_name.Length > 0)
            _indexes.Add(new MigrationIndex(_name, _table, _columns, _unique));
        _name = "";
    }

    public ICreateIndexForTableSyntax Index(string indexName)
    {
        Flush();
        (_name, _columns, _unique) = (indexName, [], false);
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
}
