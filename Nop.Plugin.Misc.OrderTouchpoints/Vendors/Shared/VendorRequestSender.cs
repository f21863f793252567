using System.Net;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Sends one request through the vendor-and-key pipeline and classifies what came back: 2xx delivered;
/// timeout, connection failure, 5xx, 429 retry later (with the vendor's Retry-After); other 4xx rejected
/// with the vendor's message. Never throws for vendor trouble; reasons never contain the key.
/// </summary>
public class VendorRequestSender(VendorResiliencePipelines pipelines, TimeProvider timeProvider)
{
    public async Task<VendorResponse> SendAsync(
        HttpClient client,
        TouchpointVendor vendor,
        string apiKey,
        Func<HttpRequestMessage> createRequest,
        Func<string, string> describeError,
        CancellationToken cancellationToken,
        TimeSpan? attemptTimeout = null)
    {
        var pipeline = pipelines.Get(vendor, apiKey, attemptTimeout);
        // Every retry remembers the vendor key it waits for: when a probe finds the vendor back, all go at once.
        var vendorKey = VendorPauses.KeyOf(vendor, apiKey);
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                using var request = createRequest();
                return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
                pipelines.Observed(vendorKey, VendorResiliencePipelines.IsVendorTrouble(response));
            return new VendorResponse(Classify(response, body, apiKey, describeError, vendorKey), (int)response.StatusCode, body);
        }
        catch (TimeoutRejectedException ex)
        {
            pipelines.Observed(vendorKey, vendorTrouble: true);
            return new VendorResponse(DeliveryOutcome.Retry($"No answer within {ex.Timeout.TotalSeconds:0.#} s.") with { VendorKey = vendorKey }) { AnswerLost = true };
        }
        catch (BrokenCircuitException ex)
        {
            return new VendorResponse(DeliveryOutcome.HeldBackLocally(
                "Paused: the vendor failed repeatedly in the last minute; sending resumes automatically when it answers again.",
                ex.RetryAfter, vendorKey));
        }
        catch (HttpRequestException ex)
        {
            pipelines.Observed(vendorKey, vendorTrouble: true);
            return new VendorResponse(DeliveryOutcome.Retry($"Connection failed: {VendorErrorText.Clean(ex.Message)}") with { VendorKey = vendorKey });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            pipelines.Observed(vendorKey, vendorTrouble: true);
            return new VendorResponse(DeliveryOutcome.Retry("No answer within the HTTP client's timeout.") with { VendorKey = vendorKey }) { AnswerLost = true };
        }
    }

    private DeliveryOutcome Classify(HttpResponseMessage response, string body, string apiKey, Func<string, string> describeError, string vendorKey)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return DeliveryOutcome.Delivered(status);

        var detail = VendorErrorText.Clean(VendorErrorText.Redact(describeError(body), apiKey));
        var reason = string.IsNullOrEmpty(detail) ? $"HTTP {status} {response.ReasonPhrase}" : $"HTTP {status}: {detail}";
        return response.StatusCode == HttpStatusCode.TooManyRequests || response.StatusCode == HttpStatusCode.RequestTimeout || status >= 500
            ? DeliveryOutcome.Retry(reason, status, RetryAfter(response)) with { VendorKey = vendorKey }
            : DeliveryOutcome.Rejected(reason, status);
    }

    /// <summary>Retry-After in either form the RFC allows: delta seconds or an HTTP date.</summary>
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
