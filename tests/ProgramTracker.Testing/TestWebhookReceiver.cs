using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ProgramTracker.Testing;

/// <summary>One POST as the receiver saw it, and what it answered.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body, int Answered, DateTimeOffset At);

/// <summary>
/// A webhook receiver on Kestrel at a fixed 127.0.0.1 port: it keeps every request, answers 500 to the next
/// <see cref="FailNext"/> (or to all while <see cref="FailAll"/>), and can be stopped so the port refuses connections,
/// then started again on the same port.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;
    private int _failNext;

    public TestWebhookReceiver(int? port = null) => Port = port ?? AppProcess.FreePort();

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hooks/programtracker";
    public bool FailAll { get; set; }

    public int FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, value);
    }

    public bool Running => _app is not null;

    /// <summary>Every request received, failed ones included, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>The requests answered 2xx.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. _received.Where(r => r.Answered is >= 200 and < 300)];

    public static async Task<TestWebhookReceiver> StartAsync(int? port = null)
    {
        var receiver = new TestWebhookReceiver(port);
        await receiver.StartAsync();
        return receiver;
    }

    public async Task StartAsync()
    {
        if (_app is not null) return;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var fail = FailAll || Interlocked.Decrement(ref _failNext) >= 0;
            if (!fail) Interlocked.Exchange(ref _failNext, 0);
            var status = fail ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
            _received.Enqueue(new ReceivedWebhook(http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
                http.Request.Headers["webhook-signature"].ToString(), http.Request.ContentType ?? "", body, status, DateTimeOffset.UtcNow));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Stops listening: connections to the port are refused until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app) return;
        _app = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>
    /// The receiver's side of Standard Webhooks, written here from the specification rather than taken from the app:
    /// HMAC-SHA256 keyed with the base64 after <c>whsec_</c>, over <c>{id}.{timestamp}.{body}</c>, sent as <c>v1,{base64}</c>
    /// (possibly among other space-separated signatures), with a timestamp within five minutes of now.
    /// </summary>
    public static bool Verify(string secret, ReceivedWebhook webhook, TimeSpan? tolerance = null)
    {
        if (!long.TryParse(webhook.Timestamp, out var seconds)) return false;
        if (Math.Abs((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > (tolerance ?? TimeSpan.FromMinutes(5)).TotalSeconds)
            return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}")));
        return webhook.Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
