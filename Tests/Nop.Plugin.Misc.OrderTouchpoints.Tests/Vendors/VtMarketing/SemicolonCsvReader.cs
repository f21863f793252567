using System.Text;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>
/// A strict RFC 4180 reader (with ';') for checking what the feed writer produced: fails on a stray quote,
/// on a record not ending with CRLF and on anything after a closing quote.
/// </summary>
public static class SemicolonCsvReader
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != ';' && text[i] != '\r')
                    throw new FormatException($"character after closing quote at {i}");
            }
            else
            {
                while (i < text.Length && text[i] != ';' && text[i] != '\r')
                {
                    if (text[i] is '"' or '\n')
                        throw new FormatException($"unquoted {(text[i] == '"' ? "quote" : "line feed")} at {i}");
                    field.Append(text[i++]);
                }
            }
            if (i >= text.Length)
                throw new FormatException("last record does not end with CRLF");
            fields.Add(field.ToString());
            field.Clear();
            if (text[i] == ';') { i++; continue; }
            if (i + 1 >= text.Length || text[i + 1] != '\n')
                throw new FormatException($"CR without LF at {i}");
            i += 2;
            records.Add([.. fields]);
            fields.Clear();
        }
        return records;
    }
}
