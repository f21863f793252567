using System.Text;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

public class FeedCsvTests
{
    private static string Record(params string?[] fields)
    {
        var output = new StringBuilder();
        SemicolonCsv.AppendRecord(output, fields);
        return output.ToString();
    }

    [Test]
    public void Plain_fields_are_written_as_they_are_separated_by_semicolons()
    {
        Assert.That(Record("501", "Espresso cup", "", null, "10.00").TrimEnd('\r', '\n'), Is.EqualTo("501;Espresso cup;;;10.00"));
    }

    [Test]
    public void Records_end_with_crlf()
    {
        Assert.That(Record("501", "Espresso cup"), Does.EndWith("cup\r\n"));
    }

    [TestCase("a;b", "\"a;b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("line1\nline2", "\"line1\nline2\"")]
    [TestCase("line1\r\nline2", "\"line1\r\nline2\"")]
    [TestCase("\"", "\"\"\"\"")]
    public void A_value_with_a_separator_quote_or_line_break_is_quoted_with_quotes_doubled(string value, string expected)
    {
        Assert.That(Record(value, "x"), Is.EqualTo(expected + ";x\r\n"));
    }

    [TestCase("comma, fine")]
    [TestCase(" spaced ")]
    public void Other_values_are_not_quoted(string value)
    {
        Assert.That(Record(value, "x"), Is.EqualTo(value + ";x\r\n"));
    }

    [Test]
    public void Every_awkward_value_reads_back_unchanged_with_a_strict_reader()
    {
        string[] values = ["a;b;c", "\"quoted\"", "multi\r\nline\nvalue", ";\"\r\n", "", "trailing;"];

        var records = SemicolonCsvReader.Parse(Record(values) + Record("second", "record"));

        Assert.That(records, Has.Count.EqualTo(2));
        Assert.That(records[0], Is.EqualTo(values));
        Assert.That(records[1], Is.EqualTo(new[] { "second", "record" }));
    }

    [Test]
    public void Header_is_vtmarketings_exactly()
    {
        var output = new StringBuilder();
        VtMarketingFeedCsv.AppendHeader(output);

        Assert.That(output.ToString(),
            Is.EqualTo("ID;Product title;Product URL;Categories IDs;Categories Titles;Description;Price;DiscountPrice;Photos;Color;Brand;Stock;Main\r\n"));
    }

    private static readonly VtMarketingFeedRow Cup = new("CUP-01", "Tazza \"espresso\"; bianca", "https://negozio.example/tazza", [30, 31],
        ["Cucina, casa", "Caffè"], "Porcellana.\nLavabile", 12.5m, 9.99m,
        ["https://negozio.example/images/a.jpeg", "https://negozio.example/images/b,c.jpeg"], "", "Bialetti", 7, IsVariation: false);

    private static readonly VtMarketingFeedRow RedCupVariation = new("CUP-01-RED", "Cup", "u", [], [], "", 10m, 0m, [], "", "", 0, IsVariation: true);

    private static string[] Fields(VtMarketingFeedRow row)
    {
        var output = new StringBuilder();
        VtMarketingFeedCsv.AppendRow(output, row);
        return SemicolonCsvReader.Parse(output.ToString()).Single();
    }

    [Test]
    public void A_row_has_its_fields_in_the_header_order()
    {
        Assert.That(Fields(Cup), Is.EqualTo(new[]
        {
            "CUP-01", "Tazza \"espresso\"; bianca", "https://negozio.example/tazza", "30,31", "Cucina casa,Caffè",
            "Porcellana.\nLavabile", "12.50", "9.99",
            "https://negozio.example/images/a.jpeg,https://negozio.example/images/b%2Cc.jpeg", "", "Bialetti", "7", "0"
        }));
    }

    [Test]
    public void Lists_are_comma_separated_without_commas_inside_their_values()
    {
        var fields = Fields(Cup);

        Assert.That((fields[3], fields[4], fields[8]), Is.EqualTo(("30,31", "Cucina casa,Caffè",
            "https://negozio.example/images/a.jpeg,https://negozio.example/images/b%2Cc.jpeg")));
    }

    [Test]
    public void Amounts_are_written_invariantly_with_two_decimals()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("it-IT");
        try
        {
            Assert.That(Fields(Cup)[6..8], Is.EqualTo(new[] { "12.50", "9.99" }));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void No_discount_is_written_as_0()
    {
        Assert.That(Fields(RedCupVariation)[6..8], Is.EqualTo(new[] { "10.00", "0" }));
    }

    [Test]
    public void A_variation_row_is_marked_1_as_in_the_feed_guide()
    {
        Assert.That(Fields(RedCupVariation)[12], Is.EqualTo("1"));
    }

    [Test]
    public void Old_price_above_price_makes_price_the_discounted_one()
    {
        Assert.That(VtMarketingFeedPrice.From(price: 8m, oldPrice: 10m), Is.EqualTo((10m, 8m)));
        Assert.That(VtMarketingFeedPrice.From(price: 8m, oldPrice: 0m), Is.EqualTo((8m, 0m)));
        Assert.That(VtMarketingFeedPrice.From(price: 8m, oldPrice: 8m), Is.EqualTo((8m, 0m)));
        Assert.That(VtMarketingFeedPrice.From(price: 8m, oldPrice: 5m), Is.EqualTo((8m, 0m)));
    }

    [TestCase("<p>Fine <b>porcelain</b> cup.</p><p>Dishwasher&nbsp;safe &amp; stackable</p>", "Fine porcelain cup. Dishwasher safe & stackable")]
    [TestCase("Line one<br/>Line two", "Line one Line two")]
    [TestCase("<script>alert('x')</script><style>p{}</style>Text<!-- note -->", "Text")]
    [TestCase("Caff&egrave; &lt;forte&gt;", "Caffè <forte>")]
    [TestCase("  plain\r\n\ttext  ", "plain text")]
    [TestCase(null, "")]
    public void Descriptions_are_plain_single_line_text(string? html, string expected)
    {
        Assert.That(HtmlText.ToPlainText(html), Is.EqualTo(expected));
    }
}
