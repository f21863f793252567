namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// A fixture with a fresh database of its own on one of the test servers (build/db-servers.sh), dropped at the end;
/// ignored, saying how to start the servers, when none is running. NUnit runs this set-up before a derived fixture's.
/// </summary>
public abstract class DatabaseTests(DatabaseKind kind)
{
    protected OutboxDatabase Database { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        if (OutboxDatabase.ServerConnectionString(kind) is not { } server)
        {
            Assert.Ignore($"No {kind} server: run build/db-servers.sh start and export its lines (build/test.sh does).");
            return;
        }
        Database = await OutboxDatabase.CreateAsync(kind, server);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (Database is not null)
            await Database.DisposeAsync();
    }
}
