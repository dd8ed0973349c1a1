using Marten;
using JasperFx;
using Microsoft.Extensions.Options;
using Npgsql;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Operations;
using Wolverine.Marten;

namespace ProgramTracker.Api.Notifications.Reminders;

/// <summary>
/// The record that a person's digest for a day went out, stored in the same transaction as the outbox message that
/// carries it: its id is the mail's id, so a second run of the same day (on this node or another) cannot insert it
/// again and publishes nothing.
/// </summary>
public sealed class DigestSent
{
    public required string Id { get; init; }
    public required string PersonId { get; init; }
    public DateOnly Day { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public required string Language { get; init; }
    public required string Subject { get; init; }
    public required ReminderKind[] Kinds { get; init; }
    public required Dictionary<string, int> Items { get; init; }
    /// <summary>The held meetings whose outcomes this digest told, so later digests do not tell them again.</summary>
    public List<Guid> MeetingOutcomes { get; init; } = [];
    public Guid Node { get; init; }
}

/// <summary>What one run for a day did: who was sent a digest now, and how many were already done, had nothing, or failed.</summary>
public sealed record DigestRunResult(DateOnly Day, int People, IReadOnlyList<string> Sent, int AlreadySent, int NothingToSay, int Failed);

/// <summary>
/// Sends the day's digests: one per person with an address, each in a transaction of its own, so one person's
/// failure does not hold back the others and a run that stops half way is finished by the next one.
/// </summary>
public sealed class DigestRun(
    IDocumentStore store,
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    Wolverine.Runtime.IWolverineRuntime runtime,
    ILogger<DigestRun> logger)
{
    private const int PageSize = 200;

    public Uri PublicUrl { get; } = new(configuration[Configuration.PublicUrlKey] is { Length: > 0 } url ? url : Configuration.DefaultPublicUrl);

    public async Task<DigestRunResult> RunAsync(DateOnly day, CancellationToken ct)
    {
        var sent = new List<string>();
        int people = 0, already = 0, nothing = 0, failed = 0;
        string? after = null;
        while (true)
        {
            IReadOnlyList<PersonProfile> page;
            HashSet<string> done;
            await using (var query = store.QuerySession())
            {
                var profiles = query.Query<PersonProfile>().Where(p => p.Email != null);
                if (after is not null) profiles = profiles.Where(p => p.Id.CompareTo(after) > 0);
                page = await profiles.OrderBy(p => p.Id).Take(PageSize).ToListAsync(ct);
                if (page.Count == 0) break;
                var ids = page.Select(p => Digest.MailId(p.Id, day)).ToArray();
                done = [.. await query.Query<DigestSent>().Where(d => d.Id.IsOneOf(ids)).Select(d => d.PersonId).ToListAsync(ct)];
            }
            after = page[^1].Id;

            foreach (var profile in page.Where(p => !string.IsNullOrWhiteSpace(p.Email)))
            {
                people++;
                if (done.Contains(profile.Id))
                {
                    already++;
                    continue;
                }
                try
                {
                    switch (await SendAsync(profile, day, ct))
                    {
                        case Outcome.Sent: sent.Add(profile.Id); break;
                        case Outcome.AlreadySent: already++; break;
                        default: nothing++; break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failed++;
                    Telemetry.DigestFailed();
                    logger.LogError(e, "The digest of {PersonId} for {Day} could not be sent", profile.Id, day);
                }
            }
            if (page.Count < PageSize) break;
        }
        if (sent.Count > 0 || failed > 0)
            logger.LogInformation("Digests for {Day}: {Sent} sent, {Already} already sent, {Nothing} with nothing to say, {Failed} failed",
                day, sent.Count, already, nothing, failed);
        return new DigestRunResult(day, people, sent, already, nothing, failed);
    }

    private enum Outcome { Sent, AlreadySent, NothingToSay }

    private async Task<Outcome> SendAsync(PersonProfile profile, DateOnly day, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<Reads>();
        // The profile is keyed by the sign-in subject; assignments and seats name the person id the identity provider
        // gives (the person_id claim), which a profile learns at sign-in. One set by an administrator is keyed by it.
        var personId = profile.PersonId ?? profile.Id;
        var (person, committees) = await reads.PersonWithCommitteesAsync(personId, ct);
        var officerOf = await reads.OfficerWorkstreamsAsync(personId, ct);
        var agenda = await reads.WorkstreamsByIdAsync(committees.Values.SelectMany(c => c.Meetings).Where(m => !m.Held).SelectMany(m => m.Agenda), ct);
        var told = await OutcomesToldAsync(profile.Id, day, ct);

        var items = ReminderRules.For(new PersonReads(personId, officerOf, person, committees, agenda, told), day, options.Value,
            reads.StaleAfterDays, profile.SwitchedOff);
        var name = person?.Name ?? officerOf.SelectMany(w => w.Officers).FirstOrDefault(o => o.PersonId == personId)?.Name;
        if (Digest.Compose(profile, name, items, day, PublicUrl) is not { } mail) return Outcome.NothingToSay;

        var wanted = items.Where(i => profile.Wants(i.Group)).ToList();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = store.LightweightSession();
        outbox.Enroll(session);
        session.Insert(new DigestSent
        {
            Id = mail.Id, PersonId = profile.Id, Day = day, SentAt = clock.GetUtcNow(), Language = mail.Language, Subject = mail.Subject,
            Kinds = mail.Kinds, Items = wanted.GroupBy(i => i.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            MeetingOutcomes = [.. wanted.Where(i => i.Kind == ReminderItemKind.MeetingOutcome).Select(i => i.MeetingId!.Value)],
            Node = runtime.Options.UniqueNodeId,
        });
        await outbox.PublishAsync(mail);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsDuplicate(e))
        {
            // Another run (another node, or an operator's run now) committed this person's digest first.
            return Outcome.AlreadySent;
        }
        Telemetry.DigestSent(wanted.Select(i => i.Kind.ToString()));
        return Outcome.Sent;
    }

    /// <summary>The meetings whose outcomes this person's digests of the window before <paramref name="day"/> already told.</summary>
    private async Task<IReadOnlySet<Guid>> OutcomesToldAsync(string personId, DateOnly day, CancellationToken ct)
    {
        var from = day.AddDays(-options.Value.OutcomesWithinDays - 1);
        await using var query = store.QuerySession();
        var earlier = await query.Query<DigestSent>()
            .Where(d => d.PersonId == personId && d.Day >= from && d.Day < day)
            .Select(d => d.MeetingOutcomes)
            .ToListAsync(ct);
        return earlier.SelectMany(m => m).ToHashSet();
    }

    private static bool IsDuplicate(Exception e) =>
        e is DocumentAlreadyExistsException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || e.InnerException is { } inner && IsDuplicate(inner);
}
