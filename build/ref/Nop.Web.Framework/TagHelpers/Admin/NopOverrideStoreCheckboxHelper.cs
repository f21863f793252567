using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-override-store-checkbox", Attributes = FOR_ATTRIBUTE_NAME, TagStructure = TagStructure.WithoutEndTag)]
public partial class NopOverrideStoreCheckboxHelper : TagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string INPUT_ATTRIBUTE_NAME = "asp-input";
    protected const string INPUT_2_ATTRIBUTE_NAME = "asp-input2";
    protected const string STORE_SCOPE_ATTRIBUTE_NAME = "asp-store-scope";
    protected const string PARENT_CONTAINER_ATTRIBUTE_NAME = "asp-parent-container";

    private NopOverrideStoreCheckboxHelper()
    {
    }

    [HtmlAttributeName(FOR_ATTRIBUTE_NAME)]
    public ModelExpression For { get; set; }

    [HtmlAttributeName(INPUT_ATTRIBUTE_NAME)]
    public ModelExpression Input { set; get; }

    [HtmlAttributeName(INPUT_2_ATTRIBUTE_NAME)]
    public ModelExpression Input2 { set; get; }

    [HtmlAttributeName(STORE_SCOPE_ATTRIBUTE_NAME)]
    public int StoreScope { set; get; }

    [HtmlAttributeName(PARENT_CONTAINER_ATTRIBUTE_NAME)]
    public string ParentContainer { set; get; }
}
