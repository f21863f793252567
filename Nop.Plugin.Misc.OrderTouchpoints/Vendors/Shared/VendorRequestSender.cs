using System.Net;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Configuration;
using Polly.Timeout;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Sends through <see cref="VendorGate"/>; never throws for vendor trouble; reasons never contain the key.</summary>
public class VendorRequestSender(VendorGate gate, ISettingService settingService, TimeProvider timeProvider)
{
    /// <param name="connectionTest">A connection test, not a delivery's request: it goes out from any node of a web farm.</param>
    public async Task<VendorResponse> SendAsync(
        HttpClient client,
        VendorFacts vendor,
        string apiKey,
        Func<HttpRequestMessage> createRequest,
        Func<string, string> describeError,
        RepeatEffect repeat,
        DeliveryRequest? delivery,
        CancellationToken cancellationToken,
        int? maxRequestsPerSecond = null,
        bool connectionTest = false)
    {
        var key = VendorKey.Of(vendor.Vendor, apiKey);
        // Every retry remembers the vendor key it waits for: when the vendor answers again, all go at once.
        var vendorKey = key.Name;
        var attemptTimeout = DrainPlan.AttemptTimeoutOf(await settingService.LoadSettingAsync<OrderTouchpointsDeliverySettings>());
        var requestOut = false;
        try
        {
            GatePassage passage;
            try
            {
                passage = await gate.SendAsync(key, delivery?.StoreId, attemptTimeout, maxRequestsPerSecond, async token =>
                {
                    using var request = createRequest();
                    requestOut = true;
                    return await VendorHttp.SendAsync(client, request, token);
                }, cancellationToken, connectionTest);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && requestOut)
            {
                // The send time limit struck while the request was out: the vendor may have it (the timeout rule applies).
                throw new SendInterruptedException(repeat, vendorKey, cancellationToken);
            }
            if (passage.HeldBack is { } heldBack)
                return new VendorResponse(heldBack);
            using var response = passage.Answer!;
            // Already buffered by VendorHttp.SendAsync: the vendor answered, whatever the caller's token says now.
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            return new VendorResponse(Classify(response, body, apiKey, describeError, vendorKey), (int)response.StatusCode, body);
        }
        catch (TimeoutRejectedException ex)
        {
            return new VendorResponse(UnknownOutcome.Decide(repeat, vendor, delivery, $"no answer within {ex.Timeout.TotalSeconds:0.#} s", vendorKey)) { AnswerLost = true };
        }
        catch (HttpRequestException ex) when (NeverLeft(ex))
        {
            // Retried like a 5xx, whatever a repeat would do: the vendor never got the request.
            return new VendorResponse(DeliveryOutcome.Retry($"Connection failed: {VendorErrorText.Clean(ex.Message)}") with { VendorKey = vendorKey });
        }
        catch (HttpRequestException ex)
        {
            // The connection broke after the request went out: as unknown as a timeout.
            return new VendorResponse(UnknownOutcome.Decide(repeat, vendor, delivery,
                $"the connection broke before a complete answer ({ex.HttpRequestError})", vendorKey)) { AnswerLost = true };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new VendorResponse(UnknownOutcome.Decide(repeat, vendor, delivery, "no answer within the HTTP client's timeout", vendorKey)) { AnswerLost = true };
        }
    }

    private static bool NeverLeft(HttpRequestException exception) => exception.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private DeliveryOutcome Classify(HttpResponseMessage response, string body, string apiKey, Func<string, string> describeError, string vendorKey)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return DeliveryOutcome.Delivered(status);

        // Redacted before the vendor's describer, which masks echoed names and could cut through a key holding one, and again
        // after it, as a describer that reads the body as JSON turns an escaped key back into the plain one.
        var detail = VendorErrorText.Clean(VendorErrorText.Redact(describeError(VendorErrorText.Redact(body, apiKey)), apiKey));
        var reason = string.IsNullOrEmpty(detail) ? $"HTTP {status} {response.ReasonPhrase}" : $"HTTP {status}: {detail}";
        return response.StatusCode == HttpStatusCode.TooManyRequests || response.StatusCode == HttpStatusCode.RequestTimeout || status >= 500
            ? DeliveryOutcome.Retry(reason, status, RetryAfter(response)) with { VendorKey = vendorKey }
            : DeliveryOutcome.Rejected(reason, status);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
