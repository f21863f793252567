using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReferenceChecker;

/// <summary>
/// Turns type, expression and attribute syntax into canonical one-line text, so that the reference and the
/// sources compare equal when they only differ in qualification, aliases, whitespace or nullable annotations.
/// </summary>
public sealed class SyntaxNormalizer(IReadOnlySet<string> valueTypeNames)
{
    private static readonly Dictionary<string, string> ClrAliases = new()
    {
        ["String"] = "string", ["Object"] = "object", ["Boolean"] = "bool", ["Byte"] = "byte", ["SByte"] = "sbyte",
        ["Char"] = "char", ["Decimal"] = "decimal", ["Double"] = "double", ["Single"] = "float",
        ["Int16"] = "short", ["UInt16"] = "ushort", ["Int32"] = "int", ["UInt32"] = "uint", ["Int64"] = "long",
        ["UInt64"] = "ulong", ["IntPtr"] = "nint", ["UIntPtr"] = "nuint", ["Void"] = "void",
    };

    private static readonly HashSet<string> ValueKeywords =
    [
        "bool", "byte", "sbyte", "char", "decimal", "double", "float", "short", "ushort", "int", "uint", "long",
        "ulong", "nint", "nuint",
    ];

    // Framework structs that never appear in the parsed sources but are common in signatures.
    private static readonly HashSet<string> WellKnownStructs =
    [
        "DateTime", "DateTimeOffset", "TimeSpan", "Guid", "DateOnly", "TimeOnly", "CancellationToken", "Half",
        "Int128", "UInt128", "Index", "Range", "KeyValuePair`2", "Nullable`1", "ValueTask", "ValueTask`1",
        "Span`1", "ReadOnlySpan`1", "Memory`1", "ReadOnlyMemory`1", "ImmutableArray`1", "StringValues",
        "ValueTuple`2", "ValueTuple`3", "ValueTuple`4", "ValueTuple`5", "ValueTuple`6", "ValueTuple`7",
    ];

    public string Type(TypeSyntax? type) => type switch
    {
        null => "",
        PredefinedTypeSyntax p => p.Keyword.Text,
        IdentifierNameSyntax i => ClrAliases.GetValueOrDefault(i.Identifier.ValueText, i.Identifier.ValueText),
        GenericNameSyntax { Identifier.ValueText: "Nullable", TypeArgumentList.Arguments: [var inner] } =>
            NullableOf(inner),
        GenericNameSyntax g =>
            $"{g.Identifier.ValueText}<{string.Join(", ", g.TypeArgumentList.Arguments.Select(Type))}>",
        QualifiedNameSyntax q => Type(q.Right),
        AliasQualifiedNameSyntax a => Type(a.Name),
        ArrayTypeSyntax a => Type(a.ElementType)
            + string.Concat(a.RankSpecifiers.Select(r => $"[{new string(',', r.Rank - 1)}]")),
        PointerTypeSyntax p => Type(p.ElementType) + "*",
        NullableTypeSyntax n => NullableOf(n.ElementType),
        TupleTypeSyntax t => "(" + string.Join(", ", t.Elements.Select(e =>
            e.Identifier.IsKind(SyntaxKind.None) ? Type(e.Type) : $"{Type(e.Type)} {e.Identifier.ValueText}")) + ")",
        RefTypeSyntax r => (r.ReadOnlyKeyword.IsKind(SyntaxKind.None) ? "ref " : "ref readonly ") + Type(r.Type),
        ScopedTypeSyntax s => Type(s.Type),
        OmittedTypeArgumentSyntax => "",
        _ => Tokens(type),
    };

    private string NullableOf(TypeSyntax element) => IsValueType(element) ? Type(element) + "?" : Type(element);

    private bool IsValueType(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax p => ValueKeywords.Contains(p.Keyword.Text),
        TupleTypeSyntax => true,
        QualifiedNameSyntax q => IsValueType(q.Right),
        AliasQualifiedNameSyntax a => IsValueType(a.Name),
        IdentifierNameSyntax i => ValueKeywords.Contains(Type(i)) || IsStructName(i.Identifier.ValueText),
        GenericNameSyntax g => IsStructName($"{g.Identifier.ValueText}`{g.TypeArgumentList.Arguments.Count}"),
        _ => false,
    };

    private bool IsStructName(string key) => WellKnownStructs.Contains(key) || valueTypeNames.Contains(key);

    public string Expression(ExpressionSyntax? expression) => expression switch
    {
        null => "",
        LiteralExpressionSyntax l => Literal(l.Token),
        DefaultExpressionSyntax => "default",
        ParenthesizedExpressionSyntax p => $"({Expression(p.Expression)})",
        MemberAccessExpressionSyntax m when NameChain(m) is { Count: >= 2 } chain => $"{chain[^2]}.{chain[^1]}",
        MemberAccessExpressionSyntax m => $"{Expression(m.Expression)}{m.OperatorToken.Text}{m.Name.Identifier.ValueText}",
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } n
            when n.ArgumentList.Arguments is [var argument] => $"\"{LastIdentifier(argument.Expression)}\"",
        TypeOfExpressionSyntax t => $"typeof({Type(t.Type)})",
        CastExpressionSyntax c => $"({Type(c.Type)}){Expression(c.Expression)}",
        BinaryExpressionSyntax b => $"{Expression(b.Left)} {b.OperatorToken.Text} {Expression(b.Right)}",
        PrefixUnaryExpressionSyntax u => u.OperatorToken.Text + Expression(u.Operand),
        TypeSyntax t => Type(t),
        _ => Tokens(expression),
    };

    public IReadOnlyList<AttributeModel> Attributes(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(list => list.Attributes.Select(a => Attribute(a, list.Target?.Identifier.ValueText)))
            .ToList();

    private AttributeModel Attribute(AttributeSyntax attribute, string? target)
    {
        var name = Type(attribute.Name);
        if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
            name = name[..^"Attribute".Length];
        if (target is not null)
            name = $"{target}: {name}";
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        if (arguments.Count == 0)
            return new AttributeModel(name, "");
        var text = arguments.Select(a =>
            (a.NameEquals is { } ne ? $"{ne.Name.Identifier.ValueText} = " : "")
            + (a.NameColon is { } nc ? $"{nc.Name.Identifier.ValueText}: " : "")
            + Expression(a.Expression));
        return new AttributeModel(name, $"({string.Join(", ", text)})");
    }

    public IReadOnlyList<TypeParameterModel> TypeParameters(
        TypeParameterListSyntax? list, SyntaxList<TypeParameterConstraintClauseSyntax> clauses)
    {
        if (list is null)
            return [];
        return list.Parameters.Select(p => new TypeParameterModel(
            p.Identifier.ValueText,
            p.VarianceKeyword.Text,
            clauses.Where(c => c.Name.Identifier.ValueText == p.Identifier.ValueText)
                .SelectMany(c => c.Constraints.Select(Constraint)).ToList())).ToList();
    }

    private string Constraint(TypeParameterConstraintSyntax constraint) => constraint switch
    {
        ClassOrStructConstraintSyntax c => c.ClassOrStructKeyword.Text,
        ConstructorConstraintSyntax => "new()",
        TypeConstraintSyntax t => Type(t.Type),
        DefaultConstraintSyntax => "default",
        _ => Tokens(constraint),
    };

    private static string Literal(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken
            or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken =>
            $"\"{token.ValueText}\"",
        SyntaxKind.CharacterLiteralToken => $"'{token.ValueText}'",
        SyntaxKind.NumericLiteralToken => token.Text.ToLowerInvariant(),
        _ => token.Text,
    };

    /// <summary>The identifiers of a dotted chain such as <c>System.AttributeTargets.Class</c>, else null.</summary>
    private List<string>? NameChain(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax s => [Type(s)],
        PredefinedTypeSyntax p => [p.Keyword.Text],
        AliasQualifiedNameSyntax a => [Type(a.Name)],
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } m
            when NameChain(m.Expression) is { } left => [.. left, Type(m.Name)],
        _ => null,
    };

    private static string LastIdentifier(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => expression.ToString(),
    };

    /// <summary>Token text joined without trivia; a space only where two words would otherwise merge.</summary>
    public static string Tokens(SyntaxNode node)
    {
        var text = new StringBuilder();
        foreach (var token in node.DescendantTokens())
        {
            var part = token.Text;
            if (part.Length == 0)
                continue;
            if (text.Length > 0 && IsWordChar(text[^1]) && IsWordChar(part[0]))
                text.Append(' ');
            text.Append(part);
        }
        return text.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@';
}
