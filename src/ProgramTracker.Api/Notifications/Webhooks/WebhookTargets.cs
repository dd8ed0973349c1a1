using System.Net;
using System.Net.Sockets;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>
/// Keeps webhooks from being a way into the server's own network (SSRF): a target whose host resolves to a loopback,
/// private, link-local or unique-local address is refused, when it is registered and again at each connection, so a
/// name that resolved to a public address at registration and to 127.0.0.1 later (DNS rebinding) is refused too.
/// </summary>
public static class WebhookTargets
{
    /// <summary>The addresses a URL's host stands for: the literal address, or what DNS answers now (none if it does not resolve).</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal)) return [literal];
        try
        {
            return await Dns.GetHostAddressesAsync(bare, ct);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127
                   || b[0] == 172 && b[1] is >= 16 and <= 31
                   || b[0] == 192 && b[1] == 168
                   || b[0] == 169 && b[1] == 254
                   || b[0] == 100 && b[1] is >= 64 and <= 127;
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return true;
        var v6 = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6None)
               || (v6[0] & 0xfe) == 0xfc
               || v6[0] == 0xfe && (v6[1] & 0xc0) == 0x80
               || address.IsIPv6SiteLocal;
    }

    /// <summary>
    /// Connects only to addresses that are allowed: the check is made on the address the socket actually connects to,
    /// not on an earlier lookup.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
        if (addresses.Length == 0) throw new WebhookTargetRefused($"{context.DnsEndPoint.Host} does not resolve.");
        if (!allowPrivate && addresses.FirstOrDefault(IsPrivate) is { } refused)
            throw new WebhookTargetRefused($"{context.DnsEndPoint.Host} resolves to {refused}, a loopback or private address.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

public sealed class WebhookTargetRefused(string message) : Exception(message);
