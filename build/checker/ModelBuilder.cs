using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReferenceChecker;

/// <summary>Builds the comparable model of a type from all of its (partial) declarations.</summary>
public sealed class ModelBuilder(SyntaxNormalizer normalize)
{
    public TypeModel Build(IReadOnlyList<TypeDeclaration> parts, string displayPath)
    {
        var first = parts[0];
        var modifiers = parts.SelectMany(p => p.Syntax.Modifiers).Select(m => m.Text).ToHashSet();
        var kind = KindOf(first.Syntax);
        var access = TypeAccess(parts);
        var typeName = first.Name;
        var constants = new ConstantEvaluator(typeName);
        var members = new List<MemberModel>();
        // Constants may refer to each other in any order and across partial declarations.
        foreach (var field in parts.SelectMany(p => p.Syntax.ChildNodes().OfType<FieldDeclarationSyntax>()))
            if (field.Modifiers.Any(SyntaxKind.ConstKeyword))
                foreach (var variable in field.Declaration.Variables.Where(v => v.Initializer is not null))
                    constants.Add(variable.Identifier.ValueText, variable.Initializer!.Value);

        foreach (var part in parts)
        {
            var context = new MemberContext(part.File, kind, constants);
            if (part.Syntax is TypeDeclarationSyntax type)
            {
                members.AddRange(PrimaryConstructorMembers(type, context));
                foreach (var member in type.Members)
                    members.AddRange(Members(member, context));
            }
            else if (part.Syntax is EnumDeclarationSyntax e)
            {
                constants.AddEnumMembers(e.Members);
                members.AddRange(e.Members.Select(m => EnumMember(m, context)));
            }
        }

        var typeParameterSource = parts.FirstOrDefault(p => ConstraintClauses(p.Syntax).Count > 0) ?? first;
        return new TypeModel
        {
            Namespace = first.Namespace,
            DisplayPath = displayPath,
            Name = typeName,
            Kind = kind,
            Access = access,
            Visibility = VisibilityOf(access),
            IsStatic = modifiers.Contains("static"),
            IsAbstract = modifiers.Contains("abstract"),
            IsSealed = modifiers.Contains("sealed"),
            BaseTypes = BaseTypes(parts, kind),
            TypeParameters = normalize.TypeParameters(
                typeParameterSource.TypeParameterList, ConstraintClauses(typeParameterSource.Syntax)),
            Attributes = parts.SelectMany(p => normalize.Attributes(p.Syntax.AttributeLists)).Distinct().ToList(),
            Members = Deduplicate(members),
            DelegateInvoke = first.Syntax is DelegateDeclarationSyntax d ? DelegateInvoke(d, first.File) : null,
            Location = first.File.Location(first.Syntax),
        };
    }

    private sealed record MemberContext(ParsedFile File, TypeKind Kind, ConstantEvaluator Constants);

    private static TypeKind KindOf(MemberDeclarationSyntax syntax) => syntax switch
    {
        ClassDeclarationSyntax => TypeKind.Class,
        StructDeclarationSyntax => TypeKind.Struct,
        InterfaceDeclarationSyntax => TypeKind.Interface,
        EnumDeclarationSyntax => TypeKind.Enum,
        RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => TypeKind.RecordStruct,
        RecordDeclarationSyntax => TypeKind.RecordClass,
        _ => TypeKind.Delegate,
    };

    public static Visibility TypeVisibility(IReadOnlyList<TypeDeclaration> parts) => VisibilityOf(TypeAccess(parts));

    private static string TypeAccess(IReadOnlyList<TypeDeclaration> parts) =>
        AccessText(parts.SelectMany(p => p.Syntax.Modifiers).Select(m => m.Text).ToHashSet())
        ?? (parts[0].ParentKey is null ? "internal"
            : parts[0].Syntax.Parent is InterfaceDeclarationSyntax ? "public"
            : "private");

    private static SyntaxList<TypeParameterConstraintClauseSyntax> ConstraintClauses(MemberDeclarationSyntax syntax) =>
        syntax switch
        {
            TypeDeclarationSyntax t => t.ConstraintClauses,
            DelegateDeclarationSyntax d => d.ConstraintClauses,
            _ => default,
        };

    private List<string> BaseTypes(IReadOnlyList<TypeDeclaration> parts, TypeKind kind)
    {
        var types = parts.SelectMany(p => ((p.Syntax as BaseTypeDeclarationSyntax)?.BaseList?.Types ?? default)
            .Select(t => normalize.Type(t.Type))).Distinct().ToList();
        // An enum's base is its underlying type, which defaults to int.
        return kind == TypeKind.Enum && types.Count == 0 ? ["int"] : types;
    }

    /// <summary>Members of one declaration; fields and events declare one member per variable.</summary>
    private IEnumerable<MemberModel> Members(MemberDeclarationSyntax member, MemberContext context)
    {
        switch (member)
        {
            case MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } m:
                yield return Member(m, MemberKind.Method, m.Identifier.ValueText, context) with
                {
                    Type = normalize.Type(m.ReturnType),
                    TypeParameters = normalize.TypeParameters(m.TypeParameterList, m.ConstraintClauses),
                    Parameters = Parameters(m.ParameterList),
                };
                break;
            case ConstructorDeclarationSyntax c when !c.Modifiers.Any(SyntaxKind.StaticKeyword):
                yield return Member(c, MemberKind.Constructor, ".ctor", context) with
                {
                    Parameters = Parameters(c.ParameterList),
                };
                break;
            case PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } p:
                yield return Property(p, MemberKind.Property, p.Identifier.ValueText, context);
                break;
            case IndexerDeclarationSyntax { ExplicitInterfaceSpecifier: null } i:
                yield return Property(i, MemberKind.Indexer, "this", context) with
                {
                    Parameters = Parameters(i.ParameterList),
                };
                break;
            case BaseFieldDeclarationSyntax f:
                foreach (var variable in f.Declaration.Variables)
                    yield return Field(f, variable, context);
                break;
            case EventDeclarationSyntax { ExplicitInterfaceSpecifier: null } e:
                yield return Member(e, MemberKind.Event, e.Identifier.ValueText, context) with
                {
                    Type = normalize.Type(e.Type),
                };
                break;
            case OperatorDeclarationSyntax { ExplicitInterfaceSpecifier: null } o:
                yield return Member(o, MemberKind.Operator, $"operator {o.OperatorToken.Text}", context) with
                {
                    Type = normalize.Type(o.ReturnType),
                    Parameters = Parameters(o.ParameterList),
                };
                break;
            case ConversionOperatorDeclarationSyntax { ExplicitInterfaceSpecifier: null } c:
                yield return Member(c, MemberKind.Conversion, $"{c.ImplicitOrExplicitKeyword.Text} operator", context)
                    with
                    {
                        Type = normalize.Type(c.Type),
                        Parameters = Parameters(c.ParameterList),
                    };
                break;
        }
    }

    private MemberModel Member(MemberDeclarationSyntax syntax, MemberKind kind, string name, MemberContext context)
    {
        var modifiers = syntax.Modifiers.Select(m => m.Text).ToHashSet();
        var access = AccessText(modifiers) ?? (context.Kind == TypeKind.Interface ? "" : "private");
        return new MemberModel
        {
            Kind = kind,
            Name = name,
            Access = access,
            Visibility = access.Length == 0 ? Visibility.Public : VisibilityOf(access),
            IsStatic = modifiers.Contains("static") || modifiers.Contains("const"),
            IsAbstract = modifiers.Contains("abstract"),
            IsVirtual = modifiers.Contains("virtual"),
            IsOverride = modifiers.Contains("override"),
            IsSealed = modifiers.Contains("sealed"),
            IsReadOnly = modifiers.Contains("readonly"),
            IsRequired = modifiers.Contains("required"),
            Attributes = normalize.Attributes(syntax.AttributeLists),
            Location = context.File.Location(syntax),
        };
    }

    private MemberModel Property(BasePropertyDeclarationSyntax p, MemberKind kind, string name, MemberContext context)
    {
        var model = Member(p, kind, name, context);
        var expressionBodied = p is PropertyDeclarationSyntax { ExpressionBody: not null }
            or IndexerDeclarationSyntax { ExpressionBody: not null };
        var accessors = expressionBodied
            ? [new Accessor("get", "")]
            : (p.AccessorList?.Accessors ?? default)
                .Select(a => (a.Keyword.Text, Visibility: AccessText(a.Modifiers.Select(m => m.Text).ToHashSet())
                    is { } own ? VisibilityOf(own) : model.Visibility))
                .Where(a => a.Visibility != Visibility.Hidden)
                .Select(a => new Accessor(a.Text, a.Visibility == model.Visibility ? "" : "protected"))
                .ToList();
        return model with { Type = normalize.Type(p.Type), Accessors = accessors };
    }

    private MemberModel Field(BaseFieldDeclarationSyntax f, VariableDeclaratorSyntax variable, MemberContext context)
    {
        var isEvent = f is EventFieldDeclarationSyntax;
        var isConst = f.Modifiers.Any(SyntaxKind.ConstKeyword);
        var name = variable.Identifier.ValueText;
        string? value = null;
        if (isConst && variable.Initializer is { } initializer)
        {
            value = ConstantEvaluator.Format(context.Constants.Get(name)) ?? normalize.Expression(initializer.Value);
        }
        var kind = isEvent ? MemberKind.Event : isConst ? MemberKind.Constant : MemberKind.Field;
        return Member(f, kind, name, context) with
        {
            Type = normalize.Type(f.Declaration.Type),
            Value = value,
            Location = context.File.Location(variable),
        };
    }

    private MemberModel EnumMember(EnumMemberDeclarationSyntax member, MemberContext context) => new()
    {
        Kind = MemberKind.EnumMember,
        Name = member.Identifier.ValueText,
        Access = "",
        Visibility = Visibility.Public,
        IsStatic = true,
        Value = ConstantEvaluator.Format(context.Constants.Get(member.Identifier.ValueText))
            ?? normalize.Expression(member.EqualsValue?.Value),
        Attributes = normalize.Attributes(member.AttributeLists),
        Location = context.File.Location(member),
    };

    /// <summary>A primary constructor, and for positional records the properties it implies.</summary>
    private IEnumerable<MemberModel> PrimaryConstructorMembers(TypeDeclarationSyntax type, MemberContext context)
    {
        if (type.ParameterList is not { } list)
            yield break;
        var parameters = Parameters(list);
        var location = context.File.Location(list);
        yield return new MemberModel
        {
            Kind = MemberKind.Constructor, Name = ".ctor", Access = "public", Visibility = Visibility.Public,
            Parameters = parameters, Location = location,
        };
        if (type is not RecordDeclarationSyntax record)
            yield break;
        var setter = record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)
            && !record.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) ? "set" : "init";
        foreach (var parameter in parameters)
            yield return new MemberModel
            {
                Kind = MemberKind.Property, Name = parameter.Name, Access = "public", Visibility = Visibility.Public,
                Type = parameter.Type, Accessors = [new Accessor("get", ""), new Accessor(setter, "")],
                Location = location,
            };
    }

    private MemberModel DelegateInvoke(DelegateDeclarationSyntax d, ParsedFile file) => new()
    {
        Kind = MemberKind.Method, Name = "Invoke", Access = "public", Visibility = Visibility.Public,
        Type = normalize.Type(d.ReturnType), Parameters = Parameters(d.ParameterList), Location = file.Location(d),
    };

    private IReadOnlyList<ParameterModel> Parameters(BaseParameterListSyntax list) =>
        list.Parameters.Select(p => new ParameterModel(
            p.Identifier.ValueText,
            normalize.Type(p.Type),
            string.Join(" ", p.Modifiers.Select(m => m.Text)),
            p.Default is { } d ? normalize.Expression(d.Value) : null,
            normalize.Attributes(p.AttributeLists))).ToList();

    /// <summary>Partial methods and properties appear once per part; keep the most visible one.</summary>
    private static List<MemberModel> Deduplicate(List<MemberModel> members) =>
        members.GroupBy(m => (m.Kind, m.OverloadKey))
            .Select(g => g.OrderBy(m => m.Visibility).First())
            .ToList();

    /// <summary>Explicit accessibility text in canonical order, or null when none is written.</summary>
    public static string? AccessText(IReadOnlySet<string> modifiers)
    {
        var words = new[] { "private", "protected", "internal", "public" }.Where(modifiers.Contains).ToList();
        return words.Count == 0 ? null : string.Join(" ", words);
    }

    public static Visibility VisibilityOf(string access) => access switch
    {
        "public" => Visibility.Public,
        "protected" or "protected internal" => Visibility.Protected,
        _ => Visibility.Hidden,
    };
}
