using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public sealed record ChangeAgreementStatus(AgreementStatus Status, string Reason, PartialDate? EffectiveOn = null)
{
    /// <summary>
    /// The life of an agreement runs forward: draft, signed, in force, then expired or closed. An expired agreement
    /// may come back into force (after an extension); nothing leaves closed.
    /// </summary>
    public static readonly IReadOnlyDictionary<AgreementStatus, AgreementStatus[]> Allowed = new Dictionary<AgreementStatus, AgreementStatus[]>
    {
        [AgreementStatus.Draft] = [AgreementStatus.Signed, AgreementStatus.InForce, AgreementStatus.Closed],
        [AgreementStatus.Signed] = [AgreementStatus.InForce, AgreementStatus.Expired, AgreementStatus.Closed],
        [AgreementStatus.InForce] = [AgreementStatus.Expired, AgreementStatus.Closed],
        [AgreementStatus.Expired] = [AgreementStatus.InForce, AgreementStatus.Closed],
        [AgreementStatus.Closed] = [],
    };

    public static Decision Decide(ChangeAgreementStatus command, Agreement agreement, DateOnly today)
    {
        if (agreement.Status == AgreementStatus.Closed)
            return Refusal.Conflict("status", "agreement-closed", "The agreement is closed; its status cannot change any more.");
        if (command.Status == agreement.Status)
            return Refusal.Conflict("status", "no-change", $"The agreement is already {StatusWords.Of(agreement.Status)}.");
        if (!Allowed[agreement.Status].Contains(command.Status))
            return Refusal.Conflict("status", "transition-not-allowed",
                $"An agreement that is {StatusWords.Of(agreement.Status)} cannot become {StatusWords.Of(command.Status)}.");
        if (command.EffectiveOn?.Earliest is { } effective && effective > today)
            return Refusal.Invalid("effectiveOn", "future-date", "A status change cannot take effect on a date in the future.");

        return Decision.Accept(new AgreementStatusChanged(agreement.Id, agreement.Status, command.Status,
            command.EffectiveOn ?? PartialDate.Of(today), command.Reason.Trim()));
    }
}

public static class ChangeAgreementStatusEndpoint
{
    public static ProblemDetails Validate(ChangeAgreementStatus command) => new InputRules()
        .Required("reason", command.Reason, InputRules.LongText)
        .Must(command.EffectiveOn is null || command.EffectiveOn.YearStated, "effectiveOn", "year-required",
            "'effectiveOn' must state the year.")
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/agreements/{agreementId}/status")]
    public static Task<IResult> Post(Guid agreementId, ChangeAgreementStatus command, IDocumentSession session, HttpContext http,
        TimeProvider clock) =>
        session.DecideAsync<Agreement>(http, agreementId, command,
            agreement => ChangeAgreementStatus.Decide(command, agreement, clock.Today()), "agreement");
}

public static class StatusWords
{
    public static string Of(AgreementStatus status) => status switch
    {
        AgreementStatus.InForce => "in force",
        _ => status.ToString().ToLowerInvariant(),
    };
}
