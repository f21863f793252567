using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Alerts;

/// <summary>
/// The owner's alerts over the in-memory outbox (real claim and result rules), nopCommerce's message
/// templates as installed by the plugin, and a recording of what is handed to nopCommerce's email queue.
/// </summary>
public class DeliveryAlertServiceTests
{
    private sealed record QueuedMail(string Template, int EmailAccountId, int LanguageId, Dictionary<string, string> Tokens, string To, string ToName);

    private static readonly Store Negozio = new() { Id = 1, Name = "Negozio", Url = "https://negozio.example/", DefaultLanguageId = 2 };
    private static readonly Store Shop = new() { Id = 2, Name = "Shop", Url = "https://shop.example" };

    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private InMemorySettingStore _settings = null!;
    private AlertTemplateStore _templates = null!;
    private InMemoryDeliveryAlertStates _states = null!;
    private List<QueuedMail> _queued = null!;
    private int _orderId;

    [SetUp]
    public async Task CreateStore()
    {
        _time = new ManualTimeProvider();
        _outbox = new InMemoryDeliveryOutbox(_time);
        _settings = new InMemorySettingStore();
        _templates = new AlertTemplateStore();
        await _templates.CreateTemplates(new Language { Id = 2, LanguageCulture = "it-IT" }).EnsureAsync();
        _states = new InMemoryDeliveryAlertStates();
        _queued = [];
    }

    private DeliveryAlertService Service(ILogger? logger = null, Func<int>? queue = null)
    {
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([Negozio, Shop]);
        var accounts = new Mock<IEmailAccountService>();
        accounts.Setup(a => a.GetEmailAccountByIdAsync(3)).ReturnsAsync(new EmailAccount { Id = 3, Email = "owner@negozio.example", DisplayName = "Negozio owner" });
        var workflow = new Mock<IWorkflowMessageService>();
        workflow.Setup(w => w.SendNotificationAsync(It.IsAny<MessageTemplate>(), It.IsAny<EmailAccount>(), It.IsAny<int>(), It.IsAny<IList<Token>>(),
                It.IsAny<string>(), It.IsAny<string>(), null, null, null, null, null, null, null, false))
            .Callback((MessageTemplate template, EmailAccount account, int languageId, IList<Token> tokens, string to, string toName,
                string _, string _, string _, string _, string _, string _, string _, bool _) =>
                _queued.Add(new QueuedMail(template.Name, account.Id, languageId, tokens.ToDictionary(t => t.Key, t => Convert.ToString(t.Value)!), to, toName)))
            .ReturnsAsync(() => queue?.Invoke() ?? _queued.Count);
        var languages = new Mock<ILanguageService>();
        languages.Setup(l => l.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync([new Language { Id = 1 }]);
        return new DeliveryAlertService(new InMemoryDeliveryReports(_outbox), _states, _settings.Mock.Object, stores.Object, languages.Object,
            _templates.Service.Object, accounts.Object, new EmailAccountSettings { DefaultEmailAccountId = 3 }, workflow.Object,
            logger ?? Mock.Of<ILogger>(), new DatabaseClock(_time), TestVendors.Registered);
    }

    private async Task FailAsync(int storeId, TouchpointVendor vendor, string reason)
    {
        await _outbox.EnqueueAsync(storeId, ++_orderId, TouchpointEvent.OrderPlaced, [vendor], _time.UtcNow);
        var row = (await _outbox.TakeDueAsync(10, TimeSpan.FromMinutes(5))).Single(r => r.OrderId == _orderId);
        await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Failed, _time.UtcNow, _time.UtcNow, 400, reason));
    }

    private Task<int> EvaluateAsync() => Service().EvaluateAsync(CancellationToken.None);

    [Test]
    public async Task A_store_whose_check_fails_is_logged_without_the_recipient_and_the_other_stores_still_get_their_alerts()
    {
        await FailAsync(2, TouchpointVendor.Transactionale, "HTTP 401: bad key");
        _settings.Mock.Setup(s => s.LoadSettingAsync<OrderTouchpointsAlertSettings>(1))
            .ThrowsAsync(new InvalidOperationException("could not mail owner@negozio.example"));
        var logger = new Mock<ILogger>();
        var service = Service(logger.Object);

        Assert.That(await service.EvaluateAsync(CancellationToken.None), Is.EqualTo(1));

        Assert.That(_queued.Single().Tokens["OrderTouchpoints.Store"], Is.EqualTo("Shop"));
        logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("store 1") && m.Contains("InvalidOperationException") && !m.Contains("@")),
            null, null), Times.Once);
    }

    [Test]
    public async Task A_failure_queues_one_alert_then_one_recovered_email_when_it_clears()
    {
        await FailAsync(1, TouchpointVendor.VoyadoEngage, "HTTP 400: contact type unknown");
        _time.Advance(TimeSpan.FromMinutes(1));
        await FailAsync(1, TouchpointVendor.VoyadoEngage, "HTTP 400: store id unknown");

        Assert.That(await EvaluateAsync(), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await EvaluateAsync(), Is.Zero, "one alert per period");

        var alert = _queued.Single();
        Assert.That((alert.Template, alert.EmailAccountId, alert.LanguageId, alert.To, alert.ToName),
            Is.EqualTo(("OrderTouchpoints.DeliveryAlert", 3, 2, "owner@negozio.example", "Negozio owner")));
        Assert.That(alert.Tokens, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["OrderTouchpoints.Vendor"] = "Voyado Engage",
            ["OrderTouchpoints.Store"] = "Negozio",
            ["OrderTouchpoints.FailedCount"] = "2",
            ["OrderTouchpoints.FirstReason"] = "HTTP 400: contact type unknown",
            ["OrderTouchpoints.WaitingCount"] = "0",
            ["OrderTouchpoints.OldestWaitingMinutes"] = "0",
            ["OrderTouchpoints.ThresholdMinutes"] = "30",
            ["OrderTouchpoints.LogUrl"] = "https://negozio.example/Admin/OrderTouchpointsDeliveryLog/List?storeId=1&vendorId=2&statusId=40"
        }));

        // The failures leave the 60-minute period and nothing new fails: the trouble has cleared.
        _time.Advance(TimeSpan.FromMinutes(60));
        Assert.That(await EvaluateAsync(), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await EvaluateAsync(), Is.Zero);

        Assert.That(_queued.Select(m => m.Template), Is.EqualTo(new[] { "OrderTouchpoints.DeliveryAlert", "OrderTouchpoints.DeliveryRecovered" }));
        Assert.That(_queued[1].Tokens["OrderTouchpoints.LogUrl"], Is.EqualTo("https://negozio.example/Admin/OrderTouchpointsDeliveryLog/List?storeId=1&vendorId=2"));
        Assert.That(_states.AlertedOnUtc, Is.Empty, "no alert state is left once recovered");
    }

    [Test]
    public async Task A_check_whose_snapshot_is_older_than_a_concurrent_alert_sends_no_recovered_email()
    {
        // Found in the store: a timer sweep took its snapshot before a failure, "Run now" alerted on the failure, and
        // the slower timer sweep then read the new alert state and announced a recovery that had not happened.
        _states.AlertedOnUtc[(Negozio.Id, TouchpointVendor.VtMarketing)] = _time.UtcNow.AddSeconds(2);

        Assert.That(await EvaluateAsync(), Is.Zero);
        Assert.That(_queued, Is.Empty);
        Assert.That(_states.AlertedOnUtc, Has.Count.EqualTo(1), "the newer alert's state stays");
    }

    [Test]
    public async Task A_delivery_waiting_longer_than_the_threshold_is_reported_with_its_age()
    {
        await _outbox.EnqueueAsync(2, 9, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.That(await EvaluateAsync(), Is.Zero);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await EvaluateAsync(), Is.EqualTo(1));
        var alert = _queued.Single();
        Assert.That((alert.Tokens["OrderTouchpoints.Store"], alert.Tokens["OrderTouchpoints.WaitingCount"], alert.Tokens["OrderTouchpoints.OldestWaitingMinutes"],
            alert.Tokens["OrderTouchpoints.FailedCount"], alert.Tokens["OrderTouchpoints.FirstReason"]), Is.EqualTo(("Shop", "1", "31", "0", "-")));
        Assert.That(alert.Tokens["OrderTouchpoints.LogUrl"], Is.EqualTo("https://shop.example/Admin/OrderTouchpointsDeliveryLog/List?storeId=2&vendorId=3&statusId=10"));
        Assert.That(alert.LanguageId, Is.EqualTo(1), "a store without a default language gets its first language");
    }

    [Test]
    public async Task Trouble_that_lasts_gets_at_most_one_alert_per_period_per_vendor_and_store()
    {
        await FailAsync(1, TouchpointVendor.Transactionale, "HTTP 422: shop_country missing");
        await FailAsync(2, TouchpointVendor.Transactionale, "HTTP 422: shop_country missing");
        for (var minute = 0; minute < 130; minute += 5)
        {
            if (minute % 20 == 0)
                await FailAsync(1, TouchpointVendor.Transactionale, "HTTP 422: shop_country missing");
            await EvaluateAsync();
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        var negozio = _queued.Where(m => m.Tokens["OrderTouchpoints.Store"] == "Negozio").Select(m => m.Template).ToList();
        Assert.That(negozio, Is.EqualTo(Enumerable.Repeat("OrderTouchpoints.DeliveryAlert", 3)), "at 0, 60 and 120 minutes");
        Assert.That(_queued.Where(m => m.Tokens["OrderTouchpoints.Store"] == "Shop").Select(m => m.Template),
            Is.EqualTo(new[] { "OrderTouchpoints.DeliveryAlert", "OrderTouchpoints.DeliveryRecovered" }));
    }

    [Test]
    public async Task The_address_in_settings_gets_the_alert_and_no_mail_goes_out_while_alerts_are_off()
    {
        _settings.Set<OrderTouchpointsAlertSettings, string?>(s => s.RecipientEmail, "ops@negozio.example", 0);
        await FailAsync(1, TouchpointVendor.Transactionale, "HTTP 401: bad key");

        await EvaluateAsync();
        Assert.That((_queued.Single().To, _queued.Single().ToName), Is.EqualTo(("ops@negozio.example", "ops@negozio.example")));

        _settings.Set<OrderTouchpointsAlertSettings, bool>(s => s.Enabled, false, 0);
        _time.Advance(TimeSpan.FromHours(3));
        await FailAsync(2, TouchpointVendor.Transactionale, "HTTP 401: bad key");
        Assert.That(await EvaluateAsync(), Is.Zero);
    }

    [Test]
    public async Task A_template_the_owner_switched_off_sends_nothing_and_keeps_no_alert_state()
    {
        _templates.Templates.Single(t => t.Name == DeliveryAlertTemplates.AlertTemplateName).IsActive = false;
        await FailAsync(1, TouchpointVendor.Transactionale, "HTTP 401: bad key");

        Assert.That(await EvaluateAsync(), Is.Zero);
        Assert.That(_queued, Is.Empty);
        Assert.That(_states.AlertedOnUtc, Is.Empty);
    }

    [Test]
    public async Task An_alert_whose_state_another_node_changed_first_is_not_queued_here()
    {
        await FailAsync(1, TouchpointVendor.Transactionale, "HTTP 401: bad key");
        var otherNodesAlert = _time.UtcNow.AddMilliseconds(-5);
        // The other node's sweep alerts between this sweep's read of the state and its change.
        _states.BeforeChange = () =>
        {
            _states.BeforeChange = null;
            _states.AlertedOnUtc[(Negozio.Id, TouchpointVendor.Transactionale)] = otherNodesAlert;
        };

        Assert.That(await EvaluateAsync(), Is.Zero);
        Assert.That(_queued, Is.Empty);
        Assert.That(_states.AlertedOnUtc[(Negozio.Id, TouchpointVendor.Transactionale)], Is.EqualTo(otherNodesAlert), "the other node's alert stands");
    }

    [Test]
    public async Task A_recovery_another_node_announced_first_is_not_announced_again()
    {
        await FailAsync(1, TouchpointVendor.VoyadoEngage, "HTTP 400: store id unknown");
        Assert.That(await EvaluateAsync(), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromMinutes(61));
        // The other node's sweep clears the state (and announces the recovery) between this sweep's read and its change.
        _states.BeforeChange = () =>
        {
            _states.BeforeChange = null;
            _states.AlertedOnUtc.Clear();
        };

        Assert.That(await EvaluateAsync(), Is.Zero);
        Assert.That(_queued.Select(m => m.Template), Is.EqualTo(new[] { "OrderTouchpoints.DeliveryAlert" }));
    }

    [Test]
    public async Task An_alert_that_could_not_be_queued_is_given_back_and_queued_by_the_next_sweep()
    {
        await FailAsync(1, TouchpointVendor.VtMarketing, "HTTP 500: busy");
        var logger = new Mock<ILogger>();

        var queued = await Service(logger.Object, queue: () => throw new InvalidOperationException("queue table locked")).EvaluateAsync(CancellationToken.None);

        Assert.That(queued, Is.Zero);
        Assert.That(_states.AlertedOnUtc, Is.Empty, "the alert is given back");
        logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("VTmarketing") && m.Contains("InvalidOperationException")), null, null), Times.Once);

        _time.Advance(TimeSpan.FromMinutes(5));
        _queued.Clear();
        Assert.That(await EvaluateAsync(), Is.EqualTo(1), "well inside the period: the alert was never sent");
        Assert.That(_queued.Single().Template, Is.EqualTo("OrderTouchpoints.DeliveryAlert"));
    }

    [Test]
    public async Task A_recovered_email_that_could_not_be_queued_is_given_back_and_queued_by_the_next_sweep()
    {
        await FailAsync(1, TouchpointVendor.VtMarketing, "HTTP 500: busy");
        Assert.That(await EvaluateAsync(), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromMinutes(61));

        Assert.That(await Service(queue: () => throw new InvalidOperationException("queue table locked")).EvaluateAsync(CancellationToken.None), Is.Zero);
        Assert.That(_states.AlertedOnUtc, Has.Count.EqualTo(1), "the alert state is given back");

        _time.Advance(TimeSpan.FromMinutes(5));
        _queued.Clear();
        Assert.That(await EvaluateAsync(), Is.EqualTo(1));
        Assert.That(_queued.Single().Template, Is.EqualTo("OrderTouchpoints.DeliveryRecovered"));
        Assert.That(_states.AlertedOnUtc, Is.Empty);
    }
}
