namespace Nop.Plugin.Misc.OrderTouchpoints.Migrations.Tests;

/// <summary>
/// A fixture on one of the test servers (build/db-servers.sh), ignored, saying how to start them, when none is running; the
/// databases it creates are dropped at the end.
/// </summary>
public abstract class DatabaseFixture(DatabaseKind kind)
{
    private readonly List<CatalogueDatabase> _databases = [];

    protected DatabaseKind Kind { get; } = kind;

    protected async Task<CatalogueDatabase> NewDatabaseAsync()
    {
        if (CatalogueDatabase.ServerConnectionString(Kind) is not { } server)
        {
            Assert.Ignore($"No {Kind} server: run build/db-servers.sh start and export its lines (build/test.sh does).");
            throw new InvalidOperationException("unreachable");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var database = await CatalogueDatabase.CreateAsync(Kind, server, timeout.Token);
        _databases.Add(database);
        return database;
    }

    [OneTimeTearDown]
    public async Task DropDatabases()
    {
        foreach (var database in _databases)
            await database.DisposeAsync();
    }
}
