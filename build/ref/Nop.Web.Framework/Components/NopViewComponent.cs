using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Components;

public abstract partial class NopViewComponent : ViewComponent;
