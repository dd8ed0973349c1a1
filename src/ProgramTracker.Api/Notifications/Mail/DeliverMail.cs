using System.Net.Sockets;
using MailKit.Net.Smtp;
using Marten;
using Microsoft.Extensions.Localization;
using MimeKit;
using ProgramTracker.Api.Operations;
using ProgramTracker.Api.Web.Resources;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;

namespace ProgramTracker.Api.Notifications.Mail;

public enum MailOutcome
{
    /// <summary>Written as an .eml file to the pickup folder (no SMTP server configured).</summary>
    Written,
    /// <summary>Accepted by the SMTP server.</summary>
    Sent,
    /// <summary>Given up on: refused for good, or still failing after every retry (then in the dead-letter queue).</summary>
    Failed,
}

/// <summary>What became of one <see cref="OutgoingMail"/>: who got what, and when. The id is the mail's id.</summary>
public sealed class SentMail
{
    public required string Id { get; init; }
    public required string PersonId { get; init; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public ReminderKind[] Kinds { get; init; } = [];
    public required string Language { get; init; }
    public required string MessageId { get; init; }
    public DateTimeOffset At { get; set; }
    public MailOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    /// <summary>The .eml file's name in the pickup folder, for a written mail.</summary>
    public string? File { get; set; }

    public static SentMail Of(OutgoingMail mail, MailSettings settings) => new()
    {
        Id = mail.Id,
        PersonId = mail.PersonId,
        To = mail.To,
        Subject = mail.Subject,
        Kinds = mail.Kinds,
        Language = mail.Language,
        MessageId = MailMessages.MessageId(mail.Id, settings.SenderAddress),
    };
}

/// <summary>
/// Delivers each <see cref="OutgoingMail"/> from the durable "mail" queue: over SMTP with MailKit, or with no SMTP
/// server configured, as an .eml file in the pickup folder. A mail already delivered (its id has a
/// <see cref="SentMail"/> that is not a failure) is not sent again.
/// </summary>
public static class DeliverMailHandler
{
    public static async Task Handle(OutgoingMail mail, MailSettings settings, IStringLocalizer<Strings> words, IDocumentSession session,
        TimeProvider clock, Wolverine.Envelope envelope, ILogger<OutgoingMail> log, CancellationToken ct)
    {
        var record = await session.LoadAsync<SentMail>(mail.Id, ct);
        if (record is { Outcome: not MailOutcome.Failed })
        {
            log.LogInformation("Mail {MailId} was already delivered ({Outcome} at {At}); not sent again.", mail.Id, record.Outcome, record.At);
            return;
        }

        var now = clock.GetUtcNow();
        var message = MailMessages.Compose(mail, settings, words, now);
        record = SentMail.Of(mail, settings);
        record.Attempts = envelope.Attempts;
        record.At = now;
        if (settings.UsesSmtp)
        {
            await SendAsync(message, settings, ct);
            record.Outcome = MailOutcome.Sent;
        }
        else
        {
            record.File = await Pickup.WriteAsync(message, mail.Id, settings.PickupDirectory, now, ct);
            record.Outcome = MailOutcome.Written;
        }
        session.Store(record);
        Telemetry.MailSent(mail.Kinds);
        log.LogInformation("Mail {MailId} to {PersonId} ({Kinds}, {Language}) {Outcome}.", mail.Id, mail.PersonId, string.Join(",", mail.Kinds), mail.Language, record.Outcome);
    }

    private static async Task SendAsync(MimeMessage message, MailSettings settings, CancellationToken ct)
    {
        using var smtp = new SmtpClient { Timeout = 30_000 };
        await smtp.ConnectAsync(settings.Host!, settings.Port, settings.SocketOptions, ct);
        if (!string.IsNullOrEmpty(settings.UserName)) await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }

    /// <summary>
    /// A mail server that is down, busy or answers 4xx is tried again with the configured back-off (short waits in
    /// memory, longer ones scheduled in the durable store), then the mail goes to the dead-letter queue. A 5xx
    /// answer (no such mailbox, refused sender) or a failed login will not change by waiting: dead-lettered at once.
    /// Either way the mail is recorded as failed and counted.
    /// </summary>
    public static void ApplyRetries(Wolverine.Runtime.Handlers.HandlerChain chain, MailSettings settings)
    {
        var quick = settings.RetryDelays.Where(d => d <= TimeSpan.FromMinutes(1)).ToArray();
        var scheduled = settings.RetryDelays.Where(d => d > TimeSpan.FromMinutes(1)).ToArray();

        var permanent = chain.OnException<SmtpCommandException>(e => (int)e.StatusCode >= 500)
            .Or<MailKit.Security.AuthenticationException>();
        permanent.MoveToErrorQueue().And(RecordFailureAsync, "record the failed mail");

        var transient = chain.OnException(IsTransient);
        var giveUp = (quick.Length, scheduled.Length) switch
        {
            (0, 0) => transient.MoveToErrorQueue(),
            (0, _) => transient.ScheduleRetry(scheduled).Then.MoveToErrorQueue(),
            (_, 0) => transient.RetryWithCooldown(quick).Then.MoveToErrorQueue(),
            _ => transient.RetryWithCooldown(quick).Then.ScheduleRetry(scheduled).Then.MoveToErrorQueue(),
        };
        giveUp.And(RecordFailureAsync, "record the failed mail");
    }

    private static bool IsTransient(Exception e) => e is SmtpCommandException or SmtpProtocolException or MailKit.ServiceNotConnectedException
        or SocketException or IOException or TimeoutException or MailKit.Security.SslHandshakeException;

    private static async ValueTask RecordFailureAsync(IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception error)
    {
        if (lifecycle.Envelope?.Message is not OutgoingMail mail) return;
        var services = runtime.Services;
        var settings = services.GetRequiredService<MailSettings>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        var record = SentMail.Of(mail, settings);
        record.At = clock.GetUtcNow();
        record.Outcome = MailOutcome.Failed;
        record.Attempts = lifecycle.Envelope.Attempts;
        record.Error = $"{error.GetType().Name}: {error.Message}";
        Telemetry.MailFailed(mail.Kinds);
        session.Store(record);
        await session.SaveChangesAsync();
        services.GetRequiredService<ILogger<OutgoingMail>>().LogError(error,
            "Mail {MailId} to {PersonId} failed after {Attempts} attempt(s) and is in the dead-letter queue.", mail.Id, mail.PersonId, record.Attempts);
    }
}
