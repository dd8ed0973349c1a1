using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.ActionItems;
using ProgramTracker.Api.Common;
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
    IReadOnlyList<WorkstreamDashboardView> Workstreams)
{
    /// <summary>The portfolio's line for this agreement: the same figures without milestones and indicators.</summary>
    public AgreementDashboardView Summary() =>
        this with { Workstreams = [.. Workstreams.Select(w => w with { Milestones = null, Indicators = null })] };
}

public sealed record PartyView(string PartyId, LocalizedText Name, string Country, string? ShortName);

public sealed record WorkstreamDashboardView(
    Guid WorkstreamId,
    string Code,
    LocalizedText Title,
    decimal PercentComplete,
    Rag? Rag,
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
    IReadOnlyList<ActionItemView>? OpenActionItems = null);

/// <summary>The latest rating a steering committee gave the workstream at a meeting.</summary>
public sealed record CommitteeReviewView(Guid CommitteeId, Guid? MeetingId, Rag Rating, string Comments, DateOnly ReviewedOn);

public sealed record NextDueView(Guid MilestoneId, LocalizedText Title, DateOnly DueDate);

public sealed record DashboardMilestoneView(Guid Id, LocalizedText Title, DateOnly BaselineDueDate, DateOnly DueDate, int VarianceDays,
    MilestoneStatus Status, int Percent, bool Overdue);

public sealed record DashboardIndicatorView(Guid Id, LocalizedText Name, string Unit, decimal TargetLow, decimal? TargetHigh,
    decimal? LatestValue, string? LatestPeriod);

/// <summary>
/// The one place the time-dependent figures are worked out (overdue, next due, days since update, stale), for the
/// projected dashboard and for the as-of view alike. Pure: "today" is a parameter, never the clock.
/// </summary>
public static class DashboardFigures
{
    public const int DefaultStaleAfterDays = 30;

    public static int StaleAfterDays(IConfiguration configuration) =>
        Math.Max(0, configuration.GetValue("ProgramTracker:StaleAfterDays", DefaultStaleAfterDays));

    public static AgreementDashboardView Compute(Agreement agreement, IEnumerable<Workstream> workstreams, DateOnly today,
        int staleAfterDays, DateTimeOffset? agreementUpdatedAt, IReadOnlyCollection<Committee>? committees = null)
    {
        var list = workstreams.ToList();
        var views = list.Select(w => ForWorkstream(w, today, staleAfterDays, committees)).ToList();
        var milestones = list.SelectMany(w => w.Milestones).ToList();
        DateTimeOffset? lastEventAt = list.Select(w => (DateTimeOffset?)w.LastUpdatedAt).Append(agreementUpdatedAt).Max();

        return new AgreementDashboardView(agreement.Id, agreement.Code, agreement.Title, agreement.Status, agreement.Validity,
            [.. agreement.Parties.Select(p => new PartyView(p.PartyId, p.Name, p.Country, p.ShortName))],
            agreement.IsSample,
            Progress.Weighted(milestones),
            views.Sum(v => v.MilestonesDone),
            views.Sum(v => v.MilestonesTotal),
            views.Sum(v => v.OverdueCount),
            views.Count(v => v.Stale),
            today,
            lastEventAt,
            views);
    }

    public static WorkstreamDashboardView ForWorkstream(Workstream workstream, DateOnly today, int staleAfterDays,
        IReadOnlyCollection<Committee>? committees = null)
    {
        var counted = workstream.Milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();
        var open = counted.Where(m => m.IsOpen).ToList();
        // The next milestone still ahead; those already past due are counted as overdue instead.
        var next = open.Where(m => m.DueDate >= today).OrderBy(m => m.DueDate).FirstOrDefault();
        var daysSinceUpdate = Math.Max(0, today.DayNumber - DateOnly.FromDateTime(workstream.LastUpdatedAt.UtcDateTime).DayNumber);
        // A workstream whose every milestone is done has nothing left to report, so it cannot go stale.
        var finished = counted.Count > 0 && open.Count == 0;

        return new WorkstreamDashboardView(
            workstream.Id,
            workstream.Code,
            workstream.Title,
            Progress.Weighted(workstream.Milestones),
            workstream.CurrentRag,
            counted.Count(m => m.Status == MilestoneStatus.Completed),
            counted.Count,
            open.Count(m => m.IsOverdue(today)),
            next is null ? null : new NextDueView(next.Id, next.Title, next.DueDate),
            workstream.LastUpdatedAt,
            daysSinceUpdate,
            !finished && daysSinceUpdate > staleAfterDays,
            workstream.IsSample,
            [.. workstream.Milestones.Select(m => new DashboardMilestoneView(m.Id, m.Title, m.BaselineDueDate, m.DueDate, m.VarianceDays,
                m.Status, m.Percent, m.IsOverdue(today)))],
            [.. workstream.Indicators.Select(i => new DashboardIndicatorView(i.Id, i.Name, i.Unit, i.TargetLow, i.TargetHigh,
                i.Latest?.Value, i.Latest?.Period))],
            // A committee review lands on the workstream's own stream as a StatusAssessed naming the committee.
            workstream.Assessments.LastOrDefault(a => a.CommitteeId is not null) is { } review
                ? new CommitteeReviewView(review.CommitteeId!.Value, review.MeetingId, review.Rating, review.Reason, review.AssessedOn)
                : null,
            committees is null
                ? null
                : [.. committees.SelectMany(c => c.ActionItems.Where(a => a.IsOpen && a.WorkstreamId == workstream.Id)
                    .Select(a => ActionItemView.From(c.Id, a, today))).OrderBy(a => a.DueDate)]);
    }
}
