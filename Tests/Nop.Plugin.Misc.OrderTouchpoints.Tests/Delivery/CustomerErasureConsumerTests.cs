using Nop.Core.Domain.Common;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Common;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

public class CustomerErasureConsumerTests
{
    [Test]
    public async Task Erasing_a_customer_removes_only_their_saved_contact_ids_in_every_store_and_stops_unsent_deliveries()
    {
        var attributes = new List<GenericAttribute>
        {
            new() { Id = 1, EntityId = 7, KeyGroup = "Customer", Key = OrderTouchpointsDefaults.VoyadoContactIdAttribute, StoreId = 1 },
            new() { Id = 2, EntityId = 7, KeyGroup = "Customer", Key = OrderTouchpointsDefaults.VoyadoContactIdAttribute, StoreId = 2 },
            new() { Id = 3, EntityId = 7, KeyGroup = "Customer", Key = "SomeOtherPlugin.ContactId", StoreId = 1 },
            new() { Id = 4, EntityId = 8, KeyGroup = "Customer", Key = OrderTouchpointsDefaults.VoyadoContactIdAttribute, StoreId = 1 }
        };
        var genericAttributes = new Mock<IGenericAttributeService>();
        genericAttributes.Setup(s => s.GetAttributesForEntityAsync(It.IsAny<int>(), It.IsAny<string>()))
            .ReturnsAsync((int id, string group) => attributes.Where(a => a.EntityId == id && a.KeyGroup == group).ToList());
        IList<GenericAttribute>? deleted = null;
        genericAttributes.Setup(s => s.DeleteAttributesAsync(It.IsAny<IList<GenericAttribute>>()))
            .Callback((IList<GenericAttribute> a) => deleted = a).Returns(Task.CompletedTask);
        var orders = new Mock<IOrderService>();
        orders.Setup(s => s.SearchOrdersAsync(0, 0, 7, 0, 0, 0, 0, null, null, null, null, null, null, null, null, "", null, 0, int.MaxValue, false))
            .ReturnsAsync(new TestPagedList<Order>([new Order { Id = 42, CustomerId = 7 }]));
        var time = new ManualTimeProvider();
        var outbox = new InMemoryDeliveryOutbox(time);
        await outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], time.UtcNow);
        await outbox.EnqueueAsync(1, 43, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], time.UtcNow);
        var logger = new Mock<ILogger>(MockBehavior.Strict);

        await new CustomerErasureConsumer(new InMemoryErasedCustomers(), genericAttributes.Object, orders.Object, outbox, logger.Object, time)
            .HandleEventAsync(new CustomerPermanentlyDeleted(7, "giulia.rossi@example.com"));

        Assert.That(deleted!.Select(a => a.Id), Is.EquivalentTo(new[] { 1, 2 }));
        var rows = outbox.Snapshot();
        Assert.That(rows.Single(r => r.OrderId == 42).Status, Is.EqualTo(DeliveryStatus.Skipped));
        Assert.That(rows.Single(r => r.OrderId == 42).LastReason, Is.EqualTo(ErasedCustomerReasons.NothingSent(time.UtcNow)));
        Assert.That(rows.Single(r => r.OrderId == 43).Status, Is.EqualTo(DeliveryStatus.Pending));
    }

    [Test]
    public void A_failure_is_logged_by_customer_id_only_and_does_not_reach_the_erase_request()
    {
        var genericAttributes = new Mock<IGenericAttributeService>();
        genericAttributes.Setup(s => s.GetAttributesForEntityAsync(It.IsAny<int>(), It.IsAny<string>())).ThrowsAsync(new TimeoutException());
        var logger = new Mock<ILogger>();

        Assert.DoesNotThrowAsync(() => new CustomerErasureConsumer(new InMemoryErasedCustomers(), genericAttributes.Object, Mock.Of<IOrderService>(),
            Mock.Of<IDeliveryOutbox>(), logger.Object, TimeProvider.System).HandleEventAsync(new CustomerPermanentlyDeleted(7, "giulia.rossi@example.com")));

        logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("customer id 7") && m.Contains("TimeoutException") && !m.Contains("@")), null, null), Times.Once);
    }
}
