using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>A request as the fake vendor received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A request and the status it was answered with, once the answer was written.</summary>
public sealed record AnsweredRequest(RecordedRequest Request, int Status, DateTimeOffset AnsweredAt);

/// <summary>
/// A scripted answer: <see cref="Delay"/> makes a slow vendor; <see cref="HangUp"/> reads the request, then drops the
/// connection without an answer.
/// </summary>
public sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null,
    bool HangUp = false)
{
    public static FakeResponse Json(int status, string body) => new(status, body);
}

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 with a random port, standing in for a vendor. Each test
/// scripts the answers and a contract check; violations are collected so the test can assert none happened.
/// </summary>
public sealed class FakeVendorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeVendorServer(WebApplication app, Func<RecordedRequest, FakeResponse> respond)
    {
        _app = app;
        Respond = respond;
    }

    public Func<RecordedRequest, FakeResponse> Respond { get; set; }

    /// <summary>Added before every answer (a vendor's usual response time), on top of a response's own delay.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>False: requests and answers are not kept (a benchmark sending 100,000 must not measure this list).</summary>
    public bool Records { get; set; } = true;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<string> ContractViolations { get; } = new();

    /// <summary>Requests whose answer was written completely (not those the client gave up on while the server delayed).</summary>
    public ConcurrentQueue<AnsweredRequest> Answered { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public static async Task<FakeVendorServer> StartAsync(Func<RecordedRequest, FakeResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeVendorServer(app, respond);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            DateTimeOffset.UtcNow);
        if (Records)
            Requests.Enqueue(request);

        var response = Respond(request);
        if (Latency > TimeSpan.Zero)
            await Task.Delay(Latency, context.RequestAborted);
        if (response.Delay is { } delay)
            await Task.Delay(delay, context.RequestAborted);
        if (response.HangUp)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
        if (Records)
            Answered.Enqueue(new AnsweredRequest(request, response.Status, DateTimeOffset.UtcNow));
    }

    public void Violation(string message) => ContractViolations.Enqueue(message);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
