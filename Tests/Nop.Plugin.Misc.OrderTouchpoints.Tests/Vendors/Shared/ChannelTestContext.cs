using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Configuration;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>
/// What a vendor channel needs around it in a test: the sample shop, settings per store behind a mocked
/// ISettingService, a reversible fake encryption, a fresh vendor gate and a recording logger.
/// </summary>
public sealed class ChannelTestContext : IDisposable
{
    public const int StoreId = 1;

    private readonly TimeProvider _clock;

    public ChannelTestContext(TimeProvider? timeProvider = null)
    {
        Shop = ShopFixture.WithSampleOrder(out var order);
        Order = order;
        Encryption.Setup(e => e.EncryptText(It.IsAny<string>(), It.IsAny<string>())).Returns((string text, string _) => "enc:" + text);
        Encryption.Setup(e => e.DecryptText(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string text, string _) => text.StartsWith("enc:", StringComparison.Ordinal) ? text["enc:".Length..] : Undecryptable(text));
        Protector = new ApiKeyProtector(Encryption.Object);
        _clock = timeProvider ?? TimeProvider.System;
        Gate = CreateNode(_clock);
        Sender = SenderOn(Gate);
        Use(DeliverySettings, 0);
    }

    public ShopFixture Shop { get; }
    public Order Order { get; }
    public Mock<ISettingService> Settings { get; } = new();
    public Mock<IEncryptionService> Encryption { get; } = new();
    public ApiKeyProtector Protector { get; }
    public VendorRequestSender Sender { get; }

    /// <summary>The web farm's lease table (the database), shared by every "node" of the context.</summary>
    public InMemoryVendorLeaseStore LeaseStore { get; } = new();

    /// <summary>This node's vendor gate; <see cref="CreateNode"/> makes another node's.</summary>
    public VendorGate Gate { get; }

    public VendorGate CreateNode(TimeProvider clock) =>
        new(new ServiceCollection().AddSingleton<IVendorLeaseStore>(LeaseStore).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), clock);

    /// <summary>A sender of the node with <paramref name="node"/> as its gate, reading the attempt timeout from <see cref="DeliverySettings"/>.</summary>
    public VendorRequestSender SenderOn(VendorGate node) => new(node, Settings.Object, _clock);
    public HttpClient Http { get; } = new();
    public OrderTouchpointsDeliverySettings DeliverySettings { get; } = new() { AttemptTimeoutSeconds = 10 };

    public OrderDataLoader Loader => Shop.CreateLoader();

    /// <summary>Stores what LoadSettingAsync returns for that store (and only that store).</summary>
    public T Use<T>(T settings, int storeId = StoreId) where T : ISettings, new()
    {
        Settings.Setup(s => s.LoadSettingAsync<T>(storeId)).ReturnsAsync(settings);
        return settings;
    }

    /// <summary>The key as it is stored in settings: encrypted.</summary>
    public string Stored(string apiKey) => Protector.Protect(apiKey);

    public static DeliveryRequest PlacedOrder(int orderId = 42, int storeId = StoreId, TouchpointEvent touchpointEvent = TouchpointEvent.OrderPlaced) =>
        new(storeId, orderId, touchpointEvent, new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc));

    public void Dispose() => Http.Dispose();

    // As nopCommerce's EncryptionService: a value that is not Base64 fails the decode (FormatException),
    // one encrypted with another key fails the decryption (CryptographicException).
    private static string Undecryptable(string stored)
    {
        Convert.FromBase64String(stored);
        throw new System.Security.Cryptography.CryptographicException("bad cipher");
    }
}
