namespace Nop.Web.Framework.Mvc;

public partial class NoTrimAttribute : Attribute;
