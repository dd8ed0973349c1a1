using Marten;
using Microsoft.AspNetCore.Authorization;
using MimeKit;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Notifications.People;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Notifications.Mail;

public sealed record OutboxItem(string Id, DateTimeOffset At, string To, string Subject, IReadOnlyList<ReminderKind> Kinds, string Language,
    MailOutcome Outcome, string? Error);

/// <summary>
/// What was sent: with no SMTP server, the .eml files in the pickup folder (newest first); with one, the record of
/// each mail sent or given up on.
/// </summary>
public sealed record OutboxView(bool Smtp, string? Server, IReadOnlyList<OutboxItem> Messages);

/// <summary>One message of the pickup folder, as written.</summary>
public sealed record OutboxMessage(string Id, DateTimeOffset At, string From, string To, string Subject, string MessageId,
    IReadOnlyList<ReminderKind> Kinds, string Language, string Text, string? ListUnsubscribe);

public static class OutboxEndpoints
{
    public const int Newest = 200;

    [Authorize(Policy = Policies.Administrator)]
    [Returns<OutboxView>]
    [EndpointName("getOutbox")]
    [WolverineGet("/api/admin/outbox")]
    public static Task<OutboxView> Get(MailSettings settings, IQuerySession session, HttpContext http) =>
        ReadAsync(settings, session, http.RequestAborted);

    [Authorize(Policy = Policies.Administrator)]
    [Returns<OutboxMessage>]
    [EndpointName("getOutboxMessage")]
    [WolverineGet("/api/admin/outbox/{id}")]
    public static async Task<IResult> GetOne(string id, MailSettings settings, HttpContext http) =>
        await ReadOneAsync(settings, id, http.RequestAborted) is { } message
            ? Results.Ok(message)
            : Problems.From(Refusal.NotFound("id", "not-found", $"The pickup folder has no message '{id}'."));

    public static async Task<OutboxView> ReadAsync(MailSettings settings, IQuerySession session, CancellationToken ct)
    {
        if (settings.UsesSmtp)
        {
            var sent = await session.Query<SentMail>().OrderByDescending(m => m.At).Take(Newest).ToListAsync(ct);
            return new OutboxView(true, $"{settings.Host}:{settings.Port}",
                [.. sent.Select(m => new OutboxItem(m.Id, m.At, m.To, m.Subject, m.Kinds, m.Language, m.Outcome, m.Error))]);
        }
        var files = await Pickup.ListAsync(settings.PickupDirectory, Newest, ct);
        return new OutboxView(false, null,
            [.. files.Select(f => new OutboxItem(f.Name, f.Message.Date, To(f.Message), f.Message.Subject ?? "", Kinds(f.Message),
                MailMessages.LanguageOf(f.Message), MailOutcome.Written, null))]);
    }

    public static async Task<OutboxMessage?> ReadOneAsync(MailSettings settings, string id, CancellationToken ct)
    {
        if (await Pickup.ReadAsync(settings.PickupDirectory, id, ct) is not { } m) return null;
        return new OutboxMessage(id, m.Date, m.From.ToString(), To(m), m.Subject ?? "", m.MessageId ?? "", Kinds(m), MailMessages.LanguageOf(m),
            m.TextBody ?? "", m.Headers["List-Unsubscribe"]);
    }

    private static string To(MimeMessage m) => string.Join(", ", m.To.Mailboxes.Select(x => x.Address));

    private static IReadOnlyList<ReminderKind> Kinds(MimeMessage m) =>
        [.. MailMessages.KindsOf(m).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ReminderKinds.Parse).OfType<ReminderKind>()];
}
