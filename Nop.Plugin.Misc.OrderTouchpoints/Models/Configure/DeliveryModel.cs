using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>How the outbox is drained: one set for the whole installation, whatever the store scope.</summary>
public record DeliveryModel : BaseNopModel
{
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Delivery.RetrySchedule")]
    public string? RetrySchedule { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Delivery.RetentionDays")]
    public int RetentionDays { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Delivery.ReconciliationEnabled")]
    public bool ReconciliationEnabled { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Delivery.MaxConcurrentSends")]
    public int MaxConcurrentSends { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Delivery.AttemptTimeoutSeconds")]
    public int AttemptTimeoutSeconds { get; set; }
}
