using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Brings an outbox created by version 1.0 to 1.1: the columns that let an outage cost no attempts
/// (first-attempt time, the vendor key a retry waits for), the finished time (one meaning per column), the event source (which shipment, which refund)
/// and the delivery key that includes it. nopCommerce runs it when the plugin's version changes; new
/// installs get all of it from <see cref="OutboxTableMigration"/> and nopCommerce marks this one applied,
/// so every step checks first. Nothing to undo: uninstall drops the table.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: outbox 1.1 (retry columns, event source in the delivery key)", MigrationProcessType.Update)]
public class OutboxVersion11Migration : Migration
{
    public const string Version = "2026/12/01 18:00:00:0000000";

    /// <summary>The 1.0 delivery key (store, order, vendor, event), which allowed one shipment and one refund per order.</summary>
    public const string Version10KeyIndex = "IX_OrderTouchpointDelivery_Key";

    public override void Up()
    {
        var table = OutboxTableMigration.TableName;
        if (!Schema.Table(table).Column(nameof(OrderTouchpointDelivery.FirstAttemptOnUtc)).Exists())
            AddTimeColumn(table, nameof(OrderTouchpointDelivery.FirstAttemptOnUtc));
        // nopCommerce maps a string property without a length to the provider's unlimited text type; the same here.
        if (!Schema.Table(table).Column(nameof(OrderTouchpointDelivery.VendorKey)).Exists())
            Alter.Table(table).AddColumn(nameof(OrderTouchpointDelivery.VendorKey)).AsString(int.MaxValue).Nullable();
        // Rows finished under 1.0 keep FinishedOnUtc empty: the purge takes them by creation time.
        if (!Schema.Table(table).Column(nameof(OrderTouchpointDelivery.FinishedOnUtc)).Exists())
            AddTimeColumn(table, nameof(OrderTouchpointDelivery.FinishedOnUtc));
        if (!Schema.Table(table).Column(nameof(OrderTouchpointDelivery.EventSourceId)).Exists())
            Alter.Table(table).AddColumn(nameof(OrderTouchpointDelivery.EventSourceId)).AsInt64().NotNullable().WithDefaultValue(0);

        if (Schema.Table(table).Index(Version10KeyIndex).Exists())
            Delete.Index(Version10KeyIndex).OnTable(table);
        if (!Schema.Table(table).Index(OutboxTableMigration.KeyIndex).Exists())
            OutboxTableMigration.CreateKeyIndex(Create);
        if (!Schema.Table(table).Index(OutboxTableMigration.FinishedIndex).Exists())
            OutboxTableMigration.CreateFinishedIndex(Create);

        if (!Schema.Table(OutboxTableMigration.LeaseTableName).Exists())
        {
            Create.TableFor<OrderTouchpointVendorLease>();
            OutboxTableMigration.CreateLeaseKeyIndex(Create);
        }
    }

    /// <summary>
    /// A nullable time column with microseconds, as nopCommerce types an entity's DateTime when it creates the table: FluentMigrator's
    /// AsDateTime2 is DATETIME on MySQL and MariaDB, whole seconds rounded, so there the column is changed to datetime(6) (what
    /// nopCommerce's AsNopDateTime2 writes) or an upgraded store would keep coarser times than a new one.
    /// </summary>
    private void AddTimeColumn(string table, string column)
    {
        Alter.Table(table).AddColumn(column).AsDateTime2().Nullable();
        IfDatabase("MySql").Alter.Table(table).AlterColumn(column).AsCustom("datetime(6)").Nullable();
    }

    public override void Down()
    {
    }
}
