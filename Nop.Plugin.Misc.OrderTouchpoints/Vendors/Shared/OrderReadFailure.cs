using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// A nopCommerce service threw while an order or the vendor's settings were read (database timeout,
/// deadlock, another plugin's broken override). For the vendor that is transient, so a delivery is retried
/// later. The stored reason stays generic; the log gets the type, a masked message and the stack trace,
/// never the exception object itself, whose message may quote customer data.
/// </summary>
public static class OrderReadFailure
{
    public static DeliveryOutcome RetryLater(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        Log(logger, vendor, request, exception);
        return DeliveryOutcome.Retry(
            $"nopCommerce could not read the order or the settings ({exception.GetType().Name}); the delivery will be retried. Details are in the application log.");
    }

    /// <summary>For a preview nothing is retried: the admin just reads why there is nothing to show.</summary>
    public static string PreviewReason(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        Log(logger, vendor, request, exception);
        return $"nopCommerce could not read the order or the settings ({exception.GetType().Name}). Details are in the application log.";
    }

    private static void Log(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception) =>
        logger.LogWarning(
            "Order touchpoints: reading order id {OrderId} of store {StoreId} for {Vendor} ({Event}, attempt {Attempt}) failed with {ExceptionType}: {ExceptionMessage}{NewLine}{StackTrace}",
            request.OrderId, request.StoreId, vendor, request.Event, request.Attempt,
            exception.GetType().FullName, VendorErrorText.Clean(exception.Message), Environment.NewLine, exception.StackTrace);
}
