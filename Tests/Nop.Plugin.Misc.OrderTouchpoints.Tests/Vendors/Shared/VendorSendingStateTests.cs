using System.Net;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Polly.CircuitBreaker;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>The pause and probe state the health view shows is the circuit breaker's own, per vendor.</summary>
public class VendorSendingStateTests
{
    private readonly ManualTimeProvider _clock = new();

    private static ValueTask<HttpResponseMessage> Answer(HttpStatusCode status) => ValueTask.FromResult(new HttpResponseMessage(status));

    [Test]
    public async Task A_vendor_that_keeps_failing_is_paused_then_probed_then_sending_again()
    {
        var pipelines = new VendorResiliencePipelines(_clock, new VendorPauses(_clock));
        var voyado = pipelines.Get(TouchpointVendor.VoyadoEngage, "engage-key-1");
        pipelines.Get(TouchpointVendor.Transactionale, "trx-key-1");
        Assert.That(pipelines.StateOf(TouchpointVendor.VoyadoEngage), Is.EqualTo(VendorSendingState.Sending));

        for (var i = 0; i < 10; i++)
            (await voyado.ExecuteAsync(_ => Answer(HttpStatusCode.ServiceUnavailable))).Dispose();

        Assert.That(pipelines.StateOf(TouchpointVendor.VoyadoEngage), Is.EqualTo(VendorSendingState.Paused));
        Assert.That(pipelines.StateOf(TouchpointVendor.Transactionale), Is.EqualTo(VendorSendingState.Sending));
        Assert.ThrowsAsync<BrokenCircuitException>(async () => await voyado.ExecuteAsync(_ => Answer(HttpStatusCode.OK)));

        _clock.Advance(TimeSpan.FromSeconds(31));
        var stateDuringProbe = VendorSendingState.Sending;
        (await voyado.ExecuteAsync(_ =>
        {
            stateDuringProbe = pipelines.StateOf(TouchpointVendor.VoyadoEngage);
            return Answer(HttpStatusCode.OK);
        })).Dispose();

        Assert.That(stateDuringProbe, Is.EqualTo(VendorSendingState.Probing));
        Assert.That(pipelines.StateOf(TouchpointVendor.VoyadoEngage), Is.EqualTo(VendorSendingState.Sending));
    }

    [Test]
    public async Task One_paused_key_pauses_the_vendor_in_the_view()
    {
        var pipelines = new VendorResiliencePipelines(_clock, new VendorPauses(_clock));
        var badStore = pipelines.Get(TouchpointVendor.VtMarketing, "vtm-key-store-1");
        pipelines.Get(TouchpointVendor.VtMarketing, "vtm-key-store-2");

        for (var i = 0; i < 10; i++)
            (await badStore.ExecuteAsync(_ => Answer(HttpStatusCode.BadGateway))).Dispose();

        Assert.That(pipelines.StateOf(TouchpointVendor.VtMarketing), Is.EqualTo(VendorSendingState.Paused));
    }
}
