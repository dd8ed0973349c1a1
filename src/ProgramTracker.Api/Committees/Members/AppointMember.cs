using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.Members;

public sealed record AppointMember(
    string PersonId,
    string Name,
    CommitteeRole Role,
    string PartyId,
    DateOnly EffectiveOn,
    Guid? WorkstreamId = null)
{
    public static Decision Decide(AppointMember command, Committee committee, Agreement agreement)
    {
        if (CommitteeRules.BeforeEstablished(committee, command.EffectiveOn, "effectiveOn") is { } early) return early;
        if (!agreement.HasParty(command.PartyId))
            return Refusal.Invalid("partyId", "party-unknown", $"'{command.PartyId}' is not a party to the agreement '{agreement.Code}'.");
        if (committee.PartyId is { } side && side != command.PartyId)
            return Refusal.Invalid("partyId", "party-other-side", $"This committee is '{side}''s own; its members sit for '{side}'.");
        if (command.WorkstreamId is { } ws && CommitteeRules.OutsideAgreement(agreement, ws, "workstreamId") is { } outside) return outside;

        var personId = command.PersonId.Trim();
        if (committee.Members.Any(m => m.PersonId == personId && m.SameSeat(command.Role, command.WorkstreamId) && (m.To is not { } to || to > command.EffectiveOn)))
            return Refusal.Conflict("personId", "already-member",
                $"{command.Name} already sits on the committee as {Words(command.Role)}; relieve them first to appoint them again.");
        if (command.Role == CommitteeRole.Chair
            && committee.Members.FirstOrDefault(m => m.Role == CommitteeRole.Chair && (m.To is not { } to || to > command.EffectiveOn)) is { } chair)
            return Refusal.Conflict("role", "second-chair",
                $"{chair.Name} chairs the committee from {chair.From:yyyy-MM-dd}; relieve them before appointing another chair.");

        return Decision.Accept(new MemberAppointed(committee.Id, committee.AgreementId, personId, command.Name.Trim(), command.Role,
            command.PartyId, command.WorkstreamId, command.EffectiveOn));
    }

    internal static string Words(CommitteeRole role) => role switch
    {
        CommitteeRole.ViceChair => "vice-chair",
        CommitteeRole.FocalPoint => "focal point",
        _ => role.ToString().ToLowerInvariant(),
    };
}

public static class AppointMemberEndpoint
{
    public static ProblemDetails Validate(AppointMember command) => new InputRules()
        .Required("personId", command.PersonId, 80)
        .Required("name", command.Name)
        .Required("partyId", command.PartyId, 40)
        .Must(command.Role != CommitteeRole.FocalPoint || command.WorkstreamId is not null, "workstreamId", "required",
            "A focal point is appointed for a workstream: 'workstreamId' is required.")
        .Must(command.Role == CommitteeRole.FocalPoint || command.WorkstreamId is null, "workstreamId", "focal-point-only",
            "Only a focal point is appointed for a workstream.")
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/committees/{committeeId}/members")]
    public static async Task<IResult> Post(Guid committeeId, AppointMember command, IDocumentSession session, HttpContext http)
    {
        var agreement = await CommitteeAgreement.LoadAsync(session, committeeId, http.RequestAborted);
        if (agreement is null) return Problems.NotFound("committee", committeeId);
        return await session.DecideAsync<Committee>(http, committeeId, command,
            committee => AppointMember.Decide(command, committee, agreement), "committee");
    }
}
