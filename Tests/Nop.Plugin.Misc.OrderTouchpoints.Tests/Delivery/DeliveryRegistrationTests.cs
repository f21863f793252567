using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;

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
}
