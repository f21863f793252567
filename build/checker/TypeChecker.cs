namespace ReferenceChecker;

/// <summary>
/// Finds the source counterpart of each reference type and member (overloads included) and collects mismatches.
/// Source models are built lazily, only for the types the reference needs.
/// </summary>
public sealed class TypeChecker(DeclarationIndex reference, DeclarationIndex source, ModelBuilder builder)
{
    private const int MaxClosestCandidates = 3;
    private const int MaxBaseDepth = 8;

    private readonly Dictionary<string, bool> _surface = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _sourceModels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referenceAssemblies =
        reference.Keys.SelectMany(reference.Get).Select(d => d.Group).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a reference type is visible outside its assembly, containing types included.</summary>
    public bool IsSurface(string key)
    {
        if (_surface.TryGetValue(key, out var known))
            return known;
        var parts = reference.Get(key);
        return _surface[key] = ModelBuilder.TypeVisibility(parts) != Visibility.Hidden
            && (parts[0].ParentKey is not { } parent || IsSurface(parent));
    }

    public int Count(string key, IReadOnlyList<TypeDeclaration> parts)
    {
        var model = builder.Build(parts, DisplayPath(reference, key));
        return 1 + model.Members.Count(m => m.Visibility != Visibility.Hidden)
            + (NeedsImplicitConstructor(model) ? 1 : 0);
    }

    /// <summary>Checks one reference type and its members; returns how many declarations were checked.</summary>
    public int Check(string key, IReadOnlyList<TypeDeclaration> parts, string assembly, List<Mismatch> mismatches)
    {
        var expected = builder.Build(parts, DisplayPath(reference, key));
        var surface = expected.Members.Where(m => m.Visibility != Visibility.Hidden).ToList();
        var checkImplicitConstructor = NeedsImplicitConstructor(expected);
        var count = 1 + surface.Count + (checkImplicitConstructor ? 1 : 0);

        var candidates = source.Get(key).Where(d => d.Group.Length == 0 || d.Group == assembly).ToList();
        if (candidates.Any(d => d.File.Project == assembly))
            candidates.RemoveAll(d => d.File.Project != assembly);
        if (candidates.Count == 0)
        {
            mismatches.Add(TypeNotFound(expected, assembly));
            return count;
        }

        var actual = SourceModel(key, candidates);
        var reasons = SignatureComparer.CompareTypes(expected, actual);
        if (candidates[0].File.Project is { } project && project != assembly && _referenceAssemblies.Contains(project))
            reasons.Add($"declared in assembly {project} in source, but in reference folder {assembly}");
        if (reasons.Count > 0)
            mismatches.Add(new Mismatch(expected.FullName, expected.Location, reasons,
                Signatures.Of(expected), [Signatures.Of(actual)]));

        foreach (var member in surface)
            if (CheckMember(member, expected, actual, candidates) is { } mismatch)
                mismatches.Add(mismatch);
        if (checkImplicitConstructor && CheckImplicitConstructor(expected, actual) is { } constructor)
            mismatches.Add(constructor);
        return count;
    }

    private Mismatch TypeNotFound(TypeModel expected, string assembly)
    {
        var elsewhere = source.KeysNamed(expected.Name)
            .Where(k => source.Get(k).Any(d => d.Group.Length == 0 || d.Group == assembly))
            .Take(MaxClosestCandidates)
            .Select(k => SourceModel(k, source.Get(k)))
            .ToList();
        var reason = elsewhere.Count == 0
            ? "type not found in source"
            : $"type not found in source; same name found as {string.Join(", ", elsewhere.Select(t => t.FullName))}";
        return new Mismatch(expected.FullName, expected.Location, [reason], Signatures.Of(expected),
            elsewhere.Select(Signatures.Of).ToList());
    }

    private Mismatch? CheckMember(
        MemberModel expected, TypeModel expectedType, TypeModel actualType, IReadOnlyList<TypeDeclaration> actualParts)
    {
        var name = $"{expectedType.FullName}.{expected.DisplayName}";
        var reference = Signatures.Of(NormalizeConstructor(expected, expectedType), expectedType.Name);
        var named = actualType.Members.Where(m => m.Name == expected.Name).ToList();

        if (named.Count == 0)
        {
            if (FindInBaseTypes(actualType, actualParts, expected.Name, 0) is not var (baseType, inherited))
                return new Mismatch(name, expected.Location, ["member not found in source"], reference, []);
            return new Mismatch(name, expected.Location,
                [$"member not found in source type; declared on base type {baseType.FullName}"],
                reference, [Signatures.Of(inherited, baseType.Name)]);
        }

        var match = named.FirstOrDefault(m => m.Kind == expected.Kind && m.OverloadKey == expected.OverloadKey)
            ?? named.FirstOrDefault(m => m.OverloadKey == expected.OverloadKey)
            ?? (named.Count == 1 ? named[0] : null);
        if (match is null)
        {
            var closest = Closest(expected, named);
            return new Mismatch(name, expected.Location, ["no overload with matching parameter types in source"],
                reference, closest.Select(m => Signatures.Of(m, actualType.Name)).ToList());
        }

        var reasons = SignatureComparer.CompareMembers(
            NormalizeConstructor(expected, expectedType), NormalizeConstructor(match, actualType), expectedType.Kind);
        return reasons.Count == 0
            ? null
            : new Mismatch(name, expected.Location, reasons, reference, [Signatures.Of(match, actualType.Name)]);
    }

    /// <summary>
    /// A reference class without constructors gets an implicit parameterless one that callers can bind to,
    /// so the source must have one too.
    /// </summary>
    private static bool NeedsImplicitConstructor(TypeModel type) =>
        type.Kind is TypeKind.Class or TypeKind.RecordClass && !type.IsStatic
        && type.Members.All(m => m.Kind != MemberKind.Constructor);

    private static Mismatch? CheckImplicitConstructor(TypeModel expected, TypeModel actual)
    {
        if (actual.Kind is not (TypeKind.Class or TypeKind.RecordClass) || actual.IsStatic)
            return null;
        var visibility = expected.IsAbstract ? Visibility.Protected : Visibility.Public;
        var constructors = actual.Members.Where(m => m.Kind == MemberKind.Constructor).ToList();
        var parameterless = constructors.Count == 0
            ? (actual.IsAbstract ? Visibility.Protected : Visibility.Public)
            : constructors.Where(c => c.Parameters.Count == 0)
                .Select(c => NormalizeConstructor(c, actual).Visibility).DefaultIfEmpty(Visibility.Hidden).Min();
        if (parameterless == visibility)
            return null;
        return new Mismatch($"{expected.FullName}..ctor()", expected.Location,
            ["implicit parameterless constructor of the reference has no counterpart in source "
             + "(declare the source's constructors in the reference, or a private one)"],
            $"{(expected.IsAbstract ? "protected" : "public")} {expected.Name}() (implicit)",
            constructors.Select(c => Signatures.Of(c, actual.Name)).ToList());
    }

    /// <summary>Outside code can only call an abstract class's constructors from derived classes anyway.</summary>
    private static MemberModel NormalizeConstructor(MemberModel member, TypeModel type) =>
        member.Kind == MemberKind.Constructor && type.IsAbstract && member.Visibility == Visibility.Public
            ? member with { Visibility = Visibility.Protected }
            : member;

    private static IEnumerable<MemberModel> Closest(MemberModel expected, List<MemberModel> candidates)
    {
        int Score(MemberModel m) =>
            (m.Kind == expected.Kind ? 1000 : 0)
            - 100 * Math.Abs(m.Parameters.Count - expected.Parameters.Count)
            + expected.Parameters.Zip(m.Parameters).Count(p => p.First.IdentityType == p.Second.IdentityType);
        var scored = candidates.Select(m => (Member: m, Score: Score(m))).ToList();
        var best = scored.Max(s => s.Score);
        return scored.Where(s => s.Score == best).Take(MaxClosestCandidates).Select(s => s.Member);
    }

    private (TypeModel Type, MemberModel Member)? FindInBaseTypes(
        TypeModel type, IReadOnlyList<TypeDeclaration> parts, string memberName, int depth)
    {
        if (depth >= MaxBaseDepth)
            return null;
        foreach (var baseType in type.BaseTypes)
        {
            if (ResolveSourceType(baseType, parts) is not { } key)
                continue;
            var baseParts = source.Get(key);
            var model = SourceModel(key, baseParts);
            var found = model.Members.FirstOrDefault(m => m.Name == memberName && m.Visibility != Visibility.Hidden);
            if (found is not null)
                return (model, found);
            if (FindInBaseTypes(model, baseParts, memberName, depth + 1) is { } deeper)
                return deeper;
        }
        return null;
    }

    /// <summary>Resolves a normalised type name the way the compiler would, approximately: via the imports.</summary>
    private string? ResolveSourceType(string typeName, IReadOnlyList<TypeDeclaration> usedFrom)
    {
        var open = typeName.IndexOf('<');
        var name = open < 0 ? typeName : typeName[..open];
        var arity = open < 0 ? 0 : TypeArgumentCount(typeName[open..]);
        var simpleKey = arity == 0 ? name : $"{name}`{arity}";
        var keys = source.KeysNamed(name).Where(k => source.Get(k)[0].SimpleKey == simpleKey).ToList();
        var imports = usedFrom.SelectMany(d => d.Imports.Append(d.Namespace)).ToHashSet(StringComparer.Ordinal);
        return keys.FirstOrDefault(k => imports.Contains(source.Get(k)[0].Namespace))
            ?? (keys.Count == 1 ? keys[0] : null);
    }

    private static int TypeArgumentCount(string argumentList)
    {
        var (depth, count) = (0, 1);
        foreach (var c in argumentList)
        {
            depth += c switch { '<' or '(' => 1, '>' or ')' => -1, _ => 0 };
            if (c == ',' && depth == 1)
                count++;
        }
        return count;
    }

    private TypeModel SourceModel(string key, IReadOnlyList<TypeDeclaration> parts)
    {
        var cacheKey = $"{key}|{string.Join(",", parts.Select(p => p.Group).Distinct())}|{parts.Count}";
        if (!_sourceModels.TryGetValue(cacheKey, out var model))
            _sourceModels[cacheKey] = model = builder.Build(parts, DisplayPath(source, key));
        return model;
    }

    private static string DisplayPath(DeclarationIndex index, string key)
    {
        var first = index.Get(key)[0];
        var own = first.Name + Signatures.TypeParameterList(
            first.TypeParameterList?.Parameters.Select(p => new TypeParameterModel(p.Identifier.ValueText, "", []))
                .ToList() ?? []);
        return first.ParentKey is { } parent ? $"{DisplayPath(index, parent)}.{own}" : own;
    }
}
