using System.Security.Cryptography;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>
/// An endpoint an administrator registered to receive committed events. A document, not an event stream: the secret
/// must be kept to sign with, and the event store is append-only (PostgreSQL refuses to change or erase an event), so
/// a secret written there could never be removed. The document carries its own audit trail in <see cref="History"/>,
/// and a removed registration is kept (without its secret) so that trail and its deliveries stay readable.
/// </summary>
public sealed record WebhookRegistration(
    Guid Id,
    string Url,
    string Secret,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<Guid> Agreements,
    bool Active,
    string? Description,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<WebhookChange> History,
    DateTimeOffset? RemovedAt = null,
    string? RemovedBy = null)
{
    public const string SecretPrefix = "whsec_";

    /// <summary>
    /// Only events committed after the registration: one registered today is not sent the whole history of the store.
    /// An empty list of types or agreements means every one.
    /// </summary>
    public bool Wants(string eventType, Guid agreementId, DateTimeOffset eventTime) =>
        Active && RemovedAt is null && eventTime >= CreatedAt
        && (EventTypes.Count == 0 || EventTypes.Contains(eventType))
        && (Agreements.Count == 0 || Agreements.Contains(agreementId));

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and the base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key a secret stands for, or null when it is not <c>whsec_</c> and the base64 of 24 to 64 bytes.</summary>
    public static byte[]? KeyOf(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var key = new byte[96];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var length) && length is >= 24 and <= 64
            ? key[..length]
            : null;
    }
}

/// <summary>Who changed a registration, when, and what they did (registered, changed, rotated the secret, removed).</summary>
public sealed record WebhookChange(DateTimeOffset At, string By, string Action, string Summary);

/// <summary>What an administrator sees of a registration; <see cref="Secret"/> only in the answer that set it.</summary>
public sealed record WebhookView(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<Guid> Agreements,
    bool Active,
    string? Description,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<WebhookChange> History,
    DateTimeOffset? RemovedAt,
    string? Secret = null)
{
    public static WebhookView Of(WebhookRegistration r, string? secret = null) =>
        new(r.Id, r.Url, r.EventTypes, r.Agreements, r.Active, r.Description, r.CreatedAt, r.CreatedBy, r.History, r.RemovedAt, secret);
}
