using LinqToDB;
using LinqToDB.Data;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// The send's order reads as the real providers translate them: the order with its customer and both addresses in one
/// statement, its used discounts in one more, and nothing invented for a row that is gone.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
public class OrderQueriesOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<string> _statements = [];
    private DataConnection _connection = null!;
    private DbOrderQueries _queries = null!;

    [OneTimeSetUp]
    public async Task CreateShopTables()
    {
        await using var connection = Database.Connect();
        await connection.CreateTableAsync<Order>();
        await connection.CreateTableAsync<Customer>();
        await connection.CreateTableAsync<Address>();
        await connection.CreateTableAsync<Discount>();
        await connection.CreateTableAsync<DiscountUsageHistory>();

        await connection.InsertAsync(new Customer { Id = 7, Email = "giulia.rossi@example.com", FirstName = "Giulia" });
        await connection.InsertAsync(new Address { Id = 100, Email = "giulia.billing@example.com", ZipPostalCode = "20121", CountryId = 10 });
        await connection.InsertAsync(new Address { Id = 101, ZipPostalCode = "10121", City = "Torino" });
        await connection.InsertAsync(new Address { Id = 200, ZipPostalCode = "41101" });
        // Order 1: everything; 2: no shipping address; 3: its customer and billing address are gone; 4: deleted.
        await connection.InsertAsync(new Order { Id = 1, CustomOrderNumber = "A-1", CustomerId = 7, BillingAddressId = 100, ShippingAddressId = 101 });
        await connection.InsertAsync(new Order { Id = 2, CustomOrderNumber = "A-2", CustomerId = 7, BillingAddressId = 200 });
        await connection.InsertAsync(new Order { Id = 3, CustomOrderNumber = "A-3", CustomerId = 8, BillingAddressId = 300, ShippingAddressId = 101 });
        await connection.InsertAsync(new Order { Id = 4, CustomOrderNumber = "A-4", CustomerId = 7, BillingAddressId = 100, Deleted = true });

        foreach (var (id, code) in new[] { (1, "WELCOME10"), (2, "SHIPFREE"), (3, (string?)null) })
            await connection.InsertAsync(new Discount { Id = id, Name = $"Discount {id}", RequiresCouponCode = code is not null, CouponCode = code! });
        // Order 1 used discount 2 twice, discount 1 after both, and discount 9, whose row has since been deleted. Neither
        // the ids' order nor the earliest usage puts discount 1 first: only the latest usage does.
        await connection.InsertAsync(new DiscountUsageHistory { Id = 1, OrderId = 1, DiscountId = 2, CreatedOnUtc = Monday });
        await connection.InsertAsync(new DiscountUsageHistory { Id = 2, OrderId = 1, DiscountId = 1, CreatedOnUtc = Monday.AddHours(2) });
        await connection.InsertAsync(new DiscountUsageHistory { Id = 3, OrderId = 1, DiscountId = 2, CreatedOnUtc = Monday.AddHours(1) });
        await connection.InsertAsync(new DiscountUsageHistory { Id = 4, OrderId = 1, DiscountId = 9, CreatedOnUtc = Monday.AddHours(3) });
        await connection.InsertAsync(new DiscountUsageHistory { Id = 5, OrderId = 2, DiscountId = 3, CreatedOnUtc = Monday });
    }

    [SetUp]
    public void Connect()
    {
        _statements.Clear();
        _connection = Database.ConnectTraced(_statements.Add);
        _queries = new DbOrderQueries(new Linq2DbRepository<Order>(_connection), new Linq2DbRepository<Customer>(_connection),
            new Linq2DbRepository<Address>(_connection), new Linq2DbRepository<DiscountUsageHistory>(_connection), new Linq2DbRepository<Discount>(_connection));
    }

    [TearDown]
    public async Task Disconnect() => await _connection.DisposeAsync();

    [Test]
    public async Task An_order_comes_with_its_customer_and_both_addresses_in_one_statement()
    {
        var rows = await _queries.FindAsync(1);

        Assert.That(rows, Is.Not.Null);
        Assert.That(rows!.Order is { Id: 1, CustomOrderNumber: "A-1", Deleted: false });
        Assert.That(rows.Customer is { Id: 7, Email: "giulia.rossi@example.com", FirstName: "Giulia" });
        Assert.That(rows.BillingAddress is { Id: 100, Email: "giulia.billing@example.com", ZipPostalCode: "20121", CountryId: 10 });
        Assert.That(rows.ShippingAddress is { Id: 101, ZipPostalCode: "10121", City: "Torino" });
        Assert.That(_statements, Has.Count.EqualTo(1), string.Join(Environment.NewLine, _statements));
    }

    [Test]
    public async Task An_order_without_a_shipping_address_has_none()
    {
        var rows = await _queries.FindAsync(2);

        Assert.That(rows?.BillingAddress?.Id, Is.EqualTo(200));
        Assert.That(rows!.ShippingAddress, Is.Null);
        Assert.That(rows.Customer?.Id, Is.EqualTo(7));
    }

    [Test]
    public async Task A_customer_or_address_whose_row_is_gone_is_null_and_the_order_is_still_found()
    {
        var rows = await _queries.FindAsync(3);

        Assert.That(rows?.Order.Id, Is.EqualTo(3));
        Assert.That(rows!.Customer, Is.Null);
        Assert.That(rows.BillingAddress, Is.Null);
        Assert.That(rows.ShippingAddress?.Id, Is.EqualTo(101), "the other address is still read");
    }

    [Test]
    public async Task A_deleted_order_is_found_as_deleted_and_an_unknown_one_is_null()
    {
        Assert.That((await _queries.FindAsync(4))?.Order.Deleted, Is.True);
        Assert.That(await _queries.FindAsync(99), Is.Null);
    }

    [Test]
    public async Task The_used_discounts_come_latest_usage_first_each_once_in_one_statement_without_those_since_deleted()
    {
        var used = await _queries.UsedDiscountsAsync(1);

        Assert.That(used.Select(d => d.Id), Is.EqualTo(new[] { 1, 2 }), "discount 1 was used last, discount 9 no longer exists");
        Assert.That(used.Select(d => d.CouponCode), Is.EqualTo(new[] { "WELCOME10", "SHIPFREE" }));
        Assert.That(_statements, Has.Count.EqualTo(1), string.Join(Environment.NewLine, _statements));
        Assert.That((await _queries.UsedDiscountsAsync(2)).Select(d => d.Id), Is.EqualTo(new[] { 3 }));
        Assert.That(await _queries.UsedDiscountsAsync(3), Is.Empty);
    }
}
