namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// A second store, created through the admin's store form, reached at http://localhost:port/ (nopCommerce picks
/// the store whose Hosts list the request's host).
/// </summary>
public static class SecondStore
{
    public const string Name = "E2E second store";

    public static async Task<int> EnsureAsync(Suite suite)
    {
        if (await IdAsync(suite) is { } id)
            return id;
        var url = suite.Environment.SecondStoreUrl;
        await suite.Admin.GetPageAsync("Admin/Store/Create");
        var response = await suite.Admin.PostFormAsync("Admin/Store/Create",
        [
            new("Name", Name), new("Url", url.ToString()), new("Hosts", url.Authority), new("SslEnabled", "false"),
            new("CompanyName", "E2E second store ltd"), new("DefaultLanguageId", "0"), new("DisplayOrder", "2"), new("save", "")
        ]);
        return await IdAsync(suite)
               ?? throw new InvalidOperationException($"the admin did not create the second store ({(int)response.StatusCode})");
    }

    private static Task<int?> IdAsync(Suite suite) =>
        suite.Database.ScalarAsync<int?>("""select "Id" from "Store" where "Name" = $1""", Name);
}
