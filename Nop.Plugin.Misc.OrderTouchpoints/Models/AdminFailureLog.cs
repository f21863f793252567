using System.Globalization;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>
/// Records what an admin page could not read or do, for System → Log. Only the exception's type (with its inner
/// exceptions' types) and stack are written: its message may quote what the failing call was given, such as a
/// customer's data or a setting's value. The page tells the owner the type too, so both point to the same entry.
/// </summary>
public static class AdminFailureLog
{
    /// <param name="what">What failed, in plain words, with ids at most (an order number, a store id); never personal data.</param>
    public static async Task WriteAsync(ILogger logger, string what, Exception exception)
    {
        try
        {
            await logger.ErrorAsync($"Order touchpoints: {what} ({TypesOf(exception)}).{Environment.NewLine}{exception.StackTrace}");
        }
        catch (Exception)
        {
            // The log lives in the database that may be what just failed; the page still tells the owner.
        }
    }

    /// <summary>What the page tells the owner: the resource's text with the exception's type (as in the log entry), never its message.</summary>
    public static async Task<string> OwnerTextAsync(ILocalizationService localizationService, string resource, Exception exception) =>
        string.Format(CultureInfo.CurrentCulture, await localizationService.GetResourceAsync(resource), exception.GetType().Name);

    /// <summary>A wrapped failure (an AggregateException, a TargetInvocationException) names its cause only in its inner exceptions.</summary>
    private static string TypesOf(Exception exception)
    {
        var types = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
            types.Add(current.GetType().FullName ?? current.GetType().Name);
        return string.Join(", inner ", types);
    }
}
