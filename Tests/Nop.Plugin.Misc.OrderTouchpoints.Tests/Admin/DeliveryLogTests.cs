using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>The delivery log grid and its resend actions over Moq mocks (and the in-memory outbox where rows must really change).</summary>
public class DeliveryLogTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private Mock<IDeliveryReports> _reports = null!;
    private Mock<IOrderService> _orders = null!;
    private Mock<IStoreService> _stores = null!;
    private Mock<INotificationService> _notifications = null!;
    private DeliverySignal _signal = null!;
    private AdminTimeZone _adminTimeZone = null!;
    private Mock<Nop.Services.Logging.ILogger> _logger = null!;

    [SetUp]
    public void CreateMocks()
    {
        _reports = new Mock<IDeliveryReports>(MockBehavior.Strict);
        _orders = new Mock<IOrderService>();
        _orders.Setup(o => o.GetOrderByCustomOrderNumberAsync("ABC-42")).ReturnsAsync(new Order { Id = 42, CustomOrderNumber = "ABC-42" });
        _orders.Setup(o => o.GetOrdersByIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) =>
            ids.Where(id => id != 404).Select(id => new Order { Id = id, CustomOrderNumber = $"ABC-{id}" }).ToList());
        _stores = new Mock<IStoreService>();
        _stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 1, Name = "Negozio" }, new Store { Id = 2, Name = "Shop" }]);
        _notifications = new Mock<INotificationService>();
        _signal = new DeliverySignal();
        _adminTimeZone = new AdminTimeZone();
        _logger = new Mock<Nop.Services.Logging.ILogger>();
    }

    private DeliveryLogModelFactory Factory(IDeliveryReports? reports = null)
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => ConfigurePageHost.English(key));
        return new DeliveryLogModelFactory(reports ?? _reports.Object, _orders.Object, _stores.Object, _adminTimeZone.Helper.Object, localization.Object,
            new AdminAreaSettings { DefaultGridPageSize = 15, GridPageSizes = "15, 50, 100" }, TestVendors.Registered);
    }

    private OrderTouchpointsDeliveryLogController Controller(IDeliveryReports? reports = null)
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => ConfigurePageHost.English(key));
        var health = new DeliveryHealthModelFactory(reports ?? _reports.Object, Mock.Of<IVendorSendingStates>(), _adminTimeZone.Helper.Object, localization.Object,
            new ManualTimeProvider(new DateTimeOffset(Now)), TestVendors.Registered);
        return new OrderTouchpointsDeliveryLogController(Factory(reports), health, reports ?? _reports.Object,
            new DeliveryResends(reports ?? _reports.Object, new InMemoryErasedCustomers(), _orders.Object), _signal, _notifications.Object, localization.Object,
            _logger.Object);
    }

    private void SearchReturns(params OrderTouchpointDelivery[] rows) =>
        _reports.Setup(o => o.SearchAsync(It.IsAny<DeliverySearch>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TestPagedList<OrderTouchpointDelivery>(rows, 0, 10, totalCount: 37));

    private static async Task<DeliveryLogListModel> ListAsync(OrderTouchpointsDeliveryLogController controller, DeliveryLogSearchModel search) =>
        (DeliveryLogListModel)((JsonResult)await controller.DeliveryList(search, CancellationToken.None)).Value!;

    [Test]
    public async Task Every_filter_reaches_the_reports_search_with_the_order_number_as_its_id_and_dates_in_utc()
    {
        SearchReturns();
        var search = new DeliveryLogSearchModel
        {
            SearchStoreId = 2,
            SearchVendorId = (int)TouchpointVendor.VoyadoEngage,
            SearchStatusId = (int)DeliveryStatus.Failed,
            SearchEventId = (int)TouchpointEvent.OrderPaid,
            SearchOrderNumber = " ABC-42 ",
            SearchCreatedFrom = new DateTime(2026, 11, 1),
            SearchCreatedTo = new DateTime(2026, 11, 2),
            Start = 20,
            Length = 10
        };

        await ListAsync(Controller(), search);

        var expected = new DeliverySearch(2, TouchpointVendor.VoyadoEngage, DeliveryStatus.Failed, TouchpointEvent.OrderPaid, 42,
            new DateTime(2026, 10, 31, 22, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 22, 0, 0, DateTimeKind.Utc));
        _reports.Verify(o => o.SearchAsync(expected, 2, 10, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Empty_filters_search_everything()
    {
        SearchReturns();

        await ListAsync(Controller(), new DeliveryLogSearchModel { SearchVendorId = 99, SearchStatusId = 0 });

        _reports.Verify(o => o.SearchAsync(new DeliverySearch(), 0, 10, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task An_order_number_no_order_has_shows_nothing_without_searching()
    {
        var list = await ListAsync(Controller(), new DeliveryLogSearchModel { SearchOrderNumber = "NOPE-1", Draw = "3" });

        Assert.That(list.Data, Is.Empty);
        Assert.That((list.RecordsTotal, list.RecordsFiltered, list.Draw), Is.EqualTo((0, 0, "3")));
        _reports.Verify(o => o.SearchAsync(It.IsAny<DeliverySearch>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Rows_show_the_order_number_names_texts_admin_times_and_sending_node_with_the_total_for_paging()
    {
        SearchReturns(
            new OrderTouchpointDelivery
            {
                Id = 7, StoreId = 2, OrderId = 42, Vendor = TouchpointVendor.VtMarketing, Event = TouchpointEvent.OrderPlaced,
                Status = DeliveryStatus.Failed, Attempts = 3, LastHttpStatus = 422, LastReason = "HTTP 422: unknown product",
                CreatedOnUtc = Now, LastAttemptOnUtc = Now.AddMinutes(5), SentByNode = "web-2:4711"
            },
            new OrderTouchpointDelivery
            {
                Id = 8, StoreId = 1, OrderId = 404, Vendor = TouchpointVendor.Transactionale, Event = TouchpointEvent.OrderPaid,
                Status = DeliveryStatus.Delivered, Attempts = 1, LastHttpStatus = 200, CreatedOnUtc = Now, LastAttemptOnUtc = Now, DeliveredOnUtc = Now
            });

        var list = await ListAsync(Controller(), new DeliveryLogSearchModel { Draw = "5" });

        Assert.That((list.RecordsTotal, list.RecordsFiltered, list.Draw), Is.EqualTo((37, 37, "5")));
        var rows = list.Data.ToList();
        Assert.That(rows[0], Is.EqualTo(new DeliveryLogRowModel
        {
            Id = 7, OrderId = 42, OrderNumber = "ABC-42", StoreName = "Shop", VendorName = "VTmarketing", EventName = "Order placed",
            StatusName = "Failed", Attempts = 3, LastHttpStatus = 422, LastReason = "HTTP 422: unknown product",
            CreatedOn = new DateTime(2026, 11, 20, 11, 0, 0), LastAttemptOn = new DateTime(2026, 11, 20, 11, 5, 0), DeliveredOn = null,
            SentByNode = "web-2:4711"
        }));
        Assert.That((rows[1].OrderNumber, rows[1].StatusName, rows[1].DeliveredOn), Is.EqualTo(("404", "Delivered", (DateTime?)new DateTime(2026, 11, 20, 11, 0, 0))),
            "a deleted order still shows its id");
    }

    [Test]
    public async Task The_page_lists_the_filters_and_takes_the_admin_grid_page_size()
    {
        _reports.Setup(o => o.GetDeliveryHistoryAsync(0, It.IsAny<DateTime>(), TimeSpan.FromHours(1), 24, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var view = (ViewResult)await Controller().List();
        var model = (DeliveryLogSearchModel)view.Model!;

        Assert.That(view.ViewName, Is.EqualTo(OrderTouchpointsDeliveryLogController.ViewPath));
        Assert.That((model.Length, model.AvailablePageSizes), Is.EqualTo((15, "15, 50, 100")));
        Assert.That(model.AvailableStores.Select(i => i.Text), Is.EqualTo(new[] { "Admin.Common.All", "Negozio", "Shop" }));
        Assert.That(model.AvailableVendors.Select(i => i.Text), Is.EqualTo(new[] { "Admin.Common.All", "Transactionale", "Voyado Engage", "VTmarketing" }));
        Assert.That(model.AvailableStatuses.Skip(1).Select(i => i.Text), Is.EqualTo(new[] { "Pending", "Sending", "Delivered", "Failed", "Skipped" }));
        Assert.That(model.AvailableEvents, Has.Count.EqualTo(1 + Enum.GetValues<TouchpointEvent>().Length));
    }

    [Test]
    public async Task A_link_opens_the_log_filtered_with_the_health_of_that_store_over_30_days()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(Now));
        var outbox = new InMemoryDeliveryOutbox(time);
        await outbox.EnqueueAsync(2, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], Now);
        await outbox.EnqueueAsync(1, 43, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], Now);

        var view = (ViewResult)await Controller(new InMemoryDeliveryReports(outbox)).List(DeliveryHealthPeriod.Days, storeId: 2, vendorId: (int)TouchpointVendor.VoyadoEngage,
            statusId: (int)DeliveryStatus.Failed);
        var model = (DeliveryLogSearchModel)view.Model!;

        Assert.That((model.SearchStoreId, model.SearchVendorId, model.SearchStatusId),
            Is.EqualTo((2, (int)TouchpointVendor.VoyadoEngage, (int)DeliveryStatus.Failed)));
        Assert.That((model.Health.Period, model.Health.StoreId), Is.EqualTo((DeliveryHealthPeriod.Days, 2)));
        Assert.That(model.Health.Vendors.Single(v => v.VendorId == (int)TouchpointVendor.VoyadoEngage).WaitingNow, Is.EqualTo(1));
    }

    [Test]
    public async Task A_health_view_that_cannot_load_leaves_the_log_usable_and_says_so()
    {
        _reports.Setup(o => o.GetDeliveryHistoryAsync(It.IsAny<int>(), It.IsAny<DateTime>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("relation \"OrderTouchpointDelivery\" does not exist"));

        var view = (ViewResult)await Controller().List();
        var model = (DeliveryLogSearchModel)view.Model!;

        Assert.That(model.Health.Vendors, Is.Empty);
        Assert.That(model.AvailableStores, Is.Not.Empty);
        _notifications.Verify(n => n.ErrorNotification("The delivery health could not be loaded; the reason is in System → Log.", true, 0), Times.Once);
        _logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains(typeof(InvalidOperationException).FullName!) && !m.Contains("does not exist")), null, null),
            Times.Once);
    }

    [Test]
    public async Task Unknown_filter_values_in_a_link_fall_back_to_any()
    {
        _reports.Setup(o => o.GetDeliveryHistoryAsync(0, It.IsAny<DateTime>(), TimeSpan.FromHours(1), 24, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var view = (ViewResult)await Controller().List((DeliveryHealthPeriod)7, storeId: -3, vendorId: 99, statusId: 12);
        var model = (DeliveryLogSearchModel)view.Model!;

        Assert.That((model.SearchStoreId, model.SearchVendorId, model.SearchStatusId, model.Health.Period),
            Is.EqualTo((0, 0, 0, DeliveryHealthPeriod.Hours)));
    }

    [Test]
    public async Task Resend_selected_puts_exactly_the_selected_rows_back_in_the_queue()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(Now));
        var outbox = new InMemoryDeliveryOutbox(time);
        await outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage, TouchpointVendor.VtMarketing], Now);
        foreach (var row in await outbox.TakeDueAsync(10, TimeSpan.FromMinutes(1)))
            await outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Failed, Now, Now, 400, "HTTP 400"));
        var ids = outbox.Snapshot().Select(r => r.Id).Order().ToList();

        var result = await Controller(new InMemoryDeliveryReports(outbox)).ResendSelected([ids[0], ids[2], ids[2]], cancellationToken: CancellationToken.None);

        Assert.That(result, Is.TypeOf<JsonResult>());
        Assert.That(await _signal.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None), Is.True, "the worker is woken to send them now");
        var statuses = outbox.Snapshot().ToDictionary(r => r.Id, r => r.Status);
        Assert.That(statuses, Is.EqualTo(new Dictionary<int, DeliveryStatus>
        {
            [ids[0]] = DeliveryStatus.Pending,
            [ids[1]] = DeliveryStatus.Failed,
            [ids[2]] = DeliveryStatus.Pending
        }));
    }

    private static async Task<(InMemoryDeliveryOutbox Outbox, int Delivered, int Failed)> DeliveredAndFailedAsync()
    {
        var outbox = new InMemoryDeliveryOutbox(new ManualTimeProvider(new DateTimeOffset(Now)));
        await outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing], Now);
        var rows = await outbox.TakeDueAsync(10, TimeSpan.FromMinutes(1));
        await outbox.RecordAttemptAsync(new AttemptResult(rows[0].Id, rows[0].ClaimToken!.Value, DeliveryStatus.Delivered, Now, Now, 200, null));
        await outbox.RecordAttemptAsync(new AttemptResult(rows[1].Id, rows[1].ClaimToken!.Value, DeliveryStatus.Failed, Now, Now, 400, "HTTP 400"));
        return (outbox, rows[0].Id, rows[1].Id);
    }

    private static string? MessageOf(IActionResult result) =>
        (string?)((JsonResult)result).Value!.GetType().GetProperty("Message")!.GetValue(((JsonResult)result).Value);

    [Test]
    public async Task Resend_selected_leaves_a_delivered_row_alone_unless_the_owner_asked_for_it_and_says_so()
    {
        var (outbox, delivered, failed) = await DeliveredAndFailedAsync();

        var result = await Controller(new InMemoryDeliveryReports(outbox)).ResendSelected([delivered, failed], cancellationToken: CancellationToken.None);

        var statuses = outbox.Snapshot().ToDictionary(r => r.Id, r => r.Status);
        Assert.That((statuses[delivered], statuses[failed]), Is.EqualTo((DeliveryStatus.Delivered, DeliveryStatus.Pending)),
            "a ticked delivered row is not a second mail the owner asked for");
        Assert.That(MessageOf(result), Does.StartWith("1 of the selected deliveries were not resent").And.Contain("Also resend delivered"));

        await Controller(new InMemoryDeliveryReports(outbox)).ResendSelected([delivered], includeDelivered: true, CancellationToken.None);

        Assert.That(outbox.Snapshot().Single(r => r.Id == delivered).Status, Is.EqualTo(DeliveryStatus.Pending), "sent again on purpose");
    }

    [Test]
    public async Task A_second_click_after_the_resent_row_was_delivered_sends_nothing_again()
    {
        var (outbox, _, failed) = await DeliveredAndFailedAsync();
        var controller = Controller(new InMemoryDeliveryReports(outbox));
        await controller.ResendSelected([failed], cancellationToken: CancellationToken.None);
        var resent = (await outbox.TakeDueAsync(10, TimeSpan.FromMinutes(1))).Single();
        await outbox.RecordAttemptAsync(new AttemptResult(resent.Id, resent.ClaimToken!.Value, DeliveryStatus.Delivered, Now, Now, 200, null));

        var second = await controller.ResendSelected([failed], cancellationToken: CancellationToken.None);

        Assert.That(outbox.Snapshot().Single(r => r.Id == failed).Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(MessageOf(second), Does.StartWith("1 of the selected deliveries were not resent"));
    }

    [Test]
    public async Task Resend_selected_of_a_row_being_sent_leaves_it_to_its_send_and_says_so()
    {
        var outbox = new InMemoryDeliveryOutbox(new ManualTimeProvider(new DateTimeOffset(Now)));
        await outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], Now);
        var sending = (await outbox.TakeDueAsync(10, TimeSpan.FromMinutes(1))).Single();

        var result = await Controller(new InMemoryDeliveryReports(outbox)).ResendSelected([sending.Id], includeDelivered: true, CancellationToken.None);

        Assert.That(outbox.Snapshot().Single().Status, Is.EqualTo(DeliveryStatus.InProgress));
        Assert.That(MessageOf(result), Is.EqualTo("1 of the selected deliveries were not resent: they are being sent right now; the list shows their result in a moment."));
    }

    [Test]
    public async Task Resend_failed_since_leaves_out_deliveries_sent_without_an_answer_for_the_owner_to_check()
    {
        var outbox = new InMemoryDeliveryOutbox(new ManualTimeProvider(new DateTimeOffset(Now)));
        await outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage, TouchpointVendor.VtMarketing], Now);
        var rows = (await outbox.TakeDueAsync(10, TimeSpan.FromMinutes(1))).ToDictionary(r => r.Vendor);
        var unanswered = Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared.UnknownOutcome.Reason(TestVendors.Registered.Of(TouchpointVendor.Transactionale),
            42, TouchpointEvent.OrderPlaced, "no answer within 15 s");
        await outbox.RecordAttemptAsync(new AttemptResult(rows[TouchpointVendor.Transactionale].Id, rows[TouchpointVendor.Transactionale].ClaimToken!.Value,
            DeliveryStatus.Failed, Now, Now, null, unanswered));
        await outbox.RecordAttemptAsync(new AttemptResult(rows[TouchpointVendor.VoyadoEngage].Id, rows[TouchpointVendor.VoyadoEngage].ClaimToken!.Value,
            DeliveryStatus.Failed, Now, Now, null, "Order: connection reset", DeliveredState: "Confirmed/Paid"));
        await outbox.RecordAttemptAsync(new AttemptResult(rows[TouchpointVendor.VtMarketing].Id, rows[TouchpointVendor.VtMarketing].ClaimToken!.Value,
            DeliveryStatus.Failed, Now, Now, 401, "HTTP 401"));

        await Controller(new InMemoryDeliveryReports(outbox)).ResendFailed(new ResendFailedModel { FailedSince = new DateTime(2026, 11, 20) }, CancellationToken.None);

        Assert.That(outbox.Snapshot().ToDictionary(r => r.Vendor, r => r.Status), Is.EqualTo(new Dictionary<TouchpointVendor, DeliveryStatus>
        {
            [TouchpointVendor.Transactionale] = DeliveryStatus.Failed,
            [TouchpointVendor.VoyadoEngage] = DeliveryStatus.Failed,
            [TouchpointVendor.VtMarketing] = DeliveryStatus.Pending
        }), "only the refused one: the vendor may have the unanswered ones, a person checks each");
        _notifications.Verify(n => n.SuccessNotification("1 failed deliveries were queued again.", true, 0), Times.Once);
    }

    [Test]
    public async Task Resend_selected_with_nothing_selected_changes_nothing()
    {
        var result = await Controller().ResendSelected([], cancellationToken: CancellationToken.None);

        Assert.That(result, Is.TypeOf<NoContentResult>());
        _reports.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Resend_failed_since_passes_the_time_in_utc_with_the_store_and_vendor_and_reports_the_count()
    {
        _reports.Setup(o => o.ResendFailedSinceAsync(It.IsAny<DateTime>(), It.IsAny<int>(), It.IsAny<TouchpointVendor?>(), It.IsAny<CancellationToken>())).ReturnsAsync(4);

        var result = await Controller().ResendFailed(new ResendFailedModel
        {
            FailedSince = new DateTime(2026, 11, 19, 8, 30, 0), StoreId = 2, VendorId = (int)TouchpointVendor.VoyadoEngage
        }, CancellationToken.None);

        _reports.Verify(o => o.ResendFailedSinceAsync(new DateTime(2026, 11, 19, 6, 30, 0, DateTimeKind.Utc), 2, TouchpointVendor.VoyadoEngage, It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(await _signal.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None), Is.True, "the worker is woken to send them now");
        _notifications.Verify(n => n.SuccessNotification("4 failed deliveries were queued again.", true, 0), Times.Once);
        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("List"));
    }

    [Test]
    public async Task Resend_failed_since_of_all_stores_and_vendors_passes_no_scope()
    {
        _reports.Setup(o => o.ResendFailedSinceAsync(It.IsAny<DateTime>(), It.IsAny<int>(), It.IsAny<TouchpointVendor?>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);

        await Controller().ResendFailed(new ResendFailedModel { FailedSince = new DateTime(2026, 11, 19) }, CancellationToken.None);

        _reports.Verify(o => o.ResendFailedSinceAsync(new DateTime(2026, 11, 18, 22, 0, 0, DateTimeKind.Utc), 0, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Resend_failed_since_really_resends_only_the_failures_of_the_chosen_vendor()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(Now));
        var outbox = new InMemoryDeliveryOutbox(time);
        await outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage], Now);
        foreach (var row in await outbox.TakeDueAsync(10, TimeSpan.FromMinutes(1)))
            await outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Failed, Now, Now, 401, "HTTP 401"));

        await Controller(new InMemoryDeliveryReports(outbox)).ResendFailed(new ResendFailedModel
        {
            FailedSince = new DateTime(2026, 11, 20, 10, 0, 0), VendorId = (int)TouchpointVendor.VoyadoEngage
        }, CancellationToken.None);

        Assert.That(outbox.Snapshot().ToDictionary(r => r.Vendor, r => r.Status), Is.EqualTo(new Dictionary<TouchpointVendor, DeliveryStatus>
        {
            [TouchpointVendor.Transactionale] = DeliveryStatus.Failed,
            [TouchpointVendor.VoyadoEngage] = DeliveryStatus.Pending
        }));
    }

    [Test]
    public async Task Resend_failed_without_a_date_resends_nothing_and_says_why()
    {
        await Controller().ResendFailed(new ResendFailedModel(), CancellationToken.None);

        _reports.VerifyNoOtherCalls();
        _notifications.Verify(n => n.ErrorNotification("Enter since when failed deliveries should be resent.", true, 0), Times.Once);
    }

    [Test]
    public async Task A_grid_page_that_cannot_be_read_answers_an_empty_page_with_the_reason_for_the_grid_to_show()
    {
        _reports.Setup(o => o.SearchAsync(It.IsAny<DeliverySearch>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("Execution Timeout Expired."));

        var result = await Controller().DeliveryList(new DeliveryLogSearchModel { Draw = "4" }, CancellationToken.None);

        // As the browser receives it: DataTables reads "error", "draw" and the (empty) "Data".
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(((JsonResult)result).Value));
        var answer = json.RootElement;
        Assert.That(answer.GetProperty("error").GetString(),
            Is.EqualTo(ConfigurePageHost.FailureText(OrderTouchpointsDeliveryLogController.GridUnavailableResource, nameof(TimeoutException))));
        Assert.That((answer.GetProperty("draw").GetString(), answer.GetProperty("recordsTotal").GetInt32(), answer.GetProperty("Data").GetArrayLength()),
            Is.EqualTo(("4", 0, 0)));
        Assert.That(AdminLog.SingleError(_logger), Does.Contain(typeof(TimeoutException).FullName).And.Not.Contain("Execution Timeout Expired"));
    }

    [Test]
    public async Task Filter_lists_that_cannot_all_be_loaded_leave_the_log_usable_and_say_so()
    {
        _reports.Setup(o => o.GetDeliveryHistoryAsync(0, It.IsAny<DateTime>(), TimeSpan.FromHours(1), 24, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _stores.Setup(s => s.GetAllStoresAsync()).ThrowsAsync(new TimeoutException());

        var view = (ViewResult)await Controller().List();
        var model = (DeliveryLogSearchModel)view.Model!;

        Assert.That(model.AvailableStores.Select(i => i.Value), Is.EqualTo(new[] { "0" }), "the store filter offers \"All\"");
        Assert.That(model.AvailableVendors, Has.Count.EqualTo(4));
        Assert.That(model.AvailableStatuses, Has.Count.EqualTo(1 + Enum.GetValues<DeliveryStatus>().Length));
        Assert.That(model.Length, Is.EqualTo(15));
        _notifications.Verify(n => n.ErrorNotification(
            ConfigurePageHost.FailureText(OrderTouchpointsDeliveryLogController.FiltersUnavailableResource, nameof(TimeoutException)), true, 0), Times.Once);
        Assert.That(AdminLog.SingleError(_logger), Does.Contain(typeof(TimeoutException).FullName));
    }

    [Test]
    public async Task A_resend_of_selected_rows_that_fails_answers_the_reason_instead_of_throwing()
    {
        _reports.Setup(o => o.GetOrderIdsAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("Execution Timeout Expired."));

        var result = await Controller().ResendSelected([7, 8], cancellationToken: CancellationToken.None);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(((JsonResult)result).Value));
        Assert.That(json.RootElement.GetProperty("Message").GetString(),
            Is.EqualTo(ConfigurePageHost.FailureText(OrderTouchpointsDeliveryLogController.ResendSelectedNotQueuedResource, nameof(TimeoutException))));
        Assert.That(json.RootElement.GetProperty("Count").GetInt32(), Is.Zero);
        Assert.That(await _signal.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None), Is.False, "nothing to send");
        Assert.That(AdminLog.SingleError(_logger), Does.Contain(typeof(TimeoutException).FullName).And.Not.Contain("Execution Timeout Expired"));
    }

    [Test]
    public async Task A_resend_of_failed_deliveries_that_fails_returns_to_the_log_with_the_form_as_posted_and_the_reason()
    {
        _reports.Setup(o => o.ResendFailedSinceAsync(It.IsAny<DateTime>(), It.IsAny<int>(), It.IsAny<TouchpointVendor?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException());
        var since = new DateTime(2026, 11, 19, 8, 30, 0);

        var result = await Controller().ResendFailed(new ResendFailedModel
        {
            FailedSince = since, StoreId = 2, VendorId = (int)TouchpointVendor.VoyadoEngage
        }, CancellationToken.None);

        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("List"));
        Assert.That(((RedirectToActionResult)result).RouteValues, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["ResendFailed.FailedSince"] = since,
            ["ResendFailed.StoreId"] = 2,
            ["ResendFailed.VendorId"] = (int)TouchpointVendor.VoyadoEngage
        }));
        _notifications.Verify(n => n.ErrorNotification(
            ConfigurePageHost.FailureText(OrderTouchpointsDeliveryLogController.ResendFailedNotQueuedResource, nameof(TimeoutException)), true, 0), Times.Once);
        _notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
        Assert.That(await _signal.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None), Is.False, "nothing to send");
        Assert.That(AdminLog.SingleError(_logger), Does.Contain(typeof(TimeoutException).FullName));
    }

    [Test]
    public async Task The_log_opened_after_a_failed_resend_shows_the_resend_form_as_it_was_posted()
    {
        _reports.Setup(o => o.GetDeliveryHistoryAsync(0, It.IsAny<DateTime>(), TimeSpan.FromHours(1), 24, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var posted = new ResendFailedModel { FailedSince = new DateTime(2026, 11, 19, 8, 30, 0), StoreId = 2, VendorId = (int)TouchpointVendor.VoyadoEngage };

        var view = (ViewResult)await Controller().List(resendFailed: posted);

        Assert.That(((DeliveryLogSearchModel)view.Model!).ResendFailed, Is.EqualTo(posted));
    }
}
