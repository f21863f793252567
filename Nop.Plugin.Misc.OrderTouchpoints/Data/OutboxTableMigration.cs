using FluentMigrator;
using FluentMigrator.Builders.Create;
using Nop.Data.Extensions;
using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Creates the outbox table (and the tables of vendor-key leases, erased customers and alert states) when the plugin is installed. Auto-reversing, so nopCommerce's uninstall
/// (which runs Down of the plugin's applied migrations) drops the indexes and the table again.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: delivery outbox", MigrationProcessType.Installation)]
public class OutboxTableMigration : AutoReversingMigration
{
    public const string Version = "2026/11/22 12:00:00:0000000";

    public const string TableName = nameof(OrderTouchpointDelivery);
    public const string LeaseTableName = nameof(OrderTouchpointVendorLease);
    public const string LeaseKeyIndex = "IX_OrderTouchpointVendorLease_Key";

    // PostgreSQL index names are unique per schema, not per table: every name carries the table name.
    public const string KeyIndex = "IX_OrderTouchpointDelivery_EventKey";
    public const string DueIndex = "IX_OrderTouchpointDelivery_Due";
    public const string CreatedIndex = "IX_OrderTouchpointDelivery_Created";
    public const string OrderIndex = "IX_OrderTouchpointDelivery_Order";
    public const string FinishedIndex = "IX_OrderTouchpointDelivery_Finished";

    public override void Up()
    {
        Create.TableFor<OrderTouchpointDelivery>();
        CreateIndexes(Create);
        Create.TableFor<OrderTouchpointVendorLease>();
        CreateLeaseKeyIndex(Create);
        ErasedCustomersMigration.CreateErasedCustomerTable(Create);
        AlertStatesMigration.CreateAlertStateTable(Create);
        DeliveryHoursMigration.CreateTable(Create);
    }

    /// <summary>One lease per vendor and API key.</summary>
    internal static void CreateLeaseKeyIndex(ICreateExpressionRoot create) =>
        create.Index(LeaseKeyIndex).OnTable(LeaseTableName)
            .OnColumn(nameof(OrderTouchpointVendorLease.VendorId)).Ascending()
            .OnColumn(nameof(OrderTouchpointVendorLease.KeyHash)).Ascending()
            .WithOptions().Unique();

    /// <summary>
    /// The unique delivery key; "due rows" (and, through NextAttemptOnUtc, "finished since"); the admin
    /// log's newest-first listing and its order filter.
    /// </summary>
    internal static void CreateIndexes(ICreateExpressionRoot create)
    {
        CreateKeyIndex(create);

        create.Index(DueIndex).OnTable(TableName)
            .OnColumn(nameof(OrderTouchpointDelivery.StatusId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDelivery.NextAttemptOnUtc)).Ascending();

        create.Index(CreatedIndex).OnTable(TableName)
            .OnColumn(nameof(OrderTouchpointDelivery.CreatedOnUtc)).Ascending();

        create.Index(OrderIndex).OnTable(TableName)
            .OnColumn(nameof(OrderTouchpointDelivery.OrderId)).Ascending();

        CreateFinishedIndex(create);
    }

    /// <summary>Finished rows by status and time: purge, "failed since" and the vendor health figures.</summary>
    internal static void CreateFinishedIndex(ICreateExpressionRoot create) =>
        create.Index(FinishedIndex).OnTable(TableName)
            .OnColumn(nameof(OrderTouchpointDelivery.StatusId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDelivery.FinishedOnUtc)).Ascending();

    /// <summary>One delivery per store, order, vendor, event and event source (which shipment, which refund).</summary>
    internal static void CreateKeyIndex(ICreateExpressionRoot create) =>
        create.Index(KeyIndex).OnTable(TableName)
            .OnColumn(nameof(OrderTouchpointDelivery.StoreId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDelivery.OrderId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDelivery.VendorId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDelivery.EventId)).Ascending()
            .OnColumn(nameof(OrderTouchpointDelivery.EventSourceId)).Ascending()
            .WithOptions().Unique();
}
