using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-textarea", Attributes = FOR_ATTRIBUTE_NAME)]
public partial class NopTextAreaTagHelper : TextAreaTagHelper
{
    protected const string FOR_ATTRIBUTE_NAME = "asp-for";
    protected const string REQUIRED_ATTRIBUTE_NAME = "asp-required";
    protected const string CUSTOM_HTML_ATTRIBUTES = "html-attributes";

    private NopTextAreaTagHelper() : base(null)
    {
    }
}
