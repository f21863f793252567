using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// The health view after a scripted run of deliveries through the in-memory outbox (the real claim and
/// result rules): counts per hour or per admin day, waiting rows, oldest wait, last delivery, engine state.
/// The admin's time zone is UTC+2.
/// </summary>
public class DeliveryHealthTests
{
    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private Mock<IVendorSendingStates> _states = null!;
    private int _orderId;

    [SetUp]
    public async Task RunTheScript()
    {
        _time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 19, 21, 0, 0, TimeSpan.Zero));
        _outbox = new InMemoryDeliveryOutbox(_time);
        _states = new Mock<IVendorSendingStates>();
        _states.Setup(s => s.StateOf(It.IsAny<TouchpointVendor>())).Returns(VendorSendingState.Sending);
        _states.Setup(s => s.StateOf(TouchpointVendor.VoyadoEngage)).Returns(VendorSendingState.Paused);

        await SendAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, At(19, 21, 30)); // 23:30 on the 19th for the admin
        await SendAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, At(20, 9, 10));
        await SendAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, At(20, 9, 10));
        await SendAsync(2, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, At(20, 10, 0));
        await SendAsync(1, TouchpointVendor.VoyadoEngage, DeliveryStatus.Delivered, At(20, 10, 30));
        await WaitAsync(1, TouchpointVendor.VtMarketing, At(20, 11, 0));
        await SendAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, At(20, 11, 20));
        await SendAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Failed, At(20, 12, 5));
        await WaitAsync(1, TouchpointVendor.VtMarketing, At(20, 12, 10));
        _time.SetUtcNow(At(20, 12, 30));
    }

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    private async Task SendAsync(int storeId, TouchpointVendor vendor, DeliveryStatus outcome, DateTimeOffset at)
    {
        _time.SetUtcNow(at.AddMinutes(-1));
        await _outbox.EnqueueAsync(storeId, ++_orderId, TouchpointEvent.OrderPlaced, [vendor], _time.UtcNow);
        // Rows left waiting earlier are claimed too and stay in progress: still waiting, as after a crashed send.
        var row = (await _outbox.TakeDueAsync(10, TimeSpan.FromMinutes(5))).Single(r => r.OrderId == _orderId);
        _time.SetUtcNow(at);
        var recorded = await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, outcome, _time.UtcNow, _time.UtcNow,
            outcome == DeliveryStatus.Delivered ? 200 : 400, outcome == DeliveryStatus.Delivered ? null : "HTTP 400: shop_country missing"));
        Assert.That(recorded, Is.True);
    }

    private async Task WaitAsync(int storeId, TouchpointVendor vendor, DateTimeOffset createdAt)
    {
        _time.SetUtcNow(createdAt);
        await _outbox.EnqueueAsync(storeId, ++_orderId, TouchpointEvent.OrderPlaced, [vendor], _time.UtcNow);
    }

    private DeliveryHealthModelFactory Factory()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => ConfigurePageHost.English(key));
        return new DeliveryHealthModelFactory(new InMemoryDeliveryReports(_outbox), _states.Object, new AdminTimeZone().Helper.Object, localization.Object, _time, TestVendors.Registered);
    }

    private async Task<Dictionary<TouchpointVendor, VendorHealthChartModel>> PrepareAsync(DeliveryHealthPeriod period, int storeId = 0) =>
        (await Factory().PrepareAsync(period, storeId)).Vendors.ToDictionary(v => (TouchpointVendor)v.VendorId);

    [Test]
    public async Task The_24_hour_chart_counts_each_hour_ending_with_the_current_one_labelled_in_the_admins_time()
    {
        var health = await PrepareAsync(DeliveryHealthPeriod.Hours, storeId: 1);
        var transactionale = health[TouchpointVendor.Transactionale];

        // Buckets start at 13:00 UTC yesterday; the last one is the current hour, 12:00 UTC (14:00 for the admin).
        Assert.That(transactionale.Labels, Has.Count.EqualTo(24));
        Assert.That((transactionale.Labels[0], transactionale.Labels[23]), Is.EqualTo(("15:00", "14:00")));
        Assert.That(transactionale.Delivered.Select((count, hour) => (hour, count)).Where(b => b.count > 0),
            Is.EqualTo(new[] { (8, 1), (20, 2), (22, 1) }));
        Assert.That(transactionale.Failed.Select((count, hour) => (hour, count)).Where(b => b.count > 0), Is.EqualTo(new[] { (23, 1) }));
        Assert.That((transactionale.DeliveredTotal, transactionale.FailedTotal, transactionale.WaitingNow), Is.EqualTo((4, 1, 0)));
        Assert.That(health[TouchpointVendor.VoyadoEngage].Delivered[21], Is.EqualTo(1));
    }

    [Test]
    public async Task Without_a_store_filter_every_store_counts()
    {
        var health = await PrepareAsync(DeliveryHealthPeriod.Hours);

        Assert.That(health[TouchpointVendor.Transactionale].Delivered[21], Is.EqualTo(1), "store 2's delivery at 10:00");
        Assert.That(health[TouchpointVendor.Transactionale].DeliveredTotal, Is.EqualTo(5));
    }

    [Test]
    public async Task The_30_day_chart_counts_per_day_of_the_admin_not_of_utc()
    {
        var transactionale = (await PrepareAsync(DeliveryHealthPeriod.Days, storeId: 1))[TouchpointVendor.Transactionale];

        Assert.That(transactionale.Labels, Has.Count.EqualTo(30));
        Assert.That(transactionale.Labels[^1], Does.StartWith("20 ").And.Contain("Nov"));
        // 21:30 UTC on the 19th is 23:30 for the admin: still the 19th, the day before today.
        Assert.That((transactionale.Delivered[28], transactionale.Delivered[29], transactionale.Failed[29]), Is.EqualTo((1, 3, 1)));
        Assert.That(transactionale.Delivered.Take(28).Sum(), Is.Zero);
    }

    [Test]
    public async Task Waiting_rows_show_in_their_hour_with_the_age_of_the_oldest_and_the_engine_state_beside()
    {
        var health = await PrepareAsync(DeliveryHealthPeriod.Hours, storeId: 1);
        var vtMarketing = health[TouchpointVendor.VtMarketing];

        Assert.That((vtMarketing.Waiting[22], vtMarketing.Waiting[23], vtMarketing.WaitingNow), Is.EqualTo((1, 1, 2)));
        Assert.That(vtMarketing.OldestWaitingAge, Is.EqualTo("1 h 30 min"));
        Assert.That(vtMarketing.LastDeliveredOn, Is.Null);
        Assert.That(health[TouchpointVendor.Transactionale].OldestWaitingAge, Is.Null);
        Assert.That(health[TouchpointVendor.Transactionale].LastDeliveredOn, Is.EqualTo(new DateTime(2026, 11, 20, 13, 20, 0)));
        Assert.That((health[TouchpointVendor.VoyadoEngage].State, health[TouchpointVendor.VoyadoEngage].StateName),
            Is.EqualTo(("Paused", "Paused: the vendor failed repeatedly; sending resumes automatically")));
        Assert.That(vtMarketing.State, Is.EqualTo("Sending"));
    }

    [Test]
    public async Task The_chart_data_names_its_series_and_carries_the_same_counts()
    {
        var transactionale = (await PrepareAsync(DeliveryHealthPeriod.Hours, storeId: 1))[TouchpointVendor.Transactionale];

        using var chart = System.Text.Json.JsonDocument.Parse(transactionale.ChartJson);
        Assert.That(chart.RootElement.GetProperty("names").GetProperty("failed").GetString(), Is.EqualTo("Failed"));
        Assert.That(chart.RootElement.GetProperty("delivered").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(transactionale.Delivered));
        Assert.That(chart.RootElement.GetProperty("labels").GetArrayLength(), Is.EqualTo(24));
        Assert.That(transactionale.Key, Is.EqualTo("transactionale"));
    }
}
