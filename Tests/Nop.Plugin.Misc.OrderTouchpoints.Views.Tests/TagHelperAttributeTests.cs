using System.Reflection;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Nop.Web.Framework.TagHelpers.Admin;

namespace Nop.Plugin.Misc.OrderTouchpoints.Views.Tests;

/// <summary>
/// Razor binds tag helpers by element and attribute names; a misspelled attribute does not fail the
/// build, it silently becomes plain HTML (and a missing required one leaves the element unprocessed).
/// These tests hold every nop-* element of the views against the declared nopCommerce tag helpers.
/// </summary>
public class TagHelperAttributeTests
{
    private sealed record TagHelperShape(Type Type, IReadOnlyList<string> Required, IReadOnlyList<string> Bound);

    /// <summary>
    /// Attributes nopCommerce's NopCardTagHelper reads from the element unconditionally at run time
    /// (context.AllAttributes[...].Value): without them the admin page throws.
    /// </summary>
    private static readonly Dictionary<string, string[]> ReadAtRunTime = new()
    {
        ["nop-card"] = ["asp-title", "asp-hide", "asp-hide-block-attribute-name"]
    };

    /// <summary>Plain HTML attributes nopCommerce's tag helpers copy or read (NopNestedSettingTagHelper keeps an id).</summary>
    private static readonly Dictionary<string, string[]> PlainAttributes = new()
    {
        ["nop-nested-setting"] = ["id"]
    };

    private static readonly ILookup<string, TagHelperShape> TagHelpers = typeof(NopLabelTagHelper).Assembly.GetTypes()
        .Where(t => typeof(ITagHelper).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => t.GetCustomAttributes<HtmlTargetElementAttribute>().Select(target => (target.Tag, Shape: new TagHelperShape(t,
            (target.Attributes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            t.GetProperties().Select(p => p.GetCustomAttribute<HtmlAttributeNameAttribute>()?.Name).OfType<string>().ToList()))))
        .ToLookup(x => x.Tag, x => x.Shape);

    private static IEnumerable<NopElement> Elements() =>
        PluginViews.Sources().SelectMany(view => NopElementParser.Parse(view.Identifier, view.Source));

    [Test]
    public void The_views_use_nopCommerce_tag_helpers()
    {
        Assert.That(Elements().Select(e => e.Tag).Distinct(),
            Is.SupersetOf(new[] { "nop-label", "nop-editor", "nop-select", "nop-override-store-checkbox", "nop-nested-setting", "nop-card", "nop-cards" }));
    }

    [Test]
    public void Every_nop_element_has_a_declared_tag_helper_with_its_required_attributes()
    {
        var problems = new List<string>();
        foreach (var element in Elements())
        {
            var shapes = TagHelpers[element.Tag].ToList();
            if (shapes.Count == 0)
                problems.Add($"{element}: no tag helper declared for this element");
            else if (!shapes.Any(s => s.Required.All(element.Attributes.Contains)))
                problems.Add($"{element}: misses required attribute(s) {string.Join(", ", shapes.SelectMany(s => s.Required).Except(element.Attributes))}");
            var runtime = ReadAtRunTime.GetValueOrDefault(element.Tag, []).Except(element.Attributes).ToList();
            if (runtime.Count > 0)
                problems.Add($"{element}: misses {string.Join(", ", runtime)} (read unconditionally at run time)");
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_attribute_of_a_nop_element_is_one_its_tag_helper_binds()
    {
        var problems = new List<string>();
        foreach (var element in Elements())
        {
            var known = TagHelpers[element.Tag].SelectMany(s => s.Bound.Concat(s.Required))
                .Concat(PlainAttributes.GetValueOrDefault(element.Tag, []))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            problems.AddRange(element.Attributes.Where(a => !known.Contains(a)).Select(a => $"{element}: unknown attribute {a}"));
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void The_parser_reads_razor_code_inside_attribute_values()
    {
        var elements = NopElementParser.Parse("test", """
            <nop-editor asp-for="ApiKey" html-attributes="@(new { autocomplete = "new-password" })" />
            <nop-card asp-name='x' asp-hide="@(Model.A ? "a)" : "b")">
            """).ToList();

        Assert.That(elements.Select(e => e.Attributes), Is.EqualTo(new[]
        {
            new[] { "asp-for", "html-attributes" },
            new[] { "asp-name", "asp-hide" }
        }));
        Assert.That(elements.Select(e => e.Line), Is.EqualTo(new[] { 1, 2 }));
    }
}
