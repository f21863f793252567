using Nop.Core;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// How many deliveries of one store and vendor finished with one status (delivered or failed) in one closed UTC hour,
/// counted once after the hour ended, so the health view reads a month as a few thousand of these rows instead of
/// counting a million outbox rows. Each counted hour also has one row with <see cref="StatusId"/>
/// <see cref="CountedMarkStatusId"/> (store and vendor 0, no deliveries): the hour is counted, even when nothing finished in it.
/// The unique key (status, hour, store, vendor) makes a second count of an hour, by another web-farm node, a no-op.
/// </summary>
public class OrderTouchpointDeliveryHour : BaseEntity
{
    /// <summary>The <see cref="StatusId"/> of an hour's "counted" row: no delivery status has it.</summary>
    public const int CountedMarkStatusId = 0;

    /// <summary>The start of the hour (UTC, whole hour).</summary>
    public DateTime HourUtc { get; set; }

    public int StatusId { get; set; }

    public int StoreId { get; set; }

    public int VendorId { get; set; }

    public int Deliveries { get; set; }
}
