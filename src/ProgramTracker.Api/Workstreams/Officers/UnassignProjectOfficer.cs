using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Officers;

public sealed record UnassignProjectOfficer(string Reason)
{
    public static Decision Decide(UnassignProjectOfficer command, Workstream workstream, string personId)
    {
        if (workstream.Officers.All(o => o.PersonId != personId))
            return Refusal.NotFound("personId", "not-assigned", $"'{personId}' is not a project officer of this workstream.");

        return Decision.Accept(new ProjectOfficerUnassigned(workstream.Id, workstream.AgreementId, personId, command.Reason.Trim()));
    }
}

public static class UnassignProjectOfficerEndpoint
{
    public static ProblemDetails Validate(UnassignProjectOfficer command, string personId) => new InputRules()
        .Reason(command.Reason)
        .MaxLength("personId", personId, 100)
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/officers/{personId}/unassign")]
    public static Task<IResult> Post(Guid workstreamId, string personId, UnassignProjectOfficer command, IDocumentSession session,
        HttpContext http) =>
        session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => UnassignProjectOfficer.Decide(command, workstream, personId), "workstream");
}
