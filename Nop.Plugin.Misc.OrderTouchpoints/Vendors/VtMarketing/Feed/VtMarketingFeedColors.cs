using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Catalog;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// The <c>Color</c> cell of a feed row, from the attribute the store owner picked (<see cref="FeedColorSource"/>), in
/// the feed's language. A product's row lists every value it offers (comma-separated, like the feed's other lists);
/// a variation row the value of its attribute combination. Empty when nothing is picked or the product has none.
/// </summary>
public class VtMarketingFeedColors(
    IProductAttributeService productAttributeService,
    IProductAttributeParser productAttributeParser,
    ISpecificationAttributeService specificationAttributeService,
    ILocalizationService localizationService)
{
    private const string ListSeparator = ",";

    public async Task<string> ForProductAsync(FeedColorSource source, int productId, int languageId)
    {
        if (!source.IsSet)
            return string.Empty;
        if (source.Kind == FeedColorKind.SpecificationAttribute)
            return await SpecificationColorAsync(source.AttributeId, productId, languageId);

        var names = new List<string>();
        foreach (var mapping in await MappingsAsync(source.AttributeId, productId))
            names.AddRange(await NamesAsync(await productAttributeService.GetProductAttributeValuesAsync(mapping.Id), languageId));
        return Join(names);
    }

    /// <summary>A variation's colour: the value its combination chose; a specification attribute is the product's.</summary>
    public async Task<string> ForCombinationAsync(FeedColorSource source, int productId, string? attributesXml, int languageId)
    {
        if (!source.IsSet)
            return string.Empty;
        if (source.Kind == FeedColorKind.SpecificationAttribute)
            return await SpecificationColorAsync(source.AttributeId, productId, languageId);
        if (string.IsNullOrEmpty(attributesXml))
            return string.Empty;

        var names = new List<string>();
        foreach (var mapping in await MappingsAsync(source.AttributeId, productId))
            names.AddRange(await NamesAsync(await productAttributeParser.ParseProductAttributeValuesAsync(attributesXml, mapping.Id), languageId));
        return Join(names);
    }

    private async Task<IEnumerable<ProductAttributeMapping>> MappingsAsync(int productAttributeId, int productId) =>
        (await productAttributeService.GetProductAttributeMappingsByProductIdAsync(productId)).Where(m => m.ProductAttributeId == productAttributeId);

    private async Task<string> SpecificationColorAsync(int specificationAttributeId, int productId, int languageId)
    {
        var optionIds = (await specificationAttributeService.GetProductSpecificationAttributesAsync(productId))
            .Select(a => a.SpecificationAttributeOptionId).Distinct().ToArray();
        if (optionIds.Length == 0)
            return string.Empty;
        var options = (await specificationAttributeService.GetSpecificationAttributeOptionsByIdsAsync(optionIds))
            .Where(o => o.SpecificationAttributeId == specificationAttributeId);
        var names = new List<string>();
        foreach (var option in options)
            names.Add(await localizationService.GetLocalizedAsync(option, o => o.Name, languageId) ?? option.Name);
        return Join(names);
    }

    private async Task<IEnumerable<string>> NamesAsync(IEnumerable<ProductAttributeValue> values, int languageId)
    {
        var names = new List<string>();
        foreach (var value in values)
            names.Add(await localizationService.GetLocalizedAsync(value, v => v.Name, languageId) ?? value.Name);
        return names;
    }

    // A comma inside one colour name would split it in VTmarketing's list cell.
    private static string Join(IEnumerable<string> names) =>
        string.Join(ListSeparator, names.Select(n => HtmlText.SingleLine(n.Replace(ListSeparator, " ")).Trim()).Where(n => n.Length > 0).Distinct());
}
