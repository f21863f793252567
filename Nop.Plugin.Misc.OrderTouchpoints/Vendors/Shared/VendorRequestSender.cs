using System.Net;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Sends one request through the vendor-and-key pipeline and classifies what came back: 2xx delivered;
/// connection failure, 5xx, 429 retry later (with the vendor's Retry-After); other 4xx rejected with the
/// vendor's message. A timeout after the request went out is an unknown outcome: retried only when the
/// request's <see cref="RepeatEffect"/> is harmless, else failed (<see cref="UnknownOutcome"/>). Never throws
/// for vendor trouble; reasons never contain the key.
/// </summary>
public class VendorRequestSender(VendorResiliencePipelines pipelines, TimeProvider timeProvider)
{
    public async Task<VendorResponse> SendAsync(
        HttpClient client,
        VendorFacts vendor,
        string apiKey,
        Func<HttpRequestMessage> createRequest,
        Func<string, string> describeError,
        RepeatEffect repeat,
        DeliveryRequest? delivery,
        CancellationToken cancellationToken,
        TimeSpan? attemptTimeout = null)
    {
        var pipeline = pipelines.Get(vendor.Vendor, apiKey, attemptTimeout);
        // Every retry remembers the vendor key it waits for: when a probe finds the vendor back, all go at once.
        var vendorKey = VendorPauses.KeyOf(vendor.Vendor, apiKey);
        void Observed(bool vendorTrouble) => pipelines.Observed(vendorKey, vendorTrouble, vendor.Vendor, delivery?.StoreId);
        try
        {
            HttpResponseMessage answered;
            try
            {
                answered = await pipeline.ExecuteAsync(async token =>
                {
                    using var request = createRequest();
                    return await VendorHttp.SendAsync(client, request, token);
                }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The caller (the dispatcher's send time limit) gave up while the request was out: the vendor
                // may have it. The dispatcher words the reason and applies the same rule as to a timeout.
                throw new SendInterruptedException(repeat, vendorKey, cancellationToken);
            }
            using var response = answered;
            // The body is already buffered (VendorHttp.SendAsync, up to 1 MB): the vendor answered, whatever the caller's token says now.
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
                Observed(VendorResiliencePipelines.IsVendorTrouble(response));
            return new VendorResponse(Classify(response, body, apiKey, describeError, vendorKey), (int)response.StatusCode, body);
        }
        catch (TimeoutRejectedException ex)
        {
            Observed(vendorTrouble: true);
            return new VendorResponse(UnknownOutcome.Decide(repeat, vendor, delivery, $"no answer within {ex.Timeout.TotalSeconds:0.#} s", vendorKey)) { AnswerLost = true };
        }
        catch (BrokenCircuitException ex)
        {
            return new VendorResponse(DeliveryOutcome.HeldBackLocally(
                "Paused: the vendor failed repeatedly in the last minute; sending resumes automatically when it answers again.",
                ex.RetryAfter, vendorKey));
        }
        catch (HttpRequestException ex) when (NeverLeft(ex))
        {
            // Refused, unreachable, name not resolved, TLS failed: the request never reached the vendor, so
            // it is retried like a 5xx, whatever a repeat would do.
            Observed(vendorTrouble: true);
            return new VendorResponse(DeliveryOutcome.Retry($"Connection failed: {VendorErrorText.Clean(ex.Message)}") with { VendorKey = vendorKey });
        }
        catch (HttpRequestException ex)
        {
            // The connection broke after the request went out (the answer ended early or could not be read):
            // as unknown as a timeout.
            Observed(vendorTrouble: true);
            return new VendorResponse(UnknownOutcome.Decide(repeat, vendor, delivery,
                $"the connection broke before a complete answer ({ex.HttpRequestError})", vendorKey)) { AnswerLost = true };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Observed(vendorTrouble: true);
            return new VendorResponse(UnknownOutcome.Decide(repeat, vendor, delivery, "no answer within the HTTP client's timeout", vendorKey)) { AnswerLost = true };
        }
    }

    /// <summary>Failures before a connection to the vendor existed: nothing of the request can have arrived.</summary>
    private static bool NeverLeft(HttpRequestException exception) => exception.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

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
