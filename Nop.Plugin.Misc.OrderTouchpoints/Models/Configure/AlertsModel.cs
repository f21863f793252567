using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>The owner's delivery alerts: one set for the whole installation, whatever the store scope.</summary>
public record AlertsModel : BaseNopModel
{
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Alerts.Enabled")]
    public bool Enabled { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Alerts.WaitingThresholdMinutes")]
    public int WaitingThresholdMinutes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Alerts.PeriodMinutes")]
    public int PeriodMinutes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Alerts.RecipientEmail")]
    public string? RecipientEmail { get; set; }
}
