using System.Text.Encodings.Web;
using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>
/// Runs successful and failing deliveries with a distinctive key, including vendors that echo the request
/// headers and the customer's email back, and checks everything a person could ever read: reasons,
/// connection-test messages, previews, exception texts and log entries. The key holds a '+' and a '/', as Base64 keys do:
/// a vendor's JSON echo may escape them (\u002B as .NET does, \/ as PHP does), which a plain search for the key misses.
/// </summary>
public class ApiKeySecrecyTests
{
    private const string SecretKey = "sk_live_9QvT7+ORDER/TOUCH-SECRET-1f2e3d4c";
    private static readonly string[] CustomerEmails = ["giulia.rossi@example.com", "giulia.billing@example.com"];

    /// <summary>One vendor under test, whatever its bed looks like.</summary>
    private sealed record Vendor(
        ITouchpointChannel Channel,
        FakeVendorServer Server,
        Action<Func<RecordedRequest, FakeResponse>, bool> Answer,
        Func<IEnumerable<string>> Logs,
        ChannelTestContext Context,
        Func<ValueTask> DisposeAsync);

    private static async Task<Vendor> StartAsync(string vendor)
    {
        if (vendor == "Transactionale")
        {
            var bed = await TransactionaleTestBed.StartAsync(SecretKey);
            return new(bed.CreateChannel(), bed.Server, (respond, test) => bed.Answer(respond, connectionTest: test),
                () => bed.Logs.Entries, bed.Context, bed.DisposeAsync);
        }
        var vt = await VtMarketingTestBed.StartAsync(SecretKey);
        return new(vt.CreateChannel(), vt.Server, (respond, test) => vt.Answer(respond, connectionTest: test),
            () => vt.Logs.Entries, vt.Context, vt.DisposeAsync);
    }

    private static string EchoHeaders(RecordedRequest request) =>
        JsonSerializer.Serialize(new { error = "Unauthorized", received = request.Headers, customer = "giulia.rossi@example.com" });

    // PHP's json_encode: '/' escaped, '+' left as it is.
    private static string EchoHeadersAsPhp(RecordedRequest request) =>
        JsonSerializer.Serialize(new { error = "Unauthorized", received = request.Headers },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("/", "\\/");

    [TestCase("Transactionale")]
    [TestCase("VTmarketing")]
    public async Task Key_never_appears_and_emails_in_vendor_errors_are_masked(string vendorName)
    {
        var vendor = await StartAsync(vendorName);
        vendor.Context.DeliverySettings.AttemptTimeoutSeconds = 1;
        var readable = new List<(string Where, string Text)>();
        var reasons = new List<string>();
        try
        {
            async Task Deliver(string scenario, Func<RecordedRequest, FakeResponse> respond)
            {
                vendor.Answer(respond, false);
                try
                {
                    var outcome = await vendor.Channel.DeliverAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);
                    readable.Add((scenario, outcome.Reason ?? ""));
                    reasons.Add(outcome.Reason ?? "");
                }
                catch (Exception exception)
                {
                    readable.Add((scenario + " exception", exception.ToString()));
                }
            }

            await Deliver("success", _ => new FakeResponse(200, """{"results":{"message":"Event created"}}"""));
            await Deliver("401 echoing headers", r => new FakeResponse(401, EchoHeaders(r)));
            await Deliver("401 echoing headers escaped as PHP does", r => new FakeResponse(401, EchoHeadersAsPhp(r)));
            await Deliver("403 echoing headers as text", r => new FakeResponse(403, string.Join("\n", r.Headers.Select(h => $"{h.Key}: {h.Value}"))));
            await Deliver("500 echoing headers", r => new FakeResponse(500, EchoHeaders(r)));
            await Deliver("key at the truncation boundary", _ => new FakeResponse(400, new string('x', 290) + " key=" + SecretKey + " tail"));
            await Deliver("vendor error with key and email", _ => new FakeResponse(422,
                $$"""{"errors":[{"message":"Invalid user","description":"giulia.rossi@example.com cannot use key {{SecretKey}}"}]}"""));
            await Deliver("no answer within the attempt timeout", _ => new FakeResponse(200, Delay: TimeSpan.FromSeconds(30)));

            vendor.Answer(r => new FakeResponse(401, EchoHeaders(r)), true);
            readable.Add(("connection test 401", (await vendor.Channel.TestConnectionAsync(1, CancellationToken.None)).Message));
            vendor.Answer(r => new FakeResponse(422, EchoHeaders(r)), true);
            readable.Add(("connection test 422", (await vendor.Channel.TestConnectionAsync(1, CancellationToken.None)).Message));

            var preview = await vendor.Channel.PreviewAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);
            readable.AddRange(preview.Requests.Select(r => ("preview", $"{r.Method} {r.Url} {r.Json}")));

            // The plain key exists only after the order was read, so a service exception can quote customer data, not the key.
            vendor.Context.Shop.OrderQueries.Setup(s => s.FindAsync(42))
                .ThrowsAsync(new InvalidOperationException("Deadlock while reading the order of giulia.rossi@example.com"));
            await Deliver("nopCommerce service throws", _ => new FakeResponse(200));
            readable.AddRange(vendor.Logs().Select(entry => ("log", entry)));
        }
        finally
        {
            await vendor.DisposeAsync();
        }

        Assert.That(vendor.Server.Requests.Count(r => r.Header(vendorName == "Transactionale" ? "X-Authorization" : "Authorization") == SecretKey),
            Is.GreaterThanOrEqualTo(8), "the key was really sent to the vendor");
        Assert.That(vendor.Logs(), Is.Not.Empty, "the failing nopCommerce service was logged");
        foreach (var (where, text) in readable)
        {
            Assert.That(text, Does.Not.Contain(SecretKey[..12]).And.Not.Contain("TOUCH-SECRET"), where);
            if (where != "preview")
                Assert.That(CustomerEmails.Any(text.Contains), Is.False, $"{where}: {text}");
        }
        Assert.That(reasons.Count(r => r.Contains("[api key]")), Is.GreaterThanOrEqualTo(5), "echoed keys were redacted, not dropped");
        Assert.That(reasons.Count(r => r.Contains("[email]")), Is.GreaterThanOrEqualTo(3), "echoed emails were masked");
    }

    [TestCase("""{"key":"sk_live_9QvT7\u002BORDER\/TOUCH-SECRET-1f2e3d4c"}""", """{"key":"[api key]"}""")]
    [TestCase("""{"key":"sk_live_9QvT7\u002bORDER\u002FTOUCH-SECRET-1f2e3d4c"}""", """{"key":"[api key]"}""")]
    [TestCase("key=sk_live_9QvT7%2BORDER%2FTOUCH-SECRET-1f2e3d4c&x=1", "key=[api key]&x=1")]
    [TestCase("Authorization: sk_live_9QvT7+ORDER/TOUCH-SECRET-1f2e3d4c", "Authorization: [api key]")]
    [TestCase("SK_LIVE_9QVT7+ORDER/TOUCH-SECRET-1F2E3D4C is another key", "SK_LIVE_9QVT7+ORDER/TOUCH-SECRET-1F2E3D4C is another key")]
    public void The_key_is_redacted_however_an_echo_escapes_it(string echo, string expected) =>
        Assert.That(VendorErrorText.Redact(echo, SecretKey), Is.EqualTo(expected));
}
