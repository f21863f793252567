using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// The contact Engage creates when no contact has the order's email. Address fields all come from the
/// billing address, so country, zip and city describe one place; the country (ISO2) is what Engage uses to
/// choose the communication language.
/// </summary>
public class VoyadoContactPayloadBuilder
{
    public VoyadoContactPayload Build(OrderData data, string email, OrderTouchpointsVoyadoSettings settings) => new(
        FirstName: data.FirstName,
        LastName: data.LastName,
        Email: email,
        CountryCode: OrderData.FirstNonEmpty(data.BillingCountry?.TwoLetterIsoCode)?.ToUpperInvariant(),
        ZipCode: OrderData.FirstNonEmpty(data.BillingAddress?.ZipPostalCode),
        City: OrderData.FirstNonEmpty(data.BillingAddress?.City),
        ContactType: OrderData.FirstNonEmpty(settings.ContactType));
}
