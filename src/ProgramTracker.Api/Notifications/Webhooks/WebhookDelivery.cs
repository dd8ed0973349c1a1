using System.Security.Cryptography;

namespace ProgramTracker.Api.Notifications.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Handed to the delivery queue, not yet tried (or handed back by an administrator's retry).</summary>
    Pending,
    /// <summary>Tried and failed; another attempt is scheduled.</summary>
    Failing,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt failed: it waits for an administrator to retry it.</summary>
    DeadLettered,
    /// <summary>The registration was removed or paused before the event could be delivered.</summary>
    Cancelled,
}

/// <summary>
/// One event for one registration, and the log of every attempt to deliver it. Its id is derived from the two, so
/// the fan-out handing the same event over twice (at least once) lands on the same delivery and the same
/// <c>webhook-id</c>.
/// </summary>
public sealed record WebhookDelivery(
    Guid Id,
    Guid RegistrationId,
    Guid EventId,
    long Sequence,
    Guid AgreementId,
    string EventType,
    DateTimeOffset EventTime,
    DeliveryStatus Status,
    IReadOnlyList<WebhookAttempt> Attempts,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt = null,
    string? LastError = null)
{
    /// <summary>The <c>webhook-id</c> header: the same for every attempt and every redelivery of this event to this endpoint.</summary>
    public string WebhookId => $"msg_{Id:N}";

    public static Guid IdFor(Guid registrationId, Guid eventId)
    {
        Span<byte> both = stackalloc byte[32];
        registrationId.TryWriteBytes(both[..16]);
        eventId.TryWriteBytes(both[16..]);
        var hash = SHA256.HashData(both)[..16];
        hash[7] = (byte)((hash[7] & 0x0f) | 0x80); // version 8: a name-based id of our own
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80); // RFC 9562 variant
        return new Guid(hash);
    }

    public static WebhookDelivery For(DeliverWebhook message, DateTimeOffset now) =>
        new(message.DeliveryId, message.RegistrationId, message.EventId, message.Sequence, message.AgreementId, message.EventType,
            message.EventTime, DeliveryStatus.Pending, [], now);
}

/// <summary>One try: when, how long it took, what the receiver answered (or why there was no answer).</summary>
public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, double DurationMs, int? StatusCode, string? Error, bool Delivered);

/// <summary>
/// The message the fan-out publishes for each matching event and registration; it waits in the durable local queue
/// (PostgreSQL, through Wolverine) until delivered or dead-lettered, across restarts and kill -9.
/// </summary>
public sealed record DeliverWebhook(
    Guid DeliveryId,
    Guid RegistrationId,
    Guid EventId,
    long Sequence,
    Guid AgreementId,
    string EventType,
    DateTimeOffset EventTime)
{
    public static DeliverWebhook Again(WebhookDelivery d) =>
        new(d.Id, d.RegistrationId, d.EventId, d.Sequence, d.AgreementId, d.EventType, d.EventTime);
}

/// <summary>The receiver did not take the delivery; Wolverine schedules the next attempt.</summary>
public sealed class WebhookNotDelivered(string message) : Exception(message);
