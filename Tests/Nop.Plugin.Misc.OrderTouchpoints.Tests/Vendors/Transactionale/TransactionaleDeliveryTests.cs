using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Services.Gdpr;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;

/// <summary>Placed orders sent to a fake Transactionale that checks docs/vendors.md §1 on every request.</summary>
public class TransactionaleDeliveryTests
{
    private TransactionaleTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await TransactionaleTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync()
    {
        Assert.That(_bed.Server.ContractViolations, Is.Empty, "contract violations");
        await _bed.DisposeAsync();
    }

    [Test]
    public async Task Registered_customer_gets_shop_country_customer_email_billing_first_name_and_shipping_zip()
    {
        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome, Is.EqualTo(DeliveryOutcome.Delivered(200)));
        var body = _bed.SingleBody();
        JsonAssert.HasExactKeys(body, "country", "email", "first_name", "zip_code");
        Assert.That(body.GetProperty("country").GetString(), Is.EqualTo("IT"));
        Assert.That(body.GetProperty("email").GetString(), Is.EqualTo("giulia.rossi@example.com"));
        Assert.That(body.GetProperty("first_name").GetString(), Is.EqualTo("Giulia"));
        Assert.That(body.GetProperty("zip_code").GetString(), Is.EqualTo("10121"));
        Assert.That(_bed.Server.Requests.Single().Body,
            Is.EqualTo("""{"country":"IT","email":"giulia.rossi@example.com","first_name":"Giulia","zip_code":"10121"}"""));
    }

    [Test]
    public async Task Guest_order_takes_email_from_the_billing_address()
    {
        var guest = new Customer { Id = 8 };
        _bed.Context.Shop.Customers.Add(guest);
        _bed.Context.Order.CustomerId = guest.Id;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
        var body = _bed.SingleBody();
        Assert.That(body.GetProperty("email").GetString(), Is.EqualTo("giulia.billing@example.com"));
        Assert.That(body.GetProperty("first_name").GetString(), Is.EqualTo("Giulia"));
    }

    [Test]
    public async Task First_name_falls_back_to_the_customer_and_zip_to_the_billing_address()
    {
        _bed.Context.Shop.Addresses.Single(a => a.Id == 100).FirstName = " ";
        _bed.Context.Shop.Customers.Single().FirstName = "Giuliana";
        _bed.Context.Order.ShippingAddressId = null;

        await _bed.DeliverAsync();

        var body = _bed.SingleBody();
        Assert.That(body.GetProperty("first_name").GetString(), Is.EqualTo("Giuliana"));
        Assert.That(body.GetProperty("zip_code").GetString(), Is.EqualTo("20121"));
    }

    [Test]
    public async Task Zip_code_key_is_left_out_when_no_address_has_one()
    {
        _bed.Context.Shop.Addresses.ForEach(a => a.ZipPostalCode = "");

        await _bed.DeliverAsync();

        JsonAssert.HasExactKeys(_bed.SingleBody(), "country", "email", "first_name");
    }

    [Test]
    public async Task Optional_toggles_add_last_name_phone_and_the_total_in_customer_currency()
    {
        _bed.Settings.SendLastName = true;
        _bed.Settings.SendPhone = true;
        _bed.Settings.SendTransactionValue = true;
        // 50.00 × 1.1337 = 56.685: exactly half a cent, rounded away from zero (banker's rounding would give 56.68).
        _bed.Context.Order.OrderTotal = 50.00m;

        await _bed.DeliverAsync();

        var body = _bed.SingleBody();
        JsonAssert.HasExactKeys(body, "country", "email", "first_name", "zip_code", "last_name", "phone", "transaction_value", "transaction_currency");
        Assert.That(body.GetProperty("last_name").GetString(), Is.EqualTo("Rossi"));
        Assert.That(body.GetProperty("phone").GetString(), Is.EqualTo("+39 02 1234567"));
        Assert.That(body.GetProperty("transaction_value").GetDecimal(), Is.EqualTo(56.69m));
        Assert.That(body.GetProperty("transaction_currency").GetString(), Is.EqualTo("EUR"));
    }

    [Test]
    public async Task Sample_order_with_every_toggle_on_is_sent_exactly_as_documented()
    {
        _bed.Settings.SendLastName = true;
        _bed.Settings.SendPhone = true;
        _bed.Settings.SendTransactionValue = true;

        await _bed.DeliverAsync();

        // 56.10 (primary currency) × 1.1337 = 63.600570 → 63.60 EUR.
        Assert.That(_bed.SingleBody().GetProperty("transaction_value").GetDecimal(), Is.EqualTo(63.60m));
        Assert.That(_bed.Server.Requests.Single().Body, Is.EqualTo(
            """{"country":"IT","email":"giulia.rossi@example.com","first_name":"Giulia","last_name":"Rossi","zip_code":"10121","phone":"+39 02 1234567","transaction_value":63.60,"transaction_currency":"EUR"}"""));
    }

    [Test]
    public async Task Unicode_names_arrive_unchanged_and_unescaped()
    {
        var billing = _bed.Context.Shop.Addresses.Single(a => a.Id == 100);
        billing.FirstName = "Zoë";
        billing.LastName = "Ångström-Łukasiewicz 山田";
        _bed.Settings.SendLastName = true;

        await _bed.DeliverAsync();

        var body = _bed.SingleBody();
        Assert.That(body.GetProperty("first_name").GetString(), Is.EqualTo("Zoë"));
        Assert.That(body.GetProperty("last_name").GetString(), Is.EqualTo("Ångström-Łukasiewicz 山田"));
        Assert.That(_bed.Server.Requests.Single().Body, Does.Contain("Ångström-Łukasiewicz 山田"));
    }

    [Test]
    public async Task A_store_that_requires_no_consent_never_builds_the_gdpr_service()
    {
        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
        Assert.That(_bed.Context.Shop.ServicesBuilt.GetValueOrDefault(typeof(IGdprService)), Is.Zero);
    }

    [Test]
    public async Task Required_consent_accepted_by_the_customer_lets_the_order_through()
    {
        _bed.Context.Shop.Consents.Add(new GdprConsent { Id = 3, Message = "I want offers from partners" });
        _bed.Context.Shop.ConsentAnswers[(3, 7)] = true;
        _bed.Settings.RequiredGdprConsentId = 3;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
        _bed.Context.Shop.GdprService.Verify(g => g.IsConsentAcceptedAsync(3, 7), Times.Once);
    }

    [TestCase(null, TestName = "Required consent never answered: cannot send, reason names the consent")]
    [TestCase(false, TestName = "Required consent declined: cannot send, reason names the consent")]
    public async Task Required_consent_not_accepted(bool? answer)
    {
        _bed.Context.Shop.Consents.Add(new GdprConsent { Id = 3, Message = "I want offers from partners" });
        if (answer is { } given)
            _bed.Context.Shop.ConsentAnswers[(3, 7)] = given;
        _bed.Settings.RequiredGdprConsentId = 3;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("Order 42").And.Contain("\"I want offers from partners\" (id 3)").And.Contain("not accepted"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Required_consent_that_was_deleted_is_reported_as_a_settings_problem()
    {
        _bed.Settings.RequiredGdprConsentId = 99;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("(id 99)").And.Contain("no longer exists"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Missing_email_cannot_be_sent_and_the_reason_names_the_order()
    {
        _bed.Context.Order.CustomOrderNumber = "2026-0042";
        _bed.Context.Shop.Customers.Single().Email = null!;
        _bed.Context.Shop.Addresses.Single(a => a.Id == 100).Email = "";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.StartWith("Order 2026-0042: neither the customer nor the billing address has an email"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [TestCase(null, "is not set")]
    [TestCase("  ", "is not set")]
    [TestCase("ITA", "is not a two-letter ISO 3166-1 code")]
    [TestCase("I1", "is not a two-letter ISO 3166-1 code")]
    public async Task Missing_or_invalid_shop_country_cannot_be_sent(string? country, string expected)
    {
        _bed.Settings.ShopCountryCode = country;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("shop country code").And.Contain(expected));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Deleted_order_cannot_be_sent()
    {
        _bed.Context.Order.Deleted = true;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("(id 42) no longer exists"));
    }

    [Test]
    public async Task Refusal_keeps_a_short_body_excerpt_as_the_reason()
    {
        _bed.Answer(_ => new FakeResponse(422, """{"error":"country not supported"}"""));

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.HttpStatus, Is.EqualTo(422));
        Assert.That(outcome.Reason, Is.EqualTo("""HTTP 422: {"error":"country not supported"}"""));
    }

    [Test]
    public async Task A_post_Transactionale_accepts_but_answers_after_the_attempt_timeout_fails_with_what_to_check_and_is_not_sent_again()
    {
        _bed.Context.DeliverySettings.AttemptTimeoutSeconds = 1;
        _bed.Answer(_ => new FakeResponse(200, "{}", Delay: TimeSpan.FromSeconds(3)));

        var outcome = await _bed.DeliverAsync();

        // Each accepted post is a mail to the customer and Transactionale documents no duplicate check.
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected), "not retried: a retry could mail the customer twice");
        Assert.That(outcome.Reason, Is.EqualTo(
            "Sent, no answer within 1 s. Transactionale may have it: Transactionale documents no duplicate check and would mail the customer twice, " +
            "so it is not sent again automatically. Check in Transactionale whether the mail for order id 42 (OrderPlaced) went out to the order's customer, " +
            "then resend it from the delivery log only if it is missing."));
        Assert.That(_bed.Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_refused_connection_is_retried_because_nothing_reached_Transactionale()
    {
        _bed.Settings.EndpointUrl = $"http://127.0.0.1:{ClosedPort.Find()}/api/v1/transaction";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.RetryLater));
        Assert.That(outcome.Reason, Does.StartWith("Connection failed: "));
    }
}
