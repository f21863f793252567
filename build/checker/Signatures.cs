namespace ReferenceChecker;

/// <summary>One-line, normalised C#-like text of declarations, as shown in mismatch reports.</summary>
public static class Signatures
{
    public static string TypeParameterList(IReadOnlyList<TypeParameterModel> parameters) =>
        parameters.Count == 0
            ? ""
            : $"<{string.Join(", ", parameters.Select(p => p.Variance.Length == 0 ? p.Name : $"{p.Variance} {p.Name}"))}>";

    public static string Constraints(IReadOnlyList<TypeParameterModel> parameters) => string.Concat(parameters
        .Where(p => p.Constraints.Count > 0)
        .Select(p => $" where {p.Name} : {string.Join(", ", p.Constraints)}"));

    public static string Parameter(ParameterModel p) => Words(
        string.Concat(p.Attributes.Select(a => a + " ")).TrimEnd(),
        p.Modifiers, p.Type, p.Name, p.Default is null ? "" : $"= {p.Default}");

    public static string Of(MemberModel m, string typeName)
    {
        var modifiers = Words(
            string.Join(" ", m.Attributes),
            m.Access,
            m.Kind == MemberKind.Constant ? "const" : m.IsStatic && m.Kind != MemberKind.EnumMember ? "static" : "",
            m.IsAbstract ? "abstract" : "",
            m.IsVirtual ? "virtual" : "",
            m.IsOverride ? "override" : "",
            m.IsSealed ? "sealed" : "",
            m.IsReadOnly ? "readonly" : "",
            m.IsRequired ? "required" : "");
        var parameters = string.Join(", ", m.Parameters.Select(Parameter));
        var accessors = $"{{ {string.Concat(m.Accessors.Select(a => a + "; "))}}}";
        var body = m.Kind switch
        {
            MemberKind.Constructor => $"{typeName}({parameters})",
            MemberKind.Property => $"{m.Type} {m.Name} {accessors}",
            MemberKind.Indexer => $"{m.Type} this[{parameters}] {accessors}",
            MemberKind.Field => $"{m.Type} {m.Name}",
            MemberKind.Constant => $"{m.Type} {m.Name} = {m.Value}",
            MemberKind.Event => $"event {m.Type} {m.Name}",
            MemberKind.EnumMember => $"{m.Name} = {m.Value}",
            MemberKind.Conversion => $"{m.Name} {m.Type}({parameters})",
            _ => $"{m.Type} {m.Name}{TypeParameterList(m.TypeParameters)}({parameters}){Constraints(m.TypeParameters)}",
        };
        return Words(modifiers, body);
    }

    public static string Of(TypeModel t)
    {
        var keyword = t.Kind switch
        {
            TypeKind.RecordClass => "record",
            TypeKind.RecordStruct => "record struct",
            _ => t.Kind.ToString().ToLowerInvariant(),
        };
        var prefix = Words(
            string.Join(" ", t.Attributes),
            t.Access,
            t.IsStatic ? "static" : "",
            t.IsAbstract ? "abstract" : "",
            t.IsSealed ? "sealed" : "",
            keyword);
        if (t.DelegateInvoke is { } invoke)
            return Words(prefix, $"{invoke.Type} {t.Name}{TypeParameterList(t.TypeParameters)}"
                + $"({string.Join(", ", invoke.Parameters.Select(Parameter))}){Constraints(t.TypeParameters)}");
        var bases = t.BaseTypes.Count == 0 ? "" : $" : {string.Join(", ", t.BaseTypes)}";
        return Words(prefix, $"{t.Name}{TypeParameterList(t.TypeParameters)}{bases}{Constraints(t.TypeParameters)}");
    }

    private static string Words(params string[] words) => string.Join(" ", words.Where(w => w.Length > 0));
}
