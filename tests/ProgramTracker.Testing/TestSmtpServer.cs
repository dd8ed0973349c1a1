using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ProgramTracker.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free 127.0.0.1 port, in the test's process. It keeps every
/// message it accepts, parsed with MimeKit, and can refuse the next few with a transient 451 or be stopped, to see
/// what the app's delivery does when the mail server fails.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _refuseNext;

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>Every message accepted so far, in the order they came.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>Starts a server and returns once it accepts connections.</summary>
    public static async Task<TestSmtpServer> StartAsync(int? port = null)
    {
        var server = new TestSmtpServer(port ?? FreePort());
        if (!await Polling.PollUntil(server.Accepts, TimeSpan.FromSeconds(10)))
            throw new TimeoutException($"The test SMTP server did not accept connections on 127.0.0.1:{server.Port} within 10 s.");
        return server;
    }

    /// <summary>Answers the next <paramref name="count"/> messages "451 try again later" instead of accepting them.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuseNext, count);

    /// <summary>Waits until at least <paramref name="count"/> messages have been accepted.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (_received.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The test SMTP server received {_received.Count} message(s), not {count}, within {timeout ?? TimeSpan.FromSeconds(30)}.");
            }
        }
        return Received;
    }

    /// <summary>Stops listening: from now on a connection to <see cref="Port"/> is refused.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task<bool> Accepts()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server._refuseNext) >= 0)
                return new SmtpResponse((SmtpReplyCode)451, "Try again later");
            Interlocked.Exchange(ref server._refuseNext, 0);

            await using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            server._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
