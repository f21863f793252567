using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Web.Framework.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

public class EncodedTextTests
{
    private static string Render(string resource, params object?[] args) => EncodedText.Format(new LocalizedString(resource), args).ToString()!;

    [Test]
    public void Markup_in_an_argument_reaches_the_page_as_text()
    {
        var html = Render("Would not be sent: {0}", "<script>alert('x')</script> & \"quoted\"");

        Assert.That(html, Is.EqualTo("Would not be sent: &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
    }

    [Test]
    public void The_resource_itself_keeps_its_markup_and_every_placeholder_is_filled()
    {
        var html = Render("Order <b>{0}</b> of store {1}", "A<1>", 3);

        Assert.That(html, Is.EqualTo("Order <b>A&lt;1&gt;</b> of store 3"));
    }

    [Test]
    public void A_missing_argument_is_shown_as_empty_text()
    {
        Assert.That(Render("Key ending {0}.", (object?)null), Is.EqualTo("Key ending ."));
    }
}
