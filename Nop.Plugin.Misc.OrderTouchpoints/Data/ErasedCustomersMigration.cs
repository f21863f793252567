using FluentMigrator;
using FluentMigrator.Builders.Create;
using Nop.Data.Extensions;
using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Brings an outbox of 1.2 to 1.3 for privacy and truthful posts: the table of erased customers
/// (<see cref="OrderTouchpointErasedCustomer"/>) and the state each delivered post showed its vendor
/// (<see cref="OrderTouchpointDelivery.DeliveredState"/>). New installs get both from <see cref="OutboxTableMigration"/>
/// and nopCommerce marks this one applied, so every step checks first. Nothing to undo: uninstall reverses the
/// installation migration, which drops both tables.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: 1.3 erased customers and delivered states", MigrationProcessType.Update)]
public class ErasedCustomersMigration : Migration
{
    public const string Version = "2026/12/05 16:10:00:0000000";

    public const string ErasedCustomerTableName = nameof(OrderTouchpointErasedCustomer);
    public const string ErasedCustomerIndex = "IX_OrderTouchpointErasedCustomer_Customer";

    public override void Up()
    {
        var table = OutboxTableMigration.TableName;
        // nopCommerce maps a string property without a length to the provider's unlimited text type; the same here.
        if (!Schema.Table(table).Column(nameof(OrderTouchpointDelivery.DeliveredState)).Exists())
            Alter.Table(table).AddColumn(nameof(OrderTouchpointDelivery.DeliveredState)).AsString(int.MaxValue).Nullable();
        if (!Schema.Table(ErasedCustomerTableName).Exists())
            CreateErasedCustomerTable(Create);
    }

    public override void Down()
    {
    }

    /// <summary>One row per erased customer: the unique index is the lookup and keeps a repeated erase to one row.</summary>
    internal static void CreateErasedCustomerTable(ICreateExpressionRoot create)
    {
        create.TableFor<OrderTouchpointErasedCustomer>();
        CreateErasedCustomerIndex(create);
    }

    internal static void CreateErasedCustomerIndex(ICreateExpressionRoot create) =>
        create.Index(ErasedCustomerIndex).OnTable(ErasedCustomerTableName)
            .OnColumn(nameof(OrderTouchpointErasedCustomer.CustomerId)).Ascending()
            .WithOptions().Unique();
}
