using FluentMigrator;
using Nop.Data;
using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// Brings an outbox of version 1.2 to 1.3. Version 1.2 claimed rows into a node's send queue (status 15, "queued to
/// send") before sending them; 1.3 claims straight to being sent. A row a 1.2 node left queued was never sent, so it
/// becomes pending again, due now, with no claim. The column naming the sending node is added. nopCommerce runs it when
/// the plugin's version changes; a new install gets the column from <see cref="OutboxTableMigration"/> and nopCommerce
/// marks this one applied, so every step checks first. Nothing to undo: uninstall drops the table.
/// </summary>
[NopMigration(Version, "Misc.OrderTouchpoints: outbox 1.3 (claims straight to sending, sending node)", MigrationProcessType.Update)]
public class OutboxVersion13Migration(INopDataProvider dataProvider) : Migration
{
    public const string Version = "2026/12/05 16:00:00:0000000";

    /// <summary>The status 1.2 gave a row queued in a node's send queue, not yet sent.</summary>
    public const int Version12QueuedStatusId = 15;

    public override void Up()
    {
        // nopCommerce maps a string property without a length to the provider's unlimited text type; the same here.
        if (!Schema.Table(OutboxTableMigration.TableName).Column(nameof(OrderTouchpointDelivery.SentByNode)).Exists())
            Alter.Table(OutboxTableMigration.TableName).AddColumn(nameof(OrderTouchpointDelivery.SentByNode)).AsString(int.MaxValue).Nullable();
        ReturnVersion12QueuedRows(dataProvider, DateTime.UtcNow);
    }

    /// <summary>
    /// Puts the rows 1.2 nodes left queued back to pending, due at <paramref name="nowUtc"/>; returns how many. Few rows
    /// (at most one claim batch per node), so they are read and written as entities, the way nopCommerce's own data
    /// migrations do (a migration's Up is synchronous).
    /// </summary>
    public static int ReturnVersion12QueuedRows(INopDataProvider dataProvider, DateTime nowUtc)
    {
        var queued = dataProvider.GetTable<OrderTouchpointDelivery>().Where(d => d.StatusId == Version12QueuedStatusId).ToList();
        foreach (var row in queued)
        {
            row.StatusId = (int)Delivery.DeliveryStatus.Pending;
            row.NextAttemptOnUtc = nowUtc;
            row.ClaimToken = null;
            row.ClaimExpiresOnUtc = null;
        }
        if (queued.Count > 0)
            dataProvider.UpdateEntities(queued);
        return queued.Count;
    }

    public override void Down()
    {
    }
}
