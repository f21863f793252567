using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

public class VtMarketingChannelTests
{
    private VtMarketingTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await VtMarketingTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync()
    {
        Assert.That(_bed.Server.ContractViolations, Is.Empty, "contract violations");
        await _bed.DisposeAsync();
    }

    [Test]
    public async Task Active_only_for_placed_orders_when_enabled_with_a_key_and_a_valid_endpoint()
    {
        var channel = _bed.CreateChannel();
        Assert.That(channel.Facts.Vendor, Is.EqualTo(TouchpointVendor.VtMarketing));
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderPlaced), Is.True);
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderCancelled), Is.False);

        _bed.Settings.EndpointUrl = "ftp://api.vtcdn.net/v1/event/";
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderPlaced), Is.False);
        var outcome = await _bed.DeliverAsync();
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.StartWith("VTmarketing endpoint: The vendor URL must use https://"));
    }

    [Test]
    public async Task Reports_when_it_was_switched_on_from_the_store_settings()
    {
        _bed.Settings.EnabledOnUtc = new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);

        Assert.That(await _bed.CreateChannel().GetEnabledOnUtcAsync(1), Is.EqualTo(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public async Task Other_events_are_never_sent()
    {
        var outcome = await _bed.DeliverAsync(ChannelTestContext.PlacedOrder(touchpointEvent: TouchpointEvent.OrderRefunded));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Preview_is_the_exact_request_that_delivery_sends()
    {
        var preview = await _bed.CreateChannel().PreviewAsync(ChannelTestContext.PlacedOrder(), CancellationToken.None);
        Assert.That(_bed.Server.Requests, Is.Empty);

        await _bed.DeliverAsync();

        var request = preview.Requests.Single();
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Url, Does.EndWith("/v1/event/"));
        Assert.That(request.Json, Is.EqualTo(_bed.Server.Requests.Single().Body));
        Assert.That(request.Json, Does.Not.Contain(_bed.Key));
    }

    [TestCase(400)]
    [TestCase(422)]
    public async Task Connection_test_refused_as_expected_means_key_accepted(int status)
    {
        _bed.Answer(_ => new FakeResponse(status, """{"errors":[{"message":"Invalid payload","description":"user is required"}]}"""), connectionTest: true);

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.True);
        Assert.That(result.Message, Does.StartWith("VTmarketing is reachable and did not refuse the API key")
            .And.Contain($"HTTP {status}: Invalid payload: user is required"));
    }

    [TestCase(401)]
    [TestCase(403)]
    public async Task Connection_test_reports_a_bad_key(int status)
    {
        _bed.Answer(_ => new FakeResponse(status, """{"errors":[{"message":"Unauthorized","description":"Invalid API key"}]}"""), connectionTest: true);

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.StartWith("VTmarketing refused the API key"));
    }

    [Test]
    public async Task Connection_test_reports_a_vendor_that_is_down()
    {
        _bed.Answer(_ => new FakeResponse(503), connectionTest: true);

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.Contain("reachable but not working right now (HTTP 503"));
    }

    [Test]
    public void Product_id_rule_is_shared_with_the_feed()
    {
        Assert.That(VtMarketingProductIds.For(ProductIdSource.ProductId, 501, "CUP-01"), Is.EqualTo("501"));
        Assert.That(VtMarketingProductIds.For(ProductIdSource.Sku, 501, " CUP-01 "), Is.EqualTo("cup-01"));
        // The feed guide: "lowercase and all spaces replaced with underscore".
        Assert.That(VtMarketingProductIds.For(ProductIdSource.Sku, 501, "Tee Shirt  XL"), Is.EqualTo("tee_shirt__xl"));
        Assert.That(VtMarketingProductIds.For(ProductIdSource.Sku, 501, "Jug\t05"), Is.EqualTo("jug_05"));
        Assert.That(VtMarketingProductIds.For(ProductIdSource.Sku, 502, null), Is.EqualTo("502"));
        Assert.That(VtMarketingProductIds.For(ProductIdSource.Sku, 502, "  "), Is.EqualTo("502"));
    }
}
