using JasperFx.Events;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;

namespace ProgramTracker.Api.Workstreams;

public enum MilestoneStatus
{
    Planned,
    InProgress,
    Blocked,
    Completed,
    Cancelled,
}

public sealed record Milestone(
    Guid Id,
    LocalizedText Title,
    decimal Weight,
    DateOnly BaselineDueDate,
    DateOnly DueDate,
    MilestoneStatus Status,
    int Percent,
    bool IsSample,
    DateOnly? StartedOn = null,
    DateOnly? CompletedOn = null,
    string? BlockedReason = null,
    string? LastNarrative = null,
    string? EvidenceUrl = null,
    int RescheduleCount = 0,
    MilestoneStatus? StatusBeforeBlock = null,
    DateOnly? BlockedOn = null)
{
    /// <summary>Days the current due date lies after the baseline planned at the start. The baseline never moves.</summary>
    public int VarianceDays => DueDate.DayNumber - BaselineDueDate.DayNumber;

    public bool IsOpen => Status is not (MilestoneStatus.Completed or MilestoneStatus.Cancelled);

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;

    public static Milestone Plan(MilestonePlanned e) =>
        new(e.MilestoneId, e.Title, e.Weight, e.DueDate, e.DueDate, MilestoneStatus.Planned, 0, e.IsSample);

    public Milestone Apply(IMilestoneEvent e) => e switch
    {
        MilestoneStarted s => this with { Status = MilestoneStatus.InProgress, StartedOn = s.StartedOn },
        MilestoneProgressReported p => this with
        {
            Percent = p.Percent,
            LastNarrative = p.Narrative,
            EvidenceUrl = p.EvidenceUrl ?? EvidenceUrl,
            Status = Status == MilestoneStatus.Planned ? MilestoneStatus.InProgress : Status,
            StatusBeforeBlock = StatusBeforeBlock == MilestoneStatus.Planned ? MilestoneStatus.InProgress : StatusBeforeBlock,
            StartedOn = StartedOn ?? p.ReportedOn,
        },
        MilestoneCompleted c => this with
        {
            Status = MilestoneStatus.Completed, Percent = 100, CompletedOn = c.CompletedOn,
            EvidenceUrl = c.EvidenceUrl ?? EvidenceUrl, BlockedReason = null, BlockedOn = null,
        },
        MilestoneRescheduled r => this with { DueDate = r.NewDueDate, RescheduleCount = RescheduleCount + 1 },
        MilestoneBlocked b => this with
        {
            StatusBeforeBlock = Status, Status = MilestoneStatus.Blocked, BlockedReason = b.Reason, BlockedOn = b.BlockedOn,
        },
        MilestoneUnblocked => this with
        {
            Status = StatusBeforeBlock ?? MilestoneStatus.InProgress, StatusBeforeBlock = null, BlockedReason = null, BlockedOn = null,
        },
        MilestoneCancelled => this with { Status = MilestoneStatus.Cancelled, BlockedReason = null, BlockedOn = null },
        _ => this,
    };
}

public sealed record Measurement(string Period, decimal Value, DateOnly MeasuredOn, string? Note, string? EvidenceUrl);

public sealed record Indicator(
    Guid Id,
    LocalizedText Name,
    string Unit,
    decimal? Baseline,
    decimal TargetLow,
    decimal? TargetHigh,
    IndicatorPeriod Period,
    bool IsSample,
    IReadOnlyList<Measurement> Measurements)
{
    public Measurement? Latest => Measurements.OrderBy(m => m.MeasuredOn).LastOrDefault();

    /// <summary>Whether the latest measurement reaches the target (the low end of a range such as 2–3).</summary>
    public bool? TargetMet => Latest is { } latest ? latest.Value >= TargetLow : null;
}

public sealed record Assessment(Rag Rating, string Reason, string AssessedBy, string? PartyId, DateOnly AssessedOn,
    DateTimeOffset RecordedAt, Guid? CommitteeId, Guid? MeetingId);

public sealed record ProjectOfficer(string PersonId, string Name);

/// <summary>
/// A workstream as its stream tells it: the write model commands decide on, and the detail view, kept inline as a
/// snapshot. Its size is bounded by milestones, indicators, assessments, submissions and corrections, never by the
/// number of other events.
/// </summary>
public sealed record Workstream(
    Guid Id,
    Guid AgreementId,
    string Code,
    LocalizedText Title,
    LocalizedText? Objective,
    string? LeadPartyId,
    PartialDate? Start,
    PartialDate? End,
    bool IsSample,
    IReadOnlyList<ProjectOfficer> Officers,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Assessment> Assessments,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastUpdatedAt)
{
    public long Version { get; set; }

    /// <summary>What officers submitted for sign-off, pending or reviewed (<see cref="SignOffFold"/>).</summary>
    public IReadOnlyList<Submission> Submissions { get; init; } = [];

    /// <summary>Changes recorded in closed reporting periods, each with its reason.</summary>
    public IReadOnlyList<CorrectionNote> Corrections { get; init; } = [];

    public Rag? CurrentRag => Assessments.Count == 0 ? null : Assessments[^1].Rating;

    /// <summary>Percent complete, weighted by milestone weight; cancelled milestones do not count.</summary>
    public decimal PercentComplete => Progress.Weighted(Milestones);

    public Milestone? FindMilestone(Guid id) => Milestones.FirstOrDefault(m => m.Id == id);

    public Indicator? FindIndicator(Guid id) => Indicators.FirstOrDefault(i => i.Id == id);

    public static Workstream? Fold(Workstream? state, IEvent e)
    {
        if (e.Data is WorkstreamOpened o)
        {
            return new Workstream(o.WorkstreamId, o.AgreementId, o.Code, o.Title, o.Objective, o.LeadPartyId, o.Start, o.End,
                o.IsSample, [], [], [], [], e.Timestamp, e.Timestamp);
        }
        if (state is null) return null;

        var next = e.Data switch
        {
            ProjectOfficerAssigned a => state with { Officers = [.. state.Officers.Where(x => x.PersonId != a.PersonId), new ProjectOfficer(a.PersonId, a.Name)] },
            ProjectOfficerUnassigned u => state with { Officers = [.. state.Officers.Where(x => x.PersonId != u.PersonId)] },
            MilestonePlanned p => state with { Milestones = [.. state.Milestones, Milestone.Plan(p)] },
            IMilestoneEvent m => state with { Milestones = [.. state.Milestones.Select(x => x.Id == m.MilestoneId ? x.Apply(m) : x)] },
            IndicatorDefined d => state with
            {
                Indicators = [.. state.Indicators, new Indicator(d.IndicatorId, d.Name, d.Unit, d.Baseline, d.TargetLow, d.TargetHigh, d.Period, d.IsSample, [])],
            },
            IndicatorMeasured m => state with
            {
                Indicators = [.. state.Indicators.Select(i => i.Id == m.IndicatorId
                    ? i with { Measurements = [.. i.Measurements, new Measurement(m.Period, m.Value, m.MeasuredOn, m.Note, m.EvidenceUrl)] }
                    : i)],
            },
            StatusAssessed s => state with
            {
                Assessments = [.. state.Assessments, new Assessment(s.Rating, s.Reason, s.AssessedBy, s.PartyId, s.AssessedOn, e.Timestamp, s.CommitteeId, s.MeetingId)],
            },
            WorkSubmitted or SubmissionApproved or SubmissionReturned or CorrectionRecorded => SignOffFold.Apply(state, e),
            _ => state,
        };
        return next with { LastUpdatedAt = e.Timestamp };
    }
}

public static class Progress
{
    public static decimal Weighted(IEnumerable<Milestone> milestones)
    {
        var counted = milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();
        var totalWeight = counted.Sum(m => m.Weight);
        return totalWeight == 0 ? 0 : Math.Round(counted.Sum(m => m.Weight * m.Percent) / totalWeight, 1);
    }
}
