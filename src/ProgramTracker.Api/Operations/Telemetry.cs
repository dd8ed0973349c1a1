using System.Diagnostics.Metrics;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Operations;

/// <summary>
/// ProgramTracker's own meter: what happened to milestones, which rules refused commands, and (through
/// <see cref="OperationsGauges"/>) how far behind the projections are and how big the event store is.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "ProgramTracker";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> EventsAppended =
        Meter.CreateCounter<long>("programtracker.events.appended", "{event}", "Events appended to the event store, by event type.");

    private static readonly Counter<long> MilestonesRecorded =
        Meter.CreateCounter<long>("programtracker.milestones.recorded", "{milestone}", "Milestones planned.");

    private static readonly Counter<long> MilestonesCompleted =
        Meter.CreateCounter<long>("programtracker.milestones.completed", "{milestone}", "Milestones completed.");

    private static readonly Counter<long> MilestonesSlipped =
        Meter.CreateCounter<long>("programtracker.milestones.slipped", "{milestone}", "Milestones rescheduled to a later due date.");

    private static readonly Counter<long> CommandsRefused =
        Meter.CreateCounter<long>("programtracker.commands.refused", "{command}", "Commands refused by a business rule, by rule and command.");

    private static readonly Counter<long> DigestsSent =
        Meter.CreateCounter<long>("programtracker.reminders.digests", "{message}", "Daily digests published, at most one per person per day.");

    private static readonly Counter<long> ReminderItems =
        Meter.CreateCounter<long>("programtracker.reminders.items", "{item}", "Items in the published daily digests, by kind.");

    private static readonly Counter<long> RemindersFailed =
        Meter.CreateCounter<long>("programtracker.reminders.failed", "{person}", "People whose daily digest could not be worked out or published.");

    /// <summary>Called once a digest is committed with its outbox message.</summary>
    public static void DigestSent(IEnumerable<string> itemKinds)
    {
        DigestsSent.Add(1);
        foreach (var kind in itemKinds) ReminderItems.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public static void DigestFailed() => RemindersFailed.Add(1);
    private static readonly Counter<long> MailsSent =
        Meter.CreateCounter<long>("programtracker.mail.sent", "{message}", "Mails delivered (sent over SMTP or written to the pickup folder), by kind.");

    private static readonly Counter<long> MailsFailed =
        Meter.CreateCounter<long>("programtracker.mail.failed", "{message}", "Mails given up on (refused for good or out of retries, then dead-lettered), by kind.");

    /// <summary>The kind tag is the mail's reminder kinds in alphabetical order, comma-separated ("ActionItems,Milestones"), or "none".</summary>
    public static void MailSent(IEnumerable<Notifications.ReminderKind> kinds) => MailsSent.Add(1, KindTag(kinds));

    public static void MailFailed(IEnumerable<Notifications.ReminderKind> kinds) => MailsFailed.Add(1, KindTag(kinds));

    private static KeyValuePair<string, object?> KindTag(IEnumerable<Notifications.ReminderKind> kinds) =>
        new("kind", kinds.Any() ? string.Join(",", kinds.Select(k => k.ToString()).Distinct().Order(StringComparer.Ordinal)) : "none");

    /// <summary>Called once the events are committed, so a failed transaction counts nothing.</summary>
    public static void Appended(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            EventsAppended.Add(1, new KeyValuePair<string, object?>("event.type", e.GetType().Name));
            switch (e)
            {
                case MilestonePlanned:
                    MilestonesRecorded.Add(1);
                    break;
                case MilestoneCompleted:
                    MilestonesCompleted.Add(1);
                    break;
                case MilestoneRescheduled r when r.NewDueDate > r.PreviousDueDate:
                    MilestonesSlipped.Add(1);
                    break;
            }
        }
    }

    public static void Refused(Refusal refusal, object command) =>
        CommandsRefused.Add(1,
            new KeyValuePair<string, object?>("rule", refusal.Rule),
            new KeyValuePair<string, object?>("kind", refusal.Kind.ToString()),
            new KeyValuePair<string, object?>("command", command.GetType().Name));
}

/// <summary>
/// Observable gauges read when a metric reader collects (every export interval, not per request): projection
/// lag per async projection and the event store's size. Each host gets its own meter from its IMeterFactory.
/// </summary>
public sealed class OperationsGauges : IDisposable
{
    private readonly Meter _meter;
    private readonly ILogger<OperationsGauges> _logger;

    public OperationsGauges(IMeterFactory meters, IServiceProvider services, ILogger<OperationsGauges> logger)
    {
        _logger = logger;
        _meter = meters.Create(Telemetry.MeterName);
        _meter.CreateObservableGauge("programtracker.projection.lag", () => Read(services)
                .Projections.Select(p => new Measurement<double>(p.LagSeconds, new KeyValuePair<string, object?>("projection", p.Name))),
            "s", "Seconds the oldest event an async projection has not yet applied has been waiting (0 when caught up).");
        _meter.CreateObservableGauge("programtracker.projection.events_behind", () => Read(services)
                .Projections.Select(p => new Measurement<long>(p.EventsBehind, new KeyValuePair<string, object?>("projection", p.Name))),
            "{event}", "Events an async projection has not yet applied.");
        _meter.CreateObservableGauge("programtracker.eventstore.events", () => Read(services) is { EventCount: { } count } ? [new Measurement<long>(count)] : Array.Empty<Measurement<long>>(),
            "{event}", "Events in the event store.");
        _meter.CreateObservableGauge("programtracker.eventstore.streams", () => Read(services) is { StreamCount: { } count } ? [new Measurement<long>(count)] : Array.Empty<Measurement<long>>(),
            "{stream}", "Streams in the event store.");
    }

    private ProjectionStatusReport? _last;
    private DateTimeOffset _readAt;

    // Several gauges are collected together; one database read serves them all.
    private ProjectionStatusReport Read(IServiceProvider services)
    {
        lock (_meter)
        {
            if (_last is not null && DateTimeOffset.UtcNow - _readAt < TimeSpan.FromMilliseconds(250)) return _last;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                _last = ProjectionStatus.ReadAsync(services.GetRequiredService<Marten.IDocumentStore>(), timeout.Token).GetAwaiter().GetResult();
            }
            catch (ObjectDisposedException)
            {
                // The host is shutting down.
                _last = ProjectionStatusReport.Unavailable;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException)
            {
                // A gauge with no measurement is exported as missing, not as zero; say why once per failed read.
                _logger.LogWarning(e, "The event store and projection gauges could not be read; they report nothing this time");
                _last = ProjectionStatusReport.Unavailable;
            }
            _readAt = DateTimeOffset.UtcNow;
            return _last;
        }
    }

    public void Dispose() => _meter.Dispose();
}
