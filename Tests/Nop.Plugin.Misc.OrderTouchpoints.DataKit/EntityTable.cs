#nullable enable

using System.Collections;
using System.Reflection;
using Nop.Core;

namespace Nop.Plugin.Misc.OrderTouchpoints.DataKit;

/// <summary>What nopCommerce's <c>Create.TableFor&lt;TEntity&gt;()</c> puts in one column.</summary>
public sealed record EntityColumn(string Name, Type ClrType, bool Nullable, bool PrimaryKey = false);

/// <summary>
/// The table nopCommerce 4.90 derives from an entity when a migration calls <c>Create.TableFor&lt;TEntity&gt;()</c>: the table
/// named after the type, an int identity primary key <c>Id</c>, then one column per public settable property of the entity
/// itself whose type (or nullable form) nopCommerce maps: int, long, string, bool, decimal, DateTime, byte[] and Guid. Enum
/// wrappers are not columns (only their <c>…Id</c> ints are). A string is always nullable, another type only in its nullable form.
/// Entity builders and name compatibility (a plugin's own table or column names) are not stood in for: an entity that has one
/// is refused, so such a plugin's tests fail instead of checking a table nopCommerce would not create.
/// </summary>
public sealed record EntityTable(string Name, IReadOnlyList<EntityColumn> Columns)
{
    private static readonly HashSet<Type> MappedTypes =
        [typeof(int), typeof(long), typeof(string), typeof(bool), typeof(decimal), typeof(DateTime), typeof(byte[]), typeof(Guid)];

    private static readonly AsyncLocal<Action<object, EntityTable>?> CurrentWriter = new();

    public static EntityTable Of(Type entityType)
    {
        RefuseWhatIsNotStoodIn(entityType);
        var columns = new List<EntityColumn> { new(nameof(BaseEntity.Id), typeof(int), Nullable: false, PrimaryKey: true) };
        foreach (var property in entityType.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.DeclaringType == typeof(BaseEntity) || !property.CanWrite)
                continue;
            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var mappedType = underlying ?? property.PropertyType;
            if (!MappedTypes.Contains(mappedType))
                continue;
            // nopCommerce makes strings and every other enumerable nullable whatever the property says.
            var nullable = underlying is not null || mappedType == typeof(string) || typeof(IEnumerable).IsAssignableFrom(mappedType);
            columns.Add(new EntityColumn(property.Name, mappedType, nullable));
        }
        return new EntityTable(entityType.Name, columns);
    }

    /// <summary>
    /// Writes the table into a migration's create expression. The test kit is compiled against the reference surface's
    /// FluentMigrator, which declares no table syntax, so the test that runs migrations through a real FluentMigrator supplies
    /// the writer (the root is its <c>ICreateExpressionRoot</c>) for the duration of the run.
    /// </summary>
    public static IDisposable UseWriter(Action<object, EntityTable> writer)
    {
        var previous = CurrentWriter.Value;
        CurrentWriter.Value = writer;
        return new WriterScope(() => CurrentWriter.Value = previous);
    }

    internal static void Write(object createExpressionRoot, Type entityType)
    {
        var writer = CurrentWriter.Value
            ?? throw new InvalidOperationException("Create.TableFor<TEntity>() needs a table writer: run the migration inside EntityTable.UseWriter.");
        writer(createExpressionRoot, Of(entityType));
    }

    private static void RefuseWhatIsNotStoodIn(Type entityType)
    {
        var customizations = LoadableTypes(entityType.Assembly).Where(t =>
            (t.BaseType is { IsGenericType: true } generic && generic.GetGenericTypeDefinition().Name == "NopEntityBuilder`1" && generic.GetGenericArguments()[0] == entityType)
            || t.GetInterfaces().Any(i => i.FullName == "Nop.Data.Mapping.INameCompatibility"));
        if (customizations.FirstOrDefault() is { } customization)
            throw new NotSupportedException($"{customization.FullName} customizes nopCommerce's table mapping, which the test kit does not stand in for.");
    }

    /// <summary>
    /// The assembly's types that load here: a plugin's admin types derive from Nop.Web.Framework, which a data test does not
    /// load, and its entities and migrations do not need.
    /// </summary>
    public static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    private sealed class WriterScope(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
