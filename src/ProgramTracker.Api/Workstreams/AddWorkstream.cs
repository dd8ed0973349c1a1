using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams;

public sealed record AddWorkstream(
    string Code,
    LocalizedText Title,
    LocalizedText? Objective = null,
    string? LeadPartyId = null,
    PartialDate? Start = null,
    PartialDate? End = null,
    Guid? WorkstreamId = null)
{
    public static Decision Decide(AddWorkstream command, Agreement agreement, Guid workstreamId, bool isSample = false)
    {
        var code = command.Code.Trim();
        if (agreement.Status is AgreementStatus.Closed or AgreementStatus.Expired)
            return Refusal.Conflict("agreementId", "agreement-ended", $"The agreement is {agreement.Status.ToString().ToLowerInvariant()}; it takes no new workstreams.");
        if (agreement.Workstreams.Any(w => string.Equals(w.Code, code, StringComparison.OrdinalIgnoreCase)))
            return Refusal.Conflict("code", "code-taken", $"The agreement already has a workstream with the code '{code}'.");
        if (command.LeadPartyId is { } lead && !agreement.HasParty(lead))
            return Refusal.Invalid("leadPartyId", "party-unknown", $"'{lead}' is not a party to this agreement.");
        if (command.Start?.Earliest is { } start && !agreement.Validity.MayContain(start))
            return Refusal.Invalid("start", "outside-validity", "The workstream cannot start outside the agreement's validity period.");
        if (command.End?.Latest is { } end && agreement.Validity.To?.Latest is { } validTo && end > validTo)
            return Refusal.Invalid("end", "outside-validity", "The workstream cannot end after the agreement's validity period.");

        return Decision.Accept(new WorkstreamAdded(agreement.Id, workstreamId, code))
            .AndStart<Workstream>(workstreamId, new WorkstreamOpened(workstreamId, agreement.Id, code, command.Title,
                command.Objective, command.LeadPartyId, command.Start, command.End, isSample));
    }
}

public static class AddWorkstreamEndpoint
{
    public static ProblemDetails Validate(AddWorkstream command)
    {
        var rules = new InputRules()
            .Required("code", command.Code, 40)
            .Text("title", command.Title, maxLength: 500)
            .Text("objective", command.Objective, required: false, maxLength: InputRules.LongText)
            .MaxLength("leadPartyId", command.LeadPartyId, 40);
        if (command is { Start.Earliest: { } s, End.Latest: { } e })
            rules.Must(s <= e, "end", "period-order", "The workstream must end after it starts.");
        return rules.ToProblem();
    }

    [Authorize(Policy = Policies.Administrator)]
    [Creates]
    [WolverinePost("/api/agreements/{agreementId}/workstreams")]
    public static Task<IResult> Post(Guid agreementId, AddWorkstream command, IDocumentSession session, HttpContext http)
    {
        var workstreamId = command.WorkstreamId ?? Guid.CreateVersion7();
        return session.DecideAsync<Agreement>(http, agreementId, command,
            agreement => AddWorkstream.Decide(command, agreement, workstreamId),
            "agreement", new Created(workstreamId, $"/api/workstreams/{workstreamId}"));
    }
}
