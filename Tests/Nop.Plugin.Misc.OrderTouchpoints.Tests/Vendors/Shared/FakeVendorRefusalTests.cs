using System.Net;
using System.Text;
using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>
/// The test kit's fake vendors answer as the vendors would, over real HTTP on 127.0.0.1: a wrong key is 401 at all
/// three, a body off the contract gets the vendor's 4xx with the problem in its error body, and both are recorded as
/// contract violations.
/// </summary>
public sealed class FakeVendorRefusalTests
{
    private const string ValidTransaction = """{"country":"IT","email":"buyer@example.com","first_name":"Giulia"}""";
    private const string ValidEvent = """{"user":{"email":"buyer@example.com"},"event":{"confirmation":{"generic":{"orderId":"7","total":12.5},"items":[{"id":"3","quantity":1}]}}}""";

    private VendorFarm _farm = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _farm = await VendorFarm.StartAsync();
        _http = new HttpClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _farm.DisposeAsync();
    }

    [Test]
    public async Task A_wrong_key_is_401_at_every_vendor()
    {
        var transactionale = await PostAsync(_farm.TransactionaleEndpoint, ValidTransaction, ("X-Authorization", "not-the-key"), ("Accept", "application/json"));
        var vtMarketing = await PostAsync(_farm.VtMarketingEndpoint, ValidEvent, ("Authorization", "not-the-key"));
        var engage = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_farm.VoyadoBaseUrl, "api/v2/contacts/id?email=buyer%40example.com"))
        {
            Headers = { { "apikey", "not-the-key" }, { "User-Agent", EngageContract.UserAgent } },
            Content = new StringContent("", Encoding.UTF8, "application/json") { Headers = { ContentType = new("application/json") } }
        });

        Assert.Multiple(() =>
        {
            Assert.That(transactionale.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(vtMarketing.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(JsonDocument.Parse(vtMarketing.Body).RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo("Unauthorized"));
            Assert.That(engage.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(_farm.Violations(TouchpointVendor.Transactionale), Has.Some.Contains("X-Authorization"));
            Assert.That(_farm.Violations(TouchpointVendor.VtMarketing), Has.Some.Contains("Authorization"));
            Assert.That(_farm.Violations(TouchpointVendor.VoyadoEngage), Has.Some.Contains("apikey"));
        });
    }

    [Test]
    public async Task The_right_keys_and_documented_bodies_are_accepted()
    {
        var transactionale = await PostAsync(_farm.TransactionaleEndpoint, ValidTransaction, ("X-Authorization", VendorFarm.TransactionaleKey), ("Accept", "application/json"));
        var vtMarketing = await PostAsync(_farm.VtMarketingEndpoint, ValidEvent, ("Authorization", VendorFarm.VtMarketingKey));

        Assert.That((transactionale.Status, vtMarketing.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(_farm.Violations(TouchpointVendor.Transactionale).Concat(_farm.Violations(TouchpointVendor.VtMarketing)), Is.Empty);
    }

    [Test]
    public async Task VTmarketing_accepts_items_without_id_or_quantity_which_it_only_recommends()
    {
        var vtMarketing = await PostAsync(_farm.VtMarketingEndpoint, ValidEvent.Replace("""{"id":"3","quantity":1}""", """{"quantity":1},{"id":"3"}"""),
            ("Authorization", VendorFarm.VtMarketingKey));

        Assert.That(vtMarketing.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_farm.Violations(TouchpointVendor.VtMarketing), Is.Empty);
    }

    [Test]
    public async Task A_body_off_the_contract_gets_the_vendors_400_naming_the_problem()
    {
        var transactionale = await PostAsync(_farm.TransactionaleEndpoint, """{"country":"IT","first_name":"Giulia"}""",
            ("X-Authorization", VendorFarm.TransactionaleKey), ("Accept", "application/json"));
        var vtMarketing = await PostAsync(_farm.VtMarketingEndpoint, ValidEvent.Replace("\"total\":12.5", "\"total\":\"12.5\""), ("Authorization", VendorFarm.VtMarketingKey));

        Assert.That(transactionale.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JsonDocument.Parse(transactionale.Body).RootElement.GetProperty("error").GetString(), Does.Contain("email is required"));
        Assert.That(vtMarketing.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JsonDocument.Parse(vtMarketing.Body).RootElement.GetProperty("errors")[0].GetProperty("description").GetString(), Does.Contain("total"));
        Assert.That(_farm.Violations(TouchpointVendor.Transactionale), Has.Count.EqualTo(1));
        Assert.That(_farm.Violations(TouchpointVendor.VtMarketing), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_Engage_order_whose_total_does_not_add_up_is_422_ValidationError()
    {
        _farm.Engage.AddContact("buyer@example.com", "c0ffee00-0000-4000-8000-000000000001");
        const string order = """
            {"contact":{"matchKey":"c0ffee00-0000-4000-8000-000000000001","matchKeyType":"ContactId"},"orderNumber":"7","orderStatus":"Confirmed",
             "paymentStatus":"Pending","createdDate":"2026-12-05T10:00:00Z","storeId":"nop","currency":"EUR","language":"it-IT","totalGrossPrice":30.00,
             "items":[{"type":"PURCHASE","sku":"S1","quantity":2,"grossPaidPrice":24.40,"description":"Lamp","taxAmount":4.40,"taxPercent":22}]}
            """;
        var answer = await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(_farm.VoyadoBaseUrl, "api/v2/orders"))
        {
            Headers = { { "apikey", VendorFarm.VoyadoKey }, { "User-Agent", EngageContract.UserAgent } },
            Content = new StringContent(order, Encoding.UTF8, "application/json") { Headers = { ContentType = new("application/json") } }
        });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var error = JsonDocument.Parse(answer.Body).RootElement;
        Assert.That(error.GetProperty("errorCode").GetString(), Is.EqualTo("ValidationError"));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("sum rule"));
        Assert.That(_farm.Engage.OrderPosts, Has.Count.EqualTo(1));
    }

    private Task<(HttpStatusCode Status, string Body)> PostAsync(Uri endpoint, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json") { Headers = { ContentType = new("application/json") } }
        };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return SendAsync(request);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _http.SendAsync(request))
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
