using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;

/// <summary>The channel around the payload: which store's settings, which events, preview, connection test, failures.</summary>
public class TransactionaleChannelTests
{
    private TransactionaleTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await TransactionaleTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync()
    {
        Assert.That(_bed.Server.ContractViolations, Is.Empty, "contract violations");
        await _bed.DisposeAsync();
    }

    [Test]
    public async Task Active_only_for_placed_orders_of_a_store_whose_settings_are_complete()
    {
        var channel = _bed.CreateChannel();

        Assert.That(channel.Facts.Vendor, Is.EqualTo(TouchpointVendor.Transactionale));
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderPlaced), Is.True);
        foreach (var other in Enum.GetValues<TouchpointEvent>().Where(e => e != TouchpointEvent.OrderPlaced))
            Assert.That(await channel.IsActiveForAsync(1, other), Is.False, other.ToString());
    }

    [Test]
    public async Task Reports_when_it_was_switched_on_from_the_store_settings()
    {
        _bed.Settings.EnabledOnUtc = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

        Assert.That(await _bed.CreateChannel().GetEnabledOnUtcAsync(1), Is.EqualTo(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc)));
    }

    [TestCase("disabled")]
    [TestCase("no key")]
    [TestCase("plain http to a remote host")]
    [TestCase("no country")]
    public async Task Not_active_when_a_required_setting_is_missing_or_invalid(string problem)
    {
        switch (problem)
        {
            case "disabled": _bed.Settings.Enabled = false; break;
            case "no key": _bed.Settings.ApiKey = null; break;
            case "plain http to a remote host": _bed.Settings.EndpointUrl = "http://www.transactionale.com/api/v1/transaction"; break;
            case "no country": _bed.Settings.ShopCountryCode = ""; break;
        }

        Assert.That(await _bed.CreateChannel().IsActiveForAsync(1, TouchpointEvent.OrderPlaced), Is.False);
        var outcome = await _bed.DeliverAsync();
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Settings_are_loaded_for_the_delivery_store_not_the_current_one()
    {
        const string otherKey = "trx-store-2-key";
        _bed.Context.Use(new OrderTouchpointsTransactionaleSettings
        {
            Enabled = true,
            ApiKey = _bed.Context.Stored(otherKey),
            EndpointUrl = _bed.Settings.EndpointUrl,
            ShopCountryCode = "de",
            SendWithoutConsentCheck = true
        }, storeId: 2);
        _bed.Context.Order.StoreId = 2;
        _bed.Answer(_ => new FakeResponse(201), expectedKey: otherKey);

        var outcome = await _bed.DeliverAsync(ChannelTestContext.PlacedOrder(storeId: 2));

        Assert.That(outcome, Is.EqualTo(DeliveryOutcome.Delivered(201)));
        Assert.That(_bed.SingleBody().GetProperty("country").GetString(), Is.EqualTo("DE"));
        _bed.Context.Settings.Verify(s => s.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(1), Times.Never);
    }

    [Test]
    public async Task Other_events_are_never_sent()
    {
        var outcome = await _bed.DeliverAsync(ChannelTestContext.PlacedOrder(touchpointEvent: TouchpointEvent.OrderPaid));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("only placed orders"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Preview_is_the_exact_request_without_the_key_and_sends_nothing()
    {
        _bed.Settings.SendTransactionValue = true;
        var preview = await _bed.CreateChannel().PreviewAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);

        Assert.That(_bed.Server.Requests, Is.Empty);
        Assert.That(preview.CannotSendReason, Is.Null);
        var request = preview.Requests.Single();
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Url, Is.EqualTo(_bed.Settings.EndpointUrl));
        Assert.That(request.Json, Does.Not.Contain(_bed.Key));

        await _bed.DeliverAsync();
        Assert.That(_bed.Server.Requests.Single().Body, Is.EqualTo(request.Json));
    }

    [Test]
    public async Task Preview_explains_why_an_order_cannot_be_sent()
    {
        _bed.Context.Shop.Customers.Single().Email = null!;
        _bed.Context.Shop.Addresses.Single(a => a.Id == 100).Email = null!;

        var preview = await _bed.CreateChannel().PreviewAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);

        Assert.That(preview.Requests, Is.Empty);
        Assert.That(preview.CannotSendReason, Does.Contain("neither the customer nor the billing address has an email"));
    }

    [TestCase("not-encrypted-by-this-store")]
    [TestCase("ZW5jcnlwdGVkIGVsc2V3aGVyZQ==")]
    public async Task Key_that_cannot_be_read_is_reported_without_sending(string storedKey)
    {
        _bed.Settings.ApiKey = storedKey;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("re-enter the API key"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task In_a_web_farm_only_the_node_holding_the_keys_lease_sends_the_other_holds_back_uncounted()
    {
        var holder = await _bed.CreateChannel().DeliverAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);
        var other = await _bed.CreateChannelOn(_bed.Context.CreateNode(TimeProvider.System)).DeliverAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);

        Assert.That(holder.Kind, Is.EqualTo(OutcomeKind.Delivered));
        Assert.That((other.Kind, other.HeldBack, other.CountsAgainstSchedule), Is.EqualTo((OutcomeKind.RetryLater, true, false)));
        Assert.That(other.Reason, Does.Contain("another node of the web farm"));
        Assert.That(_bed.Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task In_a_web_farm_a_node_that_does_not_hold_the_keys_lease_still_tests_the_connection()
    {
        var holder = await _bed.CreateChannel().DeliverAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);
        var otherNode = _bed.CreateChannelOn(_bed.Context.CreateNode(TimeProvider.System));
        _bed.Answer(_ => new FakeResponse(400, """{"error":"email is required"}"""), connectionTest: true);

        var test = await otherNode.TestConnectionAsync(ChannelTestContext.StoreId, CancellationToken.None);
        var delivery = await otherNode.DeliverAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);

        Assert.That(holder.Kind, Is.EqualTo(OutcomeKind.Delivered));
        Assert.That(test.Success, Is.True, test.Message);
        Assert.That(delivery.HeldBack, Is.True, "its deliveries still wait for the key's holder");
        Assert.That(_bed.Server.Requests, Has.Count.EqualTo(2), "the delivery and the connection test");
    }

    [Test]
    public async Task A_throwing_nopCommerce_service_means_retry_later_with_a_generic_reason_and_a_log_without_its_message()
    {
        // A provider's message can quote the values it read: names and addresses, which no masking recognises.
        _bed.Context.Shop.OrderQueries.Setup(s => s.FindAsync(It.IsAny<int>()))
            .ThrowsAsync(new InvalidOperationException("Timeout reading address 'Via Dante 7, Milano' of Giulia Rossi, giulia.rossi@example.com"));

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(outcome.Reason, Is.EqualTo(
            "nopCommerce could not read the order or the settings (InvalidOperationException); the delivery will be retried. Details are in System → Log."));
        Assert.That(_bed.Server.Requests, Is.Empty);
        var log = _bed.Logs.Entries.Single();
        Assert.That(log, Does.Contain("order id 42").And.Contain("InvalidOperationException").And.Contain("at Nop.Plugin.Misc.OrderTouchpoints."),
            "what the owner needs: the order, the exception type and where it was thrown");
        Assert.That(log, Does.Not.Contain("giulia.rossi@example.com").And.Not.Contain("Giulia Rossi").And.Not.Contain("Via Dante"));
    }

    [Test]
    public async Task A_throwing_settings_service_also_means_retry_later()
    {
        _bed.Context.Settings.Setup(s => s.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(1)).ThrowsAsync(new TimeoutException("database timeout"));

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(outcome.Reason, Does.StartWith("nopCommerce could not read the order or the settings (TimeoutException)"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Cancellation_by_the_dispatcher_is_not_turned_into_an_outcome()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(async () => await _bed.CreateChannel().DeliverAsync(ChannelTestContext.PlacedOrder(), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Connection_test_posts_an_empty_object_and_a_400_means_the_key_got_through()
    {
        _bed.Answer(_ => new FakeResponse(400, """{"error":"email is required"}"""), connectionTest: true);

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.True);
        Assert.That(result.Message, Does.Contain("did not refuse the API key").And.Contain("HTTP 400")
            .And.Contain($"POST {_bed.Settings.EndpointUrl}").And.Contain("empty JSON object {}"));
        Assert.That(_bed.Server.Requests.Single().Body, Is.EqualTo("{}"));
    }

    [Test]
    public async Task Connection_test_reports_a_refused_key()
    {
        _bed.Answer(_ => new FakeResponse(401, """{"error":"invalid api key"}"""), connectionTest: true);

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.StartWith("Transactionale refused the API key (HTTP 401"));
    }

    [Test]
    public async Task Connection_test_reports_an_unreachable_endpoint()
    {
        _bed.Settings.EndpointUrl = $"http://127.0.0.1:{ClosedPort.Find()}/api/v1/transaction";

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.StartWith("Transactionale could not be reached: Connection failed"));
    }

    [Test]
    public async Task Connection_test_without_a_key_sends_nothing()
    {
        _bed.Settings.ApiKey = "";

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.Contain("No usable Transactionale API key"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }
}
