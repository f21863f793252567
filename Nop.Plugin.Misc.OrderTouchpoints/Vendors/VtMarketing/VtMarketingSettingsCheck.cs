using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>What a store's VTmarketing settings must hold before anything is sent; reasons are for the store owner.</summary>
public static class VtMarketingSettingsCheck
{
    /// <summary>The first problem that stops sending for the store, or null when the settings are complete.</summary>
    public static string? FindProblem(OrderTouchpointsVtMarketingSettings settings)
    {
        if (!settings.Enabled)
            return "VTmarketing is not enabled for this store.";
        if (string.IsNullOrEmpty(settings.ApiKey))
            return "No VTmarketing API key is saved for this store.";
        return VendorEndpoint.TryParse(settings.EndpointUrl, out _, out var endpointError)
            ? null
            : $"VTmarketing endpoint: {endpointError}";
    }
}
