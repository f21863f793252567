using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReferenceChecker;

/// <summary>
/// Evaluates enum member values and constants of one type, so that <c>1 &lt;&lt; 2</c>, <c>4</c> and an
/// implicit enum value compare equal. Anything beyond simple literals and sibling references yields null.
/// </summary>
public sealed class ConstantEvaluator(string typeName)
{
    private readonly Dictionary<string, Func<object?>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    private sealed record NullValue;

    public void Add(string name, Func<object?> compute) => _entries.TryAdd(name, compute);

    public void Add(string name, ExpressionSyntax expression) => Add(name, () => Evaluate(expression));

    /// <summary>Adds enum members in declaration order, giving implicit ones the previous value plus one.</summary>
    public void AddEnumMembers(IReadOnlyList<EnumMemberDeclarationSyntax> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var previous = i == 0 ? null : members[i - 1].Identifier.ValueText;
            Add(member.Identifier.ValueText, () => member.EqualsValue is { } ev
                ? Evaluate(ev.Value)
                : previous is null ? 0L : Get(previous) is long l ? l + 1 : null);
        }
    }

    public object? Get(string name)
    {
        if (_values.TryGetValue(name, out var known))
            return known;
        if (!_entries.TryGetValue(name, out var compute) || !_evaluating.Add(name))
            return null;
        var value = compute();
        _evaluating.Remove(name);
        return _values[name] = value;
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        NullValue => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        char c => $"'{c}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private object? Evaluate(ExpressionSyntax expression)
    {
        try
        {
            return expression switch
            {
                LiteralExpressionSyntax l => Literal(l),
                ParenthesizedExpressionSyntax p => Evaluate(p.Expression),
                CastExpressionSyntax c => Evaluate(c.Expression),
                CheckedExpressionSyntax c => Evaluate(c.Expression),
                PrefixUnaryExpressionSyntax u => Unary(u.OperatorToken.Text, Evaluate(u.Operand)),
                BinaryExpressionSyntax b => Binary(b.OperatorToken.Text, Evaluate(b.Left), Evaluate(b.Right)),
                IdentifierNameSyntax i => Get(i.Identifier.ValueText),
                MemberAccessExpressionSyntax { Expression: SimpleNameSyntax owner } m
                    when owner.Identifier.ValueText == typeName => Get(m.Name.Identifier.ValueText),
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } n
                    when n.ArgumentList.Arguments is [{ Expression: var arg }] => arg switch
                    {
                        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                        SimpleNameSyntax s => s.Identifier.ValueText,
                        _ => null,
                    },
                _ => null,
            };
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException or InvalidCastException)
        {
            return null;
        }
    }

    private static object? Literal(LiteralExpressionSyntax literal) => literal.Kind() switch
    {
        SyntaxKind.NullLiteralExpression => new NullValue(),
        SyntaxKind.NumericLiteralExpression => literal.Token.Value switch
        {
            int or uint or long => Convert.ToInt64(literal.Token.Value, CultureInfo.InvariantCulture),
            ulong u => unchecked((long)u),
            var other => other,
        },
        _ => literal.Token.Value,
    };

    private static string? Raw(object value) => value switch
    {
        NullValue => "",
        string s => s,
        char c => c.ToString(),
        _ => Format(value),
    };

    private static object? Unary(string op, object? operand) => (op, operand) switch
    {
        ("-", long l) => -l,
        ("+", long l) => l,
        ("~", long l) => ~l,
        ("!", bool b) => !b,
        ("-", decimal d) => -d,
        ("-", double d) => -d,
        _ => null,
    };

    private static object? Binary(string op, object? left, object? right) => (left, right) switch
    {
        (string l, _) when op == "+" && right is not null => l + Raw(right),
        (_, string r) when op == "+" && left is not null => Raw(left) + r,
        (long l, long r) => op switch
        {
            "+" => l + r, "-" => l - r, "*" => l * r, "/" => l / r, "%" => l % r,
            "<<" => l << (int)r, ">>" => l >> (int)r, "|" => l | r, "&" => l & r, "^" => l ^ r,
            _ => null,
        },
        (bool l, bool r) => op switch { "&&" => l && r, "||" => l || r, "|" => l | r, "&" => l & r, _ => null },
        _ => null,
    };
}
