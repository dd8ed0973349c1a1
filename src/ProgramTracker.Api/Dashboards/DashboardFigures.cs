using System.Text.Json.Serialization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.ActionItems;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Dashboards;

public sealed record AgreementDashboardView(
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
    IReadOnlyList<WorkstreamDashboardView> Workstreams,
    int PendingSubmissions = 0,
    int Corrections = 0,
    FiguresBasis Figures = FiguresBasis.Approved)
{
    /// <summary>The worst rating of its workstreams, assessed or derived: one workstream off track puts the agreement off track.</summary>
    public Rag? Rag => Workstreams.Select(w => w.Rag).Max();

    /// <summary>The portfolio's line for this agreement: the same figures without milestones and indicators.</summary>
    public AgreementDashboardView Summary() =>
        this with { Workstreams = [.. Workstreams.Select(w => w with { Milestones = null, Indicators = null, ClosedPeriodCorrections = null })] };
}

public sealed record PartyView(string PartyId, LocalizedText Name, string Country, string? ShortName);

public sealed record WorkstreamDashboardView(
    Guid WorkstreamId,
    string Code,
    LocalizedText Title,
    decimal PercentComplete,
    Rag? Rag,
    bool RagAssessed,
    int MilestonesDone,
    int MilestonesTotal,
    int OverdueCount,
    NextDueView? NextDue,
    DateTimeOffset LastUpdatedAt,
    int DaysSinceUpdate,
    bool Stale,
    bool IsSample,
    IReadOnlyList<DashboardMilestoneView>? Milestones,
    IReadOnlyList<DashboardIndicatorView>? Indicators,
    CommitteeReviewView? LastCommitteeReview = null,
    IReadOnlyList<ActionItemView>? OpenActionItems = null,
    int PendingSubmissions = 0,
    int Corrections = 0,
    IReadOnlyList<CorrectionNote>? ClosedPeriodCorrections = null);

/// <summary>The latest rating a steering committee gave the workstream at a meeting.</summary>
public sealed record CommitteeReviewView(Guid CommitteeId, Guid? MeetingId, Rag Rating, string Comments, DateOnly ReviewedOn);

public sealed record NextDueView(Guid MilestoneId, LocalizedText Title, DateOnly DueDate);

public sealed record DashboardMilestoneView(Guid Id, LocalizedText Title, DateOnly BaselineDueDate, DateOnly DueDate, int VarianceDays,
    MilestoneStatus Status, int Percent, bool Overdue);

public sealed record DashboardIndicatorView(Guid Id, LocalizedText Name, string Unit, decimal TargetLow, decimal? TargetHigh,
    decimal? LatestValue, string? LatestPeriod);

/// <summary>
/// The one place the time-dependent figures are worked out (overdue, next due, days since update, stale, the RAG
/// rating), for every page, API answer and export that shows them, today or as of a past day. Pure: "today" is a
/// parameter, never the clock.
/// </summary>
public static class DashboardFigures
{
    public const int DefaultStaleAfterDays = 30;

    /// <summary>Overdue by more than this many days puts a workstream that nobody has assessed off track.</summary>
    public const int RedAfterDaysOverdue = 30;

    public static AgreementDashboardView Compute(Agreement agreement, IEnumerable<Workstream> workstreams, DateOnly today,
        int staleAfterDays, DateTimeOffset? agreementUpdatedAt, IReadOnlyCollection<Committee>? committees = null)
    {
        var list = workstreams.ToList();
        return ForAgreement(PortfolioLine.Of(agreement, list, agreementUpdatedAt),
            [.. list.Select(w => ForWorkstream(w, today, staleAfterDays, committees))], today);
    }

    /// <summary>The portfolio's line for an agreement, from its <see cref="PortfolioLine"/>: the same as
    /// <c>Compute(...).Summary()</c> without committees, without reading every milestone.</summary>
    public static AgreementDashboardView Summary(PortfolioLine line, DateOnly today, int staleAfterDays) =>
        Summary(line, today, staleAfterDays, static (_, _) => null);

    /// <summary>As <see cref="Summary(PortfolioLine, DateOnly, int)"/>, with the next-due milestones' titles from
    /// <paramref name="titles"/> where the line's workstreams do not hold them (a stored line does not).</summary>
    public static AgreementDashboardView Summary(PortfolioLine line, DateOnly today, int staleAfterDays, Func<PortfolioWorkstream, Guid, LocalizedText?> titles)
    {
        var views = new WorkstreamDashboardView[line.Workstreams.Count];
        for (var i = 0; i < views.Length; i++) views[i] = ForWorkstream(line.Workstreams[i], today, staleAfterDays, titles);
        return ForAgreement(line, views, today);
    }

    /// <summary>The open milestones a portfolio line names as next due on <paramref name="today"/>: the titles it needs.</summary>
    /// <remarks>A null is a next-due milestone whose id the stored line left out (<see cref="PortfolioWorkstream.ForStorage"/>).</remarks>
    public static IEnumerable<Guid?> NextDueIds(PortfolioLine line, DateOnly today) =>
        line.Workstreams.Select(w => (Workstream: w, Due: w.NextDueOn(today)))
            .Where(n => n.Due is not null).Select(n => n.Workstream.OpenId(n.Due!.Value));

    public static WorkstreamDashboardView ForWorkstream(Workstream workstream, DateOnly today, int staleAfterDays,
        IReadOnlyCollection<Committee>? committees = null) =>
        ForWorkstream(PortfolioWorkstream.Of(workstream), today, staleAfterDays, static (_, _) => null) with
        {
            // Earliest due first, as the pages and the timeline list them.
            Milestones = [.. workstream.Milestones.OrderBy(m => m.DueDate).Select(m => new DashboardMilestoneView(m.Id, m.Title, m.BaselineDueDate, m.DueDate, m.VarianceDays,
                m.Status, m.Percent, m.IsOverdue(today)))],
            Indicators = [.. workstream.Indicators.Select(i => new DashboardIndicatorView(i.Id, i.Name, i.Unit, i.TargetLow, i.TargetHigh,
                i.Latest?.Value, i.Latest?.Period))],
            ClosedPeriodCorrections = workstream.Corrections,
            OpenActionItems = committees is null
                ? null
                : [.. committees.SelectMany(c => c.ActionItems.Where(a => a.IsOpen && a.WorkstreamId == workstream.Id)
                    .Select(a => ActionItemView.From(c.Id, a, today))).OrderBy(a => a.DueDate)],
        };

    private static WorkstreamDashboardView ForWorkstream(PortfolioWorkstream workstream, DateOnly today, int staleAfterDays,
        Func<PortfolioWorkstream, Guid, LocalizedText?> titles)
    {
        // The next milestone still ahead; those already past due are counted as overdue instead.
        var next = workstream.NextDueOn(today);
        var daysSinceUpdate = Math.Max(0, today.DayNumber - DateOnly.FromDateTime(workstream.LastUpdatedAt.UtcDateTime).DayNumber);
        // A workstream whose every milestone is done has nothing left to report, so it cannot go stale.
        var finished = workstream.MilestonesTotal > 0 && workstream.OpenCount == 0;
        var (rag, assessed) = RagOf(workstream, today);

        return new WorkstreamDashboardView(
            workstream.WorkstreamId,
            workstream.Code,
            workstream.Title,
            workstream.PercentComplete,
            rag,
            assessed,
            workstream.MilestonesDone,
            workstream.MilestonesTotal,
            workstream.OverdueOn(today),
            next is { } i ? NextDue(workstream, i, titles) : null,
            workstream.LastUpdatedAt,
            daysSinceUpdate,
            !finished && daysSinceUpdate > staleAfterDays,
            workstream.IsSample,
            null,
            null,
            workstream.LastCommitteeReview,
            null,
            workstream.PendingSubmissions,
            workstream.Corrections);
    }

    private static NextDueView NextDue(PortfolioWorkstream workstream, int index, Func<PortfolioWorkstream, Guid, LocalizedText?> titles)
    {
        var id = workstream.OpenId(index)
            ?? throw new InvalidOperationException($"The stored line of workstream {workstream.WorkstreamId} has no id for its next due milestone.");
        var title = workstream.OpenTitles?.GetValueOrDefault(id) ?? titles(workstream, id)
            ?? throw new InvalidOperationException($"No title for milestone {id} of workstream {workstream.WorkstreamId}.");
        return new NextDueView(id, title, DateOnly.FromDayNumber(workstream.OpenDue![index]));
    }

    /// <summary>
    /// The rating a workstream shows: the latest assessment a person (or a committee) recorded. Until there is one it
    /// is derived from the open milestones: red when one is more than <see cref="RedAfterDaysOverdue"/> days overdue;
    /// amber when one is overdue, blocked or slipped past its baseline; green otherwise. No milestones, no rating.
    /// </summary>
    public static (Rag? Rag, bool Assessed) RagOf(PortfolioWorkstream workstream, DateOnly today)
    {
        if (workstream.Rag is { } assessed) return (assessed, true);
        if (workstream.MilestonesTotal == 0) return (null, false);
        var earliest = workstream.EarliestDue;
        if (earliest is { } red && today.DayNumber - red > RedAfterDaysOverdue) return (Rag.Red, false);
        if (earliest is { } amber && amber < today.DayNumber || workstream.OpenSlipped) return (Rag.Amber, false);
        return (Rag.Green, false);
    }

    private static AgreementDashboardView ForAgreement(PortfolioLine line, IReadOnlyList<WorkstreamDashboardView> views, DateOnly today)
    {
        // One loop, not seven LINQ passes, each with an enumerator of its own: a portfolio page does this for every line.
        var (done, total, overdue, stale, pending, corrections) = (0, 0, 0, 0, 0, 0);
        DateTimeOffset? updated = null;
        for (var i = 0; i < views.Count; i++)
        {
            var v = views[i];
            (done, total, overdue, pending, corrections) =
                (done + v.MilestonesDone, total + v.MilestonesTotal, overdue + v.OverdueCount, pending + v.PendingSubmissions, corrections + v.Corrections);
            if (v.Stale) stale++;
            if (updated is not { } latest || v.LastUpdatedAt > latest) updated = v.LastUpdatedAt;
        }
        // The latest event of the workstreams and the agreement, the first of equal instants kept (as Max kept it).
        if (line.AgreementUpdatedAt is { } agreement && (updated is not { } last || agreement > last)) updated = agreement;
        return new(line.AgreementId, line.Code, line.Title, line.Status, line.Validity, line.Parties, line.IsSample,
            line.PercentComplete, done, total, overdue, stale, today, updated, views, pending, corrections);
    }
}

/// <summary>
/// What the portfolio shows of one agreement, kept on its dashboard document: the figures that do not depend on the
/// day, worked out when the events are projected, and for those that do, each workstream's open milestones as ids and
/// due days only. A portfolio page reads these two or three kilobytes per agreement instead of every milestone's and
/// indicator's state; the titles of the few next-due milestones it names are read by id (<see cref="ScheduledMilestone"/>).
/// </summary>
public sealed record PortfolioLine(
    Guid AgreementId,
    string Code,
    LocalizedText Title,
    AgreementStatus Status,
    ValidityPeriod Validity,
    IReadOnlyList<PartyView> Parties,
    bool IsSample,
    decimal PercentComplete,
    DateTimeOffset? AgreementUpdatedAt,
    IReadOnlyList<PortfolioWorkstream> Workstreams)
{
    // Read with its members set, not through its 10 constructor parameters (see PortfolioWorkstream).
    [JsonConstructor]
    private PortfolioLine() : this(default, null!, null!, default, null!, null!, default, default, null, null!) { }

    public static PortfolioLine Of(Agreement agreement, IReadOnlyList<Workstream> workstreams, DateTimeOffset? agreementUpdatedAt) =>
        new(agreement.Id, agreement.Code, agreement.Title, agreement.Status, agreement.Validity,
            [.. agreement.Parties.Select(p => new PartyView(p.PartyId, p.Name, p.Country, p.ShortName))],
            agreement.IsSample,
            Progress.Weighted(workstreams.SelectMany(w => w.Milestones)),
            agreementUpdatedAt,
            [.. workstreams.Select(PortfolioWorkstream.Of)]);

    /// <summary>False for a line stored before the open milestones were kept as ids and due days: such a line is
    /// figured from its whole document instead.</summary>
    [JsonIgnore]
    public bool Complete => Workstreams.All(w => w.Complete);

    /// <summary>The line as the dashboard document stores it (<see cref="PortfolioWorkstream.ForStorage"/>).</summary>
    public PortfolioLine ForStorage() => this with { Workstreams = [.. Workstreams.Select(w => w.ForStorage())] };
}

/// <summary>
/// A workstream's part of the portfolio line. Its open milestones (not completed, not cancelled) are kept in plan order
/// as two arrays, their ids and their due dates as day numbers (<see cref="DateOnly.DayNumber"/>), with whether any of
/// them is blocked or slipped past its baseline; that is all the day-dependent figures need (overdue, next due, the
/// derived rating). Titles are not stored: <see cref="OpenTitles"/> holds them in memory when the line is worked out
/// from a workstream, and a portfolio page reads the next-due ones by id. Counts and flags that are zero or false are
/// left out of the stored JSON. (The ids stay plain uuids: the benchmark's copies rewrite ids as text.)
/// </summary>
public sealed record PortfolioWorkstream(
    Guid WorkstreamId,
    string Code,
    LocalizedText Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal PercentComplete,
    Rag? Rag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int MilestonesDone,
    int MilestonesTotal,
    [property: JsonConverter(typeof(ExactArrayJsonConverter<Guid?>))] IReadOnlyList<Guid?>? OpenIds,
    [property: JsonConverter(typeof(ExactArrayJsonConverter<int>))] IReadOnlyList<int>? OpenDue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool OpenSlipped,
    DateTimeOffset LastUpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool IsSample,
    CommitteeReviewView? LastCommitteeReview,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int PendingSubmissions = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Corrections = 0)
{
    // Read as a new object with its members set, not through the constructor: with 15 parameters System.Text.Json
    // gathers them first, boxing each, in objects of its own (a tenth of what a portfolio page allocated; README,
    // Performance, tenth round). A member the JSON leaves out keeps the default its parameter has.
    [JsonConstructor]
    private PortfolioWorkstream() : this(default, null!, null!, default, null, default, default, null, null, default, default, default, null) { }

    /// <summary>The <paramref name="index"/>th open milestone's id; null when the stored line left it out (see
    /// <see cref="ForStorage"/>).</summary>
    public Guid? OpenId(int index) => OpenIds![index];

    /// <summary>
    /// The workstream's part as it is stored: without titles, and without the ids of open milestones due more than a
    /// day before the workstream's latest event. Such a milestone is overdue on any day a page is read (a day is never
    /// before the events already recorded; the spare day covers the time zones), so it is never named as next due,
    /// and a page read on an earlier day finds its id missing and figures that agreement from its whole document.
    /// Worked out from the events alone, so a rebuild stores the same line.
    /// </summary>
    public PortfolioWorkstream ForStorage()
    {
        var horizon = DateOnly.FromDateTime(LastUpdatedAt.UtcDateTime).DayNumber - 1;
        return this with
        {
            OpenIds = OpenIds is { } ids && OpenDue is { } due && ids.Count == due.Count
                ? [.. ids.Select((id, i) => due[i] >= horizon ? id : null)]
                : OpenIds,
            OpenTitles = null,
        };
    }

    /// <summary>Whether <see cref="OpenIds"/> and <see cref="OpenDue"/> are there and agree (lines stored before them have neither).</summary>
    [JsonIgnore]
    public bool Complete => OpenIds is not null && OpenDue is not null && OpenIds.Count == OpenDue.Count;

    /// <summary>The open milestones' titles by id, when the line was worked out from the workstream itself (not stored).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<Guid, LocalizedText>? OpenTitles { get; init; }

    [JsonIgnore]
    public int OpenCount => OpenDue?.Count ?? 0;

    /// <summary>How many open milestones were due before <paramref name="today"/>.</summary>
    public int OverdueOn(DateOnly today)
    {
        var (day, count, due) = (today.DayNumber, 0, OpenDue ?? []);
        for (var i = 0; i < due.Count; i++) if (due[i] < day) count++;
        return count;
    }

    /// <summary>The next open milestone still ahead on <paramref name="today"/> (the earliest due, the first planned of
    /// those due the same day), as its index in <see cref="OpenIds"/>; null when none is.</summary>
    public int? NextDueOn(DateOnly today)
    {
        var (day, best) = (today.DayNumber, -1);
        var due = OpenDue ?? [];
        for (var i = 0; i < due.Count; i++)
            if (due[i] >= day && (best < 0 || due[i] < due[best])) best = i;
        return best < 0 ? null : best;
    }

    /// <summary>The earliest open due date, as a day number; null with nothing open.</summary>
    [JsonIgnore]
    public int? EarliestDue
    {
        get
        {
            if (OpenDue is not { Count: > 0 } due) return null;
            var earliest = due[0];
            for (var i = 1; i < due.Count; i++) earliest = Math.Min(earliest, due[i]);
            return earliest;
        }
    }

    public static PortfolioWorkstream Of(Workstream workstream)
    {
        var counted = workstream.Milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();
        var open = counted.Where(m => m.IsOpen).ToList();
        return new(workstream.Id, workstream.Code, workstream.Title, Progress.Weighted(workstream.Milestones), workstream.CurrentRag,
            counted.Count(m => m.Status == MilestoneStatus.Completed),
            counted.Count,
            [.. open.Select(m => (Guid?)m.Id)],
            [.. open.Select(m => m.DueDate.DayNumber)],
            open.Any(m => m.Status == MilestoneStatus.Blocked || m.VarianceDays > 0),
            workstream.LastUpdatedAt,
            workstream.IsSample,
            // A committee review lands on the workstream's own stream as a StatusAssessed naming the committee.
            workstream.Assessments.LastOrDefault(a => a.CommitteeId is not null) is { } review
                ? new CommitteeReviewView(review.CommitteeId!.Value, review.MeetingId, review.Rating, review.Reason, review.AssessedOn)
                : null,
            workstream.Submissions.Count(s => s.IsPending),
            workstream.Corrections.Count)
        {
            OpenTitles = open.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Title),
        };
    }
}
