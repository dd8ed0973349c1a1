using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Officers;

/// <summary>Names a person who records what happens in the workstream.</summary>
public sealed record AssignProjectOfficer(string PersonId, string Name)
{
    public static Decision Decide(AssignProjectOfficer command, Workstream workstream)
    {
        var personId = command.PersonId.Trim();
        if (workstream.Officers.FirstOrDefault(o => o.PersonId == personId) is { } assigned)
            return Refusal.Conflict("personId", "already-assigned", $"{assigned.Name} ({personId}) is already a project officer of this workstream.");

        return Decision.Accept(new ProjectOfficerAssigned(workstream.Id, workstream.AgreementId, personId, command.Name.Trim()));
    }
}

public static class AssignProjectOfficerEndpoint
{
    public static ProblemDetails Validate(AssignProjectOfficer command) => new InputRules()
        .Required("personId", command.PersonId, 100)
        .Required("name", command.Name)
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/officers")]
    public static Task<IResult> Post(Guid workstreamId, AssignProjectOfficer command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => AssignProjectOfficer.Decide(command, workstream), "workstream");
}
