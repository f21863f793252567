using System.Diagnostics;
using Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;
using Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;
using Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks;

// The PostgreSQL lines of build/bench.sh: OT_TEST_POSTGRES names the server of build/db-servers.sh.
var report = new BenchmarkReport(Console.Out);
if (OutboxDatabase.ServerConnectionString(DatabaseKind.PostgreSQL) is not { } server)
{
    Console.Error.WriteLine("OT_TEST_POSTGRES is not set: start the server with build/db-servers.sh start (build/bench.sh does).");
    return 2;
}
var quick = args.Contains("--quick");
if (await HealthBenchmark.RunAsync(server, args, report)) return 0;
var clock = Stopwatch.StartNew();
// --checkout: only the checkout write (a few seconds), for comparing changes to the enqueue path;
// --dispatch: only the dispatch rate at 100,000 rows, for comparing changes to the drain.
await new PostgresBenchmarks(server, quick, report).RunAsync(checkoutOnly: args.Contains("--checkout"), dispatchOnly: args.Contains("--dispatch"));
report.Note($"PostgreSQL benchmarks took {clock.Elapsed.TotalSeconds:0} s");
return 0;
