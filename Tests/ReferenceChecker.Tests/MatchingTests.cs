namespace ReferenceChecker.Tests;

public class MatchingTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Test]
    public void MatchingTreeHasNoMismatch()
    {
        var output = new StringWriter();

        var exitCode = ReferenceCheck.Run(
            [Path.Combine(Fixture("Matching"), "ref")], [Path.Combine(Fixture("Matching"), "src")], output);

        Assert.Multiple(() =>
        {
            Assert.That(output.ToString(), Is.EqualTo("52 declarations checked, 0 mismatches\n"));
            Assert.That(exitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public void PartialTypeSpreadOverTwoFilesStillMatches()
    {
        using var tree = new TempTree()
            .Reference("Nop.Core/Order.cs", """
                namespace Nop.Core.Domain.Orders;

                public partial class Order : BaseEntity, ISoftDeletedEntity
                {
                    public Guid OrderGuid { get; set; }
                    public decimal OrderTotal { get; set; }
                    public bool Deleted { get; set; }
                }
                """)
            .Source("Nop.Core/Domain/Orders/Order.cs", """
                namespace Nop.Core.Domain.Orders
                {
                    public partial class Order : BaseEntity
                    {
                        public Guid OrderGuid { get; set; }
                    }
                }
                """)
            .Source("Nop.Core/Domain/Orders/Order.Totals.cs", """
                namespace Nop.Core.Domain.Orders;

                public partial class Order : ISoftDeletedEntity
                {
                    public decimal OrderTotal { get; set; }
                    public bool Deleted { get; set; }
                }
                """);

        var result = tree.Check();

        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Is.EqualTo("5 declarations checked, 0 mismatches\n"));
            Assert.That(result.ExitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public void QualifiedNamesAliasesAndEquivalentDefaultsMatch()
    {
        using var tree = new TempTree()
            .Reference("Nop.Core/Ids.cs", """
                namespace Nop.Core;

                public partial interface IIdService
                {
                    System.Collections.Generic.IList<System.Int32> GetIds(global::System.String name,
                        System.Threading.CancellationToken token = default(System.Threading.CancellationToken),
                        Nop.Core.SortOrder order = Nop.Core.SortOrder.Ascending);
                }

                public enum SortOrder { Ascending, Descending }
                """)
            .Source("Nop.Core/Ids.cs", """
                namespace Nop.Core;

                public partial interface IIdService
                {
                    IList<int> GetIds(string name, CancellationToken token = default, SortOrder order = SortOrder.Ascending);
                }

                public enum SortOrder { Ascending = 0, Descending = 1 }
                """);

        var result = tree.Check();

        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Is.EqualTo("5 declarations checked, 0 mismatches\n"));
            Assert.That(result.ExitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public void PrivateReferenceConstructorSuppressesTheImplicitOne()
    {
        using var tree = new TempTree()
            .Reference("Nop.Core/Service.cs", """
                namespace Nop.Core;

                public partial class CustomerService
                {
                    private CustomerService() { }
                    internal void Helper() { }
                }
                """)
            .Source("Nop.Core/Service.cs", """
                namespace Nop.Core;

                public partial class CustomerService(ILogger logger)
                {
                }
                """);

        var result = tree.Check();

        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Is.EqualTo("1 declarations checked, 0 mismatches\n"));
            Assert.That(result.ExitCode, Is.EqualTo(0));
        });
    }
}
