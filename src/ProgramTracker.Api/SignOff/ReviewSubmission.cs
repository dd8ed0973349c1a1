using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;
using Wolverine.Http;

namespace ProgramTracker.Api.SignOff;

/// <summary>Who reviews: the signed-in user, the person id they sign in with, and whether they administer.</summary>
public sealed record Reviewer(Actor Actor, string? PersonId, bool IsAdministrator)
{
    public bool MayReview(Agreement? agreement) =>
        IsAdministrator || PersonId is { } person && agreement?.Reviewers.Contains(person) == true;

    public static async Task<Reviewer> FromAsync(HttpContext http)
    {
        var access = await http.AccessAsync();
        return new Reviewer(Actor.From(http.User), access.PersonId, access.IsAdministrator);
    }
}

public static class Review
{
    public static async Task<Agreement?> AgreementOfAsync(IQuerySession session, HttpContext http, Guid workstreamId)
    {
        var directory = http.RequestServices.GetRequiredService<ResourceDirectory>();
        return await directory.AgreementOfAsync(ResourceKind.Workstream, workstreamId, http.RequestAborted) is { } id
            ? await session.LoadAsync<Agreement>(id, http.RequestAborted)
            : null;
    }

    /// <summary>The pending submission a reviewer may act on, or why not.</summary>
    public static Refusal? Reviewable(Workstream workstream, Guid submissionId, Agreement? agreement, Reviewer reviewer)
    {
        var submission = workstream.Submissions.FirstOrDefault(s => s.Id == submissionId);
        if (submission is null)
            return Refusal.NotFound("submissionId", "not-found", $"The workstream has no submission {submissionId}.");
        if (!reviewer.MayReview(agreement))
            return Refusal.Forbidden("submissionId", "not-a-reviewer",
                "Only the agreement's named reviewers (and administrators) may review its submissions.");
        if (submission.SubmittedBy == reviewer.Actor.Id)
            return Refusal.Forbidden("submissionId", "own-submission", "Nobody may review their own submission; another reviewer must.");
        return submission.Status switch
        {
            SubmissionStatus.Approved => Refusal.Conflict("submissionId", "already-approved",
                $"{submission.ReviewedByName} already approved this submission."),
            SubmissionStatus.Returned => Refusal.Conflict("submissionId", "already-returned",
                $"{submission.ReviewedByName} already returned this submission; the officer answers it with a new one."),
            _ => null,
        };
    }
}

/// <summary>Approving a submission records its fact (after a correction note when it falls in a closed period).</summary>
public sealed record ApproveSubmission(Guid SubmissionId)
{
    public static Decision Decide(Workstream workstream, Guid submissionId, Agreement? agreement, Reviewer reviewer)
    {
        if (Review.Reviewable(workstream, submissionId, agreement, reviewer) is { } refused) return refused;
        var submission = workstream.Submissions.First(s => s.Id == submissionId);

        // What happened to the milestone since it was submitted may stop the submission from counting as it stands.
        if (submission.Kind != SubmissionKind.Measurement)
        {
            var verb = submission.Kind == SubmissionKind.Completion ? "complete" : "take progress reports";
            if (MilestoneRules.Open(workstream, submission.TargetId, verb) is { } closed) return closed with { Field = "submissionId" };
            if (submission.Kind == SubmissionKind.Completion && workstream.FindMilestone(submission.TargetId)!.Status == MilestoneStatus.Blocked)
                return Refusal.Conflict("submissionId", "milestone-blocked", "The milestone was blocked since; unblock it first, or return the submission.");
        }
        var recorder = Recorder.For(agreement, reviewer.Actor, Guid.Empty);
        if (recorder.ClosedOn(submission.EffectiveOn) is { } period && submission.Work.CorrectionReason is null)
            return Refusal.Conflict("submissionId", "period-closed",
                $"{period.Period} was closed after this was submitted; return it so that the officer resubmits it as a correction.");

        var approved = new SubmissionApproved(workstream.Id, workstream.AgreementId, submissionId, reviewer.Actor.Id, reviewer.Actor.Name);
        return submission.Work.CorrectionReason is { } reason && recorder.ClosedOn(submission.EffectiveOn) is not null
            ? Decision.Accept(approved, recorder.Corrected(workstream, submission.EffectiveOn, reason), submission.Fact)
            : Decision.Accept(approved, submission.Fact);
    }
}

public sealed record ReturnSubmission(string Reason)
{
    public static Decision Decide(ReturnSubmission command, Workstream workstream, Guid submissionId, Agreement? agreement, Reviewer reviewer)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Refusal.Invalid("reason", "required", "Say why the submission goes back, so that the officer can answer it.");
        if (Review.Reviewable(workstream, submissionId, agreement, reviewer) is { } refused) return refused;
        return Decision.Accept(new SubmissionReturned(workstream.Id, workstream.AgreementId, submissionId, command.Reason.Trim(),
            reviewer.Actor.Id, reviewer.Actor.Name));
    }
}

public static class ApproveSubmissionEndpoint
{
    [Authorize(Policy = Policies.ReadWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/submissions/{submissionId}/approve")]
    public static async Task<IResult> Post(Guid workstreamId, Guid submissionId, IDocumentSession session, HttpContext http)
    {
        var agreement = await Review.AgreementOfAsync(session, http, workstreamId);
        var reviewer = await Reviewer.FromAsync(http);
        return await session.DecideAsync<Workstream>(http, workstreamId, new ApproveSubmission(submissionId),
            workstream => ApproveSubmission.Decide(workstream, submissionId, agreement, reviewer), "workstream");
    }
}

public static class ReturnSubmissionEndpoint
{
    public static ProblemDetails Validate(ReturnSubmission command) => new InputRules()
        .Required("reason", command.Reason, InputRules.LongText)
        .ToProblem();

    [Authorize(Policy = Policies.ReadWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/submissions/{submissionId}/return")]
    public static async Task<IResult> Post(Guid workstreamId, Guid submissionId, ReturnSubmission command, IDocumentSession session,
        HttpContext http)
    {
        var agreement = await Review.AgreementOfAsync(session, http, workstreamId);
        var reviewer = await Reviewer.FromAsync(http);
        return await session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => ReturnSubmission.Decide(command, workstream, submissionId, agreement, reviewer), "workstream");
    }
}
