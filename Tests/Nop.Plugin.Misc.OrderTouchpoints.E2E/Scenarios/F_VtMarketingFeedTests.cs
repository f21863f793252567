namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario f: the feed URL the configure page shows returns the store's catalogue as VTmarketing's CSV, with the same
/// ids as the order events' items; a wrong token gets 404; the tracking snippet is on storefront pages only.
/// </summary>
[TestFixture, Order(6)]
public sealed class F_VtMarketingFeedTests : StoreScenario
{
    private const string SnippetMarker = "vtm-e2e-tracking-marker";

    [Test]
    public async Task Feed_from_the_configure_page_lists_the_catalogue_with_the_event_ids()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        string feedUrl;
        var page = await suite.NewAdminPageAsync();
        try
        {
            var configure = new ConfigurePage(page);
            await configure.OpenAsync();
            await page.FillAsync("#VtMarketingFeed_TrackingScript", $"<script>/* {SnippetMarker} */</script>");
            await configure.SaveAsync();
            feedUrl = await page.Locator("input[readonly][value*='/vtmarketing/feed/1.csv']").InputValueAsync();
        }
        finally
        {
            await Suite.CloseAsync(page);
        }

        using var buyer = suite.NewSession();
        var order = await suite.Checkout.PlaceOrderAsync(buyer, Buyers.Guest("feed"));
        Assert.That(await Eventually.TrueAsync(() => VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber).Count > 0, TimeSpan.FromSeconds(60)));
        var itemIds = VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber).Single().Json
            .GetProperty("event").GetProperty("confirmation").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()).ToList();

        using var client = new HttpClient();
        var feed = await client.GetAsync(feedUrl);
        Assert.That((int)feed.StatusCode, Is.EqualTo(200));
        var lines = (await feed.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines[0], Is.EqualTo("ID;Product title;Product URL;Categories IDs;Categories Titles;Description;Price;DiscountPrice;Photos;Color;Brand;Stock;Main"));
        var feedIds = lines.Skip(1).Select(l => l.Split(';')[0]).ToHashSet();
        var published = await suite.Database.ScalarAsync<long>("""select count(*) from "Product" where "Published" and not "Deleted" and "VisibleIndividually" """);
        Assert.That(feedIds, Has.Count.GreaterThanOrEqualTo((int)published), "every published product has a row");
        Assert.That(feedIds, Is.SupersetOf(itemIds), "the order event's item ids are the feed's ids");
        // Stock as the store keeps it (the row ends with Stock;Main): an untracked product is always sold, so it is in
        // stock whatever its stock quantity says; a tracked one in a single warehouse shows its count (one no order of the
        // suite bought, so a feed cached before an order still agrees).
        var stockById = lines.Skip(1).Select(l => l.Split(';')).ToDictionary(cells => cells[0], cells => cells[^2]);
        const string listed = """ "Published" and not "Deleted" and "VisibleIndividually" and not "UseMultipleWarehouses" """;
        var untracked = await suite.Database.ScalarAsync<int>($"""select min("Id") from "Product" where {listed} and "ManageInventoryMethodId" = 0""");
        Assert.That(stockById[untracked.ToString()], Is.EqualTo("9999"), $"product {untracked} is not tracked");
        var tracked = await suite.Database.QueryAsync(
            $"""
             select "Id", "StockQuantity" from "Product" where {listed} and "ManageInventoryMethodId" = 1
                 and "Id" not in (select "ProductId" from "OrderItem") order by "Id" limit 1
             """);
        Assert.That(stockById[tracked.Single()["Id"]!.ToString()!], Is.EqualTo(tracked.Single()["StockQuantity"]!.ToString()));
        await File.WriteAllLinesAsync(suite.Environment.Artifact("vtmarketing-feed.csv"), lines);

        var wrongToken = await client.GetAsync(new UriBuilder(feedUrl) { Query = "token=not-the-token" }.Uri);
        Assert.That((int)wrongToken.StatusCode, Is.EqualTo(404));

        using var visitor = suite.NewSession();
        Assert.That(await visitor.GetPageAsync(""), Does.Contain(SnippetMarker), "the storefront carries the tracking snippet");
        Assert.That(await visitor.GetPageAsync(StorefrontCheckout.ProductPath), Does.Contain(SnippetMarker));
        Assert.That(await suite.Admin.GetPageAsync("Admin/Order/List"), Does.Not.Contain(SnippetMarker), "admin pages do not");
    }
}
