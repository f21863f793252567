using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-cards", Attributes = ID_ATTRIBUTE_NAME)]
public partial class NopCardsTagHelper : TagHelper
{
    protected const string ID_ATTRIBUTE_NAME = "id";
}
