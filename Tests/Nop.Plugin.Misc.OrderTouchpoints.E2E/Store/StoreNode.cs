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
