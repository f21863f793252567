using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-card", Attributes = NAME_ATTRIBUTE_NAME)]
public partial class NopCardTagHelper : TagHelper
{
    protected const string NAME_ATTRIBUTE_NAME = "asp-name";
    protected const string TITLE_ATTRIBUTE_NAME = "asp-title";
    protected const string HIDE_BLOCK_ATTRIBUTE_NAME_ATTRIBUTE_NAME = "asp-hide-block-attribute-name";
    protected const string IS_HIDE_ATTRIBUTE_NAME = "asp-hide";
    protected const string IS_ADVANCED_ATTRIBUTE_NAME = "asp-advanced";
    protected const string CARD_ICON_ATTRIBUTE_NAME = "asp-icon";

    private NopCardTagHelper()
    {
    }

    [HtmlAttributeName(TITLE_ATTRIBUTE_NAME)]
    public string Title { get; set; }

    [HtmlAttributeName(NAME_ATTRIBUTE_NAME)]
    public string Name { get; set; }

    [HtmlAttributeName(HIDE_BLOCK_ATTRIBUTE_NAME_ATTRIBUTE_NAME)]
    public string HideBlockAttributeName { get; set; }

    [HtmlAttributeName(IS_HIDE_ATTRIBUTE_NAME)]
    public bool IsHide { get; set; }

    [HtmlAttributeName(IS_ADVANCED_ATTRIBUTE_NAME)]
    public bool IsAdvanced { get; set; }

    [HtmlAttributeName(CARD_ICON_ATTRIBUTE_NAME)]
    public string CardIconIsAdvanced { get; set; }
}
