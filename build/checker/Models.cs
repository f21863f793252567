namespace ReferenceChecker;

public enum TypeKind { Class, Struct, Interface, Enum, RecordClass, RecordStruct, Delegate }

public enum MemberKind { Method, Constructor, Property, Indexer, Field, Constant, Event, Operator, Conversion, EnumMember }

/// <summary>Accessibility as seen from another assembly, which is all that matters for binding.</summary>
public enum Visibility { Public, Protected, Hidden }

public sealed record AttributeModel(string Name, string Arguments)
{
    public override string ToString() => $"[{Name}{Arguments}]";
}

public sealed record TypeParameterModel(string Name, string Variance, IReadOnlyList<string> Constraints)
{
    public string ConstraintKey => string.Join(",", Constraints.Order(StringComparer.Ordinal));
}

public sealed record ParameterModel(
    string Name, string Type, string Modifiers, string? Default, IReadOnlyList<AttributeModel> Attributes)
{
    /// <summary>ref/out/in change the parameter's type identity; params/this/scoped do not.</summary>
    public string IdentityType => RefKind.Length == 0 ? Type : $"{RefKind} {Type}";

    public string RefKind => Modifiers.Split(' ').FirstOrDefault(m => m is "ref" or "out" or "in") ?? "";
}

public sealed record Accessor(string Name, string Access)
{
    public override string ToString() => Access.Length == 0 ? Name : $"{Access} {Name}";
}

public sealed record MemberModel
{
    public required MemberKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Access { get; init; }
    public required Visibility Visibility { get; init; }
    public bool IsStatic { get; init; }
    public bool IsAbstract { get; init; }
    public bool IsVirtual { get; init; }
    public bool IsOverride { get; init; }
    public bool IsSealed { get; init; }
    public bool IsReadOnly { get; init; }
    public bool IsRequired { get; init; }
    /// <summary>Return, property, field or event type; null for constructors and enum members.</summary>
    public string? Type { get; init; }
    public IReadOnlyList<TypeParameterModel> TypeParameters { get; init; } = [];
    public IReadOnlyList<ParameterModel> Parameters { get; init; } = [];
    public IReadOnlyList<Accessor> Accessors { get; init; } = [];
    /// <summary>Constant or enum member value, evaluated when possible, else normalised text.</summary>
    public string? Value { get; init; }
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
    public bool IsImplicit { get; init; }
    public string Location { get; init; } = "";

    /// <summary>Virtual, abstract or a non-sealed override: something a derived type may override.</summary>
    public bool IsOverridable => (IsVirtual || IsAbstract || IsOverride) && !IsSealed;

    public bool HasParameterList => Kind is MemberKind.Method or MemberKind.Constructor or MemberKind.Indexer
        or MemberKind.Operator or MemberKind.Conversion;

    /// <summary>Name, generic arity and parameter types: what tells overloads apart.</summary>
    public string OverloadKey => HasParameterList
        ? $"{Name}`{TypeParameters.Count}({string.Join(",", Parameters.Select(p => p.IdentityType))})"
          + (Kind == MemberKind.Conversion ? Type : "")
        : Name;

    public string DisplayName => Kind switch
    {
        MemberKind.Constructor => $".ctor({ParameterTypes})",
        MemberKind.Indexer => $"this[{ParameterTypes}]",
        MemberKind.Conversion => $"{Name} {Type}({ParameterTypes})",
        _ when HasParameterList => $"{Name}{Signatures.TypeParameterList(TypeParameters)}({ParameterTypes})",
        _ => Name,
    };

    private string ParameterTypes => string.Join(", ", Parameters.Select(p => p.IdentityType));
}

public sealed class TypeModel
{
    public required string Namespace { get; init; }
    /// <summary>Dotted chain of type names from the outermost type, with type parameter lists.</summary>
    public required string DisplayPath { get; init; }
    public required string Name { get; init; }
    public required TypeKind Kind { get; init; }
    public required string Access { get; init; }
    public required Visibility Visibility { get; init; }
    public bool IsStatic { get; init; }
    public bool IsAbstract { get; init; }
    public bool IsSealed { get; init; }
    public IReadOnlyList<string> BaseTypes { get; init; } = [];
    public IReadOnlyList<TypeParameterModel> TypeParameters { get; init; } = [];
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
    public IReadOnlyList<MemberModel> Members { get; init; } = [];
    /// <summary>The Invoke signature of a delegate.</summary>
    public MemberModel? DelegateInvoke { get; init; }
    public string Location { get; init; } = "";

    public string FullName => Namespace.Length == 0 ? DisplayPath : $"{Namespace}.{DisplayPath}";
}
