using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Foundation;

/// <summary>
/// The reference surface in build/ref may only declare what the plugin uses: every public member of
/// every reference assembly must be referenced by the plugin's IL, with the exceptions a compiler
/// needs but IL never shows (constructors, constants, enum members, members of interfaces the plugin
/// implements and overridable members of classes it derives from).
/// </summary>
public class ReferenceSurfaceUsageTests
{
    private static readonly string[] ReferenceAssemblies =
        ["Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "FluentMigrator", "FluentMigrator.Abstractions", "linq2db"];

    private static readonly string[] ConsumerAssemblies = ["Nop.Plugin.Misc.OrderTouchpoints"];

    [Test]
    public void Every_declared_member_is_used_by_the_plugin()
    {
        var usage = new PluginUsage();
        foreach (var consumer in ConsumerAssemblies)
            usage.Read(Path.Combine(AppContext.BaseDirectory, consumer + ".dll"));

        var unused = new List<string>();
        foreach (var name in ReferenceAssemblies)
            unused.AddRange(DeclaredSurface.Unused(Path.Combine(AppContext.BaseDirectory, name + ".dll"), usage));

        Assert.That(usage.Members, Is.Not.Empty, "the plugin's IL was not read");
        Assert.That(unused, Is.Empty, "declared in build/ref but not used by the plugin, remove them:\n  " + string.Join("\n  ", unused));
    }

    /// <summary>What the plugin's IL references: types, members (name/arity), and what it implements or derives from.</summary>
    private sealed class PluginUsage
    {
        public HashSet<string> Types { get; } = [];
        public HashSet<string> Members { get; } = [];
        public HashSet<string> Implemented { get; } = [];

        public void Read(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var md = pe.GetMetadataReader();
            foreach (var handle in md.TypeReferences)
                Types.Add(Name(md, handle));
            foreach (var handle in md.MemberReferences)
            {
                var member = md.GetMemberReference(handle);
                var owner = OwnerName(md, member.Parent);
                if (owner is not null)
                    Members.Add($"{owner}::{md.GetString(member.Name)}/{ParameterCount(md.GetBlobReader(member.Signature))}");
            }
            foreach (var typeHandle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(typeHandle);
                if (OwnerName(md, type.BaseType) is { } baseName)
                    Implemented.Add(baseName);
                foreach (var impl in type.GetInterfaceImplementations())
                    if (OwnerName(md, md.GetInterfaceImplementation(impl).Interface) is { } interfaceName)
                        Implemented.Add(interfaceName);
            }
        }
    }

    private static class DeclaredSurface
    {
        public static IEnumerable<string> Unused(string path, PluginUsage usage)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var md = pe.GetMetadataReader();
            var result = new List<string>();
            foreach (var typeHandle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(typeHandle);
                if (!IsPublic(type.Attributes) || md.GetString(type.Name) == "<Module>" || md.GetString(type.Name).StartsWith('<'))
                    continue;
                var typeName = Name(md, typeHandle);
                var methods = type.GetMethods().Select(md.GetMethodDefinition).Where(m => IsVisible(m.Attributes)).ToList();
                var fields = type.GetFields().Select(md.GetFieldDefinition).ToList();
                var onlyConstants = methods.All(m => md.GetString(m.Name) == ".ctor" || md.GetString(m.Name) == ".cctor")
                                    && fields.All(f => (f.Attributes & System.Reflection.FieldAttributes.Literal) != 0);
                if (!usage.Types.Contains(typeName) && !onlyConstants)
                {
                    result.Add(typeName);
                    continue;
                }
                if (usage.Implemented.Contains(typeName) && (type.Attributes & System.Reflection.TypeAttributes.Interface) != 0)
                    continue;

                var derived = usage.Implemented.Contains(typeName);
                var accessors = new HashSet<MethodDefinitionHandle>();
                foreach (var propertyHandle in type.GetProperties())
                {
                    var property = md.GetPropertyDefinition(propertyHandle);
                    var parts = property.GetAccessors();
                    var all = new[] { parts.Getter, parts.Setter }.Where(h => !h.IsNil).ToList();
                    accessors.UnionWith(all);
                    var visible = all.Select(md.GetMethodDefinition).Where(m => IsVisible(m.Attributes)).ToList();
                    if (visible.Count == 0 || (derived && visible.Any(m => IsOverridable(m.Attributes))))
                        continue;
                    if (!visible.Any(m => usage.Members.Contains(Key(md, typeName, m))))
                        result.Add($"{typeName}.{md.GetString(property.Name)}");
                }
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    var name = md.GetString(method.Name);
                    if (accessors.Contains(methodHandle) || !IsVisible(method.Attributes) || name is ".ctor" or ".cctor"
                        || (derived && IsOverridable(method.Attributes)))
                        continue;
                    if (!usage.Members.Contains(Key(md, typeName, method)))
                        result.Add($"{typeName}.{name}({ParameterCount(md.GetBlobReader(method.Signature))} parameters)");
                }
                foreach (var field in fields.Where(f => (f.Attributes & System.Reflection.FieldAttributes.Public) != 0
                                                        && (f.Attributes & System.Reflection.FieldAttributes.Literal) == 0))
                {
                    if (!usage.Members.Contains($"{typeName}::{md.GetString(field.Name)}/-1"))
                        result.Add($"{typeName}.{md.GetString(field.Name)}");
                }
            }
            return result;
        }

        private static string Key(MetadataReader md, string typeName, MethodDefinition method) =>
            $"{typeName}::{md.GetString(method.Name)}/{ParameterCount(md.GetBlobReader(method.Signature))}";

        private static bool IsPublic(System.Reflection.TypeAttributes attributes)
        {
            var visibility = attributes & System.Reflection.TypeAttributes.VisibilityMask;
            return visibility is System.Reflection.TypeAttributes.Public or System.Reflection.TypeAttributes.NestedPublic;
        }

        private static bool IsVisible(System.Reflection.MethodAttributes attributes)
        {
            var access = attributes & System.Reflection.MethodAttributes.MemberAccessMask;
            return access is System.Reflection.MethodAttributes.Public or System.Reflection.MethodAttributes.Family
                or System.Reflection.MethodAttributes.FamORAssem;
        }

        private static bool IsOverridable(System.Reflection.MethodAttributes attributes) =>
            (attributes & System.Reflection.MethodAttributes.Virtual) != 0 && (attributes & System.Reflection.MethodAttributes.Final) == 0;
    }

    /// <summary>Parameter count of a method signature; -1 for a field signature.</summary>
    private static int ParameterCount(BlobReader signature)
    {
        var header = signature.ReadSignatureHeader();
        if (header.Kind == SignatureKind.Field)
            return -1;
        if (header.IsGeneric)
            signature.ReadCompressedInteger();
        return signature.ReadCompressedInteger();
    }

    private static string? OwnerName(MetadataReader md, EntityHandle handle) => handle.IsNil ? null : handle.Kind switch
    {
        HandleKind.TypeReference => Name(md, (TypeReferenceHandle)handle),
        HandleKind.TypeDefinition => Name(md, (TypeDefinitionHandle)handle),
        HandleKind.TypeSpecification => GenericDefinition(md, (TypeSpecificationHandle)handle),
        _ => null
    };

    // A generic instantiation (IRepository<Order>) is reported under its definition (IRepository`1).
    private static string? GenericDefinition(MetadataReader md, TypeSpecificationHandle handle)
    {
        var blob = md.GetBlobReader(md.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            return null;
        blob.ReadSignatureTypeCode();
        return OwnerName(md, blob.ReadTypeHandle());
    }

    private static string Name(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var name = md.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{Name(md, (TypeReferenceHandle)type.ResolutionScope)}+{name}"
            : $"{md.GetString(type.Namespace)}.{name}";
    }

    private static string Name(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? $"{md.GetString(type.Namespace)}.{name}" : $"{Name(md, declaring)}+{name}";
    }
}
