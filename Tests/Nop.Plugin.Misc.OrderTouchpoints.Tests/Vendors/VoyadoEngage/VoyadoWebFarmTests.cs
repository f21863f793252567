using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// Two web-farm nodes sharing one lease table (the store's database): one node at a time sends for an
/// Engage key, so that node's rate limiter and circuit breaker see all of the key's requests.
/// </summary>
public class VoyadoWebFarmTests
{
    private VoyadoTestBed _bed = null!;
    private VoyadoConnection _connection = null!;
    private readonly ManualTimeProvider _clock = new();

    [SetUp]
    public async Task StartAsync()
    {
        _bed = await VoyadoTestBed.StartAsync();
        _bed.Engage.AddContact("giulia.rossi@example.com", "a0000001-0000-4000-8000-000000000001");
        Assert.That(VoyadoConnection.TryCreate(_bed.Settings[1], FakeEngage.ApiKey, out _connection, out var problem), Is.True, problem);
    }

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    [Test]
    public async Task One_node_at_a_time_sends_for_a_key_and_another_takes_over_once_the_holders_lease_runs_out()
    {
        var first = _bed.CreateClient(_bed.CreateNode(_clock));
        var second = _bed.CreateClient(_bed.CreateNode(_clock));

        var sent = await first.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None);
        var heldBack = await second.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None);

        Assert.That(sent.IsSuccess, Is.True);
        Assert.That((heldBack.Outcome.Kind, heldBack.Outcome.HeldBack), Is.EqualTo((OutcomeKind.RetryLater, true)), "uncounted, tried again shortly");
        Assert.That(heldBack.Outcome.Reason, Does.Contain("another node of the web farm"));
        Assert.That(_bed.Engage.Lookups, Has.Count.EqualTo(1), "the second node sent nothing");

        // The first node keeps its lease while it sends (renewed at half time)…
        _clock.Advance(VendorGate.LeaseDuration * 0.6);
        Assert.That((await first.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None)).IsSuccess, Is.True);
        Assert.That((await second.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None)).Outcome.HeldBack, Is.True);

        // …and loses it when it stops (a node that died): the other node takes over.
        _clock.Advance(VendorGate.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.That((await second.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None)).IsSuccess, Is.True);
        Assert.That((await first.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None)).Outcome.HeldBack, Is.True);
        Assert.That(_bed.Engage.Lookups, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_node_that_does_not_hold_the_key_still_tests_the_connection()
    {
        var holder = _bed.CreateClient(_bed.CreateNode(_clock));
        var other = _bed.CreateClient(_bed.CreateNode(_clock));
        Assert.That((await holder.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None)).IsSuccess, Is.True);

        var test = await other.LookUpContactIdAsync(_connection, VoyadoTouchpointChannel.ConnectionTestEmail, CancellationToken.None, connectionTest: true);
        var lookup = await other.LookUpContactIdAsync(_connection, "giulia.rossi@example.com", CancellationToken.None);

        Assert.That(test.StatusCode, Is.EqualTo(404), "Engage answered the test: no contact has the test address");
        Assert.That(lookup.Outcome.HeldBack, Is.True, "a delivery's lookup still waits for the key's holder");
        Assert.That(_bed.Engage.Lookups, Has.Count.EqualTo(2));
    }
}
