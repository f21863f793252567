using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>How one attempt's answer is classified, against a real HTTP server on 127.0.0.1.</summary>
public class VendorRequestSenderTests
{
    private const string Key = "sender-test-key";
    // Every retry names the vendor key it waits for (a fingerprint, never the key).
    private static readonly string WaitsFor = VendorKey.Of(TouchpointVendor.VtMarketing, Key).Name;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private ManualTimeProvider _clock = null!;
    private VendorGate _gate = null!;
    private readonly OrderTouchpointsDeliverySettings _settings = new();
    // The keys whose waiting deliveries the gate released in the outbox, in order.
    private readonly List<string> _released = [];
    private VendorRequestSender _sender = null!;
    private FakeVendorServer _server = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new ManualTimeProvider(Now);
        var outbox = new Mock<IDeliveryOutbox>();
        outbox.Setup(o => o.ReleasePausedAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string key, CancellationToken _) => _released.Add(key)).ReturnsAsync(1);
        var services = new ServiceCollection().AddSingleton(outbox.Object).AddSingleton<IVendorLeaseStore>(new InMemoryVendorLeaseStore());
        _gate = new VendorGate(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), _clock);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<OrderTouchpointsDeliverySettings>(It.IsAny<int>())).ReturnsAsync(() => _settings);
        _sender = new VendorRequestSender(_gate, settings.Object, _clock);
        _server = await FakeVendorServer.StartAsync(_ => new FakeResponse(200));
        _http = new HttpClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static readonly DeliveryRequest Delivery = new(1, 4711, TouchpointEvent.OrderPlaced, Now.UtcDateTime);

    private Task<VendorResponse> SendAsync(Uri? url = null, RepeatEffect repeat = RepeatEffect.Harmless, CancellationToken cancellationToken = default) =>
        _sender.SendAsync(_http, VtMarketingTouchpointChannel.About, Key,
            () => new HttpRequestMessage(HttpMethod.Post, url ?? _server.Url("v1/event/")) { Content = VendorJson.Content("""{"email":"giulia.rossi@example.com"}""") },
            body => body, repeat, Delivery, cancellationToken);

    private List<string> TakeReleased()
    {
        var released = _released.ToList();
        _released.Clear();
        return released;
    }

    private void Answer(int status, string? body = null, string? retryAfter = null) =>
        _server.Respond = _ => new FakeResponse(status, body,
            retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    [TestCase(200)]
    [TestCase(201)]
    public async Task Success_statuses_are_delivered(int status)
    {
        Answer(status, """{"results":{"message":"Event created"}}""");

        var response = await SendAsync();

        Assert.That(response.Outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.Delivered, status)));
        Assert.That(response.IsSuccess, Is.True);
        Assert.That(response.Body, Is.EqualTo("""{"results":{"message":"Event created"}}"""));
    }

    [TestCase(400, """{"error":"email is required"}""")]
    [TestCase(401, """{"error":"invalid key"}""")]
    [TestCase(404, """{"error":"no such route"}""")]
    [TestCase(409, """{"error":"duplicate orderId"}""")]
    [TestCase(422, """{"error":"total must be a number"}""")]
    public async Task Other_client_errors_are_rejected_with_the_vendor_text(int status, string body)
    {
        Answer(status, body);

        var outcome = (await SendAsync()).Outcome;

        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.Rejected, status, $"HTTP {status}: {body}")));
    }

    [Test]
    public async Task Client_error_without_a_body_is_described_by_its_status_line()
    {
        Answer(404);

        var outcome = (await SendAsync()).Outcome;

        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.Rejected, 404, "HTTP 404 Not Found")));
    }

    [Test]
    public async Task Too_many_requests_retries_after_the_delta_seconds_the_vendor_asks_for()
    {
        Answer(429, """{"error":"slow down"}""", retryAfter: "7");

        var outcome = (await SendAsync()).Outcome;

        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.RetryLater, 429, """HTTP 429: {"error":"slow down"}""", TimeSpan.FromSeconds(7)) with { VendorKey = WaitsFor }));
    }

    [Test]
    public async Task Too_many_requests_retries_at_the_http_date_the_vendor_names()
    {
        Answer(429, retryAfter: "Fri, 20 Nov 2026 10:02:00 GMT");

        var outcome = (await SendAsync()).Outcome;

        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.RetryLater, 429, "HTTP 429 Too Many Requests", TimeSpan.FromMinutes(2)) with { VendorKey = WaitsFor }));
    }

    [Test]
    public async Task Retry_after_date_in_the_past_means_now()
    {
        Answer(503, retryAfter: "Fri, 20 Nov 2026 09:00:00 GMT");

        var outcome = (await SendAsync()).Outcome;

        Assert.That(outcome.RetryAfter, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(500, "Internal Server Error")]
    [TestCase(503, "Service Unavailable")]
    public async Task Server_errors_are_retried_later(int status, string phrase)
    {
        Answer(status);

        var outcome = (await SendAsync()).Outcome;

        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.RetryLater, status, $"HTTP {status} {phrase}") with { VendorKey = WaitsFor }));
    }

    [Test]
    public async Task Service_unavailable_with_retry_after_keeps_it()
    {
        Answer(503, """{"error":"maintenance"}""", retryAfter: "120");

        var outcome = (await SendAsync()).Outcome;

        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.RetryLater, 503, """HTTP 503: {"error":"maintenance"}""", TimeSpan.FromSeconds(120)) with { VendorKey = WaitsFor }));
    }

    [Test]
    public async Task No_answer_within_the_attempt_timeout_is_retried_later_when_a_repeat_is_harmless()
    {
        _server.Respond = _ => new FakeResponse(200, Delay: TimeSpan.FromSeconds(30));
        _settings.AttemptTimeoutSeconds = 1;
        var timeout = TimeSpan.FromSeconds(1);

        var sending = SendAsync();
        // Polly's attempt timeout runs on the injected clock: move it once the timer is armed.
        await _clock.WhenTimerScheduledAt(_clock.GetUtcNow() + timeout);
        _clock.Advance(timeout);
        var outcome = (await sending).Outcome;

        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome(OutcomeKind.RetryLater, null, "No answer within 1 s.") with { VendorKey = WaitsFor }));
    }

    [Test]
    public async Task No_answer_within_the_attempt_timeout_fails_with_what_to_check_when_a_repeat_would_act_twice()
    {
        _server.Respond = _ => new FakeResponse(200, Delay: TimeSpan.FromSeconds(30));
        _settings.AttemptTimeoutSeconds = 1;
        var timeout = TimeSpan.FromSeconds(1);

        var sending = SendAsync(repeat: RepeatEffect.ActsTwice);
        await _clock.WhenTimerScheduledAt(_clock.GetUtcNow() + timeout);
        await Eventually(() => _server.Requests.Count == 1);
        _clock.Advance(timeout);
        var response = await sending;

        Assert.That(response.AnswerLost, Is.True);
        Assert.That(response.Outcome.Kind, Is.EqualTo(OutcomeKind.Rejected), "failed for a person, not retried");
        Assert.That(response.Outcome.Reason, Is.EqualTo(UnknownOutcome.Reason(TestVendors.Registered.Of(TouchpointVendor.VtMarketing), 4711, TouchpointEvent.OrderPlaced, "no answer within 1 s")));
        Assert.That(response.Outcome.Reason, Does.StartWith("Sent, no answer within 1 s. VTmarketing may have it")
            .And.Contain("order id 4711").And.EndWith("resend it from the delivery log only if it is missing."));
        Assert.That(response.Outcome.Reason, Does.Not.Contain(Key).And.Not.Contain("@").And.Not.Contain("{"));
        Assert.That(_server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_callers_cancellation_while_the_request_is_out_is_reported_with_what_a_repeat_would_do()
    {
        _server.Respond = _ => new FakeResponse(200, Delay: TimeSpan.FromSeconds(30));
        using var timeLimit = new CancellationTokenSource();
        var sending = SendAsync(repeat: RepeatEffect.ActsTwice, cancellationToken: timeLimit.Token);
        await Eventually(() => _server.Requests.Count == 1);

        timeLimit.Cancel();

        var interrupted = Assert.ThrowsAsync<SendInterruptedException>(() => sending);
        Assert.That(interrupted!.Repeat, Is.EqualTo(RepeatEffect.ActsTwice));
        Assert.That(interrupted.VendorKey, Is.EqualTo(WaitsFor));
    }

    [Test]
    public async Task A_connection_that_breaks_after_the_request_went_out_is_an_unknown_outcome()
    {
        // A server that reads the request and hangs up without answering: the vendor may have acted on it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var hangUp = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[8192];
            var received = 0;
            while (received == 0 || !Encoding.ASCII.GetString(buffer, 0, received).Contains("}"))
                received += await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None);
            socket.Close();
        });

        var harmful = await SendAsync(new Uri($"http://127.0.0.1:{port}/v1/event/"), repeat: RepeatEffect.ActsTwice);
        await hangUp;

        Assert.That(harmful.AnswerLost, Is.True);
        Assert.That(harmful.Outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(harmful.Outcome.Reason, Does.StartWith("Sent, the connection broke before a complete answer"));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(25);
        Assert.That(condition(), Is.True);
    }

    [TestCase(RepeatEffect.Harmless)]
    [TestCase(RepeatEffect.ActsTwice)]
    public async Task Refused_connection_is_retried_later(RepeatEffect repeat)
    {
        var outcome = (await SendAsync(new Uri($"http://127.0.0.1:{ClosedPort.Find()}/v1/event/"), repeat: repeat)).Outcome;

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(outcome.HttpStatus, Is.Null);
        Assert.That(outcome.RetryAfter, Is.Null);
        Assert.That(outcome.Reason, Does.StartWith("Connection failed: ").And.Contain("refused"));
    }

    [Test]
    public async Task Repeated_server_errors_open_the_circuit_and_stop_calling_the_vendor()
    {
        Answer(500);
        for (var i = 0; i < 10; i++)
            Assert.That((await SendAsync()).Outcome.HttpStatus, Is.EqualTo(500));

        var paused = (await SendAsync()).Outcome;

        Assert.That(paused.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(paused.HttpStatus, Is.Null);
        Assert.That(paused.RetryAfter, Is.EqualTo(VendorGate.PauseDuration));
        Assert.That(paused.Reason, Does.StartWith("Paused: half or more of the last 30 s of requests failed"));
        Assert.That(paused.HeldBack, Is.True, "the vendor never saw this attempt");
        Assert.That(paused.VendorKey, Is.EqualTo(WaitsFor), "parked until the key's probe");
        Assert.That(_server.Requests, Has.Count.EqualTo(10));
        Assert.That(_gate.NextProbeOnUtc, Is.EqualTo(_clock.GetUtcNow().UtcDateTime + VendorGate.PauseDuration), "the pause is known to the dispatcher");

        // After the break the circuit lets one trial call through; a healthy answer closes it.
        Answer(200);
        _clock.Advance(VendorGate.PauseDuration + TimeSpan.FromSeconds(1));
        Assert.That((await SendAsync()).Outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
        Assert.That(TakeReleased(), Is.EqualTo(new[] { WaitsFor }), "the successful trial releases the key's parked deliveries");
        Assert.That((await SendAsync()).Outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
        Assert.That(_server.Requests, Has.Count.EqualTo(12));
    }

    [Test]
    public async Task An_answer_after_vendor_trouble_releases_the_keys_waiting_deliveries_even_with_the_circuit_closed()
    {
        Answer(503);
        await SendAsync();
        Assert.That(TakeReleased(), Is.Empty, "still in trouble");

        Answer(429, retryAfter: "1");
        await SendAsync();
        Assert.That(TakeReleased(), Is.Empty, "a 429 only asks to slow down: the vendor's Retry-After stands");

        Answer(202);
        await SendAsync();
        Assert.That(TakeReleased(), Is.EqualTo(new[] { WaitsFor }), "the vendor answers again: what waits for it is due now");

        await SendAsync();
        Assert.That(TakeReleased(), Is.Empty, "healthy traffic releases nothing more");
    }

    [Test]
    public async Task A_rejection_is_an_answer_and_a_refused_connection_is_trouble()
    {
        var refused = new Uri("http://127.0.0.1:1/v1/event/");
        await SendAsync(refused);
        Answer(400, """{"error":"email is required"}""");
        await SendAsync();

        Assert.That(TakeReleased(), Is.EqualTo(new[] { WaitsFor }), "a 4xx means the vendor is up");
    }

    [Test]
    public async Task An_open_circuit_for_one_key_does_not_stop_another_key()
    {
        Answer(500);
        for (var i = 0; i < 11; i++)
            await SendAsync();
        Answer(200);

        var otherKey = await _sender.SendAsync(_http, VtMarketingTouchpointChannel.About, "another-store-key",
            () => new HttpRequestMessage(HttpMethod.Post, _server.Url("v1/event/")) { Content = VendorJson.Content("{}") },
            body => body, RepeatEffect.ActsTwice, Delivery, CancellationToken.None);

        Assert.That(otherKey.Outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
    }
}
