using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// Engage's "stay under N requests/s per API key", measured where Engage measures it: on the server, by
/// arrival time. No assertion is made on how long anything took on our side.
/// </summary>
public class VoyadoRateLimitTests
{
    private const int Rate = 5;

    private VoyadoTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _bed = await VoyadoTestBed.StartAsync();
        _bed.Settings[1].MaxRequestsPerSecond = Rate;
        _bed.SaveContactId(7, "a0000001-0000-4000-8000-000000000001");
        _bed.Engage.AddContact("giulia.rossi@example.com", "a0000001-0000-4000-8000-000000000001");
    }

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    private static int MostRequestsInAnyOneSecond(IEnumerable<RecordedRequest> requests)
    {
        var arrivals = requests.Select(r => r.ReceivedAt).Order().ToList();
        return arrivals.Select(start => arrivals.Count(t => t >= start && t < start.AddSeconds(1))).DefaultIfEmpty(0).Max();
    }

    [Test]
    public async Task Engage_never_sees_more_than_the_configured_rate_within_any_second()
    {
        // 3 × N deliveries at once, each from its own channel instance (as concurrent dispatcher scopes are).
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3 * Rate).Select(_ => _bed.DeliverAsync()));

        Assert.That(outcomes.Select(o => o.Kind), Has.All.EqualTo(OutcomeKind.Delivered));
        Assert.That(_bed.Engage.OrderPosts, Has.Count.EqualTo(3 * Rate));
        Assert.That(MostRequestsInAnyOneSecond(_bed.Engage.Requests), Is.LessThanOrEqualTo(Rate));
        Assert.That(_bed.Engage.Violations, Is.Empty);
    }

    [Test]
    public async Task The_limit_is_per_api_key_and_shared_by_every_store_using_it()
    {
        _bed.Settings[2] = _bed.SettingsFor(_bed.Engage);
        _bed.Settings[2].MaxRequestsPerSecond = Rate;
        _bed.SaveContactId(7, "a0000001-0000-4000-8000-000000000001", storeId: 2);
        var store2Order = new Order
        {
            Id = 43, CustomOrderNumber = "43", StoreId = 2, CustomerId = 7, BillingAddressId = 100, CustomerLanguageId = 1,
            CustomerCurrencyCode = "EUR", CurrencyRate = 1m, OrderTotal = 50m, CreatedOnUtc = _bed.Order.CreatedOnUtc
        };
        _bed.Shop.Orders.Add(store2Order);
        _bed.Shop.OrderItems.Add(new OrderItem { Id = 4301, OrderId = 43, ProductId = 501, Quantity = 1, PriceInclTax = 50m, PriceExclTax = 41m });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2 * Rate)
            .Select(i => _bed.DeliverAsync(order: i % 2 == 0 ? _bed.Order : store2Order)));

        Assert.That(outcomes.Select(o => o.Kind), Has.All.EqualTo(OutcomeKind.Delivered));
        Assert.That(MostRequestsInAnyOneSecond(_bed.Engage.Requests), Is.LessThanOrEqualTo(Rate));
    }

    [Test]
    public async Task A_delivery_that_cannot_get_a_slot_in_time_retries_later_without_calling()
    {
        _bed.Settings[1].MaxRequestsPerSecond = 1;
        _bed.DeliverySettings.AttemptTimeoutSeconds = 1;

        // One slot per second and at most one second of waiting: the third and fourth cannot start in time.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _bed.DeliverAsync()));

        var delivered = outcomes.Count(o => o.Kind == OutcomeKind.Delivered);
        var postponed = outcomes.Where(o => o.Kind == OutcomeKind.RetryLater).ToList();
        Assert.That(delivered + postponed.Count, Is.EqualTo(4), "nothing is lost: delivered or to be retried");
        Assert.That(delivered, Is.GreaterThanOrEqualTo(1));
        Assert.That(postponed, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(postponed.Select(o => o.RetryAfter), Has.All.GreaterThan(TimeSpan.Zero));
        Assert.That(postponed.Select(o => o.Reason), Has.All.Contain("rate limit"));
        Assert.That(_bed.Engage.OrderPosts, Has.Count.EqualTo(delivered), "a postponed delivery made no call");
    }
}
