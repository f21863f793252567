using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

public static class VtMarketingFeedServiceRegistration
{
    /// <summary>The product feed, its per-store tokens and the configure-page section for feed and tracking script.</summary>
    public static IServiceCollection AddVtMarketingFeed(this IServiceCollection services)
    {
        services.AddSingleton<VtMarketingFeedCache>();
        services.AddScoped<VtMarketingFeedStoreResolver>();
        services.AddScoped<VtMarketingFeedColors>();
        services.AddScoped<VtMarketingFeedRowReader>();
        services.AddScoped<VtMarketingFeedWriter>();
        services.AddScoped<VtMarketingFeedTokens>();
        services.AddScoped<VtMarketingFeedModelFactory>();
        return services;
    }
}
