using JasperFx.Events;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.SignOff;

public enum SubmissionKind
{
    Progress,
    Completion,
    Measurement,
}

public enum SubmissionStatus
{
    Pending,
    Approved,
    Returned,
}

/// <summary>A submission as the workstream keeps it: what it will record, and where its review stands.</summary>
public sealed record Submission(
    Guid Id,
    SubmissionKind Kind,
    Guid TargetId,
    string? Period,
    DateOnly EffectiveOn,
    string SubmittedBy,
    string SubmittedByName,
    DateTimeOffset SubmittedAt,
    SubmissionStatus Status,
    WorkSubmitted Work,
    string? ReturnReason = null,
    string? ReviewedByName = null,
    DateTimeOffset? ReviewedAt = null,
    bool Answered = false)
{
    public bool IsPending => Status == SubmissionStatus.Pending;

    /// <summary>Returned and not yet answered by a new submission of the same thing.</summary>
    public bool AwaitsAnswer => Status == SubmissionStatus.Returned && !Answered;

    /// <summary>The event the submission records once approved.</summary>
    public object Fact => (object?)Work.Progress ?? (object?)Work.Completion ?? Work.Measurement!;

    public bool IsAbout(SubmissionKind kind, Guid targetId, string? period) =>
        Kind == kind && TargetId == targetId && (kind != SubmissionKind.Measurement || Period == period);

    public static Submission Of(WorkSubmitted w, DateTimeOffset at) => w switch
    {
        { Progress: { } p } => new(w.SubmissionId, SubmissionKind.Progress, p.MilestoneId, null, p.ReportedOn, w.SubmittedBy, w.SubmittedByName, at, SubmissionStatus.Pending, w),
        { Completion: { } c } => new(w.SubmissionId, SubmissionKind.Completion, c.MilestoneId, null, c.CompletedOn, w.SubmittedBy, w.SubmittedByName, at, SubmissionStatus.Pending, w),
        { Measurement: { } m } => new(w.SubmissionId, SubmissionKind.Measurement, m.IndicatorId, m.Period, m.MeasuredOn, w.SubmittedBy, w.SubmittedByName, at, SubmissionStatus.Pending, w),
        _ => throw new ArgumentException($"Submission {w.SubmissionId} records nothing.", nameof(w)),
    };
}

/// <summary>A change to a closed period's figures, as the workstream lists it.</summary>
public sealed record CorrectionNote(string Period, DateOnly EffectiveOn, string Reason, DateTimeOffset RecordedAt);

public static class SignOffFold
{
    /// <summary>The workstream's submissions and corrections after one of the sign-off events.</summary>
    public static Workstream Apply(Workstream state, IEvent e) => e.Data switch
    {
        WorkSubmitted w => Submitted(state, Submission.Of(w, e.Timestamp)),
        SubmissionApproved a => Reviewed(state, a.SubmissionId, s => s with { Status = SubmissionStatus.Approved, ReviewedByName = a.ApprovedByName, ReviewedAt = e.Timestamp }),
        SubmissionReturned r => Reviewed(state, r.SubmissionId, s => s with
        {
            Status = SubmissionStatus.Returned, ReturnReason = r.Reason, ReviewedByName = r.ReturnedByName, ReviewedAt = e.Timestamp,
        }),
        CorrectionRecorded c => state with { Corrections = [.. state.Corrections, new CorrectionNote(c.Period, c.EffectiveOn, c.Reason, e.Timestamp)] },
        _ => state,
    };

    /// <summary>A new submission answers the returned one about the same thing.</summary>
    private static Workstream Submitted(Workstream state, Submission added) => state with
    {
        Submissions = [.. state.Submissions.Select(s => s.AwaitsAnswer && s.IsAbout(added.Kind, added.TargetId, added.Period) ? s with { Answered = true } : s), added],
    };

    private static Workstream Reviewed(Workstream state, Guid id, Func<Submission, Submission> change) =>
        state with { Submissions = [.. state.Submissions.Select(s => s.Id == id ? change(s) : s)] };

    /// <summary>
    /// The workstream as it would be if every pending submission were approved now: the "submitted" figures. The
    /// approved figures are the workstream itself, since a submission's fact is appended only when approved.
    /// </summary>
    public static Workstream WithPendingApplied(this Workstream workstream) =>
        workstream.Submissions.Where(s => s.IsPending).Aggregate(workstream, (state, s) =>
        {
            var e = Event.For(s.Fact);
            e.Timestamp = s.SubmittedAt;
            return Workstream.Fold(state, e) ?? state;
        }) with { LastUpdatedAt = workstream.LastUpdatedAt };
}

/// <summary>Which figures a read shows: only what reviewers approved, or what officers submitted as if it were approved.</summary>
public enum FiguresBasis
{
    Approved,
    Submitted,
}
