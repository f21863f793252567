using FluentMigrator;
using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Adds the columns that let an outage cost no attempts (first-attempt time, the vendor key a retry waits
/// for) to an outbox created by an earlier version. New installs get them from <see cref="OutboxTableMigration"/>
/// (the whole entity), so each column is added only when missing. Nothing to undo: uninstall drops the table.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: outbox retry columns", MigrationProcessType.Update)]
public class OutboxRetryColumnsMigration : MigrationBase
{
    public const string Version = "2026/12/01 18:00:00:0000000";

    public override void Up()
    {
        var table = OutboxTableMigration.TableName;
        if (!Schema.Table(table).Column(nameof(OrderTouchpointDelivery.FirstAttemptOnUtc)).Exists())
            Alter.Table(table).AddColumn(nameof(OrderTouchpointDelivery.FirstAttemptOnUtc)).AsDateTime2().Nullable();
        // nopCommerce maps a string property without a length to the provider's unlimited text type; the same here.
        if (!Schema.Table(table).Column(nameof(OrderTouchpointDelivery.VendorKey)).Exists())
            Alter.Table(table).AddColumn(nameof(OrderTouchpointDelivery.VendorKey)).AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
    }
}
