namespace Nop.Web.Framework.Infrastructure;

public static partial class PublicWidgetZones
{
    public static string BodyEndHtmlTagBefore => "body_end_html_tag_before";

    public static string HeadHtmlTag => "head_html_tag";
}
