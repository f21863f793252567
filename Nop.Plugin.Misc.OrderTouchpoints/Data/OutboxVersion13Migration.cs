using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Brings an outbox of version 1.2 to 1.3. Version 1.2 claimed rows into a node's send queue (status 15, "queued to
/// send") before sending them; 1.3 claims straight to being sent. A row a 1.2 node left queued was never sent, so it
/// becomes pending again, due now, with no claim. The column naming the sending node is added. nopCommerce runs it when
/// the plugin's version changes; a new install gets the column from <see cref="OutboxTableMigration"/> and nopCommerce
/// marks this one applied, so every step checks first or changes nothing the second time. Nothing to undo: uninstall
/// drops the table.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: outbox 1.3 (claims straight to sending, sending node)", MigrationProcessType.Update)]
public class OutboxVersion13Migration : Migration
{
    public const string Version = "2026/12/05 16:00:00:0000000";

    /// <summary>The status 1.2 gave a row queued in a node's send queue, not yet sent.</summary>
    public const int Version12QueuedStatusId = 15;

    public override void Up()
    {
        // nopCommerce maps a string property without a length to the provider's unlimited text type; the same here.
        if (!Schema.Table(OutboxTableMigration.TableName).Column(nameof(OrderTouchpointDelivery.SentByNode)).Exists())
            Alter.Table(OutboxTableMigration.TableName).AddColumn(nameof(OrderTouchpointDelivery.SentByNode)).AsString(int.MaxValue).Nullable();

        // Up only queues expressions, run in this order after it returns. An entity read here would run at once and select
        // every column the 1.3 entity maps, SentByNode and DeliveredState (a later migration's) among them, which a 1.2
        // table lacks; the update names only columns 1.2 had. FluentMigrator writes the due time in whole seconds.
        Update.Table(OutboxTableMigration.TableName)
            .Set(new
            {
                StatusId = (int)DeliveryStatus.Pending,
                NextAttemptOnUtc = DateTime.UtcNow,
                ClaimToken = (Guid?)null,
                ClaimExpiresOnUtc = (DateTime?)null
            })
            .Where(new { StatusId = Version12QueuedStatusId });
    }

    public override void Down()
    {
    }
}
