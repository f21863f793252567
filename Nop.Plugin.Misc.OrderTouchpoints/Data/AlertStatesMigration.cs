using FluentMigrator;
using FluentMigrator.Builders.Create;
using Nop.Data.Extensions;
using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Brings an outbox of 1.2 to 1.3 for web farms: the owner's alert states move from nopCommerce generic attributes (read, then
/// written after the email was queued, and with no unique key, so two nodes sweeping at once both alerted) to a table of the
/// plugin's own with one row per store and vendor (<see cref="OrderTouchpointAlertState"/>). The generic attributes are not
/// carried over: a vendor still in trouble at the update gets one alert again (its first in the new table), and trouble that
/// ended across the update sends no "recovered" email; uninstall removes the old attributes. New installs get the table from
/// <see cref="OutboxTableMigration"/> and nopCommerce marks this one applied, so the step checks first. Nothing to undo:
/// uninstall reverses the installation migration, which drops the table.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: 1.3 alert states shared by web-farm nodes", MigrationProcessType.Update)]
public class AlertStatesMigration : Migration
{
    public const string Version = "2026/12/05 19:00:00:0000000";

    public const string AlertStateTableName = nameof(OrderTouchpointAlertState);
    public const string AlertStateKeyIndex = "IX_OrderTouchpointAlertState_Key";

    public override void Up()
    {
        if (!Schema.Table(AlertStateTableName).Exists())
            CreateAlertStateTable(Create);
    }

    public override void Down()
    {
    }

    /// <summary>One row per store and vendor: the unique index makes two nodes' first alert one row, and is the lookup.</summary>
    internal static void CreateAlertStateTable(ICreateExpressionRoot create)
    {
        create.TableFor<OrderTouchpointAlertState>();
        CreateAlertStateKeyIndex(create);
    }

    internal static void CreateAlertStateKeyIndex(ICreateExpressionRoot create) =>
        create.Index(AlertStateKeyIndex).OnTable(AlertStateTableName)
            .OnColumn(nameof(OrderTouchpointAlertState.StoreId)).Ascending()
            .OnColumn(nameof(OrderTouchpointAlertState.VendorId)).Ascending()
            .WithOptions().Unique();
}
