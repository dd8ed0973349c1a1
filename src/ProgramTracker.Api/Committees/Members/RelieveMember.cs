using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.Members;

/// <summary>Relieves a person of one seat (role, and workstream for a focal point), or of every seat they hold.</summary>
public sealed record RelieveMember(DateOnly EffectiveOn, string Reason, CommitteeRole? Role = null, Guid? WorkstreamId = null)
{
    public static Decision Decide(RelieveMember command, Committee committee, string personId)
    {
        var seats = committee.Members.Where(m => m.PersonId == personId).ToList();
        if (seats.Count == 0)
            return Refusal.NotFound("personId", "not-a-member", $"{personId} has never sat on this committee.");

        var open = seats.Where(m => m.Open && (command.Role is not { } role || m.SameSeat(role, command.WorkstreamId ?? m.WorkstreamId))).ToList();
        if (open.Count == 0)
        {
            return command.Role is { } r && seats.Any(m => m.Open)
                ? Refusal.Conflict("role", "not-in-role", $"{seats[0].Name} does not sit on the committee as {AppointMember.Words(r)}.")
                : Refusal.Conflict("personId", "already-relieved", $"{seats[0].Name} was already relieved of their seat on the committee.");
        }
        var latest = open.Max(m => m.From);
        if (command.EffectiveOn < latest)
            return Refusal.Invalid("effectiveOn", "before-appointed", $"{seats[0].Name} was appointed on {latest:yyyy-MM-dd}; they cannot be relieved before that.");

        return Decision.Accept([.. open.Select(m => (object)new MemberRelieved(committee.Id, committee.AgreementId, personId, m.Role,
            m.WorkstreamId, command.EffectiveOn, command.Reason.Trim()))]);
    }
}

public static class RelieveMemberEndpoint
{
    public static ProblemDetails Validate(RelieveMember command, string personId) => new InputRules()
        .Required("reason", command.Reason, InputRules.LongText)
        .MaxLength("personId", personId, 80)
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/committees/{committeeId}/members/{personId}/relieve")]
    public static Task<IResult> Post(Guid committeeId, string personId, RelieveMember command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<Committee>(http, committeeId, command,
            committee => RelieveMember.Decide(command, committee, personId), "committee");
}
