using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-nested-setting", Attributes = FOR_ATTRIBUTE_NAME)]
public partial class NopNestedSettingTagHelper : TagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string IS_CONDITION_INVERT = "is-condition-invert";
    protected const string DISABLE_AUTOGENERATION = "disable-auto-generation";

    private NopNestedSettingTagHelper()
    {
    }

    [HtmlAttributeName(FOR_ATTRIBUTE_NAME)]
    public ModelExpression For { get; set; }
}
