using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>Puts localized validation messages on the configure page's fields (model state keys are the input names).</summary>
public sealed class FormErrors(ModelStateDictionary modelState, ILocalizationService localizationService)
{
    public Task<string> TextAsync(string resourceKey) => localizationService.GetResourceAsync(resourceKey);

    public async Task AddAsync(string field, string resourceKey, params object[] args)
    {
        var text = await localizationService.GetResourceAsync(resourceKey);
        modelState.AddModelError(field, args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args));
    }
}
