namespace Nop.Web.Framework.Mvc.ModelBinding;

public partial interface IModelAttribute;
