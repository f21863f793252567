using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

public enum FeedColorKind
{
    None = 0,
    ProductAttribute = 1,
    SpecificationAttribute = 2
}

/// <summary>
/// Where the feed's optional <c>Color</c> column comes from. nopCommerce has no colour field: shops name their
/// colour attribute freely, as a product attribute (chosen per variant) or a specification attribute, so the
/// store owner picks which one. Stored as one setting text, <c>ProductAttribute:5</c> or <c>SpecificationAttribute:3</c>.
/// </summary>
public sealed record FeedColorSource(FeedColorKind Kind, int AttributeId)
{
    public static readonly FeedColorSource None = new(FeedColorKind.None, 0);

    public bool IsSet => Kind != FeedColorKind.None && AttributeId > 0;

    /// <summary>The source a setting text names; anything unreadable means no colour.</summary>
    public static FeedColorSource Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split(':', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && Enum.TryParse<FeedColorKind>(parts[0], ignoreCase: false, out var kind) && kind != FeedColorKind.None
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new FeedColorSource(kind, id)
            : None;
    }

    public string? Format() => IsSet ? string.Create(CultureInfo.InvariantCulture, $"{Kind}:{AttributeId}") : null;
}
