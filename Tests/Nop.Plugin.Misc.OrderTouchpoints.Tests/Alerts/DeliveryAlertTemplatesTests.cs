using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Alerts;

/// <summary>The alert emails are nopCommerce message templates the owner can edit: created once, Italian where Italian is spoken, removed on uninstall.</summary>
public class DeliveryAlertTemplatesTests
{
    [Test]
    public async Task Both_templates_are_created_active_on_the_default_email_account_with_italian_texts()
    {
        var store = new AlertTemplateStore();
        await store.CreateTemplates(new Language { Id = 1, LanguageCulture = "en-US" }, new Language { Id = 2, LanguageCulture = "it-IT" }).EnsureAsync();

        Assert.That(store.Templates.Select(t => (t.Name, t.IsActive, t.EmailAccountId, t.LimitedToStores)), Is.EqualTo(new[]
        {
            ("OrderTouchpoints.DeliveryAlert", true, 3, false),
            ("OrderTouchpoints.DeliveryRecovered", true, 3, false)
        }));
        var alert = store.Templates[0];
        foreach (var token in new[] { "%OrderTouchpoints.Vendor%", "%OrderTouchpoints.Store%", "%OrderTouchpoints.FailedCount%",
                     "%OrderTouchpoints.FirstReason%", "%OrderTouchpoints.WaitingCount%", "%OrderTouchpoints.LogUrl%" })
            Assert.That(alert.Subject + alert.Body, Does.Contain(token));
        Assert.That(store.Localized[("OrderTouchpoints.DeliveryAlert", "Subject", 2)], Does.Contain("richiedono attenzione"));
        Assert.That(store.Localized[("OrderTouchpoints.DeliveryRecovered", "Body", 2)], Does.Contain("tornati regolari"));
        Assert.That(store.Localized.Keys.Select(k => k.LanguageId).Distinct(), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public async Task An_update_keeps_the_owners_edited_template_and_uninstall_removes_both()
    {
        var store = new AlertTemplateStore();
        var templates = store.CreateTemplates();
        await templates.EnsureAsync();
        store.Templates[0].Subject = "Edited by the owner";

        await templates.EnsureAsync();
        Assert.That(store.Templates, Has.Count.EqualTo(2));
        Assert.That(store.Templates[0].Subject, Is.EqualTo("Edited by the owner"));

        await templates.RemoveAsync();
        Assert.That(store.Templates, Is.Empty);
    }
}
