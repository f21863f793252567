using System.Buffers;
using System.Text;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// RFC 4180 records with <c>;</c> as the separator: a field holding the separator, a quote or a line break
/// is enclosed in quotes with its quotes doubled; records end with CRLF.
/// </summary>
public static class SemicolonCsv
{
    public const char Separator = ';';
    public const string RecordEnd = "\r\n";

    private static readonly SearchValues<char> MustQuote = SearchValues.Create(";\"\r\n");

    public static void AppendRecord(StringBuilder output, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
                output.Append(Separator);
            AppendField(output, field);
            first = false;
        }
        output.Append(RecordEnd);
    }

    public static void AppendField(StringBuilder output, string? field)
    {
        if (string.IsNullOrEmpty(field))
            return;
        if (field.AsSpan().IndexOfAny(MustQuote) < 0)
        {
            output.Append(field);
            return;
        }
        output.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }
}
