using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// A contact id is taken from Engage only in its own form (docs/vendors.md §2.1: a GUID as a JSON string, quotes
/// included): anything else in a 200 answer fails the delivery with a reason that does not repeat the answer.
/// </summary>
public class VoyadoContactIdFormTests
{
    private VoyadoTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await VoyadoTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    [TestCase("\"not-a-contact-id\"")]
    [TestCase("2e40b702-0000-4000-8000-000000000001")]
    [TestCase("{\"id\":\"2e40b702-0000-4000-8000-000000000001\",\"firstName\":\"Giulia\",\"email\":\"giulia.rossi@example.com\"}")]
    [TestCase("\"2e40b702-0000-4000-8000-000000000001-Giulia-Rossi-giulia.rossi@example.com\"")]
    [TestCase("<html><body>Welcome back, Giulia Rossi</body></html>")]
    [TestCase("\"\"")]
    public async Task A_200_lookup_answer_without_an_id_in_Engage_form_fails_without_repeating_the_answer(string answer)
    {
        _bed.Engage.Answer = request => request.Path == "/api/v2/contacts/id" ? FakeResponse.Json(200, answer) : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("Contact lookup: HTTP 200 without a contact id in Engage's form (a GUID as a JSON string)"));
        Assert.That(outcome.Reason, Does.Not.Contain("Giulia").And.Not.Contain("giulia").And.Not.Contain("not-a-contact-id").And.Not.Contain("2e40b702"));
        Assert.That(_bed.SavedContactId(7), Is.Null, "nothing is saved on the customer");
        Assert.That(_bed.Engage.OrderPosts, Is.Empty);
        Assert.That(_bed.Engage.ContactCreations, Is.Empty);
    }

    [Test]
    public async Task A_GUID_in_quotes_with_whitespace_around_it_is_the_contact()
    {
        _bed.Engage.AddContact("giulia.rossi@example.com", "2E40B702-0000-4000-8000-000000000001");
        _bed.Engage.Answer = request => request.Path == "/api/v2/contacts/id" ? FakeResponse.Json(200, " \"2E40B702-0000-4000-8000-000000000001\"\n") : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("2E40B702-0000-4000-8000-000000000001"));
    }

    [Test]
    public async Task Multiple_matches_skip_entries_that_are_not_ids()
    {
        const string answer = """{"multipleMatchesFound":["Giulia Rossi","a0000002-0000-4000-8000-000000000002"]}""";
        _bed.Engage.AddContact("other@example.com", "a0000002-0000-4000-8000-000000000002");
        _bed.Engage.Answer = request => request.Path == "/api/v2/contacts/id" ? FakeResponse.Json(409, answer) : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a0000002-0000-4000-8000-000000000002"));
    }

    [TestCase("2e40b702-9a1b-4c6e-a7f0-0123456789ab", true)]
    [TestCase("2e40b7029a1b4c6ea7f00123456789ab", true)]
    [TestCase("{2e40b702-9a1b-4c6e-a7f0-0123456789ab}", false)]
    [TestCase("2e40b702-9a1b-4c6e-a7f0-0123456789ab0", false)]
    [TestCase("zz40b702-9a1b-4c6e-a7f0-0123456789ab", false)]
    [TestCase("giulia.rossi@example.com", false)]
    [TestCase(null, false)]
    public void Only_GUIDs_are_contact_ids(string? value, bool isId) =>
        Assert.That(VoyadoResponseReader.AsContactId(value), isId ? Is.EqualTo(value) : Is.Null);
}
