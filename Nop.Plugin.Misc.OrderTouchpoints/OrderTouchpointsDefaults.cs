namespace Nop.Plugin.Misc.OrderTouchpoints;

public static class OrderTouchpointsDefaults
{
    public const string SystemName = "Misc.OrderTouchpoints";

    /// <summary>Prefix of every locale resource key of the plugin.</summary>
    public const string ResourcePrefix = "Plugins.Misc.OrderTouchpoints.";

    public const string ConfigurationPath = "Admin/OrderTouchpoints/Configure";

    public const string DeliveryLogPath = "Admin/OrderTouchpointsDeliveryLog/List";

    /// <summary>Generic attribute (on the customer, per store) holding the Voyado Engage contact id.</summary>
    public const string VoyadoContactIdAttribute = "OrderTouchpoints.VoyadoContactId";

    /// <summary>Generic attributes (on the store) holding when the owner was last alerted about a vendor; the vendor's name follows.</summary>
    public const string AlertStateAttributePrefix = "OrderTouchpoints.AlertedOn.";

    /// <summary>Sent as User-Agent where a vendor asks for <c>System/Version</c>.</summary>
    public const string UserAgent = "nopCommerce-OrderTouchpoints/1.0";
}
