using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// The configure page's select lists when they could not be filled: each offers at least the posted value (shown
/// as it is stored), so the page posts the owner's choices back instead of nothing for an empty list.
/// </summary>
public static class PostedChoices
{
    public static void Keep(ConfigurationModel model)
    {
        Offer(model.Transactionale.AvailableCountries, model.Transactionale.ShopCountryCode);
        Offer(model.Transactionale.AvailableConsents, model.Transactionale.RequiredGdprConsentId.ToString(CultureInfo.InvariantCulture));
        Offer(model.VtMarketing.AvailableProductIdSources, model.VtMarketing.ProductIdSource.ToString());
        Offer(model.VtMarketing.AvailableFeedColorAttributes, model.VtMarketing.FeedColorAttribute ?? string.Empty);
        Offer(model.VtMarketingFeed.AvailableTrackingScriptPlacements, model.VtMarketingFeed.TrackingScriptPlacementId.ToString(CultureInfo.InvariantCulture));
    }

    private static void Offer(IList<SelectListItem> items, string? value)
    {
        if (value is not null && items.All(item => item.Value != value))
            items.Add(new SelectListItem(value.Length == 0 ? "—" : value, value));
    }
}
