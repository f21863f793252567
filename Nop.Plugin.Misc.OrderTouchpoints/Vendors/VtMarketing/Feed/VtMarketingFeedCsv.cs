using System.Globalization;
using System.Text;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>VTmarketing's feed columns, in their documented order, and how each value is written.</summary>
public static class VtMarketingFeedCsv
{
    public const string Header =
        "ID;Product title;Product URL;Categories IDs;Categories Titles;Description;Price;DiscountPrice;Photos;Color;Brand;Stock;Main";

    // Several values in one cell are comma-separated (VTmarketing's format), so a comma inside one value would split it.
    private const char ListSeparator = ',';

    public static void AppendHeader(StringBuilder output) => output.Append(Header).Append(SemicolonCsv.RecordEnd);

    public static void AppendRow(StringBuilder output, VtMarketingFeedRow row) =>
        SemicolonCsv.AppendRecord(output,
        [
            row.Id,
            row.Title,
            row.Url,
            string.Join(ListSeparator, row.CategoryIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            string.Join(ListSeparator, row.CategoryTitles.Select(t => HtmlText.SingleLine(t.Replace(ListSeparator, ' ')))),
            row.Description,
            Amount(row.Price),
            row.DiscountPrice > 0 ? Amount(row.DiscountPrice) : "0",
            string.Join(ListSeparator, row.Photos.Select(url => url.Replace(",", "%2C"))),
            row.Color,
            row.Brand,
            row.Stock.ToString(CultureInfo.InvariantCulture),
            row.IsVariation ? "1" : "0"
        ]);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
