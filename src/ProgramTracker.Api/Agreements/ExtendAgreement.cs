using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public sealed record ExtendAgreement(PartialDate NewEnd, string Reason)
{
    public static Decision Decide(ExtendAgreement command, Agreement agreement)
    {
        if (agreement.Status == AgreementStatus.Closed)
            return Refusal.Conflict("agreementId", "agreement-closed", "The agreement is closed; it cannot be extended.");
        if (agreement.Validity.To?.Latest is not { } currentEnd)
            return Refusal.Conflict("newEnd", "no-end-to-extend", "The agreement has no known end date, so there is nothing to extend.");
        if (command.NewEnd.Latest is not { } newEnd || newEnd <= currentEnd)
            return Refusal.Invalid("newEnd", "must-be-later",
                $"An extension must move the end later than the current end ({agreement.Validity.To}).");

        return Decision.Accept(new AgreementExtended(agreement.Id, agreement.Validity.To, command.NewEnd, command.Reason.Trim()));
    }
}

public static class ExtendAgreementEndpoint
{
    public static ProblemDetails Validate(ExtendAgreement command) => new InputRules()
        .Required("reason", command.Reason, InputRules.LongText)
        .Must(command.NewEnd is null || command.NewEnd.YearStated, "newEnd", "year-required", "'newEnd' must state the year.")
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/agreements/{agreementId}/extensions")]
    public static Task<IResult> Post(Guid agreementId, ExtendAgreement command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<Agreement>(http, agreementId, command, agreement => ExtendAgreement.Decide(command, agreement), "agreement");
}
