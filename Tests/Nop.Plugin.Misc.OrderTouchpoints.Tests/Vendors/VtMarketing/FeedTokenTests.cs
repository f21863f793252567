using System.Linq.Expressions;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

public class FeedTokenTests
{
    private Dictionary<int, OrderTouchpointsVtMarketingSettings> _settings = null!;
    private HashSet<int> _storesWithOwnToken = null!;
    private List<(int StoreId, string Token)> _saved = null!;
    private Mock<ISettingService> _settingService = null!;
    private Mock<IStoreService> _storeService = null!;

    [SetUp]
    public void CreateMocks()
    {
        _settings = [];
        _storesWithOwnToken = [];
        _saved = [];
        _settingService = new Mock<ISettingService>();
        _settingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => _settings.TryGetValue(storeId, out var s)
                ? new OrderTouchpointsVtMarketingSettings { Enabled = s.Enabled, FeedToken = s.FeedToken }
                : new OrderTouchpointsVtMarketingSettings());
        _settingService.Setup(s => s.SettingExistsAsync(It.IsAny<OrderTouchpointsVtMarketingSettings>(),
                It.IsAny<Expression<Func<OrderTouchpointsVtMarketingSettings, string?>>>(), It.IsAny<int>()))
            .ReturnsAsync((OrderTouchpointsVtMarketingSettings _, Expression<Func<OrderTouchpointsVtMarketingSettings, string?>> _, int storeId) =>
                _storesWithOwnToken.Contains(storeId));
        _settingService.Setup(s => s.SaveSettingAsync(It.IsAny<OrderTouchpointsVtMarketingSettings>(),
                It.IsAny<Expression<Func<OrderTouchpointsVtMarketingSettings, string?>>>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Callback((OrderTouchpointsVtMarketingSettings s, Expression<Func<OrderTouchpointsVtMarketingSettings, string?>> key, int storeId, bool _) =>
            {
                Assert.That(((MemberExpression)key.Body).Member.Name, Is.EqualTo(nameof(OrderTouchpointsVtMarketingSettings.FeedToken)));
                _saved.Add((storeId, s.FeedToken!));
            })
            .Returns(Task.CompletedTask);
        _storeService = new Mock<IStoreService>();
        _storeService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1 }, new() { Id = 2 }, new() { Id = 3 } });
    }

    private VtMarketingFeedTokens Tokens() => new(_settingService.Object, _storeService.Object);

    [Test]
    public void New_tokens_are_43_characters_long()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => VtMarketingFeedTokens.NewToken());

        Assert.That(tokens, Has.All.Length.EqualTo(43));
    }

    [Test]
    public void New_tokens_are_random()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => VtMarketingFeedTokens.NewToken());

        Assert.That(tokens, Is.Unique);
    }

    [Test]
    public void New_tokens_are_safe_in_a_url()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => VtMarketingFeedTokens.NewToken()).ToList();

        Assert.That(tokens, Has.All.Matches<string>(t => t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')));
        Assert.That(tokens, Has.All.Matches<string>(t => Uri.EscapeDataString(t) == t));
    }

    [Test]
    public void Tokens_match_only_exactly()
    {
        Assert.That(VtMarketingFeedTokens.Matches("abc", "abc"), Is.True);
        Assert.That(VtMarketingFeedTokens.Matches("abc", "abd"), Is.False);
        Assert.That(VtMarketingFeedTokens.Matches("abc", "ab"), Is.False);
        Assert.That(VtMarketingFeedTokens.Matches("abc", null), Is.False);
        Assert.That(VtMarketingFeedTokens.Matches(null, null), Is.False);
        Assert.That(VtMarketingFeedTokens.Matches("", ""), Is.False);
    }

    [Test]
    public async Task Enabling_gives_each_enabled_store_its_own_token_once()
    {
        // Store 1: enabled, inherits a token from the all-stores scope. Store 2: enabled, no token. Store 3: disabled.
        _settings[1] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "shared-from-all-stores" };
        _settings[2] = new OrderTouchpointsVtMarketingSettings { Enabled = true };
        _settings[3] = new OrderTouchpointsVtMarketingSettings { Enabled = false };

        await Tokens().EnsureForEnabledStoresAsync();

        Assert.That(_saved.Select(s => s.StoreId), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(_saved.Select(s => s.Token), Is.Unique.And.None.EqualTo("shared-from-all-stores"));
        _settingService.Verify(s => s.ClearCacheAsync(), Times.Once);
    }

    [Test]
    public async Task Stores_that_already_have_their_own_token_keep_it()
    {
        _settings[1] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "own" };
        _storesWithOwnToken.Add(1);

        await Tokens().EnsureForEnabledStoresAsync();

        Assert.That(_saved, Is.Empty);
        _settingService.Verify(s => s.ClearCacheAsync(), Times.Never);
    }

    [Test]
    public async Task Regenerating_replaces_the_token_of_one_store_or_of_every_enabled_store()
    {
        _settings[1] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "old-1" };
        _settings[2] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "old-2" };

        await Tokens().RegenerateAsync(2);
        Assert.That(_saved.Select(s => s.StoreId), Is.EqualTo(new[] { 2 }));
        Assert.That(_saved[0].Token, Is.Not.EqualTo("old-2"));

        _saved.Clear();
        await Tokens().RegenerateAsync(0);
        Assert.That(_saved.Select(s => s.StoreId), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Feed_url_is_the_store_url_with_the_route_and_the_token()
    {
        var store = new Store { Id = 4, Url = "https://negozio.example/" };

        Assert.That(VtMarketingFeedUrl.For(store, "a-b_c"), Is.EqualTo("https://negozio.example/order-touchpoints/vtmarketing/feed/4.csv?token=a-b_c"));
    }
}
