using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// A nopCommerce service threw while an order or the vendor's settings were read (database timeout,
/// deadlock, another plugin's broken override). For the vendor that is transient, so a delivery is retried
/// later. The stored reason stays generic; nopCommerce's log (System → Log) gets the type, a masked message
/// and the stack trace, never the exception object itself, whose message may quote customer data.
/// </summary>
public static class OrderReadFailure
{
    public static async Task<DeliveryOutcome> RetryLaterAsync(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        await LogAsync(logger, vendor, request, exception);
        return DeliveryOutcome.Retry(
            $"nopCommerce could not read the order or the settings ({exception.GetType().Name}); the delivery will be retried. Details are in System → Log.");
    }

    /// <summary>For a preview nothing is retried: the admin just reads why there is nothing to show.</summary>
    public static async Task<string> PreviewReasonAsync(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        await LogAsync(logger, vendor, request, exception);
        return $"nopCommerce could not read the order or the settings ({exception.GetType().Name}). Details are in System → Log.";
    }

    private static async Task LogAsync(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        try
        {
            await logger.WarningAsync(
                $"Order touchpoints: reading order id {request.OrderId} of store {request.StoreId} for {vendor} ({request.Event}, attempt {request.Attempt}) " +
                $"failed with {exception.GetType().FullName}: {VendorErrorText.Clean(exception.Message)}{Environment.NewLine}{exception.StackTrace}");
        }
        catch (Exception)
        {
            // The log lives in the database that may be what just failed; the stored reason still tells the owner.
        }
    }
}
