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
        ForAgreement(line, [.. line.Workstreams.Select(w => ForWorkstream(w, today, staleAfterDays))], today);

    public static WorkstreamDashboardView ForWorkstream(Workstream workstream, DateOnly today, int staleAfterDays,
        IReadOnlyCollection<Committee>? committees = null) =>
        ForWorkstream(PortfolioWorkstream.Of(workstream), today, staleAfterDays) with
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

    private static WorkstreamDashboardView ForWorkstream(PortfolioWorkstream workstream, DateOnly today, int staleAfterDays)
    {
        // The next milestone still ahead; those already past due are counted as overdue instead.
        var next = workstream.Open.Where(m => m.DueDate >= today).OrderBy(m => m.DueDate).FirstOrDefault();
        var daysSinceUpdate = Math.Max(0, today.DayNumber - DateOnly.FromDateTime(workstream.LastUpdatedAt.UtcDateTime).DayNumber);
        // A workstream whose every milestone is done has nothing left to report, so it cannot go stale.
        var finished = workstream.MilestonesTotal > 0 && workstream.Open.Count == 0;
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
            workstream.Open.Count(m => m.DueDate < today),
            next is null ? null : new NextDueView(next.Id, next.Title, next.DueDate),
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

    /// <summary>
    /// The rating a workstream shows: the latest assessment a person (or a committee) recorded. Until there is one it
    /// is derived from the open milestones: red when one is more than <see cref="RedAfterDaysOverdue"/> days overdue;
    /// amber when one is overdue, blocked or slipped past its baseline; green otherwise. No milestones, no rating.
    /// </summary>
    public static (Rag? Rag, bool Assessed) RagOf(PortfolioWorkstream workstream, DateOnly today)
    {
        if (workstream.Rag is { } assessed) return (assessed, true);
        if (workstream.MilestonesTotal == 0) return (null, false);
        var open = workstream.Open;
        if (open.Any(m => today.DayNumber - m.DueDate.DayNumber > RedAfterDaysOverdue)) return (Rag.Red, false);
        if (open.Any(m => m.DueDate < today || m.Blocked || m.VarianceDays > 0)) return (Rag.Amber, false);
        return (Rag.Green, false);
    }

    private static AgreementDashboardView ForAgreement(PortfolioLine line, IReadOnlyList<WorkstreamDashboardView> views, DateOnly today) =>
        new(line.AgreementId, line.Code, line.Title, line.Status, line.Validity, line.Parties, line.IsSample,
            line.PercentComplete,
            views.Sum(v => v.MilestonesDone),
            views.Sum(v => v.MilestonesTotal),
            views.Sum(v => v.OverdueCount),
            views.Count(v => v.Stale),
            today,
            views.Select(v => (DateTimeOffset?)v.LastUpdatedAt).Append(line.AgreementUpdatedAt).Max(),
            views,
            views.Sum(v => v.PendingSubmissions),
            views.Sum(v => v.Corrections));
}

/// <summary>
/// What the portfolio shows of one agreement, kept on its dashboard document: the figures that do not depend on the
/// day, worked out when the events are projected, and the open milestones' due dates for those that do. A portfolio
/// page reads these few kilobytes per agreement instead of every milestone's and indicator's state.
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
    public static PortfolioLine Of(Agreement agreement, IReadOnlyList<Workstream> workstreams, DateTimeOffset? agreementUpdatedAt) =>
        new(agreement.Id, agreement.Code, agreement.Title, agreement.Status, agreement.Validity,
            [.. agreement.Parties.Select(p => new PartyView(p.PartyId, p.Name, p.Country, p.ShortName))],
            agreement.IsSample,
            Progress.Weighted(workstreams.SelectMany(w => w.Milestones)),
            agreementUpdatedAt,
            [.. workstreams.Select(PortfolioWorkstream.Of)]);
}

public sealed record PortfolioWorkstream(
    Guid WorkstreamId,
    string Code,
    LocalizedText Title,
    decimal PercentComplete,
    Rag? Rag,
    int MilestonesDone,
    int MilestonesTotal,
    IReadOnlyList<OpenMilestone> Open,
    DateTimeOffset LastUpdatedAt,
    bool IsSample,
    CommitteeReviewView? LastCommitteeReview,
    int PendingSubmissions = 0,
    int Corrections = 0)
{
    public static PortfolioWorkstream Of(Workstream workstream)
    {
        var counted = workstream.Milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();
        return new(workstream.Id, workstream.Code, workstream.Title, Progress.Weighted(workstream.Milestones), workstream.CurrentRag,
            counted.Count(m => m.Status == MilestoneStatus.Completed),
            counted.Count,
            [.. counted.Where(m => m.IsOpen).Select(m => new OpenMilestone(m.Id, m.Title, m.DueDate, m.Status == MilestoneStatus.Blocked, m.VarianceDays))],
            workstream.LastUpdatedAt,
            workstream.IsSample,
            // A committee review lands on the workstream's own stream as a StatusAssessed naming the committee.
            workstream.Assessments.LastOrDefault(a => a.CommitteeId is not null) is { } review
                ? new CommitteeReviewView(review.CommitteeId!.Value, review.MeetingId, review.Rating, review.Reason, review.AssessedOn)
                : null,
            workstream.Submissions.Count(s => s.IsPending),
            workstream.Corrections.Count);
    }
}

/// <summary>An open milestone as the portfolio line keeps it: enough to tell overdue, next due and the derived rating.
/// Lines stored before <c>Blocked</c> and <c>VarianceDays</c> were kept read them as false and 0 until rewritten.</summary>
public sealed record OpenMilestone(Guid Id, LocalizedText Title, DateOnly DueDate, bool Blocked = false, int VarianceDays = 0);
