namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>Where the storefront gets VTmarketing's tracking snippet.</summary>
public enum TrackingScriptPlacement
{
    /// <summary>Inside &lt;head&gt;, where VTmarketing's installation guide puts it.</summary>
    Head = 0,
    /// <summary>Just before &lt;/body&gt;, for snippets that must not delay rendering.</summary>
    BodyEnd = 1
}
