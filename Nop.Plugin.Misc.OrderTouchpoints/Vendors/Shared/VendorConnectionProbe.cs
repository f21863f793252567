using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>For vendors with no ping: each must refuse an empty <c>{}</c>; how it refuses shows if the key passed.</summary>
public static class VendorConnectionProbe
{
    public const string EmptyTestBody = "{}";

    public static ConnectionTestResult Interpret(string vendorName, Uri endpoint, VendorResponse response)
    {
        var target = $"POST {endpoint.GetLeftPart(UriPartial.Path)}";
        var checkedWhat = $"Checked: {target} with the saved API key and an empty JSON object {{}} (no customer, no order).";
        if (response.StatusCode is not int status)
            return new(false, $"{vendorName} could not be reached: {response.Outcome.Reason} {checkedWhat}");

        var answer = $"HTTP {status}";
        if (!string.IsNullOrEmpty(response.Outcome.Reason))
            answer = response.Outcome.Reason;
        return status switch
        {
            >= 200 and < 300 => new(true,
                $"{vendorName} accepted the key and the request ({answer}). {checkedWhat}"),
            400 or 422 => new(true,
                $"{vendorName} is reachable and did not refuse the API key: the empty test request itself was refused, as expected ({answer}). {checkedWhat}"),
            401 or 403 => new(false,
                $"{vendorName} refused the API key ({answer}). Enter the key again or ask {vendorName} for a valid one. {checkedWhat}"),
            404 or 405 => new(false,
                $"{vendorName} answered {answer}: the endpoint URL looks wrong. {checkedWhat}"),
            429 or >= 500 => new(false,
                $"{vendorName} is reachable but not working right now ({answer}); the key could not be checked. Try again later. {checkedWhat}"),
            _ => new(false, $"{vendorName} answered unexpectedly ({answer}). {checkedWhat}")
        };
    }
}
