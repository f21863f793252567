using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// The sample shop (<see cref="ShopFixture.WithSampleOrder"/>) wired to a <see cref="FakeEngage"/>: per-store
/// settings behind a mocked ISettingService, keys "encrypted" by a mocked IEncryptionService, generic
/// attributes kept in memory, and the real channel, resolver, builders, client, sender and vendor gate.
/// </summary>
public sealed class VoyadoTestBed : IAsyncDisposable
{
    public const string StoreExternalId = "NEGOZIO-MI";
    public const string CreatedContactPrefix = "c0ffee00-";

    private readonly HttpClient _httpClient = new();

    private VoyadoTestBed(ShopFixture shop, Order order, FakeEngage engage)
    {
        Shop = shop;
        Order = order;
        Engage = engage;
        Settings[1] = SettingsFor(engage);
        SettingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsVoyadoSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => Settings.TryGetValue(storeId, out var settings) ? settings : new OrderTouchpointsVoyadoSettings());
        SettingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsDeliverySettings>(It.IsAny<int>())).ReturnsAsync(() => DeliverySettings);
        SettingService.Setup(s => s.LoadSettingAsync<LocalizationSettings>(It.IsAny<int>())).ReturnsAsync(() => LocalizationSettings);
        Encryption.Setup(e => e.EncryptText(It.IsAny<string>(), It.IsAny<string>())).Returns((string plain, string _) => "enc:" + plain);
        Encryption.Setup(e => e.DecryptText(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string cipher, string _) => cipher.StartsWith("enc:") ? cipher[4..] : throw new CryptographicException("bad padding"));
        Localization.Setup(l => l.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => LocaleResources.All.FirstOrDefault(t => t.Key == key)?.English ?? key);
        GenericAttributes.Setup(g => g.GetAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<string>()))
            .ReturnsAsync((BaseEntity entity, string key, int storeId, string defaultValue) =>
                Attributes.TryGetValue((entity.GetType().Name, entity.Id, key, storeId), out var value) ? value : defaultValue);
        GenericAttributes.Setup(g => g.SaveAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>()))
            .Callback((BaseEntity entity, string key, string value, int storeId) =>
            {
                // nopCommerce deletes the attribute when the value is null or empty.
                if (string.IsNullOrEmpty(value))
                    Attributes.Remove((entity.GetType().Name, entity.Id, key, storeId));
                else
                    Attributes[(entity.GetType().Name, entity.Id, key, storeId)] = value;
            })
            .Returns(Task.CompletedTask);
    }

    public ShopFixture Shop { get; }
    public Order Order { get; }
    public FakeEngage Engage { get; }

    public Dictionary<int, OrderTouchpointsVoyadoSettings> Settings { get; } = [];
    public OrderTouchpointsDeliverySettings DeliverySettings { get; } = new() { AttemptTimeoutSeconds = 5 };
    public LocalizationSettings LocalizationSettings { get; } = new();
    public Mock<ISettingService> SettingService { get; } = new();
    public Mock<IEncryptionService> Encryption { get; } = new();
    public Mock<ILocalizationService> Localization { get; } = new();
    public Mock<IGenericAttributeService> GenericAttributes { get; } = new();

    /// <summary>Saved generic attributes: (key group, entity id, key, store id) → value.</summary>
    public Dictionary<(string, int, string, int), string> Attributes { get; } = [];

    /// <summary>The outbox the channel reads the states Engage was already shown from.</summary>
    public InMemoryDeliveryOutbox Outbox { get; } = new(TimeProvider.System);

    public static async Task<VoyadoTestBed> StartAsync()
    {
        var shop = ShopFixture.WithSampleOrder(out var order);
        return new VoyadoTestBed(shop, order, await FakeEngage.StartAsync());
    }

    /// <summary>A store enabled for the given Engage tenant; tests change what they need.</summary>
    public OrderTouchpointsVoyadoSettings SettingsFor(FakeEngage engage) => new()
    {
        Enabled = true,
        ApiKey = "enc:" + FakeEngage.ApiKey,
        BaseUrl = engage.BaseUri.AbsoluteUri,
        StoreExternalId = StoreExternalId,
        ContactType = "Contact",
        Source = "ECOM",
        // High enough that only the rate-limit tests are shaped by it.
        MaxRequestsPerSecond = 100_000
    };

    /// <summary>The web farm's lease table (the database), shared by every "node" of the bed.</summary>
    public InMemoryVendorLeaseStore LeaseStore { get; } = new();

    /// <summary>This node's vendor gate (its rate limits, circuits and leases), shared by every channel of the bed like the singleton in a store; <see cref="CreateNode"/> makes another node's.</summary>
    public VendorGate Gate => _gate ??= CreateNode(TimeProvider.System);

    private VendorGate? _gate;

    public VendorGate CreateNode(TimeProvider clock) =>
        new(new ServiceCollection().AddSingleton<IVendorLeaseStore>(LeaseStore).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), clock);

    public VoyadoClient CreateClient(VendorGate? node = null) =>
        new(_httpClient, new VendorRequestSender(node ?? Gate, SettingService.Object, TimeProvider.System));

    public VoyadoTouchpointChannel CreateChannel()
    {
        var client = CreateClient();
        return new VoyadoTouchpointChannel(
            SettingService.Object,
            new ApiKeyProtector(Encryption.Object),
            Shop.CreateLoader(),
            new VoyadoContactPayloadBuilder(),
            new VoyadoOrderPayloadBuilder(Shop.CreateLoader(), Shop.CreateDetailsLoader(SettingService.Object)),
            new VoyadoContactResolver(client, GenericAttributes.Object),
            client,
            Localization.Object,
            Outbox);
    }

    public Task<DeliveryOutcome> DeliverAsync(TouchpointEvent touchpointEvent = TouchpointEvent.OrderPlaced, Order? order = null, DateTime? occurredUtc = null) =>
        CreateChannel().DeliverAsync(Request(touchpointEvent, order, occurredUtc), CancellationToken.None);

    public DeliveryRequest Request(TouchpointEvent touchpointEvent = TouchpointEvent.OrderPlaced, Order? order = null, DateTime? occurredUtc = null)
    {
        order ??= Order;
        return new DeliveryRequest(order.StoreId, order.Id, touchpointEvent, occurredUtc ?? new DateTime(2026, 11, 21, 15, 45, 10, DateTimeKind.Utc));
    }

    /// <summary>The order's email (its customer's): a saved contact id holds for the email it was found for.</summary>
    public const string OrderEmail = "giulia.rossi@example.com";

    /// <summary>The contact id saved on the customer, whatever email it was saved for.</summary>
    public string? SavedContactId(int customerId, int storeId = 1) =>
        Attributes.TryGetValue(("Customer", customerId, OrderTouchpointsDefaults.VoyadoContactIdAttribute, storeId), out var saved) ? saved.Split('|')[0] : null;

    public void SaveContactId(int customerId, string contactId, int storeId = 1, string email = OrderEmail) =>
        Attributes[("Customer", customerId, OrderTouchpointsDefaults.VoyadoContactIdAttribute, storeId)] = VoyadoContactResolver.SavedValue(contactId, email);

    /// <summary>A value as versions before 1.3 saved it: the id alone.</summary>
    public void SaveBareContactId(int customerId, string contactId, int storeId = 1) =>
        Attributes[("Customer", customerId, OrderTouchpointsDefaults.VoyadoContactIdAttribute, storeId)] = contactId;

    public async ValueTask DisposeAsync()
    {
        _httpClient.Dispose();
        await Engage.DisposeAsync();
    }
}
