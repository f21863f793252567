using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

public static class VtMarketingFeedServiceRegistration
{
    /// <summary>The product feed and its per-store tokens.</summary>
    public static IServiceCollection AddVtMarketingFeed(this IServiceCollection services)
    {
        services.AddSingleton<VtMarketingFeedCache>();
        services.AddScoped<VtMarketingFeedStoreResolver>();
        services.AddScoped<VtMarketingFeedColors>();
        services.AddScoped<VtMarketingFeedStock>();
        services.AddScoped<VtMarketingFeedVariantPrices>();
        services.AddScoped<VtMarketingFeedRowReader>();
        services.AddScoped<VtMarketingFeedWriter>();
        services.AddScoped<VtMarketingFeedTokens>();
        return services;
    }
}
