using Marten;
using JasperFx.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.People;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web;

/// <summary>
/// What the pages show of an agreement, shaped like the agreement dashboard projection
/// (GET /api/agreements/{id}/dashboard) so the pages keep their bindings when they switch to reading it.
/// Until then it is derived here, and only here, from the inline Agreement and Workstream snapshots.
/// </summary>
public sealed record AgreementDashboard(
    Guid AgreementId,
    string Code,
    LocalizedText Title,
    AgreementStatus Status,
    ValidityPeriod Validity,
    IReadOnlyList<PartyView> Parties,
    bool IsSample,
    decimal PercentComplete,
    int MilestonesDone,
    int MilestonesTotal,
    int OverdueCount,
    int StaleCount,
    DateOnly AsOf,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<WorkstreamDashboard> Workstreams)
{
    /// <summary>The worst rating of its workstreams: one workstream off track puts the agreement off track.</summary>
    public Rag? Rag => Workstreams.Select(w => w.Rag).Where(r => r is not null).Max();

    public IEnumerable<string> Countries => Parties.Select(p => p.Country).Distinct();
}

public sealed record WorkstreamDashboard(
    Guid WorkstreamId,
    string Code,
    LocalizedText Title,
    decimal PercentComplete,
    Rag? Rag,
    bool RagAssessed,
    int MilestonesDone,
    int MilestonesTotal,
    int OverdueCount,
    NextDue? NextDue,
    DateTimeOffset LastUpdatedAt,
    int DaysSinceUpdate,
    bool Stale,
    bool IsSample,
    IReadOnlyList<MilestoneLine> Milestones,
    IReadOnlyList<IndicatorLine> Indicators);

public sealed record NextDue(Guid MilestoneId, LocalizedText Title, DateOnly DueDate);

public sealed record MilestoneLine(
    Guid Id,
    LocalizedText Title,
    DateOnly BaselineDueDate,
    DateOnly DueDate,
    int VarianceDays,
    MilestoneStatus Status,
    int Percent,
    bool Overdue);

public sealed record IndicatorLine(Guid Id, LocalizedText Name, string Unit, decimal TargetLow, decimal? TargetHigh,
    decimal? LatestValue, string? LatestPeriod);

/// <summary>The portfolio filters, named like the query parameters of GET /api/agreements.</summary>
public sealed record PortfolioFilter(string? Country = null, string? Party = null, AgreementStatus? Status = null, string? Q = null)
{
    public bool Matches(AgreementDashboard a) =>
        (string.IsNullOrEmpty(Country) || a.Parties.Any(p => p.Country == Country))
        && (string.IsNullOrEmpty(Party) || a.Parties.Any(p => p.PartyId == Party))
        && (Status is null || a.Status == Status)
        && (string.IsNullOrWhiteSpace(Q) || TitleContains(a, Q.Trim()));

    private static bool TitleContains(AgreementDashboard a, string q) =>
        a.Code.Contains(q, StringComparison.OrdinalIgnoreCase)
        || a.Title.Present().Any(t => t.Text.Contains(q, StringComparison.CurrentCultureIgnoreCase));
}

/// <summary>An audit trail (newest first) and, when two days were given, what changed between them.</summary>
public sealed record AuditView(
    IReadOnlyList<ToldEvent> Entries,
    (DateOnly From, DateOnly To)? Window,
    IReadOnlyList<WorkstreamChanges>? WorkstreamChanges,
    AgreementChanges? AgreementChanges);

public static class DashboardReads
{
    /// <summary>A workstream with no event for more than this many days is marked stale.</summary>
    public const int StaleAfterDays = DashboardFigures.DefaultStaleAfterDays;

    /// <summary>Overdue by more than this many days puts a workstream that nobody has assessed off track.</summary>
    public const int RedAfterDaysOverdue = 30;

    /// <summary>The agreements the user may see (<paramref name="visible"/>; null: all of them), with their workstreams.</summary>
    public static async Task<IReadOnlyList<AgreementDashboard>> PortfolioAsync(IQuerySession session, DateTimeOffset now, Guid[]? visible,
        CancellationToken ct)
    {
        var agreementQuery = session.Query<Agreement>().AsQueryable();
        var workstreamQuery = session.Query<Workstream>().AsQueryable();
        if (visible is not null)
        {
            agreementQuery = agreementQuery.Where(a => a.Id.IsOneOf(visible));
            workstreamQuery = workstreamQuery.Where(w => w.AgreementId.IsOneOf(visible));
        }
        var agreements = await agreementQuery.OrderBy(a => a.Code).ToListAsync(ct);
        var workstreams = (await workstreamQuery.ToListAsync(ct)).ToLookup(w => w.AgreementId);
        return [.. agreements.Select(a => Build(a, workstreams[a.Id], now))];
    }

    public static async Task<AgreementDashboard?> AgreementAsync(IQuerySession session, Guid agreementId, DateTimeOffset now, CancellationToken ct)
    {
        var agreement = await session.LoadAsync<Agreement>(agreementId, ct);
        if (agreement is null) return null;
        var workstreams = await session.Query<Workstream>().Where(w => w.AgreementId == agreementId).ToListAsync(ct);
        return Build(agreement, workstreams, now);
    }

    /// <summary>
    /// The agreement as it stood when <paramref name="day"/> ended, folded from its events and its workstreams' with
    /// the same as-of helpers as GET /api/agreements/{id}/dashboard?asOf, then figured by the same pure function.
    /// </summary>
    public static async Task<AgreementDashboard?> AgreementAsOfAsync(IQuerySession session, Guid agreementId, DateOnly day, CancellationToken ct)
    {
        var at = QueryValues.EndOf(day);
        var agreement = await session.Events.AggregateStreamAsync<Agreement>(agreementId, timestamp: at, token: ct);
        if (agreement is null) return null;
        var workstreams = new List<Workstream>();
        foreach (var reference in agreement.Workstreams)
        {
            if (await AsOf.WorkstreamAsync(session, reference.WorkstreamId, day, ct) is { } w) workstreams.Add(w);
        }
        return Build(agreement, workstreams, at);
    }

    /// <summary>The workstream today (its inline snapshot) or as it stood when <paramref name="asOf"/> ended.</summary>
    public static Task<Workstream?> WorkstreamAsync(IQuerySession session, Guid id, DateOnly? asOf, CancellationToken ct) =>
        asOf is { } day ? AsOf.WorkstreamAsync(session, id, day, ct) : session.LoadAsync<Workstream>(id, ct);

    /// <summary>
    /// A number that moves whenever the agreement or one of its workstreams records an event: the sum of their
    /// stream versions, read from the inline snapshots. The live page compares it, not the figures.
    /// </summary>
    public static async Task<long?> AgreementVersionAsync(IQuerySession session, Guid agreementId, CancellationToken ct)
    {
        var agreement = await session.LoadAsync<Agreement>(agreementId, ct);
        if (agreement is null) return null;
        var workstreams = await session.Query<Workstream>().Where(w => w.AgreementId == agreementId).ToListAsync(ct);
        return agreement.Version + workstreams.Sum(w => w.Version);
    }

    /// <summary>The workstream's stream version, read from its inline snapshot; it moves with every event the workstream records.</summary>
    public static async Task<long?> WorkstreamVersionAsync(IQuerySession session, Guid workstreamId, CancellationToken ct) =>
        (await session.LoadAsync<Workstream>(workstreamId, ct))?.Version;

    /// <summary>The audit trail of an agreement and its workstreams, and what changed between two days when asked.</summary>
    public static async Task<AuditView?> AgreementHistoryAsync(IQuerySession session, Guid agreementId, DateOnly? from, DateOnly? to,
        DateOnly today, CancellationToken ct)
    {
        if (await History.OfAgreementAsync(session, agreementId, ct) is not { } found) return null;
        var window = Window(from, to, today);
        var changes = window is { } w ? Changes.OfAgreement(agreementId, found.Events, w.From, w.To) : null;
        return new AuditView([.. History.TellWithSummaries(found.Events).Reverse()], window, changes?.Workstreams, changes);
    }

    public static async Task<AuditView?> WorkstreamHistoryAsync(IQuerySession session, Guid workstreamId, DateOnly? from, DateOnly? to,
        DateOnly today, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(workstreamId, token: ct);
        if (events.Count == 0 || events[0].Data is not WorkstreamOpened) return null;
        var window = Window(from, to, today);
        return new AuditView([.. History.TellWithSummaries(events).Reverse()], window,
            window is { } w ? [Changes.OfWorkstream(workstreamId, events, w.From, w.To)] : null, null);
    }

    /// <summary>Two days in order; a missing end is today, and days given the wrong way round are swapped.</summary>
    private static (DateOnly From, DateOnly To)? Window(DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (from is not { } first) return null;
        var last = to ?? today;
        return first <= last ? (first, last) : (last, first);
    }

    public static async Task<IReadOnlyList<Committee>> CommitteesOfAsync(IQuerySession session, Guid agreementId, CancellationToken ct) =>
        await session.Query<Committee>().Where(c => c.AgreementId == agreementId).ToListAsync(ct);

    public static Task<Committee?> CommitteeAsync(IQuerySession session, Guid committeeId, CancellationToken ct) =>
        session.LoadAsync<Committee>(committeeId, ct);

    public static async Task<AssignmentsView?> AssignmentsAsync(IQuerySession session, string personId, DateOnly today, CancellationToken ct)
    {
        var person = await session.LoadAsync<PersonAssignments>(personId, ct);
        if (person is null) return null;
        var committees = (await session.LoadManyAsync<Committee>(ct, person.CommitteeIds)).ToDictionary(c => c.Id);
        return AssignmentsView.From(person, committees, today);
    }

    /// <summary>A meeting's record as the API gives it, complete enough to print as its minutes.</summary>
    public static async Task<Committees.Meetings.MeetingRecord?> MinutesAsync(IQuerySession session, Guid committeeId, Guid meetingId,
        DateOnly today, CancellationToken ct)
    {
        var committee = await session.LoadAsync<Committee>(committeeId, ct);
        if (committee?.FindMeeting(meetingId) is not { } meeting) return null;
        var agreement = await session.LoadAsync<Agreement>(committee.AgreementId, ct);
        return Committees.Meetings.MeetingRecord.From(committee, meeting, agreement, today);
    }

    /// <summary>Names of workstreams by id, for pages that list committee work by workstream.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Workstream>> WorkstreamsByIdAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct) =>
        (await session.LoadManyAsync<Workstream>(ct, ids.Distinct())).ToDictionary(w => w.Id);

    public static AgreementDashboard Build(Agreement agreement, IEnumerable<Workstream> workstreams, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var order = agreement.Workstreams.Select((w, i) => (w.WorkstreamId, i)).ToDictionary(x => x.WorkstreamId, x => x.i);
        var views = workstreams
            .OrderBy(w => order.GetValueOrDefault(w.Id, int.MaxValue)).ThenBy(w => w.Code)
            .Select(w => Build(w, today))
            .ToList();
        var milestones = workstreams.SelectMany(w => w.Milestones).ToList();

        return new AgreementDashboard(agreement.Id, agreement.Code, agreement.Title, agreement.Status, agreement.Validity,
            [.. agreement.Parties.Select(p => new PartyView(p.PartyId, p.Name, p.Country, p.ShortName))],
            agreement.IsSample,
            Progress.Weighted(milestones),
            views.Sum(w => w.MilestonesDone),
            views.Sum(w => w.MilestonesTotal),
            views.Sum(w => w.OverdueCount),
            views.Count(w => w.Stale),
            today,
            views.Count == 0 ? null : views.Max(w => w.LastUpdatedAt),
            views);
    }

    /// <summary>
    /// The figures come from <see cref="DashboardFigures"/>, the one place the API's dashboard computes them too;
    /// the page adds only a rating derived from the milestones while nobody has assessed the workstream.
    /// </summary>
    public static WorkstreamDashboard Build(Workstream w, DateOnly today)
    {
        var figures = DashboardFigures.ForWorkstream(w, today, StaleAfterDays);
        var counted = w.Milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();

        return new WorkstreamDashboard(w.Id, w.Code, w.Title, figures.PercentComplete, w.CurrentRag ?? ComputedRag(counted, today),
            w.CurrentRag is not null, figures.MilestonesDone, figures.MilestonesTotal, figures.OverdueCount,
            figures.NextDue is { } next ? new NextDue(next.MilestoneId, next.Title, next.DueDate) : null,
            w.LastUpdatedAt, figures.DaysSinceUpdate, figures.Stale, w.IsSample,
            [.. (figures.Milestones ?? []).OrderBy(m => m.DueDate).Select(m => new MilestoneLine(m.Id, m.Title, m.BaselineDueDate, m.DueDate,
                m.VarianceDays, m.Status, m.Percent, m.Overdue))],
            [.. (figures.Indicators ?? []).Select(i => new IndicatorLine(i.Id, i.Name, i.Unit, i.TargetLow, i.TargetHigh, i.LatestValue, i.LatestPeriod))]);
    }

    /// <summary>
    /// A rating for a workstream nobody has assessed yet, from its milestones alone: long overdue is red; overdue,
    /// blocked or slipped past its baseline is amber; otherwise green. No milestones, no rating.
    /// </summary>
    public static Rag? ComputedRag(IReadOnlyList<Milestone> milestones, DateOnly today)
    {
        if (milestones.Count == 0) return null;
        var open = milestones.Where(m => m.IsOpen).ToList();
        if (open.Any(m => today.DayNumber - m.DueDate.DayNumber > RedAfterDaysOverdue)) return Rag.Red;
        if (open.Any(m => m.IsOverdue(today) || m.Status == MilestoneStatus.Blocked || m.VarianceDays > 0)) return Rag.Amber;
        return Rag.Green;
    }
}
