using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>Registers the plugin's services; each area adds its own in its ServiceCollection extension.</summary>
public class PluginNopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // One gate per process: circuits, pauses, rate limits and web-farm leases are per vendor key, whichever store or thread sends.
        services.AddSingleton<VendorGate>();
        services.AddSingleton<IVendorSendingStates>(provider => provider.GetRequiredService<VendorGate>());
        services.AddScoped<VendorRequestSender>();
        services.AddScoped<ApiKeyProtector>();
        services.AddScoped<OrderDataLoader>();
        services.AddScoped<IOrderQueries, DbOrderQueries>();
        services.AddTransactionaleTouchpoint();
        services.AddVtMarketingTouchpoint();
        services.AddOrderTouchpointsAdmin();
        services.AddVtMarketingFeed();
        services.AddTouchpointDelivery();
        services.AddDeliveryReports();
        services.AddVoyadoTouchpoint();
        services.AddOrderTouchpointsAlerts();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    // After nopCommerce's own registrations (core startups use 0–2000); the plugin overrides nothing.
    public int Order => 3000;
}
