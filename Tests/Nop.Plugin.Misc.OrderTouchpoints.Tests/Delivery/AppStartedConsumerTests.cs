using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Events;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Services.Logging;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// A store that starts with the plugin installed wakes the delivery worker at once, so a restarted node settles the rows a
/// killed node left and sends the retries that came due while it was down; an uploaded but not installed plugin does not.
/// </summary>
public class AppStartedConsumerTests
{
    private readonly DeliverySignal _signal = new();
    private readonly Mock<IPluginService> _plugins = new();
    private readonly Mock<ILogger> _logger = new();

    private Task StartAsync() => new AppStartedConsumer(_plugins.Object, _signal, _logger.Object).HandleEventAsync(new AppStartedEvent());

    private void PluginIs(PluginDescriptor? descriptor) =>
        _plugins.Setup(p => p.GetPluginDescriptorBySystemNameAsync<IPlugin>(OrderTouchpointsDefaults.SystemName, LoadPluginsMode.InstalledOnly,
            It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<string>())).ReturnsAsync(descriptor!);

    private Task<bool> WokenAsync() => _signal.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

    [Test]
    public async Task A_start_with_the_plugin_installed_wakes_the_worker()
    {
        PluginIs(new PluginDescriptor { Installed = true });

        await StartAsync();

        Assert.That(await WokenAsync(), Is.True);
    }

    [Test]
    public async Task A_start_with_the_plugin_uploaded_but_not_installed_leaves_the_worker_asleep()
    {
        PluginIs(null);
        await StartAsync();
        PluginIs(new PluginDescriptor { Installed = false });
        await StartAsync();

        Assert.That(await WokenAsync(), Is.False);
    }

    [Test]
    public async Task A_failing_plugin_lookup_lets_the_store_start_and_says_so()
    {
        _plugins.Setup(p => p.GetPluginDescriptorBySystemNameAsync<IPlugin>(It.IsAny<string>(), It.IsAny<LoadPluginsMode>(),
            It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<string>())).ThrowsAsync(new InvalidOperationException("plugins.json unreadable"));

        Assert.DoesNotThrowAsync(StartAsync);

        Assert.That(await WokenAsync(), Is.False);
        _logger.Verify(l => l.WarningAsync(It.Is<string>(m => m.Contains(nameof(InvalidOperationException))), It.IsAny<Exception>(), It.IsAny<Customer>()),
            Times.Once);
    }
}
