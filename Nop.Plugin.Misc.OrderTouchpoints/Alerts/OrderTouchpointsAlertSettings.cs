using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

/// <summary>When the store owner is mailed about deliveries; one set for all stores, overridable per store.</summary>
public class OrderTouchpointsAlertSettings : ISettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>A delivery still waiting after this long is reported.</summary>
    public int WaitingThresholdMinutes { get; set; } = 30;

    /// <summary>At most one alert per vendor and store in this time; failures this recent count.</summary>
    public int PeriodMinutes { get; set; } = 60;

    /// <summary>Where alerts go; empty = the address of the store's email account (nopCommerce's store-owner address).</summary>
    public string? RecipientEmail { get; set; }
}
