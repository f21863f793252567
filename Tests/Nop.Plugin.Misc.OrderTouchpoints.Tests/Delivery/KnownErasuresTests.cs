using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// What a node knows of the erased customers between its reads of the erased list: its own erases at once, others' after
/// its next read, and a lower id that becomes visible after a higher one was read is still found.
/// </summary>
public class KnownErasuresTests
{
    private static readonly DateTime ErasedOnUtc = new(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    private ManualTimeProvider _time = null!;
    private KnownErasures _known = null!;
    private readonly List<OrderTouchpointErasedCustomer> _table = [];
    private readonly List<int> _readAfter = [];

    [SetUp]
    public void Start()
    {
        _time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        _known = new KnownErasures(_time);
        _table.Clear();
        _readAfter.Clear();
    }

    private void Insert(int id, int customerId) =>
        _table.Add(new OrderTouchpointErasedCustomer { Id = id, CustomerId = customerId, ErasedOnUtc = ErasedOnUtc.AddMinutes(id) });

    private Task RefreshAsync() => _known.RefreshAsync((afterId, _) =>
    {
        _readAfter.Add(afterId);
        return Task.FromResult(_table.Where(row => row.Id > afterId).ToList());
    }, CancellationToken.None);

    [Test]
    public void This_process_s_own_erase_is_known_before_any_read()
    {
        _known.Add(7, ErasedOnUtc);

        Assert.That(_known.ErasedOnUtc(7), Is.EqualTo(ErasedOnUtc));
        Assert.That(_known.ErasedOnUtc(8), Is.Null);
    }

    [Test]
    public async Task Another_node_s_erase_is_known_after_the_next_read_with_the_time_it_recorded()
    {
        Insert(3, customerId: 70);
        Assert.That(_known.ErasedOnUtc(70), Is.Null, "nothing read yet");

        await RefreshAsync();

        Assert.That(_known.ErasedOnUtc(70), Is.EqualTo(ErasedOnUtc.AddMinutes(3)));
    }

    [Test]
    public async Task A_lower_id_that_becomes_visible_after_a_higher_one_was_read_is_still_found()
    {
        Insert(10, customerId: 100);
        await RefreshAsync();
        // Id 5 was drawn first, but its insert committed after the read above.
        Insert(5, customerId: 50);
        _time.Advance(TimeSpan.FromSeconds(20));

        await RefreshAsync();

        Assert.That(_known.ErasedOnUtc(50), Is.EqualTo(ErasedOnUtc.AddMinutes(5)));
        Assert.That(_readAfter, Is.EqualTo(new[] { 0, 0 }));
    }

    [Test]
    public async Task Ids_first_seen_30_s_ago_are_not_read_again()
    {
        Insert(10, customerId: 100);
        await RefreshAsync();
        _time.Advance(TimeSpan.FromSeconds(29));
        await RefreshAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await RefreshAsync();
        await RefreshAsync();

        Assert.That(_readAfter, Is.EqualTo(new[] { 0, 0, 0, 10 }), "the read at 30 s settles id 10; the next reads above it");
        Assert.That(_known.ErasedOnUtc(100), Is.EqualTo(ErasedOnUtc.AddMinutes(10)));
    }
}
