using Microsoft.Playwright;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// Waits for the document a click leads to with a condition evaluated in the page. Playwright's own navigation waiters
/// (WaitForURLAsync, RunAndWaitForNavigationAsync) once saw a document's "networkidle" but never its "load" in a CI run
/// and timed out after 60 s; a condition polled in the page has no event to miss, and Playwright re-runs it in each new
/// document.
/// </summary>
public static class PageDocuments
{
    /// <summary>
    /// Clicks and waits for a new document whose path matches <paramref name="pathPattern"/> (a JavaScript regular
    /// expression, case-insensitive), even when the page shows such a path already.
    /// </summary>
    public static async Task ClickToDocumentAsync(this IPage page, ILocator button, string pathPattern)
    {
        var before = await page.EvaluateAsync<double>("performance.timeOrigin");
        await button.ClickAsync();
        await WaitAsync(page, pathPattern, before);
    }

    /// <summary>Waits for a parsed document whose path matches <paramref name="pathPattern"/> (as above).</summary>
    public static Task WaitForDocumentAsync(this IPage page, string pathPattern) => WaitAsync(page, pathPattern, null);

    private static Task WaitAsync(IPage page, string pathPattern, double? notBefore) =>
        page.WaitForFunctionAsync(
            """
            ([pathPattern, notBefore]) => (notBefore === null || performance.timeOrigin !== notBefore)
                && document.readyState !== 'loading'
                && new RegExp(pathPattern, 'i').test(location.pathname)
            """,
            new object?[] { pathPattern, notBefore },
            new() { PollingInterval = 100 });
}
