using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Connections;

/// <summary>
/// A stored reason carries no personal data: what a vendor echoes of the request (names, phone, email) is masked, and so
/// is any run of 7 or more digits or phone-like sequence. The sample customer is Giulia Rossi, +39 02 1234567.
/// </summary>
public class EchoedPersonalDataTests
{
    private static readonly string[] Personal = ["Giulia", "Rossi", "giulia", "1234567", "example.com"];

    [Test]
    public async Task Transactionale_reason_masks_the_echoed_names_phone_and_email()
    {
        await using var bed = await TransactionaleTestBed.StartAsync();
        bed.Settings.SendLastName = true;
        bed.Settings.SendPhone = true;
        bed.Answer(_ => new FakeResponse(422,
            """{"error":"first_name 'GIULIA' with last_name Rossi is not valid for giulia.rossi@example.com (phone +39 02 1234567, also 39021234567)"}"""));

        var outcome = await bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Is.EqualTo(
            """HTTP 422: {"error":"first_name '[personal data]' with last_name [personal data] is not valid for [email] (phone [personal data], also [number])"}"""));
    }

    [Test]
    public async Task VTmarketing_reason_masks_the_echoed_names_and_a_phone_written_differently()
    {
        await using var bed = await VtMarketingTestBed.StartAsync();
        bed.Answer(_ => new FakeResponse(400,
            """{"errors":[{"message":"Invalid user","description":"Giulia Rossi (tel 02-123-4567) is blocked"}]}"""));

        var outcome = await bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Is.EqualTo("HTTP 400: Invalid user: [personal data] [personal data] (tel [number]) is blocked"));
    }

    [Test]
    public async Task Engage_contact_creation_reason_masks_the_echoed_contact()
    {
        await using var bed = await VoyadoTestBed.StartAsync();
        bed.Engage.Answer = request => request.Method == "POST" && request.Path == "/api/v2/contacts"
            ? FakeResponse.Json(422, """{"errorCode":"ValidationError","message":"firstName Giulia, lastName ROSSI: email giulia.rossi@example.com already used by member 4471234567"}""")
            : null;

        var outcome = await bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("Contact creation: HTTP 422: "));
        foreach (var value in Personal)
            Assert.That(outcome.Reason, Does.Not.Contain(value).IgnoreCase);
        Assert.That(outcome.Reason, Does.Contain("ValidationError"), "the vendor's own words stay");
    }

    [Test]
    public async Task Engage_contact_creation_reason_masks_the_echoed_postcode_and_city()
    {
        await using var bed = await VoyadoTestBed.StartAsync();
        bed.Engage.Answer = request => request.Method == "POST" && request.Path == "/api/v2/contacts"
            ? FakeResponse.Json(422, """{"errorCode":"ValidationError","message":"zipCode 20121 does not match city Milano for countryCode IT"}""")
            : null;

        var outcome = await bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.Contain("zipCode [personal data] does not match city [personal data] for countryCode IT"));
        Assert.That(outcome.Reason, Does.Not.Contain("20121").And.Not.Contain("Milano"));
    }

    [Test]
    public async Task Transactionale_reason_masks_the_echoed_postcode()
    {
        await using var bed = await TransactionaleTestBed.StartAsync();
        bed.Answer(_ => new FakeResponse(422, """{"error":"zip_code 10121 is not valid for country IT"}"""));

        var outcome = await bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Is.EqualTo("""HTTP 422: {"error":"zip_code [personal data] is not valid for country IT"}"""));
    }

    [Test]
    public async Task VTmarketing_reason_masks_the_echoed_city()
    {
        await using var bed = await VtMarketingTestBed.StartAsync();
        bed.Answer(_ => new FakeResponse(400, """{"errors":[{"message":"Invalid user","description":"city Milano is not in country Italy"}]}"""));

        var outcome = await bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Is.EqualTo("HTTP 400: Invalid user: city [personal data] is not in country Italy"));
    }

    [Test]
    public async Task Engage_lookup_reason_masks_the_email_a_refusal_quotes_from_the_lookup_url()
    {
        await using var bed = await VoyadoTestBed.StartAsync();
        // A gateway in front of the tenant quoting the request line: the email is there only percent-encoded.
        bed.Engage.Answer = request => request.Path == "/api/v2/contacts/id"
            ? new FakeResponse(400, $"<html><body>Bad request: GET {request.Path}{request.Query}</body></html>")
            : null;

        var outcome = await bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.Contain("GET /api/v2/contacts/id?email=[email]&contactType=Contact"));
        foreach (var value in Personal)
            Assert.That(outcome.Reason, Does.Not.Contain(value).IgnoreCase);
    }

    [TestCase("lookup ?email=giulia.rossi%40example.com&contactType=Contact failed", "lookup ?email=[email]&contactType=Contact failed")]
    [TestCase("to: GIULIA%2Bshop%40EXAMPLE.COM", "to: [email]")]
    [TestCase("email giulia.rossi@example.com", "email [email]")]
    [TestCase("discount 40% off, code %40SALE", "discount 40% off, code %40SALE")]
    public void Emails_are_masked_written_plainly_or_percent_encoded(string text, string expected) =>
        Assert.That(VendorErrorText.Clean(text), Is.EqualTo(expected));

    [TestCase("contact 2e40b702-0000-4000-8000-000000000001 unknown", "contact 2e40b702-0000-4000-8000-000000000001 unknown")]
    [TestCase("createdDate 2026-11-20T09:30:00Z is in the future", "createdDate 2026-11-20T09:30:00Z is in the future")]
    [TestCase("proxy 192.168.100.200 refused", "proxy 192.168.100.200 refused")]
    [TestCase("HTTP 400: order 42 has 3 lines", "HTTP 400: order 42 has 3 lines")]
    [TestCase("customer number 12345678 blocked", "customer number [number] blocked")]
    [TestCase("call (02) 1234 5678 or +1-555-123-4567", "call [number] or [number]")]
    public void Long_digit_runs_and_phone_numbers_are_masked_but_ids_dates_and_addresses_stay(string text, string expected) =>
        Assert.That(VendorErrorText.Clean(text), Is.EqualTo(expected));

    [Test]
    public void A_longer_name_is_masked_whole_and_a_name_inside_another_word_is_left()
    {
        var masked = VendorErrorText.MaskEchoes("Anna Maria Annabelle: Anna", ["Anna", "Anna Maria"]);

        Assert.That(masked, Is.EqualTo("[personal data] Annabelle: [personal data]"));
    }
}
