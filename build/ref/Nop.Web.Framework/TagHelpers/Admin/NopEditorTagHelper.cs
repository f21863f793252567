using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-editor", Attributes = FOR_ATTRIBUTE_NAME, TagStructure = TagStructure.WithoutEndTag)]
public partial class NopEditorTagHelper : TagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string CUSTOM_HTML_ATTRIBUTES = "html-attributes";
    protected const string REQUIRED_ATTRIBUTE_NAME = "asp-required";
    protected const string RENDER_FORM_CONTROL_CLASS_ATTRIBUTE_NAME = "asp-render-form-control-class";
    protected const string TEMPLATE_ATTRIBUTE_NAME = "asp-template";
    protected const string POSTFIX_ATTRIBUTE_NAME = "asp-postfix";

    private NopEditorTagHelper()
    {
    }

    [HtmlAttributeName(FOR_ATTRIBUTE_NAME)]
    public ModelExpression For { get; set; }

    [HtmlAttributeName(CUSTOM_HTML_ATTRIBUTES)]
    public object CustomHtmlAttributes { set; get; }

    [HtmlAttributeName(REQUIRED_ATTRIBUTE_NAME)]
    public string IsRequired { set; get; }
}
