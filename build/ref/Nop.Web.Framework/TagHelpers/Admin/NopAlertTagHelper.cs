using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-alert", Attributes = ALERT_NAME_ID, TagStructure = TagStructure.WithoutEndTag)]
public partial class NopAlertTagHelper : TagHelper
{
    protected const string ALERT_NAME_ID = "asp-alert-id";
    protected const string ALERT_MESSAGE_NAME = "asp-alert-message";

    private NopAlertTagHelper()
    {
    }

    [HtmlAttributeName(ALERT_NAME_ID)]
    public string AlertId { get; set; }
}
