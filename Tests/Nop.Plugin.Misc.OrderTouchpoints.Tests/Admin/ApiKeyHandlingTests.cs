using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>API keys are stored encrypted and never travel back to the browser; the page only says one is set.</summary>
public class ApiKeyHandlingTests
{
    private const string StoredKey = "trx-live-9f8e7d6c5b4a";
    private ConfigurePageHost _host = null!;

    [SetUp]
    public void StoreAKey()
    {
        _host = new ConfigurePageHost();
        _host.Settings.Seed(new OrderTouchpointsTransactionaleSettings { ApiKey = ConfigurePageHost.Encrypt(StoredKey) });
    }

    [Test]
    public async Task The_page_shows_only_that_a_key_is_set_and_its_last_four_characters()
    {
        var model = await _host.GetPageAsync();

        Assert.That(model.Transactionale.ApiKey, Is.Null);
        Assert.That(model.Transactionale.ApiKeyState, Is.EqualTo(ApiKeyState.Set));
        Assert.That(model.Transactionale.ApiKeyEnding, Is.EqualTo("5b4a"));
        Assert.That(model.Voyado.ApiKeyState, Is.EqualTo(ApiKeyState.None));
        Assert.That(JsonSerializer.Serialize(model), Does.Not.Contain(StoredKey).And.Not.Contain(ConfigurePageHost.Encrypt(StoredKey)));
    }

    [Test]
    public async Task A_short_key_shows_no_characters_at_all()
    {
        _host.Settings.Set<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, ConfigurePageHost.Encrypt("abc123"), 0);

        var model = await _host.GetPageAsync();

        Assert.That(model.Transactionale.ApiKeyState, Is.EqualTo(ApiKeyState.Set));
        Assert.That(model.Transactionale.ApiKeyEnding, Is.Null);
    }

    [TestCase("c2VhbGVkIHdpdGggYW5vdGhlciBrZXk=", TestName = "A key encrypted with another encryption key is reported as unreadable")]
    [TestCase("trx-live-pasted-in-plain-text", TestName = "A key pasted unencrypted through All settings (not Base64) is reported as unreadable, not a 500")]
    public async Task A_key_that_cannot_be_read_is_reported_as_such(string stored)
    {
        _host.Settings.Set<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, stored, 0);

        var model = await _host.GetPageAsync();

        Assert.That(model.Transactionale.ApiKeyState, Is.EqualTo(ApiKeyState.Unreadable));
        Assert.That(model.Transactionale.ApiKeyEnding, Is.Null);
    }

    [Test]
    public async Task A_new_key_is_stored_encrypted()
    {
        var model = await _host.GetPageAsync();
        model.Transactionale.ApiKey = "trx-new-key-1234567";

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 0),
            Is.EqualTo(ConfigurePageHost.Encrypt("trx-new-key-1234567")));
        _host.Encryption.Verify(e => e.EncryptText("trx-new-key-1234567", It.IsAny<string>()), Times.AtLeastOnce);
    }

    [Test]
    public async Task A_new_key_is_stored_without_the_spaces_and_line_breaks_of_a_paste()
    {
        var model = await _host.GetPageAsync();
        model.Transactionale.ApiKey = "  trx-new-key-1234567\r\n";

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 0),
            Is.EqualTo(ConfigurePageHost.Encrypt("trx-new-key-1234567")));
    }

    [TestCase("trx-new\u200B-key-1234567", 8, TestName = "A key with a pasted zero-width space is refused and nothing is saved")]
    [TestCase("trx-new key-1234567", 8, TestName = "A key with a space inside is refused and nothing is saved")]
    [TestCase("trx-new\u00A0key-1234567", 8, TestName = "A key with a non-breaking space inside is refused and nothing is saved")]
    [TestCase("trx-clé-1234567", 7, TestName = "A key with a non-ASCII letter is refused and nothing is saved")]
    [TestCase("\uFEFFtrx-new-key-1234567", 1, TestName = "A key led by a byte order mark is refused and nothing is saved")]
    public async Task A_key_outside_visible_ascii_is_refused(string typed, int position)
    {
        var model = await _host.GetPageAsync();
        model.Transactionale.ApiKey = typed;
        model.Transactionale.SendPhone = true;

        var (result, modelState) = await _host.PostAsync(model);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(modelState["Transactionale.ApiKey"]!.Errors.Select(e => e.ErrorMessage), Is.EqualTo(new[]
        {
            string.Format(ConfigurePageHost.English("Plugins.Misc.OrderTouchpoints.Validation.ApiKeyCharacters"), position)
        }));
        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 0), Is.EqualTo(ConfigurePageHost.Encrypt(StoredKey)));
        Assert.That(_host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0).SendPhone, Is.False, "nothing of the page was saved");
        Assert.That(_host.Settings.CacheClears, Is.Zero, "no setting was written");
    }

    [Test]
    public async Task Every_visible_ascii_character_is_accepted_in_a_key()
    {
        var everyVisible = new string(Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(c => (char)c).ToArray());
        var model = await _host.GetPageAsync();
        model.Transactionale.ApiKey = everyVisible;

        var (_, modelState) = await _host.PostAsync(model);

        Assert.That(modelState.IsValid, Is.True);
        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 0), Is.EqualTo(ConfigurePageHost.Encrypt(everyVisible)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task A_blank_key_field_keeps_the_stored_key(string? typed)
    {
        var model = await _host.GetPageAsync();
        model.Transactionale.ApiKey = typed;
        model.Transactionale.SendPhone = true;

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 0), Is.EqualTo(ConfigurePageHost.Encrypt(StoredKey)));
        Assert.That(_host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0).SendPhone, Is.True);
    }

    [Test]
    public async Task A_blank_key_field_at_a_store_keeps_that_stores_own_key()
    {
        _host.Settings.Set<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, ConfigurePageHost.Encrypt("store-4-key-abcdef"), 4);
        _host.StoreScope = 4;
        var model = await _host.GetPageAsync();
        Assert.That(model.Transactionale.ApiKey_OverrideForStore, Is.True);
        Assert.That(model.Transactionale.ApiKeyEnding, Is.EqualTo("cdef"));

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 4), Is.EqualTo(ConfigurePageHost.Encrypt("store-4-key-abcdef")));
        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 0), Is.EqualTo(ConfigurePageHost.Encrypt(StoredKey)));
    }

    [Test]
    public async Task A_ticked_key_box_left_blank_at_a_store_without_its_own_key_copies_nothing_and_the_store_follows_all_stores()
    {
        _host.StoreScope = 4;
        var model = await _host.GetPageAsync();
        Assert.That(model.Transactionale.ApiKey_OverrideForStore, Is.False);
        model.Transactionale.ApiKey_OverrideForStore = true;
        model.Transactionale.SendPhone_OverrideForStore = true;
        model.Transactionale.SendPhone = true;

        var (_, modelState) = await _host.PostAsync(model);

        Assert.That(modelState.IsValid, Is.True);
        Assert.That(_host.Settings.Exists<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 4), Is.False, "no copy of the all-stores key");
        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendPhone, 4), Is.True);
        Assert.That((await _host.GetPageAsync()).Transactionale.ApiKey_OverrideForStore, Is.False);

        _host.StoreScope = 0;
        var shared = await _host.GetPageAsync();
        shared.Transactionale.ApiKey = "trx-rotated-0000aaaa";
        await _host.PostAsync(shared);
        Assert.That(_host.Settings.Load<OrderTouchpointsTransactionaleSettings>(4).ApiKey, Is.EqualTo(ConfigurePageHost.Encrypt("trx-rotated-0000aaaa")));
    }

    [Test]
    public async Task Clear_removes_the_stored_key_even_when_a_new_one_is_typed()
    {
        var model = await _host.GetPageAsync();
        model.Transactionale.ClearApiKey = true;
        model.Transactionale.ApiKey = "typed-but-cleared-123";

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ApiKey, 0), Is.Null);
        Assert.That((await _host.GetPageAsync()).Transactionale.ApiKeyState, Is.EqualTo(ApiKeyState.None));
    }

    [Test]
    public async Task A_refused_save_never_echoes_the_typed_key_into_the_page()
    {
        const string typed = "voy-typed-secret-42";
        var model = await _host.GetPageAsync();
        model.Voyado.Enabled = true;
        model.Voyado.ApiKey = typed;
        model.Transactionale.ApiKey = typed;
        var controller = _host.CreateController();
        // What MVC's binder would have recorded for the posted fields.
        controller.ModelState.SetModelValue("Voyado.ApiKey", typed, typed);
        controller.ModelState.SetModelValue("Transactionale.ApiKey", typed, typed);

        var result = (ViewResult)await controller.Configure(model);

        Assert.That(controller.ModelState.IsValid, Is.False, "Voyado is enabled without tenant URL or store id");
        var shown = (ConfigurationModel)result.Model!;
        Assert.That(shown.Voyado.ApiKey, Is.Null);
        Assert.That(shown.Transactionale.ApiKey, Is.Null);
        Assert.That(JsonSerializer.Serialize(shown), Does.Not.Contain(typed));
        foreach (var field in new[] { "Voyado.ApiKey", "Transactionale.ApiKey" })
        {
            Assert.That(controller.ModelState[field]!.AttemptedValue, Is.Null, field);
            Assert.That(controller.ModelState[field]!.RawValue, Is.Null, field);
        }
        Assert.That(_host.Settings.Load<OrderTouchpointsVoyadoSettings>(0).ApiKey, Is.Null, "nothing was saved");
    }

    [Test]
    public void The_key_field_is_a_password_input_that_nopCommerce_does_not_trim()
    {
        var property = typeof(VendorModel).GetProperty(nameof(VendorModel.ApiKey))!;

        Assert.That(property.GetCustomAttributes(typeof(Nop.Web.Framework.Mvc.NoTrimAttribute), true), Is.Not.Empty);
        var dataType = (System.ComponentModel.DataAnnotations.DataTypeAttribute)property
            .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DataTypeAttribute), true).Single();
        Assert.That(dataType.DataType, Is.EqualTo(System.ComponentModel.DataAnnotations.DataType.Password));
    }
}
