namespace Nop.Plugin.Misc.OrderTouchpoints.Sandbox;

/// <summary>Command line: --orders N, --scenario NAME, --show-payloads.</summary>
public sealed record SandboxOptions(int Orders, string Scenario, bool ShowPayloads)
{
    public const string Usage = "usage: build/sandbox.sh [--orders N] [--scenario healthy|outage|rate-limited|slow|flaky|bursts] [--show-payloads]";

    public static SandboxOptions? Parse(string[] args, TextWriter errors)
    {
        var options = new SandboxOptions(20, "healthy", false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--orders" when i + 1 < args.Length && int.TryParse(args[i + 1], out var orders) && orders is > 0 and <= 10_000:
                    options = options with { Orders = orders };
                    i++;
                    break;
                case "--scenario" when i + 1 < args.Length && Scenarios.Names.Contains(args[i + 1]):
                    options = options with { Scenario = args[i + 1] };
                    i++;
                    break;
                case "--show-payloads":
                    options = options with { ShowPayloads = true };
                    break;
                default:
                    errors.WriteLine($"unknown or invalid argument: {args[i]}");
                    errors.WriteLine(Usage);
                    return null;
            }
        }
        return options;
    }
}
