using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>The channel port: when Voyado is active, preview, connection test, and what it must never reveal.</summary>
public class VoyadoChannelTests
{
    private VoyadoTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await VoyadoTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    private FakeEngage Engage => _bed.Engage;

    private OrderTouchpointsVoyadoSettings Settings => _bed.Settings[1];

    [Test]
    public async Task Is_active_only_when_enabled_and_configured_and_the_event_is_wanted()
    {
        var channel = _bed.CreateChannel();
        Assert.That(channel.Facts.Vendor, Is.EqualTo(TouchpointVendor.VoyadoEngage));
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderPlaced), Is.True);
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.ShipmentDelivered), Is.False, "SendOnDelivered is off by default");
        Assert.That(await channel.IsActiveForAsync(2, TouchpointEvent.OrderPlaced), Is.False, "store 2 has default (disabled) settings");

        Settings.SendOnPaid = false;
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderPaid), Is.False);
        Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderPlaced), Is.True, "a placed order is always sent");

        foreach (var (breakIt, what) in new (Action<OrderTouchpointsVoyadoSettings>, string)[]
                 {
                     (s => s.Enabled = false, "disabled"),
                     (s => s.ApiKey = "", "no key"),
                     (s => s.BaseUrl = "http://acme.voyado.com", "plain http to a public host"),
                     (s => s.BaseUrl = "not a url", "no url"),
                     (s => s.StoreExternalId = " ", "no Engage store id")
                 })
        {
            _bed.Settings[1] = _bed.SettingsFor(Engage);
            breakIt(_bed.Settings[1]);
            Assert.That(await channel.IsActiveForAsync(1, TouchpointEvent.OrderPlaced), Is.False, what);
        }
        Assert.That(Engage.Requests, Is.Empty);
    }

    [Test]
    public async Task Reports_when_it_was_switched_on_for_each_store()
    {
        Settings.EnabledOnUtc = new DateTime(2026, 11, 3, 8, 0, 0, DateTimeKind.Utc);

        var channel = _bed.CreateChannel();

        Assert.That(await channel.GetEnabledOnUtcAsync(1), Is.EqualTo(new DateTime(2026, 11, 3, 8, 0, 0, DateTimeKind.Utc)));
        Assert.That(await channel.GetEnabledOnUtcAsync(2), Is.Null, "store 2 was never switched on");
    }

    [Test]
    public async Task Settings_are_loaded_for_the_order_store_at_send_time()
    {
        Settings.Enabled = false;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("not enabled"));
        _bed.SettingService.Verify(s => s.LoadSettingAsync<OrderTouchpointsVoyadoSettings>(1), Times.AtLeastOnce);
        Assert.That(Engage.Requests, Is.Empty);
    }

    [Test]
    public async Task Key_that_cannot_be_decrypted_cannot_be_sent()
    {
        Settings.ApiKey = "garbage-from-another-installation";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("API key"));
        Assert.That(Engage.Requests, Is.Empty);
    }

    [Test]
    public async Task Preview_of_an_unknown_contact_shows_lookup_creation_and_order_with_a_placeholder_and_calls_nothing()
    {
        var preview = await _bed.CreateChannel().PreviewAsync(_bed.Request(), CancellationToken.None);

        Assert.That(preview.CannotSendReason, Is.Null);
        Assert.That(Engage.Requests, Is.Empty, "a preview never calls Engage");
        Assert.That(preview.Requests.Select(r => $"{r.Method} {r.Url}"), Is.EqualTo(new[]
        {
            $"GET {Engage.BaseUri}api/v2/contacts/id?email=giulia.rossi%40example.com&contactType=Contact",
            $"POST {Engage.BaseUri}api/v2/contacts",
            $"POST {Engage.BaseUri}api/v2/orders"
        }));
        Assert.That(preview.Requests[0].Json, Is.Empty);
        Assert.That(preview.Requests[2].Json, Does.Contain($"\"matchKey\":\"{VoyadoTouchpointChannel.PendingContactId}\""));

        // What is then sent is the preview, byte for byte, with the real id in place of the placeholder.
        var outcome = await _bed.DeliverAsync();
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.ContactCreations.Single().Body, Is.EqualTo(preview.Requests[1].Json));
        Assert.That(Engage.OrderPosts.Single().Body,
            Is.EqualTo(preview.Requests[2].Json.Replace(VoyadoTouchpointChannel.PendingContactId, _bed.SavedContactId(7))));
    }

    [Test]
    public async Task Preview_of_a_known_contact_is_the_exact_order_body_sent()
    {
        _bed.SaveContactId(7, "a000000c-0000-4000-8000-000000000012");
        Engage.AddContact("giulia.rossi@example.com", "a000000c-0000-4000-8000-000000000012");

        var preview = await _bed.CreateChannel().PreviewAsync(_bed.Request(TouchpointEvent.ShipmentSent), CancellationToken.None);
        Assert.That(Engage.Requests, Is.Empty);
        await _bed.DeliverAsync(TouchpointEvent.ShipmentSent);

        Assert.That(preview.Requests, Has.Count.EqualTo(1));
        Assert.That(preview.Requests[0].Method, Is.EqualTo("POST"));
        Assert.That(preview.Requests[0].Url, Is.EqualTo($"{Engage.BaseUri}api/v2/orders"));
        Assert.That(preview.Requests[0].Json, Is.EqualTo(Engage.OrderPosts.Single().Body));
    }

    [Test]
    public async Task Preview_explains_what_is_missing()
    {
        Settings.StoreExternalId = null;

        var preview = await _bed.CreateChannel().PreviewAsync(_bed.Request(), CancellationToken.None);

        Assert.That(preview.Requests, Is.Empty);
        Assert.That(preview.CannotSendReason, Does.Contain("store id"));
    }

    [Test]
    public async Task Connection_test_looks_up_an_impossible_address_and_reports_a_reachable_tenant()
    {
        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.True, result.Message);
        Assert.That(result.Message, Does.Contain("Key accepted, tenant reachable"));
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(FakeEngage.LookedUpEmail(Engage.Lookups.Single()), Is.EqualTo("orderTouchpoints-connection-test@invalid.invalid"));
        Assert.That(Engage.Requests.Count(), Is.EqualTo(1));
    }

    [TestCase(401)]
    [TestCase(403)]
    public async Task Connection_test_reports_a_refused_key(int status)
    {
        Engage.Answer = _ => FakeEngage.Error(status, "Unauthorized", "Invalid api key");

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.Contain("refused the API key").And.Contain(status.ToString()));
    }

    [Test]
    public async Task Connection_test_reports_any_other_answer_with_status_and_message()
    {
        Engage.Answer = _ => FakeEngage.Error(503, "Maintenance", "Tenant is being upgraded");

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.Contain("HTTP 503").And.Contain("Tenant is being upgraded"));
    }

    [Test]
    public async Task Connection_test_without_key_says_so_without_calling()
    {
        Settings.ApiKey = null;

        var result = await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.Contain("Cannot test the connection yet").And.Contain("API key"));
        Assert.That(Engage.Requests, Is.Empty);
    }

    [Test]
    public async Task Api_key_never_appears_in_reasons_messages_previews_or_exceptions()
    {
        var texts = new List<string?>();
        // A vendor that echoes the request's key back in its error bodies.
        Engage.Answer = request => FakeEngage.Error(request.Path == "/api/v2/orders" ? 500 : 400, "Echo", $"key was {request.Header("apikey")}");
        texts.Add((await _bed.DeliverAsync()).Reason);
        _bed.SaveContactId(7, "a000000f-0000-4000-8000-000000000015");
        texts.Add((await _bed.DeliverAsync()).Reason);
        texts.Add((await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None)).Message);
        var preview = await _bed.CreateChannel().PreviewAsync(_bed.Request(), CancellationToken.None);
        texts.AddRange(preview.Requests.SelectMany(r => new[] { r.Url, r.Json }));

        // Nobody listening any more: a connection failure.
        _bed.Settings[1].BaseUrl = "http://127.0.0.1:1/";
        texts.Add((await _bed.DeliverAsync()).Reason);
        texts.Add((await _bed.CreateChannel().TestConnectionAsync(1, CancellationToken.None)).Message);

        var connection = new VoyadoConnection(Engage.BaseUri, FakeEngage.ApiKey, 40);
        texts.Add(connection.ToString());
        texts.Add(new ArgumentException(connection.ToString()).ToString());

        Assert.That(texts, Has.Count.GreaterThan(8));
        Assert.That(texts, Has.None.Contains(FakeEngage.ApiKey));
        Assert.That(texts.Take(3), Has.All.Contain("[api key]"), "the echoed key was seen and masked");
    }
}
