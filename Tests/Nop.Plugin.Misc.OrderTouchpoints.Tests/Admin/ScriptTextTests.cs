using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>Texts written into the delivery log's script: letters stay letters, nothing can end the string or the script.</summary>
public class ScriptTextTests
{
    private static string Literal(string text) => ScriptText.Literal(text).ToString()!;

    [Test]
    public void The_italian_resend_alert_keeps_its_accented_letter()
    {
        var italian = LocaleResources.All.Single(t => t.Key == "Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendSelected.Failed").Italian;

        Assert.That(Literal(italian), Is.EqualTo("\"Non è stato possibile rimettere in coda gli invii selezionati.\""));
    }

    [Test]
    public void Quotes_or_markup_in_a_text_cannot_end_the_string_or_the_script()
    {
        var literal = Literal("l'ordine \"A\" </script><b>&");

        Assert.That(literal, Does.Not.Contain("</script>").And.Not.Contain("<b>").And.Not.Contain("'").And.Not.Contain("&"));
    }

    [Test]
    public void A_text_with_quotes_or_markup_reads_back_unchanged_from_its_literal()
    {
        Assert.That(System.Text.Json.JsonSerializer.Deserialize<string>(Literal("l'ordine \"A\" </script><b>&")), Is.EqualTo("l'ordine \"A\" </script><b>&"));
    }
}
