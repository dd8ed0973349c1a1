using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Workstreams;

/// <summary>Every workstream event names its workstream and agreement, so cross-stream views group without lookups.</summary>
public interface IWorkstreamEvent
{
    Guid WorkstreamId { get; }
    Guid AgreementId { get; }
}

public interface IMilestoneEvent : IWorkstreamEvent
{
    Guid MilestoneId { get; }
}

public enum Rag
{
    Green,
    Amber,
    Red,
}

public enum IndicatorPeriod
{
    Once,
    Annual,
    Quarterly,
    Monthly,
    Cumulative,
}

public sealed record WorkstreamOpened(
    Guid WorkstreamId,
    Guid AgreementId,
    string Code,
    LocalizedText Title,
    LocalizedText? Objective,
    string? LeadPartyId,
    PartialDate? Start,
    PartialDate? End,
    bool IsSample) : IWorkstreamEvent;

public sealed record ProjectOfficerAssigned(Guid WorkstreamId, Guid AgreementId, string PersonId, string Name) : IWorkstreamEvent;

public sealed record ProjectOfficerUnassigned(Guid WorkstreamId, Guid AgreementId, string PersonId, string Reason) : IWorkstreamEvent;

public sealed record MilestonePlanned(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid MilestoneId,
    LocalizedText Title,
    DateOnly DueDate,
    decimal Weight,
    bool IsSample) : IMilestoneEvent;

public sealed record MilestoneStarted(Guid WorkstreamId, Guid AgreementId, Guid MilestoneId, DateOnly StartedOn) : IMilestoneEvent;

public sealed record MilestoneProgressReported(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid MilestoneId,
    int Percent,
    string Narrative,
    string? EvidenceUrl,
    DateOnly ReportedOn) : IMilestoneEvent;

public sealed record MilestoneCompleted(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid MilestoneId,
    DateOnly CompletedOn,
    string? EvidenceUrl,
    string? Note) : IMilestoneEvent;

public sealed record MilestoneRescheduled(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid MilestoneId,
    DateOnly PreviousDueDate,
    DateOnly NewDueDate,
    string Reason) : IMilestoneEvent;

public sealed record MilestoneBlocked(Guid WorkstreamId, Guid AgreementId, Guid MilestoneId, string Reason, DateOnly BlockedOn) : IMilestoneEvent;

public sealed record MilestoneUnblocked(Guid WorkstreamId, Guid AgreementId, Guid MilestoneId, string Reason, DateOnly UnblockedOn) : IMilestoneEvent;

public sealed record MilestoneCancelled(Guid WorkstreamId, Guid AgreementId, Guid MilestoneId, string Reason, DateOnly CancelledOn) : IMilestoneEvent;

public sealed record IndicatorDefined(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid IndicatorId,
    LocalizedText Name,
    string Unit,
    decimal? Baseline,
    decimal TargetLow,
    decimal? TargetHigh,
    IndicatorPeriod Period,
    bool IsSample) : IWorkstreamEvent;

public sealed record IndicatorMeasured(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid IndicatorId,
    decimal Value,
    string Period,
    DateOnly MeasuredOn,
    string? Note,
    string? EvidenceUrl) : IWorkstreamEvent;

/// <summary>A RAG rating of the workstream, by a named assessor for one side (or by a committee review).</summary>
public sealed record StatusAssessed(
    Guid WorkstreamId,
    Guid AgreementId,
    Rag Rating,
    string Reason,
    string AssessedBy,
    string? PartyId,
    DateOnly AssessedOn,
    Guid? CommitteeId = null,
    Guid? MeetingId = null) : IWorkstreamEvent;
