using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Views.Tests;

/// <summary>
/// nopCommerce's <c>T(key, args)</c> puts its arguments into the page unencoded, so views format resources
/// with arguments through <c>EncodedText.Format(T(key), args)</c>, which encodes them.
/// </summary>
public partial class ResourceArgumentEncodingTests
{
    [Test]
    public void No_view_passes_arguments_to_T()
    {
        var offenders = PluginViews.Sources()
            .SelectMany(view => TWithArguments().Matches(view.Source).Select(m => $"{view.Identifier}: {m.Value}"))
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void The_views_that_show_user_or_vendor_text_in_a_resource_encode_it()
    {
        var sources = PluginViews.Sources().ToDictionary(v => v.Identifier, v => v.Source);

        Assert.That(sources["/Views/_ApiKey.cshtml"], Does.Contain("EncodedText.Format(T(\"Plugins.Misc.OrderTouchpoints.Configure.ApiKey.SetEnding\"), Model.ApiKeyEnding)"));
        Assert.That(sources["/Views/_Preview.cshtml"], Does.Contain("EncodedText.Format(T(\"Plugins.Misc.OrderTouchpoints.Configure.Preview.CannotSend\"), result.CannotSendReason)"));
        Assert.That(sources["/Views/_Preview.cshtml"], Does.Contain("EncodedText.Format(T(\"Plugins.Misc.OrderTouchpoints.Configure.Preview.OrderNotFound\"), preview.OrderNumber)"));
    }

    /// <summary>A call of T whose first argument (a literal or an expression) is followed by a comma at the same depth.</summary>
    [GeneratedRegex(@"(?<![\w.])T\((?:""[^""]*""|[^(),""]+|\((?:[^()]|\([^()]*\))*\))+,")]
    private static partial Regex TWithArguments();
}
