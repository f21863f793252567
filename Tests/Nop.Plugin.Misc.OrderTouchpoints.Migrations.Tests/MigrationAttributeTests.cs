using System.Globalization;
using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Migrations.Tests;

/// <summary>How nopCommerce picks the plugin's migrations up: by their NopMigration attribute's version and process type.</summary>
public class MigrationAttributeTests
{
    [Test]
    public void The_outbox_table_is_created_by_an_installation_migration_at_its_fixed_version()
    {
        var installation = PluginMigrations.Installation;

        Assert.That(installation.Process, Is.EqualTo(MigrationProcessType.Installation));
        Assert.That(installation.Version, Is.EqualTo(DateTime.ParseExact("2026/11/22 12:00:00:0000000", "yyyy/MM/dd HH:mm:ss:fffffff", CultureInfo.InvariantCulture).Ticks));
    }

    [Test]
    public void The_installation_migration_reverses_itself_so_uninstall_drops_what_it_created()
    {
        Assert.That(typeof(OutboxTableMigration).BaseType, Is.EqualTo(typeof(AutoReversingMigration)));
    }

    [Test]
    public void Every_other_migration_is_an_update_newer_than_the_installation_so_nopCommerce_runs_it_when_the_version_changes()
    {
        var others = PluginMigrations.All.Where(m => m != PluginMigrations.Installation).ToList();

        Assert.That(others, Is.Not.Empty);
        Assert.That(others.Select(m => m.Process), Has.All.EqualTo(MigrationProcessType.Update));
        Assert.That(others.Select(m => m.Version), Has.All.GreaterThan(PluginMigrations.Installation.Version));
    }
}
