using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReferenceChecker;

/// <summary>One syntactic declaration of a type; a partial type has several with the same key.</summary>
/// <param name="Key">Namespace, then type names with generic arity, nested types joined by '+'.</param>
/// <param name="SimpleKey">Name with generic arity, e.g. <c>IRepository`1</c>.</param>
/// <param name="Group">Reference assembly folder, or for sources the assembly a --with folder is for ("" if any).</param>
/// <param name="Imports">Namespaces in scope (usings and enclosing namespaces), to resolve base type names.</param>
public sealed record TypeDeclaration(
    string Key,
    string SimpleKey,
    string Namespace,
    string? ParentKey,
    MemberDeclarationSyntax Syntax,
    ParsedFile File,
    string Group,
    IReadOnlyList<string> Imports)
{
    public string Name => Syntax switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
        DelegateDeclarationSyntax d => d.Identifier.ValueText,
        _ => "",
    };

    public TypeParameterListSyntax? TypeParameterList => Syntax switch
    {
        TypeDeclarationSyntax t => t.TypeParameterList,
        DelegateDeclarationSyntax d => d.TypeParameterList,
        _ => null,
    };
}

public sealed class DeclarationIndex
{
    private readonly Dictionary<string, List<TypeDeclaration>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _keysBySimpleName = new(StringComparer.Ordinal);

    /// <summary>Keys in first-seen order, so that reports follow the file order.</summary>
    public List<string> Keys { get; } = [];

    /// <summary>Simple keys of structs and enums, which decide whether a trailing '?' is significant.</summary>
    public HashSet<string> ValueTypeNames { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<TypeDeclaration> Get(string key) =>
        _byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>Keys of all types with this name, whatever their namespace or arity.</summary>
    public IReadOnlyList<string> KeysNamed(string name) =>
        _keysBySimpleName.TryGetValue(name, out var list) ? list : [];

    public void Add(ParsedFile file, string group)
    {
        var imports = file.Root.Usings.Select(u => u.Name?.ToString() ?? "").ToList();
        Walk(file.Root.Members, "", null, file, group, imports);
    }

    private void Walk(
        IEnumerable<MemberDeclarationSyntax> members, string ns, TypeDeclaration? parent, ParsedFile file,
        string group, List<string> imports)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax n:
                    var inner = ns.Length == 0 ? n.Name.ToString() : $"{ns}.{n.Name}";
                    var scope = imports.Concat(n.Usings.Select(u => u.Name?.ToString() ?? "")).Append(inner).ToList();
                    Walk(n.Members, inner, null, file, group, scope);
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    var declaration = Add(member, ns, parent, file, group, imports);
                    if (member is TypeDeclarationSyntax type)
                        Walk(type.Members, ns, declaration, file, group, imports);
                    break;
            }
        }
    }

    private TypeDeclaration Add(
        MemberDeclarationSyntax syntax, string ns, TypeDeclaration? parent, ParsedFile file, string group,
        List<string> imports)
    {
        var (name, arity) = syntax switch
        {
            TypeDeclarationSyntax t => (t.Identifier.ValueText, t.TypeParameterList?.Parameters.Count ?? 0),
            DelegateDeclarationSyntax d => (d.Identifier.ValueText, d.TypeParameterList?.Parameters.Count ?? 0),
            BaseTypeDeclarationSyntax b => (b.Identifier.ValueText, 0),
            _ => throw new ArgumentException("not a type declaration", nameof(syntax)),
        };
        var simpleKey = arity == 0 ? name : $"{name}`{arity}";
        var key = parent is not null ? $"{parent.Key}+{simpleKey}" : ns.Length == 0 ? simpleKey : $"{ns}.{simpleKey}";
        var declaration = new TypeDeclaration(key, simpleKey, ns, parent?.Key, syntax, file, group, imports);

        if (!_byKey.TryGetValue(key, out var list))
        {
            _byKey[key] = list = [];
            Keys.Add(key);
            if (!_keysBySimpleName.TryGetValue(name, out var named))
                _keysBySimpleName[name] = named = [];
            named.Add(key);
        }
        list.Add(declaration);

        if (syntax is StructDeclarationSyntax or EnumDeclarationSyntax
            || syntax is RecordDeclarationSyntax r && r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword))
            ValueTypeNames.Add(simpleKey);
        return declaration;
    }
}
