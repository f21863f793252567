using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Views.Tests;

/// <summary>One <c>&lt;nop-…&gt;</c> element of a view source: its tag, attribute names and line.</summary>
public sealed record NopElement(string View, int Line, string Tag, IReadOnlyList<string> Attributes)
{
    public override string ToString() => $"{View}:{Line} <{Tag}>";
}

/// <summary>
/// Finds nopCommerce tag helper elements in Razor sources. Attribute values may hold Razor code
/// (<c>"@(new { a = "b" })"</c>), so values are skipped with balanced parentheses, not up to the next quote.
/// </summary>
public static partial class NopElementParser
{
    [GeneratedRegex(@"<(?<tag>nop-[a-z0-9-]+)")]
    private static partial Regex NopTagStart();

    public static IEnumerable<NopElement> Parse(string view, string source)
    {
        foreach (Match match in NopTagStart().Matches(source))
        {
            var line = source.AsSpan(0, match.Index).Count('\n') + 1;
            yield return new NopElement(view, line, match.Groups["tag"].Value, ReadAttributes(source, match.Index + match.Length, view, line));
        }
    }

    private static List<string> ReadAttributes(string source, int position, string view, int line)
    {
        var names = new List<string>();
        var i = position;
        while (true)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
                i++;
            if (i >= source.Length)
                throw new FormatException($"{view}:{line}: element is not closed");
            if (source[i] == '>' || (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '>'))
                return names;

            var start = i;
            while (i < source.Length && !char.IsWhiteSpace(source[i]) && source[i] is not ('=' or '>' or '/'))
                i++;
            if (i == start)
                throw new FormatException($"{view}:{line}: cannot read an attribute at '{source[i]}'");
            names.Add(source[start..i]);

            while (i < source.Length && char.IsWhiteSpace(source[i]))
                i++;
            if (i < source.Length && source[i] == '=')
                i = SkipValue(source, i + 1, view, line);
        }
    }

    private static int SkipValue(string source, int i, string view, int line)
    {
        while (char.IsWhiteSpace(source[i]))
            i++;
        if (source[i] is not ('"' or '\''))
        {
            while (!char.IsWhiteSpace(source[i]) && source[i] != '>')
                i++;
            return i;
        }
        var quote = source[i++];
        var depth = 0;
        var inString = false;
        for (; i < source.Length; i++)
        {
            var c = source[i];
            if (depth > 0 && c == '"' && source[i - 1] != '\\')
                inString = !inString;
            else if (!inString && c == '(')
                depth++;
            else if (!inString && c == ')')
                depth--;
            else if (depth == 0 && c == quote)
                return i + 1;
        }
        throw new FormatException($"{view}:{line}: attribute value is not closed");
    }
}
