using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

public class DeliveryRegistrationTests
{
    private ServiceCollection _services = null!;

    [SetUp]
    public void RegisterThePlugin()
    {
        _services = new ServiceCollection();
        new PluginNopStartup().ConfigureServices(_services, new ConfigurationBuilder().Build());
    }

    private ServiceDescriptor Only<T>() => _services.Single(d => d.ServiceType == typeof(T));

    [Test]
    public void The_plugin_startup_registers_the_database_outbox_per_scope_and_one_worker_dispatcher_and_signal_per_process()
    {
        Assert.That(Only<IDeliveryOutbox>(), Has.Property(nameof(ServiceDescriptor.ImplementationType)).EqualTo(typeof(DbDeliveryOutbox))
            .And.Property(nameof(ServiceDescriptor.Lifetime)).EqualTo(ServiceLifetime.Scoped));
        Assert.That(Only<DeliverySignal>().Lifetime, Is.EqualTo(ServiceLifetime.Singleton));
        Assert.That(Only<DeliveryDispatcher>().Lifetime, Is.EqualTo(ServiceLifetime.Singleton));
        Assert.That(Only<IHostedService>().ImplementationType, Is.EqualTo(typeof(DeliveryWorker)));
        Assert.That(Only<DeliverySweepTask>().Lifetime, Is.EqualTo(ServiceLifetime.Scoped));
        Assert.That(Only<DeliveryReconciler>().Lifetime, Is.EqualTo(ServiceLifetime.Scoped));
        Assert.That(Only<TimeProvider>().ImplementationInstance, Is.SameAs(TimeProvider.System));
    }

    [Test]
    public void The_plugin_startup_registers_the_database_reports_and_the_resends_per_scope()
    {
        Assert.That(Only<IDeliveryReports>(), Has.Property(nameof(ServiceDescriptor.ImplementationType)).EqualTo(typeof(DbDeliveryReports))
            .And.Property(nameof(ServiceDescriptor.Lifetime)).EqualTo(ServiceLifetime.Scoped));
        Assert.That(Only<DeliveryResends>().Lifetime, Is.EqualTo(ServiceLifetime.Scoped));
    }

    [Test]
    public void The_plugin_startup_maps_each_vendor_to_its_own_channel_type()
    {
        var services = new ServiceCollection();

        new PluginNopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());

        var channelTypes = services.Where(d => d.ServiceType == typeof(TouchpointChannelType))
            .Select(d => (TouchpointChannelType)d.ImplementationInstance!).ToDictionary(t => t.Facts.Vendor, t => t.Type);
        Assert.That(channelTypes, Is.EqualTo(new Dictionary<TouchpointVendor, Type>
        {
            [TouchpointVendor.Transactionale] = typeof(TransactionaleTouchpointChannel),
            [TouchpointVendor.VoyadoEngage] = typeof(VoyadoTouchpointChannel),
            [TouchpointVendor.VtMarketing] = typeof(VtMarketingTouchpointChannel)
        }));
    }

    [Test]
    public void A_delivery_builds_only_its_own_vendors_channel()
    {
        var services = new ServiceCollection();
        var built = new List<TouchpointVendor>();
        services.AddSingleton(built);
        services.AddTouchpointChannel<TransactionaleStandIn>(TransactionaleTouchpointChannel.About);
        services.AddTouchpointChannel<VtMarketingStandIn>(VtMarketingTouchpointChannel.About);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var channel = scope.ServiceProvider.GetTouchpointChannel(TouchpointVendor.VtMarketing);

        Assert.That(channel, Is.InstanceOf<VtMarketingStandIn>());
        Assert.That(built, Is.EqualTo(new[] { TouchpointVendor.VtMarketing }), "the other vendor's channel was not built");
    }

    [Test]
    public void A_channel_registered_without_its_type_is_still_found()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new List<TouchpointVendor>());
        services.AddScoped<ITouchpointChannel, TransactionaleStandIn>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.That(scope.ServiceProvider.GetTouchpointChannel(TouchpointVendor.Transactionale), Is.InstanceOf<TransactionaleStandIn>());
        Assert.That(scope.ServiceProvider.GetTouchpointChannel(TouchpointVendor.VoyadoEngage), Is.Null);
    }

    private abstract class ChannelStandIn : ITouchpointChannel
    {
        protected ChannelStandIn(List<TouchpointVendor> built, TouchpointVendor vendor)
        {
            Facts = TestVendors.Registered.Of(vendor);
            built.Add(vendor);
        }

        public VendorFacts Facts { get; }
        public Task<DateTime?> GetEnabledOnUtcAsync(int storeId) => Task.FromResult<DateTime?>(null);
        public Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent) => Task.FromResult(true);
        public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class TransactionaleStandIn(List<TouchpointVendor> built) : ChannelStandIn(built, TouchpointVendor.Transactionale);

    private sealed class VtMarketingStandIn(List<TouchpointVendor> built) : ChannelStandIn(built, TouchpointVendor.VtMarketing);
}
