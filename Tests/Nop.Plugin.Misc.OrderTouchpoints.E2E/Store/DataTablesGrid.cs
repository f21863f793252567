using Microsoft.Playwright;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// An admin grid (nopCommerce's DataTables): reads after a filter wait for the grid's own "draw" event, raised once
/// the reload the filter started has been rendered; rows still on screen from the previous load are never read.
/// </summary>
public sealed class DataTablesGrid(IPage page, string gridSelector)
{
    public ILocator Locator => page.Locator(gridSelector);

    /// <summary>Runs an action that reloads the grid (search, resend) and returns once the grid has drawn the new rows.</summary>
    public async Task ReloadedByAsync(Func<Task> action)
    {
        var marker = "otDraws" + Guid.NewGuid().ToString("N")[..8];
        await page.EvaluateAsync($$"""
            () => { window['{{marker}}'] = 0; $('{{gridSelector}}').on('draw.dt', () => window['{{marker}}']++); }
            """);
        await action();
        await page.WaitForFunctionAsync($"() => window['{marker}'] > 0");
    }

    /// <summary>
    /// Returns once the grid has drawn the rows of its first load: until then the page below it still moves, and a click
    /// aimed at a button there can land on whatever the grid's rows pushed into its place.
    /// </summary>
    public Task LoadedAsync() =>
        page.WaitForFunctionAsync($"() => window.jQuery && $.fn.dataTable.isDataTable('{gridSelector}') && $('{gridSelector}').DataTable().ajax.json() !== undefined");

    public Task<IReadOnlyList<string>> RowTextsAsync() => Locator.Locator("tbody tr").AllInnerTextsAsync();
}
