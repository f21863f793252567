using System.Diagnostics;
using System.Net;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// The Nop.Web process under nophost's supervisor: installing, uninstalling and "Restart application" end it,
/// the supervisor starts it again, and a new PID plus <c>GET /</c> 200 says the store is back.
/// </summary>
public sealed class StoreNode(StoreEnvironment environment)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public string? CurrentPid() => File.Exists(environment.PidFile) ? File.ReadAllText(environment.PidFile).Trim() : null;

    /// <summary>Runs an action that ends the process (a restart, an install) and waits for the next process to serve pages.</summary>
    public async Task RestartThroughAsync(Func<Task> endsTheProcess)
    {
        var before = CurrentPid();
        await endsTheProcess();
        var clock = Stopwatch.StartNew();
        while (CurrentPid() == before)
        {
            if (clock.Elapsed > StartTimeout)
                throw new TimeoutException($"the store process {before} did not restart within {StartTimeout}");
            await Task.Delay(250);
        }
        await WaitUntilServingAsync(StartTimeout - clock.Elapsed);
    }

    public async Task WaitUntilServingAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? StartTimeout;
        var clock = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(environment.UserAgent);
        while (true)
        {
            try
            {
                if ((await client.GetAsync(environment.StoreUrl)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // still starting
            }
            if (clock.Elapsed > limit)
                throw new TimeoutException($"the store did not answer GET / with 200 within {limit}");
            await Task.Delay(500);
        }
    }

    /// <summary>Runs <c>nophost</c> (second node, stopping a node) and fails with its output when it fails.</summary>
    public async Task<string> NopHostAsync(params string[] arguments)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(environment.NopHostCommand, arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"nophost {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        return output;
    }

    /// <summary>
    /// Stops node <paramref name="node"/> as its host does (nophost's stop: SIGTERM, SIGKILL only after 45 s) and returns how
    /// long after the signal its Nop.Web process <paramref name="pid"/> was gone, watched apart from the kit's own wait.
    /// </summary>
    public async Task<TimeSpan> StopAsync(int node, int pid)
    {
        var clock = Stopwatch.StartNew();
        var stopping = NopHostAsync("stop", "--node", node.ToString());
        TimeSpan? exitedAfter = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (!IsRunning(pid))
            {
                exitedAfter = clock.Elapsed;
                break;
            }
            await Task.Delay(100);
        }
        await stopping;
        return exitedAfter ?? throw new TimeoutException($"Nop.Web pid {pid} of node {node} was still running 90 s after the stop");
    }

    /// <summary>The PID of node <paramref name="node"/>'s Nop.Web, from the pid file <c>nophost env --node N</c> names.</summary>
    public async Task<int> PidOfNodeAsync(int node)
    {
        var env = await NopHostAsync("env", "--node", node.ToString());
        var pidFile = System.Text.RegularExpressions.Regex.Match(env, @"NOP_PID_FILE=['""]?(?<path>[^'""\s]+)").Groups["path"].Value;
        return int.Parse(File.ReadAllText(pidFile).Trim());
    }

    // A process that exited but was not reaped yet is a zombie ('Z' after the name in /proc/<pid>/stat): it runs nothing.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The process log from a byte offset on (what a scenario caused), for checks and artifacts.</summary>
    public string LogSince(long offset)
    {
        if (!File.Exists(environment.NodeLog))
            return "";
        using var stream = new FileStream(environment.NodeLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        return new StreamReader(stream).ReadToEnd();
    }

    public long LogLength() => File.Exists(environment.NodeLog) ? new FileInfo(environment.NodeLog).Length : 0;
}
