using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>
/// The three vendors on 127.0.0.1, each checking every request against its documented contract:
/// Transactionale and VTmarketing as <see cref="FakeVendorServer"/>s, Voyado as a <see cref="FakeEngage"/>
/// tenant. <see cref="Misbehave"/> answers in their place (outages, 429s, slowness) when it returns non-null.
/// </summary>
public sealed class VendorFarm : IAsyncDisposable
{
    public const string TransactionaleKey = "sandbox-transactionale-key-7d1e";
    public const string VtMarketingKey = "sandbox-vtmarketing-key-4c0b";
    public const string VoyadoKey = FakeEngage.ApiKey;

    /// <summary>A second Transactionale account (another store's key): its requests are checked against the same contract with that key.</summary>
    public const string SecondTransactionaleKey = "second-store-transactionale-key-91ab";

    private static readonly FakeResponse TransactionaleAccepted = new(200, """{"status":"ok"}""");
    private static readonly FakeResponse IncompleteRequest = new(400, """{"error":"email is required"}""");
    private static readonly FakeResponse VtMarketingAccepted =
        new(200, """{"results":{"message":"Event created","email":"Event was created for the specified user"}}""");

    private VendorFarm(FakeVendorServer transactionale, FakeVendorServer vtMarketing, FakeEngage engage)
    {
        Transactionale = transactionale;
        VtMarketing = vtMarketing;
        Engage = engage;
    }

    public FakeVendorServer Transactionale { get; }
    public FakeVendorServer VtMarketing { get; }
    public FakeEngage Engage { get; }

    /// <summary>Decides a vendor's answer before its normal behaviour; null = behave normally.</summary>
    public Func<TouchpointVendor, RecordedRequest, FakeResponse?>? Misbehave { get; set; }

    /// <summary>How long every vendor takes to answer any request (their normal answers too).</summary>
    public TimeSpan Latency
    {
        get => Transactionale.Latency;
        set => Transactionale.Latency = VtMarketing.Latency = Engage.Server.Latency = value;
    }

    public Uri TransactionaleEndpoint => Transactionale.Url(TransactionaleContract.Path.TrimStart('/'));
    public Uri VtMarketingEndpoint => VtMarketing.Url(VtMarketingContract.Path.TrimStart('/'));
    public Uri VoyadoBaseUrl => Engage.BaseUri;

    public static async Task<VendorFarm> StartAsync()
    {
        VendorFarm? farm = null;
        var transactionaleContracts = new[] { TransactionaleKey, SecondTransactionaleKey }.ToDictionary(key => key, TransactionaleContract.For);
        var vtMarketingContract = VtMarketingContract.For(VtMarketingKey);
        FakeVendorServer? transactionale = null, vtMarketing = null;
        transactionale = await FakeVendorServer.StartAsync(request => Checked(
            transactionaleContracts.GetValueOrDefault(request.Header("X-Authorization") ?? "", transactionaleContracts[TransactionaleKey]), transactionale!, request,
            farm!.Misbehave?.Invoke(TouchpointVendor.Transactionale, request), TransactionaleAccepted));
        vtMarketing = await FakeVendorServer.StartAsync(request => Checked(vtMarketingContract, vtMarketing!, request,
            farm!.Misbehave?.Invoke(TouchpointVendor.VtMarketing, request), VtMarketingAccepted));
        var engage = await FakeEngage.StartAsync();
        engage.Answer = request => farm!.Misbehave?.Invoke(TouchpointVendor.VoyadoEngage, request);
        farm = new VendorFarm(transactionale, vtMarketing, engage);
        return farm;
    }

    /// <summary>
    /// Records the request's contract violations, then answers as the vendor would: a scripted misbehaviour (an outage
    /// answers whatever was sent), else the vendor's refusal of a wrong key or a body it cannot take, else acceptance.
    /// </summary>
    private static FakeResponse Checked(HttpContract contract, FakeVendorServer server, RecordedRequest request, FakeResponse? misbehaviour, FakeResponse accepted)
    {
        // The plugin's connection test (the admin button, and the probe of a paused key) posts exactly {}: it names no
        // customer, so a vendor that is up refuses it as incomplete.
        var connectionTest = request.Body == VendorConnectionProbe.EmptyTestBody;
        foreach (var violation in contract.Violations(request, connectionTest))
            server.Violation(violation);
        var answer = misbehaviour ?? contract.Refusal(request, contract.ExactHeaders[contract.KeyHeader], connectionTest) ?? accepted;
        return connectionTest && answer.Status is >= 200 and < 300 ? IncompleteRequest : answer;
    }

    public FakeVendorServer ServerOf(TouchpointVendor vendor) => vendor switch
    {
        TouchpointVendor.Transactionale => Transactionale,
        TouchpointVendor.VtMarketing => VtMarketing,
        _ => Engage.Server
    };

    /// <summary>Requests that carried a delivery (Engage: the order post; not a connection test) and were answered 2xx.</summary>
    public int AcceptedDeliveries(TouchpointVendor vendor) =>
        ServerOf(vendor).Answered.Count(a => a.Status is >= 200 and < 300 && IsDelivery(vendor, a.Request));

    public static bool IsDelivery(TouchpointVendor vendor, RecordedRequest request) => vendor == TouchpointVendor.VoyadoEngage
        ? request.Method == "POST" && request.Path == "/api/v2/orders"
        : request.Body != VendorConnectionProbe.EmptyTestBody;

    /// <summary>The most requests the vendor received within any one second (sliding, by arrival time).</summary>
    public int MaxRequestsInAnySecond(TouchpointVendor vendor)
    {
        var arrivals = ServerOf(vendor).Requests.Select(r => r.ReceivedAt).Order().ToArray();
        var max = 0;
        for (int first = 0, last = 0; last < arrivals.Length; last++)
        {
            while (arrivals[last] - arrivals[first] >= TimeSpan.FromSeconds(1))
                first++;
            max = Math.Max(max, last - first + 1);
        }
        return max;
    }

    public IReadOnlyList<string> Violations(TouchpointVendor vendor) => ServerOf(vendor).ContractViolations.ToList();

    public async ValueTask DisposeAsync()
    {
        await Transactionale.DisposeAsync();
        await VtMarketing.DisposeAsync();
        await Engage.DisposeAsync();
    }
}
