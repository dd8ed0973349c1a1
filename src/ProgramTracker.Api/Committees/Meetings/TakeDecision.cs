using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.Meetings;

/// <summary>A decision a meeting takes, by vote or by consensus. Only a meeting that reached its quorum decides.</summary>
public sealed record TakeDecision(string Text, IReadOnlyList<Guid>? WorkstreamsAffected = null, Votes? Votes = null, bool Consensus = false,
    Guid? DecisionId = null)
{
    public static Decision Decide(TakeDecision command, Committee committee, Agreement agreement, Guid meetingId, Guid decisionId)
    {
        if (CommitteeRules.HeldMeeting(committee, meetingId, out var meeting) is { } refusal) return refusal;
        if (!meeting.QuorumReached)
            return Refusal.Conflict("quorum", "no-quorum",
                $"The meeting of {meeting.HeldOn:yyyy-MM-dd} had {meeting.Attendees?.Count ?? 0} of the {meeting.QuorumRequired} members its quorum " +
                $"({committee.Quorum}) needs, so it cannot take decisions.");
        if (CommitteeRules.OutsideAgreement(agreement, command.WorkstreamsAffected, "workstreamsAffected") is { } outside) return outside;
        if (command.Votes is { } votes && votes.For + votes.Against + votes.Abstain > (meeting.Attendees?.Count ?? 0))
            return Refusal.Invalid("votes", "votes-exceed-attendees",
                $"{votes.For + votes.Against + votes.Abstain} votes were noted but only {meeting.Attendees?.Count ?? 0} members attended.");
        if (meeting.Decisions?.Any(d => d.DecisionId == decisionId) == true)
            return Refusal.Conflict("decisionId", "decision-exists", $"The meeting already has a decision with the id {decisionId}.");

        return Decision.Accept(new DecisionTaken(committee.Id, committee.AgreementId, meetingId, decisionId, command.Text.Trim(),
            [.. (command.WorkstreamsAffected ?? []).Distinct()], command.Votes, command.Consensus, meeting.HeldOn!.Value));
    }
}

public static class TakeDecisionEndpoint
{
    public static ProblemDetails Validate(TakeDecision command) => new InputRules()
        .Required("text", command.Text, InputRules.LongText)
        .Must(command.Votes is not null ^ command.Consensus, "votes", "votes-or-consensus",
            "Note either the 'votes' (for, against, abstain) or 'consensus': true, not both.")
        .Must(command.Votes is null || command.Votes is { For: >= 0, Against: >= 0, Abstain: >= 0 }, "votes", "range",
            "Vote counts cannot be negative.")
        .Must(command.WorkstreamsAffected is null || command.WorkstreamsAffected.Count <= 50, "workstreamsAffected", "max-workstreams",
            "At most 50 workstreams.")
        .ToProblem();

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Creates]
    [WolverinePost("/api/committees/{committeeId}/meetings/{meetingId}/decisions")]
    public static async Task<IResult> Post(Guid committeeId, Guid meetingId, TakeDecision command, IDocumentSession session, HttpContext http)
    {
        var agreement = await CommitteeAgreement.LoadAsync(session, committeeId, http.RequestAborted);
        if (agreement is null) return Problems.NotFound("committee", committeeId);
        var decisionId = command.DecisionId ?? Guid.CreateVersion7();
        return await session.DecideAsync<Committee>(http, committeeId, command,
            committee => TakeDecision.Decide(command, committee, agreement, meetingId, decisionId), "committee",
            new Created(decisionId, $"/api/committees/{committeeId}/meetings/{meetingId}"));
    }
}
