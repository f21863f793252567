using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>The pause and probe state the health view shows is the circuit breaker's own, per vendor.</summary>
public class VendorSendingStateTests
{
    private readonly ManualTimeProvider _clock = new();
    private VendorGate _gate = null!;

    [SetUp]
    public void CreateGate() => _gate = new VendorGate(
        new ServiceCollection().AddSingleton<IVendorLeaseStore>(new InMemoryVendorLeaseStore()).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        _clock);

    private async Task<GatePassage> SendAsync(TouchpointVendor vendor, string apiKey, HttpStatusCode status, Action? whileSending = null)
    {
        var passage = await _gate.SendAsync(VendorKey.Of(vendor, apiKey), 1, TimeSpan.FromSeconds(15), null, _ =>
        {
            whileSending?.Invoke();
            return Task.FromResult(new HttpResponseMessage(status));
        }, CancellationToken.None);
        passage.Answer?.Dispose();
        return passage;
    }

    [Test]
    public async Task A_vendor_that_keeps_failing_is_paused_then_probed_then_sending_again()
    {
        await SendAsync(TouchpointVendor.Transactionale, "trx-key-1", HttpStatusCode.OK);
        Assert.That(_gate.StateOf(TouchpointVendor.VoyadoEngage), Is.EqualTo(VendorSendingState.Sending));

        for (var i = 0; i < 10; i++)
            await SendAsync(TouchpointVendor.VoyadoEngage, "engage-key-1", HttpStatusCode.ServiceUnavailable);

        Assert.That(_gate.StateOf(TouchpointVendor.VoyadoEngage), Is.EqualTo(VendorSendingState.Paused));
        Assert.That(_gate.StateOf(TouchpointVendor.Transactionale), Is.EqualTo(VendorSendingState.Sending));
        Assert.That((await SendAsync(TouchpointVendor.VoyadoEngage, "engage-key-1", HttpStatusCode.OK)).HeldBack?.HeldBack, Is.True);

        _clock.Advance(TimeSpan.FromSeconds(31));
        var stateDuringProbe = VendorSendingState.Sending;
        await SendAsync(TouchpointVendor.VoyadoEngage, "engage-key-1", HttpStatusCode.OK,
            () => stateDuringProbe = _gate.StateOf(TouchpointVendor.VoyadoEngage));

        Assert.That(stateDuringProbe, Is.EqualTo(VendorSendingState.Probing));
        Assert.That(_gate.StateOf(TouchpointVendor.VoyadoEngage), Is.EqualTo(VendorSendingState.Sending));
    }

    [Test]
    public async Task A_key_stays_paused_until_its_trial_request_answers_when_no_store_could_probe_it()
    {
        var key = VendorKey.Of(TouchpointVendor.VtMarketing, "vtm-key-tests-only");
        // Only connection tests (no store) failed with the key, so its pause has no store to run a probe from.
        for (var i = 0; i < 10; i++)
            (await _gate.SendAsync(key, null, TimeSpan.FromSeconds(15), null,
                _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)), CancellationToken.None)).Answer?.Dispose();
        _clock.Advance(VendorGate.PauseDuration + TimeSpan.FromSeconds(1));

        Assert.That(_gate.TakeDueProbes(8), Is.Empty, "no store to test the connection from: the pause is dropped");
        var pausedDuringTrial = false;
        GatePassage? turnedAway = null;
        var trial = await _gate.SendAsync(key, 1, TimeSpan.FromSeconds(15), null, async _ =>
        {
            pausedDuringTrial = _gate.IsPaused(key.Name);
            turnedAway = await SendAsync(TouchpointVendor.VtMarketing, "vtm-key-tests-only", HttpStatusCode.OK);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }, CancellationToken.None);
        trial.Answer?.Dispose();

        Assert.That(turnedAway?.HeldBack?.VendorKey, Is.EqualTo(key.Name), "the circuit parks a request made while its trial is out");
        Assert.That(pausedDuringTrial, Is.True, "so what it parks stays parked until the trial answers");
        Assert.That(_gate.IsPaused(key.Name), Is.False, "the trial's answer ends the pause");
    }

    [Test]
    public async Task One_paused_key_pauses_the_vendor_in_the_view()
    {
        await SendAsync(TouchpointVendor.VtMarketing, "vtm-key-store-2", HttpStatusCode.OK);

        for (var i = 0; i < 10; i++)
            await SendAsync(TouchpointVendor.VtMarketing, "vtm-key-store-1", HttpStatusCode.BadGateway);

        Assert.That(_gate.StateOf(TouchpointVendor.VtMarketing), Is.EqualTo(VendorSendingState.Paused));
    }
}
