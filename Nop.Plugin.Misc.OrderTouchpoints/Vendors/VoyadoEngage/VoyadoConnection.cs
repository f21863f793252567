using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>Where and how to call one store's Engage tenant: built from the store's settings for each delivery.</summary>
public sealed record VoyadoConnection(
    Uri BaseUrl,
    string ApiKey,
    int MaxRequestsPerSecond,
    string? Source = null,
    string? StoreExternalId = null,
    string? ContactType = null)
{
    public const int DefaultMaxRequestsPerSecond = 40;

    public Uri LookupUrl(string email) => LookupUrlFor(BaseUrl, email, ContactType);

    public Uri ContactsUrl => ContactsUrlFor(BaseUrl);

    public Uri OrdersUrl => OrdersUrlFor(BaseUrl);

    // A record prints every member by default: keep the key out of any log line or exception text.
    public override string ToString() => $"Voyado Engage {BaseUrl.Host}";

    /// <summary>With the configured contact type, so a contact of another type with the same email does not match.</summary>
    public static Uri LookupUrlFor(Uri baseUrl, string email, string? contactType) =>
        Url(baseUrl, string.IsNullOrWhiteSpace(contactType)
            ? $"api/v2/contacts/id?email={Uri.EscapeDataString(email)}"
            : $"api/v2/contacts/id?email={Uri.EscapeDataString(email)}&contactType={Uri.EscapeDataString(contactType.Trim())}");

    public static Uri ContactsUrlFor(Uri baseUrl) => Url(baseUrl, "api/v2/contacts");

    public static Uri OrdersUrlFor(Uri baseUrl) => Url(baseUrl, "api/v2/orders");

    // Keeps a path the tenant URL may have (a proxy prefix); a leading slash would drop it.
    private static Uri Url(Uri baseUrl, string relative) => new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/{relative}");

    /// <summary>The store's connection, or the reason (for the store owner) why none can be made.</summary>
    public static bool TryCreate(OrderTouchpointsVoyadoSettings settings, string? apiKey,
        out VoyadoConnection connection, out string problem)
    {
        connection = null!;
        if (string.IsNullOrEmpty(apiKey))
        {
            problem = string.IsNullOrEmpty(settings.ApiKey)
                ? "No Voyado Engage API key is saved for this store: enter the API key in the Voyado Engage settings."
                : ApiKeyProtector.UnreadableKeyReason("Voyado Engage");
            return false;
        }
        if (!VendorEndpoint.TryParse(settings.BaseUrl, out var baseUrl, out var urlError))
        {
            problem = $"Voyado Engage tenant URL: {urlError}";
            return false;
        }
        var rate = settings.MaxRequestsPerSecond > 0 ? settings.MaxRequestsPerSecond : DefaultMaxRequestsPerSecond;
        connection = new VoyadoConnection(baseUrl, apiKey, rate,
            OrderData.FirstNonEmpty(settings.Source), OrderData.FirstNonEmpty(settings.StoreExternalId), OrderData.FirstNonEmpty(settings.ContactType));
        problem = string.Empty;
        return true;
    }
}
