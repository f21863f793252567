using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Nop.Plugin.Misc.OrderTouchpoints.Views.Tests;

/// <summary>
/// The reference surface in build/ref may only declare what the plugin uses: every public member of
/// every reference assembly must be referenced by the IL of the plugin or of its compiled views (this
/// assembly), with the exceptions a compiler needs but IL never shows: constructors, constants, enum
/// members, overrides, members the compiler synthesizes for records, members of interfaces the plugin
/// implements and overridable members of classes it derives from.
/// </summary>
public class ReferenceSurfaceUsageTests
{
    private static readonly string[] ReferenceAssemblies =
        ["Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "FluentMigrator", "FluentMigrator.Abstractions", "linq2db"];

    // The views are compiled into this test assembly; its test code itself touches no reference type.
    private static readonly string[] ConsumerAssemblies = ["Nop.Plugin.Misc.OrderTouchpoints", "Nop.Plugin.Misc.OrderTouchpoints.Views.Tests"];

    // Declared although the plugin's IL never touches them, each for the reason given: entity properties the
    // in-memory sample shop needs to relate its rows the way nopCommerce's database does (which items belong
    // to an order, which attribute to a customer), and the grid contract the host reads and writes.
    private static readonly HashSet<string> DeclaredForAReason =
    [
        "Nop.Core.Domain.Orders.OrderItem.OrderId",
        "Nop.Core.Domain.Orders.GiftCardUsageHistory.UsedWithOrderId",
        "Nop.Core.Domain.Discounts.DiscountUsageHistory.OrderId",
        "Nop.Core.Domain.Catalog.ProductAttributeCombination.ProductId",
        "Nop.Core.Domain.Catalog.ProductAttributeCombination.AttributesXml",
        "Nop.Core.Domain.Common.GenericAttribute.EntityId",
        "Nop.Core.Domain.Common.GenericAttribute.KeyGroup",
        "Nop.Core.Domain.Common.GenericAttribute.StoreId",
        // The feed asks nopCommerce for a tracked product's stock total, which is this quantity unless it uses
        // multiple warehouses; the sample catalogue answers from it the same way.
        "Nop.Core.Domain.Catalog.Product.StockQuantity",
        // The host's DataTables grid: it binds the request paging into the plugin's search model, reads the
        // total of the plugin's page and serializes the list model the plugin returns.
        "Nop.Core.IPagedList`1.TotalCount",
        "Nop.Web.Framework.Models.BaseSearchModel.Draw",
        "Nop.Web.Framework.Models.BaseSearchModel.Start",
        "Nop.Web.Framework.Models.BaseSearchModel.Length",
        "Nop.Web.Framework.Models.BasePagedListModel`1.Data",
        "Nop.Web.Framework.Models.BasePagedListModel`1.Draw",
        "Nop.Web.Framework.Models.BasePagedListModel`1.RecordsFiltered",
        "Nop.Web.Framework.Models.BasePagedListModel`1.RecordsTotal",
        // nopCommerce's migration runner reads the version and description of the plugin's migration.
        "FluentMigrator.MigrationAttribute.Version",
        "FluentMigrator.MigrationAttribute.Description",
        // BaseAdminMenuCreatedEventConsumer, which the plugin's menu consumer derives from, handles
        // AdminMenuCreatedEvent (built on BaseMenuItemCreatedEvent and IAdminMenu), loads the plugin through
        // its plugin manager field and places the plugin's item in the menu tree with these.
        "Nop.Web.Framework.Events.AdminMenuCreatedEvent",
        "Nop.Web.Framework.Events.AdminMenuCreatedEvent.RootMenuItem",
        "Nop.Web.Framework.Events.BaseMenuItemCreatedEvent",
        "Nop.Web.Framework.Menu.IAdminMenu",
        "Nop.Web.Framework.Events.BaseAdminMenuCreatedEventConsumer._pluginManager",
        "Nop.Services.Plugins.IPluginManager`1.LoadPluginBySystemNameAsync",
        "Nop.Web.Framework.Menu.AdminMenuItem.InsertBefore",
        "Nop.Web.Framework.Menu.AdminMenuItem.InsertAfter",
        "Nop.Web.Framework.Menu.AdminMenuItem.ChildNodes",
        "Nop.Web.Framework.Menu.AdminMenuItem.GetItemBySystemName",
        // The plugin sets MessageTemplate.LimitedToStores, which implements this interface member.
        "Nop.Core.Domain.Stores.IStoreMappingSupported.LimitedToStores",
        // The plugin creates message tokens; nopCommerce's tokenizer reads them when it fills the alert template.
        "Nop.Services.Messages.Token.Key",
        "Nop.Services.Messages.Token.Value"
    ];

    private static readonly HashSet<string> SynthesizedRecordMembers =
        ["op_Equality", "op_Inequality", "Equals", "GetHashCode", "ToString", "PrintMembers", "<Clone>$", "EqualityContract", "Deconstruct"];

    [Test]
    public void Every_declared_member_is_used_by_the_plugin()
    {
        var usage = new PluginUsage();
        foreach (var consumer in ConsumerAssemblies)
            usage.Read(Path.Combine(AppContext.BaseDirectory, consumer + ".dll"));

        var referencePaths = ReferenceAssemblies.Select(name => Path.Combine(AppContext.BaseDirectory, name + ".dll")).ToList();
        usage.AddAncestors(referencePaths);
        var unused = referencePaths.SelectMany(path => DeclaredSurface.Unused(path, usage)).ToList();

        Assert.That(usage.Members, Is.Not.Empty, "the plugin's IL was not read");
        Assert.That(unused, Is.Empty, "declared in build/ref but not used by the plugin, remove them:\n  " + string.Join("\n  ", unused));
    }

    /// <summary>What the plugin's IL references: types, members (name/arity), and what it implements or derives from.</summary>
    private sealed class PluginUsage
    {
        public HashSet<string> Types { get; } = [];
        public HashSet<string> Members { get; } = [];
        public HashSet<string> Implemented { get; } = [];
        public Dictionary<string, List<string>> Bases { get; } = [];

        /// <summary>A member is used through any interface its type implements (PagedList.HasNextPage via IPagedList).</summary>
        public bool Uses(string typeName, string memberKey) =>
            Members.Contains($"{typeName}::{memberKey}")
            || Bases.GetValueOrDefault(typeName, []).Any(baseType => Uses(baseType, memberKey));

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
            foreach (var (_, bases) in BaseTypes(md))
                Implemented.UnionWith(bases);
        }

        /// <summary>A class derived from BasePluginController also derives from BaseController: the whole chain counts.</summary>
        public void AddAncestors(IEnumerable<string> referencePaths)
        {
            var bases = Bases;
            foreach (var path in referencePaths)
            {
                using var pe = new PEReader(File.OpenRead(path));
                foreach (var (type, typeBases) in BaseTypes(pe.GetMetadataReader()))
                    bases[type] = typeBases;
            }
            Close(Implemented, bases);
            Types.UnionWith(Implemented);
            // A used type's base list is part of its declaration (NopMigrationAttribute : MigrationAttribute).
            Close(Types, bases);
        }

        private static void Close(HashSet<string> types, Dictionary<string, List<string>> bases)
        {
            var pending = new Queue<string>(types);
            while (pending.TryDequeue(out var type))
            {
                foreach (var ancestor in bases.GetValueOrDefault(type, []))
                {
                    if (types.Add(ancestor))
                        pending.Enqueue(ancestor);
                }
            }
        }

        private static IEnumerable<(string Type, List<string> Bases)> BaseTypes(MetadataReader md)
        {
            foreach (var typeHandle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(typeHandle);
                var bases = new List<string>();
                if (OwnerName(md, type.BaseType) is { } baseName)
                    bases.Add(baseName);
                foreach (var impl in type.GetInterfaceImplementations())
                    if (OwnerName(md, md.GetInterfaceImplementation(impl).Interface) is { } interfaceName)
                        bases.Add(interfaceName);
                yield return (Name(md, typeHandle), bases);
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
                if (OwnerName(md, type.BaseType) == "System.MulticastDelegate")
                {
                    if (!usage.Types.Contains(typeName))
                        result.Add(typeName);
                    continue;
                }
                var methods = type.GetMethods().Select(md.GetMethodDefinition).Where(m => IsVisible(m.Attributes)).ToList();
                var fields = type.GetFields().Select(md.GetFieldDefinition).ToList();
                var onlyConstants = methods.All(m => md.GetString(m.Name) == ".ctor" || md.GetString(m.Name) == ".cctor")
                                    && fields.All(f => (f.Attributes & System.Reflection.FieldAttributes.Literal) != 0);
                if (!usage.Types.Contains(typeName) && !onlyConstants && !DeclaredForAReason.Contains(typeName))
                {
                    result.Add(typeName);
                    continue;
                }
                var isInterface = (type.Attributes & System.Reflection.TypeAttributes.Interface) != 0;
                if (usage.Implemented.Contains(typeName) && isInterface)
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
                    if (visible.Count == 0 || (derived && visible.Any(m => IsOverridable(m.Attributes)))
                        || visible.Any(m => IsOverride(m.Attributes)) || SynthesizedRecordMembers.Contains(md.GetString(property.Name)))
                        continue;
                    if (!visible.Any(m => usage.Uses(typeName, Key(md, m))) && !DeclaredForAReason.Contains($"{typeName}.{md.GetString(property.Name)}"))
                        result.Add($"{typeName}.{md.GetString(property.Name)}");
                }
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    var name = md.GetString(method.Name);
                    if (accessors.Contains(methodHandle) || !IsVisible(method.Attributes) || name is ".ctor" or ".cctor"
                        || (derived && IsOverridable(method.Attributes)) || IsOverride(method.Attributes) || SynthesizedRecordMembers.Contains(name)
                        // An abstract member of a class must be declared for a class deriving from it to compile (MigrationBase.Up).
                        || (!isInterface && (method.Attributes & System.Reflection.MethodAttributes.Abstract) != 0))
                        continue;
                    if (!usage.Uses(typeName, Key(md, method)) && !DeclaredForAReason.Contains($"{typeName}.{name}"))
                        result.Add($"{typeName}.{name}({ParameterCount(md.GetBlobReader(method.Signature))} parameters)");
                }
                foreach (var field in fields.Where(f => (f.Attributes & System.Reflection.FieldAttributes.Public) != 0
                                                        && (f.Attributes & System.Reflection.FieldAttributes.Literal) == 0
                                                        && (f.Attributes & System.Reflection.FieldAttributes.SpecialName) == 0))
                {
                    if (!usage.Members.Contains($"{typeName}::{md.GetString(field.Name)}/-1")
                        && !DeclaredForAReason.Contains($"{typeName}.{md.GetString(field.Name)}"))
                        result.Add($"{typeName}.{md.GetString(field.Name)}");
                }
            }
            return result;
        }

        private static string Key(MetadataReader md, MethodDefinition method) =>
            $"{md.GetString(method.Name)}/{ParameterCount(md.GetBlobReader(method.Signature))}";

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

        // An override completes an abstract base (AutoReversingMigration.Down): it is declared because the real type has it.
        private static bool IsOverride(System.Reflection.MethodAttributes attributes) =>
            (attributes & System.Reflection.MethodAttributes.Virtual) != 0 && (attributes & System.Reflection.MethodAttributes.NewSlot) == 0;

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
