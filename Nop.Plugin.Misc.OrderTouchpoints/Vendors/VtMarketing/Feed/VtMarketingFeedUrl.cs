using System.Globalization;
using Nop.Core.Domain.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>The feed URL a store owner gives VTmarketing.</summary>
public static class VtMarketingFeedUrl
{
    public const string RoutePattern = "order-touchpoints/vtmarketing/feed/{storeId:int}.csv";

    public static string For(Store store, string token) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(store.Url ?? string.Empty).TrimEnd('/')}/order-touchpoints/vtmarketing/feed/{store.Id}.csv?token={Uri.EscapeDataString(token)}");
}
