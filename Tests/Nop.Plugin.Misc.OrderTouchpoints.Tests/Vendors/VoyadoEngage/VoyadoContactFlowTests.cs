using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>docs/vendors.md §2.1: which contact an order is posted for, and how many calls that takes.</summary>
public class VoyadoContactFlowTests
{
    private VoyadoTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await VoyadoTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    private FakeEngage Engage => _bed.Engage;

    [Test]
    public async Task New_customer_is_looked_up_created_saved_and_the_order_posted_for_the_new_id()
    {
        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.Requests.Select(r => $"{r.Method} {r.Path}"),
            Is.EqualTo(new[] { "GET /api/v2/contacts/id", "POST /api/v2/contacts", "POST /api/v2/orders" }));
        Assert.That(Engage.Lookups[0].Query, Is.EqualTo("?email=giulia.rossi%40example.com&contactType=Contact"));
        var created = Engage.ContactCreations[0];
        Assert.That(created.Header("source"), Is.EqualTo("ECOM"));
        Assert.That(created.Header("storeExternalId"), Is.EqualTo(VoyadoTestBed.StoreExternalId));
        var contactId = _bed.SavedContactId(7);
        Assert.That(contactId, Does.StartWith(VoyadoTestBed.CreatedContactPrefix));
        Assert.That(Engage.OrderPosts[0].Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo(contactId));
    }

    [Test]
    public async Task Existing_contact_found_by_lookup_is_used_and_saved_without_creating_one()
    {
        Engage.AddContact("giulia.rossi@example.com", "2e40b702-0000-4000-8000-000000000001");

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.ContactCreations, Is.Empty);
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("2e40b702-0000-4000-8000-000000000001"));
        Assert.That(Engage.OrderPosts.Single().Json.GetProperty("contact").GetProperty("matchKey").GetString(),
            Is.EqualTo("2e40b702-0000-4000-8000-000000000001"));
    }

    [Test]
    public async Task Known_customer_with_a_saved_id_is_posted_directly_without_lookup()
    {
        Engage.AddContact("giulia.rossi@example.com", "a000000c-0000-4000-8000-000000000012");
        _bed.SaveContactId(7, "a000000c-0000-4000-8000-000000000012");

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { "POST /api/v2/orders" }));
        Assert.That(Engage.OrderPosts[0].Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo("a000000c-0000-4000-8000-000000000012"));
    }

    [Test]
    public async Task An_id_saved_for_another_email_of_the_same_customer_is_not_used_the_order_email_is_looked_up()
    {
        // One guest record, two checkouts from its browser: Anna's order saved her contact, Giulia's order follows.
        Engage.AddContact("anna.bianchi@example.com", "a000000a-0000-4000-8000-000000000010");
        Engage.AddContact("giulia.rossi@example.com", "a000000d-0000-4000-8000-000000000013");
        _bed.SaveContactId(7, "a000000a-0000-4000-8000-000000000010", email: "anna.bianchi@example.com");

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { "GET /api/v2/contacts/id", "POST /api/v2/orders" }));
        Assert.That(Engage.Lookups[0].Query, Does.StartWith("?email=giulia.rossi%40example.com"));
        Assert.That(Engage.OrderPosts[0].Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo("a000000d-0000-4000-8000-000000000013"),
            "Giulia's order goes to Giulia's contact, never to Anna's");
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a000000d-0000-4000-8000-000000000013"));
    }

    [Test]
    public async Task An_id_saved_without_its_email_is_looked_up_once_then_used_directly()
    {
        Engage.AddContact("giulia.rossi@example.com", "a000000f-0000-4000-8000-000000000015");
        _bed.SaveBareContactId(7, "a000000f-0000-4000-8000-000000000015");

        var first = await _bed.DeliverAsync();
        var second = await _bed.DeliverAsync(TouchpointEvent.OrderPaid);

        Assert.That(new[] { first.Kind, second.Kind }, Has.All.EqualTo(OutcomeKind.Delivered), first.Reason + second.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.Requests.Select(r => $"{r.Method} {r.Path}"),
            Is.EqualTo(new[] { "GET /api/v2/contacts/id", "POST /api/v2/orders", "POST /api/v2/orders" }));
        Assert.That(Engage.OrderPosts.Select(p => p.Json.GetProperty("contact").GetProperty("matchKey").GetString()),
            Has.All.EqualTo("a000000f-0000-4000-8000-000000000015"));
    }

    [TestCase(MultipleMatchesShape.TopLevelIds)]
    [TestCase(MultipleMatchesShape.EnvelopeIds)]
    [TestCase(MultipleMatchesShape.EnvelopeContacts)]
    public async Task Multiple_matches_use_the_first_listed_contact(MultipleMatchesShape shape)
    {
        Engage.AddContact("giulia.rossi@example.com", "a0000002-0000-4000-8000-000000000002");
        Engage.AddContact("giulia.rossi@example.com", "a0000003-0000-4000-8000-000000000003");
        Engage.MatchesShape = shape;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.ContactCreations, Is.Empty);
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a0000002-0000-4000-8000-000000000002"));
        Assert.That(Engage.OrderPosts.Single().Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo("a0000002-0000-4000-8000-000000000002"));
    }

    [Test]
    public async Task Multiple_matches_sent_as_an_encoded_details_string_are_understood_too()
    {
        const string details = """{"MultipleMatchesFound":[{"contactId":"a0000004-0000-4000-8000-000000000004"},{"contactId":"a0000005-0000-4000-8000-000000000005"}]}""";
        Engage.Answer = request => request.Path == "/api/v2/contacts/id"
            ? FakeResponse.Json(409, System.Text.Json.JsonSerializer.Serialize(new { errorCode = "MultipleMatches", messageDetails = details }))
            : null;
        Engage.KnownContactIds["a0000004-0000-4000-8000-000000000004"] = "Contact";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a0000004-0000-4000-8000-000000000004"));
    }

    [Test]
    public async Task The_lookup_is_limited_to_the_configured_contact_type()
    {
        _bed.Settings[1].ContactType = "Contact";
        Engage.AddContact("giulia.rossi@example.com", "a0000006-0000-4000-8000-000000000006", "Member");
        Engage.AddContact("giulia.rossi@example.com", "a0000007-0000-4000-8000-000000000007", "Contact");

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        var lookup = Engage.Lookups.Single();
        Assert.That(lookup.Query, Is.EqualTo("?email=giulia.rossi%40example.com&contactType=Contact"));
        Assert.That(FakeEngage.LookedUpContactType(lookup), Is.EqualTo("Contact"));
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a0000007-0000-4000-8000-000000000007"));
        Assert.That(Engage.OrderPosts.Single().Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo("a0000007-0000-4000-8000-000000000007"));
    }

    [Test]
    public async Task Multiple_matches_that_list_nobody_reject_the_delivery()
    {
        Engage.Answer = request => request.Path == "/api/v2/contacts/id" ? FakeEngage.Error(409, "MultipleMatches", "Multiple contacts matched") : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("Contact lookup: several contacts have this email").And.Contain("MultipleMatches"));
        Assert.That(Engage.ContactCreations, Is.Empty);
        Assert.That(Engage.OrderPosts, Is.Empty);
    }

    [TestCase("ApprovedContactWithKeyExists")]
    [TestCase("ContactWithKeyIsBeingCreated")]
    public async Task Conflict_on_create_looks_the_contact_up_once_more(string errorCode)
    {
        // Another process creates the contact between our lookup and our create.
        Engage.Answer = request =>
        {
            if (request.Method != "POST" || request.Path != "/api/v2/contacts")
                return null;
            Engage.AddContact("giulia.rossi@example.com", "a0000008-0000-4000-8000-000000000008");
            return FakeEngage.Error(409, errorCode, "Contact already exists");
        };

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            "GET /api/v2/contacts/id", "POST /api/v2/contacts", "GET /api/v2/contacts/id", "POST /api/v2/orders"
        }));
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a0000008-0000-4000-8000-000000000008"));
        Assert.That(Engage.OrderPosts[0].Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo("a0000008-0000-4000-8000-000000000008"));
    }

    [TestCase(404)]
    [TestCase(422)]
    public async Task Stale_saved_id_is_dropped_resolved_once_and_the_order_posted_once_more(int unknownContactStatus)
    {
        _bed.SaveContactId(7, "a000000e-0000-4000-8000-000000000014");
        Engage.AddContact("giulia.rossi@example.com", "a0000009-0000-4000-8000-000000000009");
        Engage.KnownContactIds.TryRemove("a000000e-0000-4000-8000-000000000014", out _);
        Engage.UnknownContactStatus = unknownContactStatus;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            "POST /api/v2/orders", "GET /api/v2/contacts/id", "POST /api/v2/orders"
        }));
        Assert.That(Engage.OrderPosts.Select(p => p.Json.GetProperty("contact").GetProperty("matchKey").GetString()),
            Is.EqualTo(new[] { "a000000e-0000-4000-8000-000000000014", "a0000009-0000-4000-8000-000000000009" }));
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a0000009-0000-4000-8000-000000000009"));
    }

    [Test]
    public async Task Freshly_resolved_id_refused_as_unknown_is_rejected_without_a_second_post()
    {
        Engage.AddContact("giulia.rossi@example.com", "a000000a-0000-4000-8000-000000000010");
        Engage.KnownContactIds.TryRemove("a000000a-0000-4000-8000-000000000010", out _);

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("Order: HTTP 404").And.Contain("ContactNotFound"));
        Assert.That(Engage.OrderPosts, Has.Count.EqualTo(1));
        Assert.That(_bed.SavedContactId(7), Is.Null, "an id Engage refuses is not kept");
        Assert.That(Engage.Violations, Is.Empty);
    }

    [Test]
    public async Task Bad_request_on_lookup_rejects_the_delivery_with_the_vendor_reason_and_posts_nothing()
    {
        Engage.Answer = request => request.Path == "/api/v2/contacts/id"
            ? FakeEngage.Error(400, "InvalidEmail", "The email giulia.rossi@example.com is not valid")
            : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.HttpStatus, Is.EqualTo(400));
        Assert.That(outcome.Reason, Does.StartWith("Contact lookup: HTTP 400").And.Contain("InvalidEmail"));
        Assert.That(outcome.Reason, Does.Not.Contain("giulia.rossi@example.com"), "emails are masked in reasons");
        Assert.That(Engage.ContactCreations, Is.Empty);
        Assert.That(Engage.OrderPosts, Is.Empty);
        Assert.That(_bed.SavedContactId(7), Is.Null);
        Assert.That(Engage.Violations, Is.Empty);
    }

    [Test]
    public async Task Validation_error_on_create_rejects_the_delivery()
    {
        Engage.Answer = request => request.Method == "POST" && request.Path == "/api/v2/contacts"
            ? FakeEngage.Error(422, "ValidationError", "countryCode is not configured")
            : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("Contact creation: HTTP 422").And.Contain("ValidationError"));
        Assert.That(Engage.OrderPosts, Is.Empty);
    }

    [Test]
    public async Task Guest_without_customer_email_is_looked_up_by_billing_email_and_the_id_saved_on_the_guest()
    {
        var guest = new Customer { Id = 8, Email = null! };
        _bed.Shop.Customers.Add(guest);
        _bed.Order.CustomerId = 8;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(FakeEngage.LookedUpEmail(Engage.Lookups.Single()), Is.EqualTo("giulia.billing@example.com"));
        var contact = Engage.ContactCreations.Single().Json;
        Assert.That(contact.GetProperty("email").GetString(), Is.EqualTo("giulia.billing@example.com"));
        Assert.That(contact.GetProperty("firstName").GetString(), Is.EqualTo("Giulia"));
        Assert.That(_bed.SavedContactId(8), Does.StartWith(VoyadoTestBed.CreatedContactPrefix));
        Assert.That(_bed.SavedContactId(7), Is.Null);
    }

    [Test]
    public async Task Registered_customer_is_looked_up_by_the_account_email_not_the_billing_one()
    {
        await _bed.DeliverAsync();

        Assert.That(FakeEngage.LookedUpEmail(Engage.Lookups.Single()), Is.EqualTo("giulia.rossi@example.com"));
        Assert.That(Engage.ContactCreations.Single().Json.GetProperty("email").GetString(), Is.EqualTo("giulia.rossi@example.com"));
    }

    [Test]
    public async Task Email_with_plus_and_unicode_is_url_encoded_in_the_lookup()
    {
        _bed.Shop.Customers[0].Email = "zoë+orders@exämple.se";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.Lookups[0].Query, Is.EqualTo("?email=" + Uri.EscapeDataString("zoë+orders@exämple.se") + "&contactType=Contact"));
        Assert.That(FakeEngage.LookedUpEmail(Engage.Lookups[0]), Is.EqualTo("zoë+orders@exämple.se"));
    }

    [Test]
    public async Task No_email_at_all_cannot_be_sent_and_calls_nothing()
    {
        _bed.Shop.Customers[0].Email = null!;
        _bed.Shop.Addresses[0].Email = " ";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Is.EqualTo(OrderCannotSendReasons.NoEmail("42")));
        Assert.That(Engage.Requests, Is.Empty);
    }

    [Test]
    public async Task Each_store_keeps_its_own_contact_id()
    {
        await using var secondTenant = await FakeEngage.StartAsync();
        _bed.Shop.Stores.Add(new Store { Id = 2, Name = "Butik", DefaultLanguageId = 2 });
        _bed.Settings[2] = _bed.SettingsFor(secondTenant);
        _bed.SaveContactId(7, "a000000b-0000-4000-8000-000000000011", storeId: 1);
        Engage.AddContact("giulia.rossi@example.com", "a000000b-0000-4000-8000-000000000011");
        _bed.Order.StoreId = 2;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(secondTenant.Violations, Is.Empty);
        Assert.That(Engage.Requests, Is.Empty, "store 2 never calls store 1's tenant");
        Assert.That(secondTenant.Lookups, Has.Count.EqualTo(1), "store 2 does not reuse store 1's id");
        var store2Id = _bed.SavedContactId(7, storeId: 2);
        Assert.That(store2Id, Does.StartWith(VoyadoTestBed.CreatedContactPrefix));
        Assert.That(secondTenant.OrderPosts.Single().Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo(store2Id));
        Assert.That(_bed.SavedContactId(7, storeId: 1), Is.EqualTo("a000000b-0000-4000-8000-000000000011"));
    }

    [Test]
    public async Task Server_error_on_the_order_post_retries_later_after_exactly_one_post()
    {
        _bed.SaveContactId(7, "a000000c-0000-4000-8000-000000000012");
        Engage.AddContact("giulia.rossi@example.com", "a000000c-0000-4000-8000-000000000012");
        Engage.Answer = request => request.Path == "/api/v2/orders" ? FakeEngage.Error(500, "InternalError", "Something broke") : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(outcome.HttpStatus, Is.EqualTo(500));
        Assert.That(outcome.Reason, Does.StartWith("Order: HTTP 500"));
        Assert.That(Engage.OrderPosts, Has.Count.EqualTo(1), "Engage does not deduplicate: never a second post in one attempt");
        Assert.That(_bed.SavedContactId(7), Is.EqualTo("a000000c-0000-4000-8000-000000000012"));
        Assert.That(Engage.Violations, Is.Empty);
    }

    [Test]
    public async Task An_order_post_Engage_accepts_but_answers_after_the_attempt_timeout_fails_with_what_to_check_and_is_not_posted_again()
    {
        _bed.DeliverySettings.AttemptTimeoutSeconds = 1;
        _bed.SaveContactId(7, "a000000c-0000-4000-8000-000000000012");
        Engage.AddContact("giulia.rossi@example.com", "a000000c-0000-4000-8000-000000000012");
        Engage.Answer = request => request.Path == "/api/v2/orders" ? new FakeResponse(202, Delay: TimeSpan.FromSeconds(5)) : null;

        var outcome = await _bed.DeliverAsync();

        // Engage emails the customer for every accepted post and drops no repeat: a retry could be a second email.
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("Sent, no answer within 1 s. Voyado Engage may have it")
            .And.Contain("order id 42 (OrderPlaced)").And.EndWith("resend it from the delivery log only if it is missing."));
        Assert.That(outcome.Reason, Does.Not.Contain("@").And.Not.Contain(FakeEngage.ApiKey));
        Assert.That(Engage.OrderPosts, Has.Count.EqualTo(1));
        Assert.That(Engage.Violations, Is.Empty);
    }

    [Test]
    public async Task A_contact_lookup_without_an_answer_is_retried_because_asking_again_changes_nothing()
    {
        _bed.DeliverySettings.AttemptTimeoutSeconds = 1;
        Engage.AddContact("giulia.rossi@example.com", "2e40b702-0000-4000-8000-000000000001");
        var slow = true;
        Engage.Answer = request => slow && request.Path == "/api/v2/contacts/id" ? new FakeResponse(200, "\"2e40b702-0000-4000-8000-000000000001\"", Delay: TimeSpan.FromSeconds(5)) : null;

        var first = await _bed.DeliverAsync();
        slow = false;
        var second = await _bed.DeliverAsync();

        Assert.That(first.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(first.Reason, Is.EqualTo("Contact lookup: No answer within 1 s."));
        Assert.That(second.Kind, Is.EqualTo(OutcomeKind.Delivered), second.Reason);
        Assert.That(Engage.Lookups, Has.Count.EqualTo(2));
        Assert.That(Engage.OrderPosts, Has.Count.EqualTo(1));
        Assert.That(Engage.Violations, Is.Empty);
    }

    [Test]
    public async Task A_contact_creation_without_an_answer_is_retried_and_the_retry_finds_the_contact_instead_of_a_second_one()
    {
        _bed.DeliverySettings.AttemptTimeoutSeconds = 1;
        var slow = true;
        // Engage creates the contact, then answers too late.
        Engage.Answer = request => slow && request.Method == "POST" && request.Path == "/api/v2/contacts" ? new FakeResponse(201, "{}", Delay: TimeSpan.FromSeconds(5)) : null;

        var first = await _bed.DeliverAsync();
        slow = false;
        Engage.AddContact("giulia.rossi@example.com", "a000000d-0000-4000-8000-000000000013");
        var second = await _bed.DeliverAsync();

        Assert.That(first.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(first.Reason, Does.StartWith("Contact creation: No answer within 1 s."));
        Assert.That(second.Kind, Is.EqualTo(OutcomeKind.Delivered), second.Reason);
        Assert.That(Engage.ContactCreations, Has.Count.EqualTo(1), "the retry's lookup found the contact");
        Assert.That(Engage.OrderPosts.Single().Json.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo("a000000d-0000-4000-8000-000000000013"));
    }

    [Test]
    public async Task Rate_limited_lookup_retries_later_with_the_vendor_retry_after()
    {
        Engage.Answer = request => request.Path == "/api/v2/contacts/id"
            ? new FakeResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "30" })
            : null;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(outcome.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(Engage.OrderPosts, Is.Empty);
    }
}
