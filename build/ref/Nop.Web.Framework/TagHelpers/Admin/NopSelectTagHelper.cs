using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-select", TagStructure = TagStructure.WithoutEndTag)]
public partial class NopSelectTagHelper : TagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string NAME_ATTRIBUTE_NAME = "asp-for-name";
    protected const string ITEMS_ATTRIBUTE_NAME = "asp-items";
    protected const string MULTIPLE_ATTRIBUTE_NAME = "asp-multiple";
    protected const string REQUIRED_ATTRIBUTE_NAME = "asp-required";

    private NopSelectTagHelper()
    {
    }

    [HtmlAttributeName(FOR_ATTRIBUTE_NAME)]
    public ModelExpression For { get; set; }

    [HtmlAttributeName(ITEMS_ATTRIBUTE_NAME)]
    public IEnumerable<SelectListItem> Items { set; get; } = new List<SelectListItem>();

    [HtmlAttributeName(REQUIRED_ATTRIBUTE_NAME)]
    public string IsRequired { set; get; }
}
