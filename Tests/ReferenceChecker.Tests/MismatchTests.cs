namespace ReferenceChecker.Tests;

/// <summary>One small reference/source pair per kind of difference, each asserting the exact report.</summary>
public class MismatchTests
{
    private static CheckResult Check(string reference, string source)
    {
        using var tree = new TempTree()
            .Reference("Nop.Core/Reference.cs", reference)
            .Source("Nop.Core/Source.cs", source);
        return tree.Check();
    }

    private static void AssertReport(CheckResult result, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Is.EqualTo(expected));
            Assert.That(result.ExitCode, Is.EqualTo(1));
        });
    }

    [Test]
    public void WrongReturnType()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<int> GetCustomerCountAsync();
            }
            """, """
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<long> GetCustomerCountAsync();
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.ICustomerService.GetCustomerCountAsync()
              at: Nop.Core/Reference.cs:5
              reason: return type differs: reference Task<int>, source Task<long>
              reference: Task<int> GetCustomerCountAsync()
              source: Task<long> GetCustomerCountAsync()

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void WrongParameterType()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<string> GetCustomerEmailAsync(int customerId);
            }
            """, """
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<string> GetCustomerEmailAsync(long customerId);
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.ICustomerService.GetCustomerEmailAsync(int)
              at: Nop.Core/Reference.cs:5
              reason: parameter 1 (customerId) type differs: reference int, source long
              reference: Task<string> GetCustomerEmailAsync(int customerId)
              source: Task<string> GetCustomerEmailAsync(long customerId)

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void WrongParameterName()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<string> GetCustomerEmailAsync(int customerId);
            }
            """, """
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<string> GetCustomerEmailAsync(int id);
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.ICustomerService.GetCustomerEmailAsync(int)
              at: Nop.Core/Reference.cs:5
              reason: parameter 1 name differs: reference customerId, source id
              reference: Task<string> GetCustomerEmailAsync(int customerId)
              source: Task<string> GetCustomerEmailAsync(int id)

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void WrongDefaultValue()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<IList<string>> GetEmailsAsync(int pageSize = int.MaxValue);
            }
            """, """
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task<IList<string>> GetEmailsAsync(int pageSize = 100);
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.ICustomerService.GetEmailsAsync(int)
              at: Nop.Core/Reference.cs:5
              reason: parameter 1 (pageSize) default value differs: reference = int.MaxValue, source = 100
              reference: Task<IList<string>> GetEmailsAsync(int pageSize = int.MaxValue)
              source: Task<IList<string>> GetEmailsAsync(int pageSize = 100)

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void MissingMember()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task DeleteCustomerAsync(Customer customer);
            }
            """, """
            namespace Nop.Core;

            public partial interface ICustomerService
            {
                Task InsertCustomerAsync(Customer customer);
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.ICustomerService.DeleteCustomerAsync(Customer)
              at: Nop.Core/Reference.cs:5
              reason: member not found in source
              reference: Task DeleteCustomerAsync(Customer customer)
              source: (none)

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void MissingType()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface IGiftCardService
            {
                Task<bool> IsGiftCardValidAsync(GiftCard giftCard);
            }
            """, """
            namespace Nop.Core;

            public partial interface ICustomerService
            {
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.IGiftCardService
              at: Nop.Core/Reference.cs:3
              reason: type not found in source
              reference: public interface IGiftCardService
              source: (none)

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void WrongKind()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial struct Money
            {
                public decimal Amount { get { throw null; } }
            }
            """, """
            namespace Nop.Core;

            public partial class Money
            {
                public decimal Amount { get; }
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.Money
              at: Nop.Core/Reference.cs:3
              reason: kind differs: reference struct, source class
              reference: public struct Money
              source: public class Money

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void WrongGenericConstraint()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface IRepository<TEntity> where TEntity : BaseEntity
            {
            }
            """, """
            namespace Nop.Core;

            public partial interface IRepository<TEntity> where TEntity : BaseEntity, new()
            {
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.IRepository<TEntity>
              at: Nop.Core/Reference.cs:3
              reason: constraints of TEntity differ: reference BaseEntity, source BaseEntity, new()
              reference: public interface IRepository<TEntity> where TEntity : BaseEntity
              source: public interface IRepository<TEntity> where TEntity : BaseEntity, new()

            1 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void StaticVersusInstance()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial class CommonHelper
            {
                public static string EnsureNotNull(string str) { throw null; }
            }
            """, """
            namespace Nop.Core;

            public partial class CommonHelper
            {
                public string EnsureNotNull(string str) => str ?? string.Empty;
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.CommonHelper.EnsureNotNull(string)
              at: Nop.Core/Reference.cs:5
              reason: reference is static, source is not
              reference: public static string EnsureNotNull(string str)
              source: public string EnsureNotNull(string str)

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void VirtualVersusNonVirtual()
    {
        var result = Check("""
            namespace Nop.Core;

            public abstract partial class BasePlugin
            {
                public virtual Task InstallAsync() { throw null; }
            }
            """, """
            namespace Nop.Core;

            public abstract partial class BasePlugin
            {
                public Task InstallAsync() => Task.CompletedTask;
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.BasePlugin.InstallAsync()
              at: Nop.Core/Reference.cs:5
              reason: virtuality differs: reference virtual, source non-virtual
              reference: public virtual Task InstallAsync()
              source: public Task InstallAsync()

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void MissingBaseInterface()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial class Customer : BaseEntity, ISoftDeletedEntity
            {
            }
            """, """
            namespace Nop.Core;

            public partial class Customer : BaseEntity
            {
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.Customer
              at: Nop.Core/Reference.cs:3
              reason: base type or interface ISoftDeletedEntity missing in source
              reference: public class Customer : BaseEntity, ISoftDeletedEntity
              source: public class Customer : BaseEntity

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void EnumValueDiffers()
    {
        var result = Check("""
            namespace Nop.Core;

            public enum OrderStatus
            {
                Pending = 10,
                Processing = 20,
            }
            """, """
            namespace Nop.Core;

            public enum OrderStatus
            {
                Pending = 10,
                Processing = 25,
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.OrderStatus.Processing
              at: Nop.Core/Reference.cs:6
              reason: value differs: reference 20, source 25
              reference: Processing = 20
              source: Processing = 25

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void PropertyAccessorMissing()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial class Store
            {
                public string Name { get; set; }
            }
            """, """
            namespace Nop.Core;

            public partial class Store
            {
                public string Name { get; }
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.Store.Name
              at: Nop.Core/Reference.cs:5
              reason: accessors differ: reference { get; set; }, source { get; }
              reference: public string Name { get; set; }
              source: public string Name { get; }

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void WrongNamespace()
    {
        var result = Check("""
            namespace Nop.Core.Domain;

            public partial class Store
            {
                public string Name { get; set; }
            }
            """, """
            namespace Nop.Core.Domain.Stores;

            public partial class Store
            {
                public string Name { get; set; }
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.Domain.Store
              at: Nop.Core/Reference.cs:3
              reason: type not found in source; same name found as Nop.Core.Domain.Stores.Store
              reference: public class Store
              source: public class Store

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void AttributeMissing()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial record CustomerModel
            {
                [NopResourceDisplayName("Admin.Customers.Customers.Fields.Email")]
                public string Email { get; set; }
            }
            """, """
            namespace Nop.Core;

            public partial record CustomerModel
            {
                public string Email { get; set; }
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.CustomerModel.Email
              at: Nop.Core/Reference.cs:5
              reason: attribute [NopResourceDisplayName("Admin.Customers.Customers.Fields.Email")] missing in source
              reference: [NopResourceDisplayName("Admin.Customers.Customers.Fields.Email")] public string Email { get; set; }
              source: public string Email { get; set; }

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void AttributeArgumentsDiffer()
    {
        var result = Check("""
            namespace Nop.Core;

            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed partial class NopMigrationAttribute : System.Attribute
            {
                private NopMigrationAttribute() { }
            }
            """, """
            namespace Nop.Core;

            [AttributeUsage(AttributeTargets.Method)]
            public sealed partial class NopMigrationAttribute : Attribute
            {
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.NopMigrationAttribute
              at: Nop.Core/Reference.cs:3
              reason: attribute [AttributeUsage(AttributeTargets.Class)] differs: source has [AttributeUsage(AttributeTargets.Method)]
              reference: [AttributeUsage(AttributeTargets.Class)] public sealed class NopMigrationAttribute : Attribute
              source: [AttributeUsage(AttributeTargets.Method)] public sealed class NopMigrationAttribute : Attribute

            1 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void ConstantValueDiffers()
    {
        var result = Check("""
            namespace Nop.Core;

            public static partial class NopDefaults
            {
                public const string Prefix = "Nop.";
                public const string CustomerPrefix = Prefix + "customer";
            }
            """, """
            namespace Nop.Core;

            public static partial class NopDefaults
            {
                public const string Prefix = "nop.";
                public const string CustomerPrefix = "Nop.customer";
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.NopDefaults.Prefix
              at: Nop.Core/Reference.cs:5
              reason: value differs: reference "Nop.", source "nop."
              reference: public const string Prefix = "Nop."
              source: public const string Prefix = "nop."

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void MemberNotVisibleInSource()
    {
        var result = Check("""
            namespace Nop.Core;

            public static partial class CommonHelper
            {
                public static void Reset() { throw null; }
            }
            """, """
            namespace Nop.Core;

            public static partial class CommonHelper
            {
                internal static void Reset() { }
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.CommonHelper.Reset()
              at: Nop.Core/Reference.cs:5
              reason: accessibility differs: reference public, source internal
              reference: public static void Reset()
              source: internal static void Reset()

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void NullableMattersOnlyForValueTypes()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial struct Money { }

            public partial class Product
            {
                private Product() { }
                public string Name { get; set; }
                public int? StockQuantity { get; set; }
                public Money? Price { get; set; }
            }
            """, """
            namespace Nop.Core;

            public partial struct Money { }

            public partial class Product
            {
                private Product() { }
                public string? Name { get; set; }
                public int StockQuantity { get; set; }
                public Money Price { get; set; }
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.Product.StockQuantity
              at: Nop.Core/Reference.cs:9
              reason: type differs: reference int?, source int
              reference: public int? StockQuantity { get; set; }
              source: public int StockQuantity { get; set; }

            MISMATCH Nop.Core.Product.Price
              at: Nop.Core/Reference.cs:10
              reason: type differs: reference Money?, source Money
              reference: public Money? Price { get; set; }
              source: public Money Price { get; set; }

            5 declarations checked, 2 mismatches

            """);
    }

    [Test]
    public void NoMatchingOverloadListsClosest()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial interface ILogger
            {
                void Log(string message, int level);
            }
            """, """
            namespace Nop.Core;

            public partial interface ILogger
            {
                void Log(string message);
                void Log(string message, string category);
                void Log(Exception exception);
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.ILogger.Log(string, int)
              at: Nop.Core/Reference.cs:5
              reason: no overload with matching parameter types in source
              reference: void Log(string message, int level)
              source: void Log(string message, string category)

            2 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void MemberDeclaredOnSourceBaseType()
    {
        var result = Check("""
            namespace Nop.Core.Domain;

            public partial class Customer : Nop.Core.BaseEntity
            {
                public int Id { get; set; }
            }
            """, """
            using Nop.Core;

            namespace Nop.Core
            {
                public abstract partial class BaseEntity
                {
                    public int Id { get; set; }
                }
            }

            namespace Nop.Core.Domain
            {
                public partial class Customer : BaseEntity
                {
                }
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.Domain.Customer.Id
              at: Nop.Core/Reference.cs:5
              reason: member not found in source type; declared on base type Nop.Core.BaseEntity
              reference: public int Id { get; set; }
              source: public int Id { get; set; }

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void ImplicitConstructorWithoutSourceCounterpart()
    {
        var result = Check("""
            namespace Nop.Core;

            public partial class CustomerService
            {
                public virtual Task DeleteAsync(int id) { throw null; }
            }
            """, """
            namespace Nop.Core;

            public partial class CustomerService
            {
                public CustomerService(ILogger logger) { }

                public virtual Task DeleteAsync(int id) => Task.CompletedTask;
            }
            """);

        AssertReport(result, """
            MISMATCH Nop.Core.CustomerService..ctor()
              at: Nop.Core/Reference.cs:3
              reason: implicit parameterless constructor of the reference has no counterpart in source (declare the source's constructors in the reference, or a private one)
              reference: public CustomerService() (implicit)
              source: public CustomerService(ILogger logger)

            3 declarations checked, 1 mismatches

            """);
    }

    [Test]
    public void DeclaredInAnotherAssemblyThanTheReferenceFolder()
    {
        using var tree = new TempTree()
            .Reference("Nop.Core/Store.cs", "namespace Nop.Core; public partial interface IStoreContext { }")
            .Reference("Nop.Services/Stores.cs", "namespace Nop.Services; public partial interface IStoreService { }")
            .Source("Libraries/Nop.Core/Nop.Core.csproj", "<Project />")
            .Source("Libraries/Nop.Core/Store.cs", "namespace Nop.Core; public partial interface IStoreContext { }")
            .Source("Libraries/Nop.Core/Stores.cs", "namespace Nop.Services; public partial interface IStoreService { }");

        AssertReport(tree.Check(), """
            MISMATCH Nop.Services.IStoreService
              at: Nop.Services/Stores.cs:1
              reason: declared in assembly Nop.Core in source, but in reference folder Nop.Services
              reference: public interface IStoreService
              source: public interface IStoreService

            2 declarations checked, 1 mismatches

            """);
    }
}
