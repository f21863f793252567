using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;

/// <summary>
/// Transactionale needs a consent rule before it can be enabled (a GDPR consent to require, or an explicit
/// "send without a consent check"); installs from before the rule keep sending, now explicitly.
/// </summary>
public class TransactionaleConsentRuleTests
{
    private ConfigurePageHost _host = null!;

    [SetUp]
    public void SetUp()
    {
        _host = ConfigurePageHost.WithInstalledDefaults();
    }

    private async Task<(IActionResult Result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState)> EnableAsync(int consentId, bool withoutCheck)
    {
        var model = await _host.GetPageAsync();
        model.Transactionale.Enabled = true;
        model.Transactionale.ApiKey = "trx-key-0123456789";
        model.Transactionale.ShopCountryCode = "IT";
        model.Transactionale.RequiredGdprConsentId = consentId;
        model.Transactionale.SendWithoutConsentCheck = withoutCheck;
        return await _host.PostAsync(model);
    }

    [Test]
    public async Task Enabling_without_a_consent_rule_is_refused_with_a_reason_on_the_consent_field()
    {
        var (_, modelState) = await EnableAsync(consentId: 0, withoutCheck: false);

        Assert.That(modelState["Transactionale.RequiredGdprConsentId"]!.Errors.Single().ErrorMessage, Does.Contain("Send without a consent check"));
        Assert.That(_host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0).Enabled, Is.False, "nothing saved");
    }

    [TestCase(5, false)]
    [TestCase(0, true)]
    public async Task Either_choice_lets_the_vendor_be_enabled(int consentId, bool withoutCheck)
    {
        var (_, modelState) = await EnableAsync(consentId, withoutCheck);

        Assert.That(modelState.IsValid, Is.True);
        var saved = _host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0);
        Assert.That((saved.Enabled, saved.RequiredGdprConsentId, saved.SendWithoutConsentCheck), Is.EqualTo((true, consentId, withoutCheck)));
    }

    [Test]
    public async Task Both_choices_at_once_are_refused()
    {
        var (_, modelState) = await EnableAsync(consentId: 5, withoutCheck: true);

        Assert.That(modelState["Transactionale.SendWithoutConsentCheck"]!.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_page_says_which_rule_applies()
    {
        var notChosen = (await _host.GetPageAsync()).Transactionale;
        await EnableAsync(consentId: 5, withoutCheck: false);
        var required = (await _host.GetPageAsync()).Transactionale;
        _host.Settings.Set<OrderTouchpointsTransactionaleSettings, int>(s => s.RequiredGdprConsentId, 0, 0);
        _host.Settings.Set<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendWithoutConsentCheck, true, 0);
        var without = (await _host.GetPageAsync()).Transactionale;

        Assert.That((notChosen.ConsentRuleMissing, notChosen.ConsentRuleText), Is.EqualTo((true,
            "Consent rule: not chosen. Transactionale's mail carries offers: pick the GDPR consent customers must have accepted, or tick \"Send without a consent check\", before enabling it.")));
        Assert.That((required.ConsentRuleMissing, required.ConsentRuleText),
            Is.EqualTo((false, "Consent rule: only customers who accepted \"Offers from partners\" are sent to Transactionale.")));
        Assert.That(without.ConsentRuleText, Does.StartWith("Consent rule: every order is sent to Transactionale without a consent check"));
    }

    [Test]
    public async Task A_store_without_a_rule_queues_and_sends_nothing_and_says_why()
    {
        var context = new ChannelTestContext();
        await using var server = await FakeVendorServer.StartAsync(_ => new FakeResponse(201));
        var bed = new TransactionaleTestBed(context, server, "trx-key");
        bed.Settings.SendWithoutConsentCheck = false;

        var active = await bed.CreateChannel().IsActiveForAsync(ChannelTestContext.StoreId, TouchpointEvent.OrderPlaced);
        var outcome = await bed.DeliverAsync();

        Assert.That(active, Is.False);
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Is.EqualTo(TransactionaleConsentRule.NotChosenProblem));
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public async Task Upgrade_gives_enabled_stores_without_a_consent_the_explicit_send_without_check_and_leaves_the_rest()
    {
        var store = new InMemorySettingStore();
        // All stores: enabled, no consent (the old default meaning "send every order"). Store 1 inherits that;
        // store 2 requires a consent of its own; store 3 overrides Enabled off; store 4 is enabled only on its own.
        store.Seed(new OrderTouchpointsTransactionaleSettings { Enabled = true, ShopCountryCode = "IT" });
        store.Set<OrderTouchpointsTransactionaleSettings, int>(s => s.RequiredGdprConsentId, 5, 2);
        store.Set<OrderTouchpointsTransactionaleSettings, bool>(s => s.Enabled, false, 3);
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 1 }, new Store { Id = 2 }, new Store { Id = 3 }]);
        var upgrade = new TransactionaleConsentUpgrade(store.Mock.Object, stores.Object);

        var upgraded = await upgrade.ApplyAsync();

        Assert.That(upgraded, Is.EqualTo(new[] { 0 }), "only all stores needed it; store 1 inherits the saved choice");
        Assert.That(store.Stored<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendWithoutConsentCheck, 0), Is.True);
        Assert.That(TransactionaleConsentRule.ModeOf(store.Load<OrderTouchpointsTransactionaleSettings>(1)), Is.EqualTo(TransactionaleConsentMode.WithoutConsentCheck));
        Assert.That(TransactionaleConsentRule.ModeOf(store.Load<OrderTouchpointsTransactionaleSettings>(2)), Is.EqualTo(TransactionaleConsentMode.ConsentRequired));
        Assert.That(store.CacheClears, Is.EqualTo(1));
        Assert.That(await upgrade.ApplyAsync(), Is.Empty, "running it again changes nothing");
    }

    [Test]
    public async Task Upgrade_of_all_stores_gives_no_value_of_its_own_to_a_store_that_only_inherits_even_through_the_settings_cache()
    {
        // Reads go through a cached copy of the table, as in nopCommerce, so the all-stores write is seen by the
        // store reads only if the upgrade clears the cache in between.
        var store = new InMemorySettingStore { CachesReads = true };
        store.Seed(new OrderTouchpointsTransactionaleSettings { Enabled = true, ShopCountryCode = "IT" });
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 1 }, new Store { Id = 2 }]);

        var upgraded = await new TransactionaleConsentUpgrade(store.Mock.Object, stores.Object).ApplyAsync();

        Assert.That(upgraded, Is.EqualTo(new[] { 0 }));
        Assert.That(store.Exists<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendWithoutConsentCheck, 1), Is.False,
            "store 1 keeps inheriting, so a later all-stores choice still applies to it");
        Assert.That(store.Exists<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendWithoutConsentCheck, 2), Is.False);
        Assert.That(TransactionaleConsentRule.ModeOf(store.Load<OrderTouchpointsTransactionaleSettings>(1)), Is.EqualTo(TransactionaleConsentMode.WithoutConsentCheck));
    }

    [Test]
    public async Task Upgrade_of_a_store_enabled_on_its_own_saves_the_choice_for_that_store_only()
    {
        var store = new InMemorySettingStore();
        store.Seed(new OrderTouchpointsTransactionaleSettings());
        store.Set<OrderTouchpointsTransactionaleSettings, bool>(s => s.Enabled, true, 4);
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 4 }, new Store { Id = 5 }]);

        var upgraded = await new TransactionaleConsentUpgrade(store.Mock.Object, stores.Object).ApplyAsync();

        Assert.That(upgraded, Is.EqualTo(new[] { 4 }));
        Assert.That(store.Exists<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendWithoutConsentCheck, 4), Is.True);
        Assert.That(TransactionaleConsentRule.ModeOf(store.Load<OrderTouchpointsTransactionaleSettings>(5)), Is.EqualTo(TransactionaleConsentMode.NotChosen),
            "a disabled store chooses when it is enabled");
    }
}
