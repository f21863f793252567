namespace ReferenceChecker;

/// <summary>
/// Compares one reference declaration with its source counterpart and explains every difference that
/// matters for compiling against the reference and running against the real assemblies.
/// </summary>
public static class SignatureComparer
{
    public static List<string> CompareTypes(TypeModel reference, TypeModel source)
    {
        var reasons = new List<string>();
        if (reference.Kind != source.Kind)
            reasons.Add($"kind differs: reference {KindName(reference.Kind)}, source {KindName(source.Kind)}");
        if (reference.Visibility != source.Visibility)
            reasons.Add($"accessibility differs: reference {reference.Access}, source {source.Access}");
        Flag(reasons, "static", reference.IsStatic, source.IsStatic);
        Flag(reasons, "abstract", reference.IsAbstract, source.IsAbstract);
        Flag(reasons, "sealed", reference.IsSealed, source.IsSealed);
        CompareTypeParameters(reasons, reference.TypeParameters, source.TypeParameters);

        if (reference.Kind == TypeKind.Enum && source.Kind == TypeKind.Enum)
        {
            if (reference.BaseTypes[0] != source.BaseTypes[0])
                reasons.Add($"underlying type differs: reference {reference.BaseTypes[0]}, source {source.BaseTypes[0]}");
        }
        else
        {
            foreach (var missing in reference.BaseTypes.Except(source.BaseTypes).Where(b => b != "object"))
                reasons.Add($"base type or interface {missing} missing in source");
        }

        if (reference.DelegateInvoke is { } invoke && source.DelegateInvoke is { } sourceInvoke)
        {
            if (invoke.Type != sourceInvoke.Type)
                reasons.Add($"return type differs: reference {invoke.Type}, source {sourceInvoke.Type}");
            CompareParameters(reasons, invoke.Parameters, sourceInvoke.Parameters);
        }
        CompareAttributes(reasons, "", reference.Attributes, source.Attributes);
        return reasons;
    }

    public static List<string> CompareMembers(MemberModel reference, MemberModel source, TypeKind container)
    {
        var reasons = new List<string>();
        if (reference.Kind != source.Kind)
            reasons.Add($"kind differs: reference {KindName(reference.Kind)}, source {KindName(source.Kind)}");
        if (reference.Visibility != source.Visibility)
            reasons.Add($"accessibility differs: reference {AccessName(reference)}, source {AccessName(source)}");
        Flag(reasons, "static", reference.IsStatic, source.IsStatic);

        // Interface members are implicitly abstract (or default implementations) whatever is written.
        if (container != TypeKind.Interface && reference.Kind != MemberKind.Constructor
            && (reference.IsAbstract != source.IsAbstract || reference.IsOverridable != source.IsOverridable))
            reasons.Add($"virtuality differs: reference {Virtuality(reference)}, source {Virtuality(source)}");
        if (reference.Kind == MemberKind.Field)
            Flag(reasons, "readonly", reference.IsReadOnly, source.IsReadOnly);
        Flag(reasons, "required", reference.IsRequired, source.IsRequired);

        if (reference.Type != source.Type && reference.Type is not null)
        {
            var what = reference.Kind is MemberKind.Method or MemberKind.Operator ? "return type" : "type";
            reasons.Add($"{what} differs: reference {reference.Type}, source {source.Type ?? "(none)"}");
        }
        CompareTypeParameters(reasons, reference.TypeParameters, source.TypeParameters);
        CompareParameters(reasons, reference.Parameters, source.Parameters);

        if (reference.Kind is MemberKind.Property or MemberKind.Indexer
            && !reference.Accessors.ToHashSet().SetEquals(source.Accessors))
            reasons.Add($"accessors differ: reference {Accessors(reference)}, source {Accessors(source)}");
        if (reference.Value != source.Value && reference.Kind is MemberKind.Constant or MemberKind.EnumMember)
            reasons.Add($"value differs: reference {reference.Value}, source {source.Value ?? "(none)"}");
        CompareAttributes(reasons, "", reference.Attributes, source.Attributes);
        return reasons;
    }

    private static void CompareParameters(
        List<string> reasons, IReadOnlyList<ParameterModel> reference, IReadOnlyList<ParameterModel> source)
    {
        if (reference.Count != source.Count)
        {
            reasons.Add($"parameter count differs: reference {reference.Count}, source {source.Count}");
            return;
        }
        for (var i = 0; i < reference.Count; i++)
        {
            var (r, s) = (reference[i], source[i]);
            var label = $"parameter {i + 1} ({r.Name})";
            if (r.Type != s.Type)
                reasons.Add($"{label} type differs: reference {r.Type}, source {s.Type}");
            if (r.Name != s.Name)
                reasons.Add($"parameter {i + 1} name differs: reference {r.Name}, source {s.Name}");
            if (r.Modifiers != s.Modifiers)
                reasons.Add($"{label} modifiers differ: reference {Text(r.Modifiers)}, source {Text(s.Modifiers)}");
            if (r.Default != s.Default)
                reasons.Add($"{label} default value differs: reference {Default(r)}, source {Default(s)}");
            CompareAttributes(reasons, $"{label}: ", r.Attributes, s.Attributes);
        }
    }

    private static void CompareTypeParameters(
        List<string> reasons, IReadOnlyList<TypeParameterModel> reference, IReadOnlyList<TypeParameterModel> source)
    {
        if (reference.Count != source.Count)
        {
            reasons.Add($"type parameter count differs: reference {reference.Count}, source {source.Count}");
            return;
        }
        for (var i = 0; i < reference.Count; i++)
        {
            var (r, s) = (reference[i], source[i]);
            if (r.Name != s.Name)
                reasons.Add($"type parameter {i + 1} name differs: reference {r.Name}, source {s.Name}");
            if (r.Variance != s.Variance)
                reasons.Add($"type parameter {r.Name} variance differs: "
                    + $"reference {Text(r.Variance)}, source {Text(s.Variance)}");
            if (r.ConstraintKey != s.ConstraintKey)
                reasons.Add($"constraints of {r.Name} differ: reference {Constraints(r)}, source {Constraints(s)}");
        }
    }

    /// <summary>Every reference attribute must be on the source; the source may have more.</summary>
    private static void CompareAttributes(
        List<string> reasons, string label, IReadOnlyList<AttributeModel> reference, IReadOnlyList<AttributeModel> source)
    {
        foreach (var attribute in reference)
        {
            var named = source.Where(a => a.Name == attribute.Name).ToList();
            if (named.Count == 0)
                reasons.Add($"{label}attribute {attribute} missing in source");
            else if (attribute.Arguments.Length > 0 && named.All(a => a.Arguments != attribute.Arguments))
                reasons.Add($"{label}attribute {attribute} differs: source has {string.Join(" ", named)}");
        }
    }

    private static void Flag(List<string> reasons, string modifier, bool reference, bool source)
    {
        if (reference != source)
            reasons.Add(reference
                ? $"reference is {modifier}, source is not"
                : $"reference is not {modifier}, source is");
    }

    private static string Virtuality(MemberModel m) =>
        m.IsAbstract ? "abstract"
        : m.IsOverride ? (m.IsSealed ? "sealed override" : "override")
        : m.IsVirtual ? "virtual"
        : "non-virtual";

    private static string AccessName(MemberModel m) => m.Access.Length == 0 ? "public" : m.Access;

    private static string Accessors(MemberModel m) => $"{{ {string.Concat(m.Accessors.Select(a => a + "; "))}}}";

    private static string Constraints(TypeParameterModel p) =>
        p.Constraints.Count == 0 ? "(none)" : string.Join(", ", p.Constraints);

    private static string Default(ParameterModel p) => p.Default is null ? "(none)" : $"= {p.Default}";

    private static string Text(string value) => value.Length == 0 ? "(none)" : value;

    public static string KindName(TypeKind kind) => kind switch
    {
        TypeKind.RecordClass => "record",
        TypeKind.RecordStruct => "record struct",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string KindName(MemberKind kind) => kind switch
    {
        MemberKind.EnumMember => "enum member",
        MemberKind.Conversion => "conversion operator",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
