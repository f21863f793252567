using System.Security.Cryptography;
using System.Text;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Common;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>The Engage contact an order is posted for, or why none could be had in this attempt.</summary>
public sealed record VoyadoContactResolution(string? ContactId, bool FromSavedId, DeliveryOutcome? Failure)
{
    public static VoyadoContactResolution Found(string contactId, bool fromSavedId) => new(contactId, fromSavedId, null);

    public static VoyadoContactResolution Failed(DeliveryOutcome failure) => new(null, false, failure);
}

/// <summary>
/// Finds the Engage contact id for an order's customer (docs/vendors.md §2.1): the id saved on the
/// customer for this store, else a lookup by email, else a new contact. Found ids are saved on the
/// customer (guests included) per store, because each store may use its own tenant.
/// <para>
/// A saved id holds only for the email it was found for: one guest record serves every checkout from its browser, and
/// each order's email comes from its billing address, so the next guest order may be someone else's. The email is kept
/// as a hash beside the id (<c>id|hash</c>); an id saved without one is looked up again once.
/// </para>
/// </summary>
public class VoyadoContactResolver(VoyadoClient client, IGenericAttributeService genericAttributeService)
{
    public async Task<string?> GetSavedIdAsync(Customer? customer, int storeId, string email)
    {
        if (customer is null)
            return null;
        var saved = await genericAttributeService.GetAttributeAsync<string>(customer, OrderTouchpointsDefaults.VoyadoContactIdAttribute, storeId);
        return SavedIdFor(saved, email);
    }

    /// <summary>The contact id of a saved value, when it was saved for <paramref name="email"/>.</summary>
    public static string? SavedIdFor(string? saved, string email) =>
        saved?.Split('|') is [var contactId, var emailHash] && contactId.Trim().Length > 0 && emailHash == EmailHash(email)
            ? contactId.Trim()
            : null;

    public static string SavedValue(string contactId, string email) => $"{contactId}|{EmailHash(email)}";

    // Engage matches contacts by email regardless of case.
    private static string EmailHash(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())), 0, 8);

    /// <summary>Drops a saved id Engage no longer knows (nopCommerce deletes an attribute saved as null).</summary>
    public async Task ForgetAsync(Customer? customer, int storeId)
    {
        if (customer is not null)
            await genericAttributeService.SaveAttributeAsync<string?>(customer, OrderTouchpointsDefaults.VoyadoContactIdAttribute, null, storeId);
    }

    public async Task<VoyadoContactResolution> ResolveAsync(VoyadoConnection connection, Customer? customer, int storeId,
        VoyadoContactPayload newContact, bool ignoreSavedId, CancellationToken cancellationToken)
    {
        if (!ignoreSavedId && await GetSavedIdAsync(customer, storeId, newContact.Email) is { } savedId)
            return VoyadoContactResolution.Found(savedId, fromSavedId: true);

        var resolution = await LookUpAsync(connection, newContact.Email, cancellationToken)
                         ?? await CreateAsync(connection, newContact, cancellationToken);
        if (resolution.ContactId is { } contactId && customer is not null)
            await genericAttributeService.SaveAttributeAsync(customer, OrderTouchpointsDefaults.VoyadoContactIdAttribute, SavedValue(contactId, newContact.Email), storeId);
        return resolution;
    }

    /// <summary>The lookup's answer, or null when Engage has no contact with that email (404).</summary>
    private async Task<VoyadoContactResolution?> LookUpAsync(VoyadoConnection connection, string email, CancellationToken cancellationToken)
    {
        var response = await client.LookUpContactIdAsync(connection, email, cancellationToken);
        if (response.IsSuccess)
        {
            return VoyadoResponseReader.ContactIdFromLookup(response.Body) is { } contactId
                ? VoyadoContactResolution.Found(contactId, fromSavedId: false)
                : Failed("Contact lookup", DeliveryOutcome.Rejected(
                    $"HTTP {response.StatusCode} without a contact id in Engage's form (a GUID as a JSON string); the answer ({AnswerSize(response)}) is not kept, " +
                    "as it may hold the customer's data. Check the tenant URL and any proxy in between, then resend.", response.StatusCode));
        }
        return response.StatusCode switch
        {
            404 => null,
            // Several contacts share the email (MultipleMatches): the first listed one gets the order.
            409 => VoyadoResponseReader.FirstMultipleMatch(response.Body) is { } firstMatch
                ? VoyadoContactResolution.Found(firstMatch, fromSavedId: false)
                : Failed("Contact lookup", DeliveryOutcome.Rejected($"several contacts have this email and Engage listed none of them: {response.Outcome.Reason}", 409)),
            _ => Failed("Contact lookup", response.Outcome)
        };
    }

    private async Task<VoyadoContactResolution> CreateAsync(VoyadoConnection connection, VoyadoContactPayload newContact, CancellationToken cancellationToken)
    {
        var response = await client.CreateContactAsync(connection, newContact, cancellationToken);
        if (response.IsSuccess)
        {
            // The contact exists now even if its id cannot be read: the next attempt's lookup finds it.
            return VoyadoResponseReader.ContactIdFromCreated(response.Body) is { } contactId
                ? VoyadoContactResolution.Found(contactId, fromSavedId: false)
                : Failed("Contact creation", DeliveryOutcome.Retry(
                    $"HTTP {response.StatusCode} without a contact id in Engage's form (a GUID); the answer ({AnswerSize(response)}) is not kept, as it may hold the customer's data.",
                    response.StatusCode));
        }
        if (response.StatusCode != 409)
            return Failed("Contact creation", response.Outcome);

        // ApprovedContactWithKeyExists / ContactWithKeyIsBeingCreated: someone else created it meanwhile; look it up once more.
        return await LookUpAsync(connection, newContact.Email, cancellationToken)
               ?? Failed("Contact creation", DeliveryOutcome.Retry($"Engage is still creating the contact ({response.Outcome.Reason})", 409));
    }

    private static string AnswerSize(VendorResponse response) => $"{response.Body?.Length ?? 0} characters";

    private static VoyadoContactResolution Failed(string step, DeliveryOutcome outcome) =>
        VoyadoContactResolution.Failed(outcome with { Reason = DeliveryOutcome.Trim($"{step}: {outcome.Reason}") });
}
