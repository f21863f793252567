using Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

// One line per benchmark; each lives in its own file. The backlog runs first, so the live heap it
// reports is its own and not what earlier benchmarks left to the garbage collector.
IBenchmark[] benchmarks =
[
    new BacklogMemoryBenchmark(),
    new CheckoutBenchmark(),
    new VendorDownBenchmark(),
    new FirstAttemptBenchmark(),
    new DispatchBenchmark(),
    new VoyadoRateBenchmark(),
    new PayloadBuildBenchmark(),
    new FeedBenchmark()
];

var options = BenchmarkOptions.Parse(args);
var report = new BenchmarkReport(Console.Out);
var selected = benchmarks.Where(options.Selects).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"no benchmark named {string.Join(", ", options.Only)}; known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}
foreach (var benchmark in selected)
    await benchmark.RunAsync(options, report);
return 0;
