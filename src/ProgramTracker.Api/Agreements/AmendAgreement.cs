using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public sealed record AmendAgreement(string Summary, string Reason, PartialDate? EffectiveOn = null, string? SourceReference = null)
{
    public static Decision Decide(AmendAgreement command, Agreement agreement)
    {
        if (agreement.Status == AgreementStatus.Closed)
            return Refusal.Conflict("agreementId", "agreement-closed", "The agreement is closed; it cannot be amended.");

        return Decision.Accept(new AgreementAmended(agreement.Id, command.Summary.Trim(), command.EffectiveOn, command.Reason.Trim(),
            command.SourceReference));
    }
}

public static class AmendAgreementEndpoint
{
    public static ProblemDetails Validate(AmendAgreement command) => new InputRules()
        .Required("summary", command.Summary, InputRules.LongText)
        .Required("reason", command.Reason, InputRules.LongText)
        .MaxLength("sourceReference", command.SourceReference, InputRules.UrlLength)
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/agreements/{agreementId}/amendments")]
    public static Task<IResult> Post(Guid agreementId, AmendAgreement command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<Agreement>(http, agreementId, command, agreement => AmendAgreement.Decide(command, agreement), "agreement");
}
