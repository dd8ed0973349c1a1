using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.SignOff;

/// <summary>From now on progress, completions and measurements on the agreement count only once a reviewer approves them.</summary>
public sealed record SignOffRequired(Guid AgreementId, IReadOnlyList<string> Reviewers, string Reason) : IAgreementEvent;

public sealed record SignOffNoLongerRequired(Guid AgreementId, string Reason) : IAgreementEvent;

/// <summary>A quarter or a year whose figures are final: a later change dated inside it is a correction.</summary>
public sealed record ReportingPeriodClosed(Guid AgreementId, string Period, DateOnly From, DateOnly To) : IAgreementEvent;

/// <summary>
/// What an officer recorded on an agreement that requires sign-off, waiting for a reviewer: the fact it will become
/// (exactly one of progress, completion or measurement) and, when it is dated in a closed period, the correction's reason.
/// </summary>
public sealed record WorkSubmitted(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid SubmissionId,
    string SubmittedBy,
    string SubmittedByName,
    MilestoneProgressReported? Progress = null,
    MilestoneCompleted? Completion = null,
    IndicatorMeasured? Measurement = null,
    string? CorrectionReason = null) : IWorkstreamEvent;

/// <summary>A reviewer approved a submission; its fact follows it in the same stream and counts from then on.</summary>
public sealed record SubmissionApproved(Guid WorkstreamId, Guid AgreementId, Guid SubmissionId, string ApprovedBy, string ApprovedByName)
    : IWorkstreamEvent;

/// <summary>A reviewer sent a submission back with a reason; the officer answers with a new submission.</summary>
public sealed record SubmissionReturned(Guid WorkstreamId, Guid AgreementId, Guid SubmissionId, string Reason, string ReturnedBy,
    string ReturnedByName) : IWorkstreamEvent;

/// <summary>The fact that follows changes a figure of a closed period, for the reason given.</summary>
public sealed record CorrectionRecorded(Guid WorkstreamId, Guid AgreementId, string Period, DateOnly EffectiveOn, string Reason)
    : IWorkstreamEvent;
