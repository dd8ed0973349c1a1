using System.Security.Cryptography;
using System.Text;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,</c> and the base64 of HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the base64-decoded part of the <c>whsec_</c> secret.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var key = WebhookRegistration.KeyOf(secret) ?? throw new ArgumentException("Not a whsec_ secret.", nameof(secret));
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
