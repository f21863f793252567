using FluentMigrator;
using FluentMigrator.Builders.Create;
using Nop.Data.Extensions;
using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Adds the hourly counts of finished deliveries (<see cref="OrderTouchpointDeliveryHour"/>) the health view reads for
/// closed hours. New installs get the table from <see cref="OutboxTableMigration"/> and nopCommerce marks this one
/// applied, so it checks first; the first delivery sweep after the update counts the hours within retention.
/// Nothing to undo: uninstall reverses the installation migration, which drops the table.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: hourly counts of finished deliveries", MigrationProcessType.Update)]
public class DeliveryHoursMigration : Migration
{
    public const string Version = "2026/12/05 19:30:00:0000000";

    public const string TableName = nameof(OrderTouchpointDeliveryHour);
    public const string KeyIndex = "IX_OrderTouchpointDeliveryHour_Key";

    public override void Up()
    {
        if (!Schema.Table(TableName).Exists())
            CreateTable(Create);
    }

    public override void Down()
    {
    }

    /// <summary>
    /// One row per status, hour, store and vendor. Status and hour lead: the view reads delivered and failed counts
    /// (and the "counted" rows) over a range of hours.
    /// </summary>
    internal static void CreateTable(ICreateExpressionRoot create)
    {
        create.TableFor<OrderTouchpointDeliveryHour>();
        CreateKeyIndex(create);
    }

    internal static void CreateKeyIndex(ICreateExpressionRoot create) =>
        create.Index(KeyIndex).OnTable(TableName)
            .OnColumn(nameof(OrderTouchpointDeliveryHour.StatusId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDeliveryHour.HourUtc)).Ascending()
            .OnColumn(nameof(OrderTouchpointDeliveryHour.StoreId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDeliveryHour.VendorId)).Ascending()
            .WithOptions().Unique();
}
