using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Connections;

/// <summary>
/// A single-request vendor's channel whose typed client comes from the plugin's own service registration (the
/// HttpClientFactory pipeline a store runs), sending to a <see cref="RawVendorServer"/>; the sample shop holds
/// as many orders as a run needs.
/// </summary>
public sealed class VendorConnectionsTestBed : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;
    private readonly Func<ITouchpointChannel> _createChannel;

    private VendorConnectionsTestBed(TouchpointVendor vendor, ConnectionHabit habit, int port)
    {
        Context = new ChannelTestContext();
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Context.Settings.Object)
            .AddSingleton<IVendorLeaseStore>(Context.LeaseStore)
            .AddSingleton<VendorGate>()
            .AddScoped<VendorRequestSender>();
        if (vendor == TouchpointVendor.Transactionale)
        {
            services.AddTransactionaleTouchpoint();
            Server = new RawVendorServer(habit, TransactionaleContract.For(TransactionaleTestBed.DefaultApiKey), port) { AnswerBody = """{"status":"ok"}""" };
            Context.Use(new OrderTouchpointsTransactionaleSettings
            {
                Enabled = true, ApiKey = Context.Stored(TransactionaleTestBed.DefaultApiKey), EndpointUrl = Server.Url(TransactionaleContract.Path).AbsoluteUri,
                ShopCountryCode = "IT", SendWithoutConsentCheck = true
            });
        }
        else
        {
            services.AddVtMarketingTouchpoint();
            Server = new RawVendorServer(habit, VtMarketingContract.For(VtMarketingTestBed.DefaultApiKey), port) { AnswerBody = VtMarketingTestBed.EventCreated };
            Context.Use(new OrderTouchpointsVtMarketingSettings
            {
                Enabled = true, ApiKey = Context.Stored(VtMarketingTestBed.DefaultApiKey), EndpointUrl = Server.Url(VtMarketingContract.Path).AbsoluteUri
            });
        }
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
        var provider = _scope.ServiceProvider;
        _createChannel = vendor == TouchpointVendor.Transactionale
            ? () => new TransactionaleTouchpointChannel(Context.Settings.Object, Context.Protector,
                new TransactionalePayloadBuilder(Context.Loader, Context.Shop.CreateServices()),
                provider.GetRequiredService<TransactionaleClient>(), Logs.Logger)
            : () => new VtMarketingTouchpointChannel(Context.Settings.Object, Context.Protector,
                new VtMarketingPayloadBuilder(Context.Loader), provider.GetRequiredService<VtMarketingClient>(), Logs.Logger);
    }

    private const int GuestId = 8;

    public ChannelTestContext Context { get; }
    public RawVendorServer Server { get; }
    public RecordingLogger Logs { get; } = new();

    /// <param name="port">0 for any free port; else the vendor server takes the port an earlier bed's server had.</param>
    public static VendorConnectionsTestBed Start(TouchpointVendor vendor, ConnectionHabit habit, int port = 0) => new(vendor, habit, port);

    public ITouchpointChannel CreateChannel() => _createChannel();

    /// <summary>
    /// Copies of the sample order (one line each) with ids from 1000, each by a guest with its own billing address, so
    /// every request body differs and the vendor can tell a delivery sent twice.
    /// </summary>
    public IReadOnlyList<int> AddOrders(int count)
    {
        var sample = Context.Order;
        var ids = Enumerable.Range(1000, count).ToList();
        Context.Shop.Customers.Add(new Customer { Id = GuestId });
        foreach (var id in ids)
        {
            Context.Shop.Addresses.Add(new Address
            {
                Id = 200_000 + id, FirstName = $"Buyer{id}", LastName = "Rossi", Email = $"buyer{id}@example.com", CountryId = 10, City = "Milano", ZipPostalCode = "20121"
            });
            Context.Shop.Orders.Add(new Order
            {
                Id = id, CustomOrderNumber = id.ToString(), StoreId = sample.StoreId, CustomerId = GuestId,
                BillingAddressId = 200_000 + id, ShippingAddressId = sample.ShippingAddressId,
                CustomerCurrencyCode = sample.CustomerCurrencyCode, CurrencyRate = sample.CurrencyRate, OrderStatus = sample.OrderStatus,
                PaymentStatus = sample.PaymentStatus, CustomerLanguageId = sample.CustomerLanguageId, OrderTotal = 10m + id % 97,
                CreatedOnUtc = sample.CreatedOnUtc
            });
            Context.Shop.OrderItems.Add(new OrderItem { Id = 100_000 + id, OrderId = id, ProductId = 501, Quantity = 1 + id % 3, PriceInclTax = 10m });
        }
        return ids;
    }

    /// <summary>
    /// Delivers every order with <paramref name="parallelSends"/> sends at a time, as the dispatcher does; after each
    /// delivery a worker waits <paramref name="pauseAfter"/> (null: no wait). Bounded by the orders' count and by the attempt timeout.
    /// </summary>
    public async Task<DeliveryRun> DeliverAllAsync(IReadOnlyList<int> orderIds, int parallelSends, Func<int, TimeSpan?>? pauseAfter = null)
    {
        var outcomes = new DeliveryOutcome[orderIds.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, orderIds.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelSends }, async (n, token) =>
        {
            outcomes[n] = await CreateChannel().DeliverAsync(ChannelTestContext.PlacedOrder(orderIds[n]), token);
            if (pauseAfter?.Invoke(n) is { } pause)
                await Task.Delay(pause, token);
        });
        return new DeliveryRun(outcomes, Server.Requests.Count, Server.Duplicates().Count, Server.ConnectionsAccepted, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
        Context.Dispose();
    }
}

/// <summary>What a run of deliveries came to, at the plugin and at the vendor.</summary>
public sealed record DeliveryRun(IReadOnlyList<DeliveryOutcome> Outcomes, int RequestsReceived, int BodiesReceivedTwice, int Connections, TimeSpan Elapsed)
{
    public int Delivered => Outcomes.Count(o => o.Kind == OutcomeKind.Delivered);

    public IReadOnlyList<DeliveryOutcome> NotDelivered => Outcomes.Where(o => o.Kind != OutcomeKind.Delivered).ToList();

    public override string ToString() =>
        $"{Outcomes.Count} deliveries: {Delivered} delivered, {NotDelivered.Count} not ({string.Join(" | ", NotDelivered.Select(o => o.Reason).Distinct().Take(3))}); " +
        $"vendor received {RequestsReceived} requests, {BodiesReceivedTwice} twice, over {Connections} connections, in {Elapsed.TotalSeconds:0.0} s";
}
