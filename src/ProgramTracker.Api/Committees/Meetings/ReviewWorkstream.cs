using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.Meetings;

/// <summary>A meeting's review of one workstream. The rating also goes onto the workstream's status history.</summary>
public sealed record ReviewWorkstream(Guid WorkstreamId, Rag Rating, string Comments)
{
    public static Decision Decide(ReviewWorkstream command, Committee committee, Agreement agreement, Guid meetingId)
    {
        if (CommitteeRules.HeldMeeting(committee, meetingId, out var meeting) is { } refusal) return refusal;
        if (CommitteeRules.OutsideAgreement(agreement, command.WorkstreamId, "workstreamId") is { } outside) return outside;
        if (meeting.Reviews?.Any(r => r.WorkstreamId == command.WorkstreamId) == true)
            return Refusal.Conflict("workstreamId", "already-reviewed", "This meeting already reviewed that workstream.");

        var on = meeting.HeldOn!.Value;
        var comments = command.Comments.Trim();
        return Decision.Accept(new WorkstreamReviewed(committee.Id, committee.AgreementId, meetingId, command.WorkstreamId, command.Rating, comments, on))
            .AndAppend(command.WorkstreamId, new StatusAssessed(command.WorkstreamId, committee.AgreementId, command.Rating, comments,
                committee.Name.In("en").Text, committee.PartyId, on, committee.Id, meetingId));
    }
}

public static class ReviewWorkstreamEndpoint
{
    public static ProblemDetails Validate(ReviewWorkstream command) => new InputRules()
        .NotEmpty("workstreamId", command.WorkstreamId)
        .Required("comments", command.Comments, InputRules.LongText)
        .ToProblem();

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Writes]
    [WolverinePost("/api/committees/{committeeId}/meetings/{meetingId}/reviews")]
    public static async Task<IResult> Post(Guid committeeId, Guid meetingId, ReviewWorkstream command, IDocumentSession session, HttpContext http)
    {
        var agreement = await CommitteeAgreement.LoadAsync(session, committeeId, http.RequestAborted);
        if (agreement is null) return Problems.NotFound("committee", committeeId);
        return await session.DecideAsync<Committee>(http, committeeId, command,
            committee => ReviewWorkstream.Decide(command, committee, agreement, meetingId), "committee");
    }
}
