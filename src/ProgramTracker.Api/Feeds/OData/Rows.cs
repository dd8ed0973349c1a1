namespace ProgramTracker.Api.Feeds.OData;

// The OData feed's entity types: the projected documents flattened into rows a spreadsheet can hold. Texts come
// in one column per language; a partial date as its text, its known parts, and the first day it can mean.
// Property names are C# here; the model writes them snake_case (TitleEn is title_en).

public sealed class AgreementRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string? TitleEn { get; init; }
    public string? TitleVi { get; init; }
    public string? TitleLo { get; init; }
    public string? TitleTh { get; init; }
    public string Status { get; init; } = "";
    public string? SignedOn { get; init; }
    public int? SignedOnYear { get; init; }
    public int? SignedOnMonth { get; init; }
    public int? SignedOnDay { get; init; }
    public DateOnly? SignedOnEarliest { get; init; }
    public string? ValidFrom { get; init; }
    public int? ValidFromYear { get; init; }
    public int? ValidFromMonth { get; init; }
    public int? ValidFromDay { get; init; }
    public DateOnly? ValidFromEarliest { get; init; }
    public string? ValidTo { get; init; }
    public int? ValidToYear { get; init; }
    public int? ValidToMonth { get; init; }
    public int? ValidToDay { get; init; }
    public DateOnly? ValidToLatest { get; init; }
    public string Countries { get; init; } = "";
    public string? SourceReference { get; init; }
    public Guid? PredecessorId { get; init; }
    public bool IsSample { get; init; }
    public List<WorkstreamRow> Workstreams { get; init; } = [];
    public List<CommitteeRow> Committees { get; init; } = [];
}

public sealed class WorkstreamRow
{
    public Guid Id { get; init; }
    public Guid AgreementId { get; init; }
    public string Code { get; init; } = "";
    public string? TitleEn { get; init; }
    public string? TitleVi { get; init; }
    public string? TitleLo { get; init; }
    public string? TitleTh { get; init; }
    public string? ObjectiveEn { get; init; }
    public string? ObjectiveVi { get; init; }
    public string? ObjectiveLo { get; init; }
    public string? ObjectiveTh { get; init; }
    public string? LeadPartyId { get; init; }
    public string? Start { get; init; }
    public int? StartYear { get; init; }
    public int? StartMonth { get; init; }
    public int? StartDay { get; init; }
    public DateOnly? StartEarliest { get; init; }
    public string? End { get; init; }
    public int? EndYear { get; init; }
    public int? EndMonth { get; init; }
    public int? EndDay { get; init; }
    public DateOnly? EndLatest { get; init; }
    public decimal PercentComplete { get; init; }
    public string? CurrentRag { get; init; }
    public string Officers { get; init; } = "";
    public bool IsSample { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset LastUpdatedAt { get; init; }
    public AgreementRow? Agreement { get; set; }
    public List<MilestoneRow> Milestones { get; init; } = [];
    public List<IndicatorRow> Indicators { get; init; } = [];
    public List<AssessmentRow> Assessments { get; init; } = [];
}

public sealed class MilestoneRow
{
    public Guid Id { get; init; }
    public Guid WorkstreamId { get; init; }
    public Guid AgreementId { get; init; }
    public string? TitleEn { get; init; }
    public string? TitleVi { get; init; }
    public string? TitleLo { get; init; }
    public string? TitleTh { get; init; }
    public decimal Weight { get; init; }
    public string Status { get; init; } = "";
    public int Percent { get; init; }
    public DateOnly BaselineDueDate { get; init; }
    public DateOnly DueDate { get; init; }
    public int VarianceDays { get; init; }
    public int RescheduleCount { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public DateOnly? BlockedOn { get; init; }
    public string? BlockedReason { get; init; }
    public string? LastNarrative { get; init; }
    public string? EvidenceUrl { get; init; }
    public bool IsSample { get; init; }
    public WorkstreamRow? Workstream { get; set; }
}

public sealed class IndicatorRow
{
    public Guid Id { get; init; }
    public Guid WorkstreamId { get; init; }
    public Guid AgreementId { get; init; }
    public string? NameEn { get; init; }
    public string? NameVi { get; init; }
    public string? NameLo { get; init; }
    public string? NameTh { get; init; }
    public string Unit { get; init; } = "";
    public decimal? Baseline { get; init; }
    public decimal TargetLow { get; init; }
    public decimal? TargetHigh { get; init; }
    public string Period { get; init; } = "";
    public decimal? LatestValue { get; init; }
    public DateOnly? LatestMeasuredOn { get; init; }
    public bool? TargetMet { get; init; }
    public bool IsSample { get; init; }
    public WorkstreamRow? Workstream { get; set; }
    public List<MeasurementRow> Measurements { get; init; } = [];
}

/// <summary>Measurements have no id of their own: the key is the indicator and the measurement's place in its record.</summary>
public sealed class MeasurementRow
{
    public Guid IndicatorId { get; init; }
    public int Number { get; init; }
    public Guid WorkstreamId { get; init; }
    public Guid AgreementId { get; init; }
    public string Period { get; init; } = "";
    public decimal Value { get; init; }
    public DateOnly MeasuredOn { get; init; }
    public string? Note { get; init; }
    public string? EvidenceUrl { get; init; }
    public IndicatorRow? Indicator { get; set; }
}

public sealed class AssessmentRow
{
    public Guid WorkstreamId { get; init; }
    public int Number { get; init; }
    public Guid AgreementId { get; init; }
    public string Rating { get; init; } = "";
    public string Reason { get; init; } = "";
    public string AssessedBy { get; init; } = "";
    public string? PartyId { get; init; }
    public DateOnly AssessedOn { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public Guid? CommitteeId { get; init; }
    public Guid? MeetingId { get; init; }
    public WorkstreamRow? Workstream { get; set; }
}

public sealed class CommitteeRow
{
    public Guid Id { get; init; }
    public Guid AgreementId { get; init; }
    public string? PartyId { get; init; }
    public bool IsJoint { get; init; }
    public string? NameEn { get; init; }
    public string? NameVi { get; init; }
    public string? NameLo { get; init; }
    public string? NameTh { get; init; }
    public string? MandateEn { get; init; }
    public string? MandateVi { get; init; }
    public string? MandateLo { get; init; }
    public string? MandateTh { get; init; }
    public string Quorum { get; init; } = "";
    public string? EstablishedOn { get; init; }
    public int? EstablishedOnYear { get; init; }
    public int? EstablishedOnMonth { get; init; }
    public int? EstablishedOnDay { get; init; }
    public DateOnly? EstablishedOnEarliest { get; init; }
    public bool IsSample { get; init; }
    public AgreementRow? Agreement { get; set; }
    public List<MemberRow> Members { get; init; } = [];
    public List<MeetingRow> Meetings { get; init; } = [];
    public List<DecisionRow> Decisions { get; init; } = [];
    public List<ActionItemRow> ActionItems { get; init; } = [];
}

/// <summary>One term in a seat: a person reappointed holds several rows, numbered in the committee's record.</summary>
public sealed class MemberRow
{
    public Guid CommitteeId { get; init; }
    public int Number { get; init; }
    public Guid AgreementId { get; init; }
    public string PersonId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public string PartyId { get; init; } = "";
    public Guid? WorkstreamId { get; init; }
    public DateOnly From { get; init; }
    public DateOnly? To { get; init; }
    public string? RelievedReason { get; init; }
    public CommitteeRow? Committee { get; set; }
}

public sealed class MeetingRow
{
    public Guid Id { get; init; }
    public Guid CommitteeId { get; init; }
    public Guid AgreementId { get; init; }
    public DateOnly ScheduledOn { get; init; }
    public DateOnly? HeldOn { get; init; }
    public bool Held { get; init; }
    public string? Location { get; init; }
    public int AgendaItems { get; init; }
    public int Attendees { get; init; }
    public int MembersInOffice { get; init; }
    public int QuorumRequired { get; init; }
    public bool QuorumReached { get; init; }
    public bool IsSample { get; init; }
    public CommitteeRow? Committee { get; set; }
    public List<DecisionRow> Decisions { get; init; } = [];
}

public sealed class DecisionRow
{
    public Guid Id { get; init; }
    public Guid MeetingId { get; init; }
    public Guid CommitteeId { get; init; }
    public Guid AgreementId { get; init; }
    public string Text { get; init; } = "";
    public DateOnly DecidedOn { get; init; }
    public bool Consensus { get; init; }
    public int? VotesFor { get; init; }
    public int? VotesAgainst { get; init; }
    public int? VotesAbstain { get; init; }
    public string WorkstreamsAffected { get; init; } = "";
    public MeetingRow? Meeting { get; set; }
}

public sealed class ActionItemRow
{
    public Guid Id { get; init; }
    public Guid CommitteeId { get; init; }
    public Guid AgreementId { get; init; }
    public string Text { get; init; } = "";
    public string? PersonId { get; init; }
    public string? PersonName { get; init; }
    public Guid? WorkstreamId { get; init; }
    public Guid? MeetingId { get; init; }
    public DateOnly AssignedOn { get; init; }
    public DateOnly DueDate { get; init; }
    public string Status { get; init; } = "";
    public string? LastNote { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public string? ClosedReason { get; init; }
    public CommitteeRow? Committee { get; set; }
}
