using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Money;

public sealed record SetReportingCurrency(string Currency)
{
    /// <summary>Set once: every converted figure and budget is in it, so changing it would change what was recorded.</summary>
    public static Decision Decide(SetReportingCurrency command, AgreementMoney money)
    {
        var code = Currencies.Normalize(command.Currency);
        if (money.ReportingCurrency == code) return Decision.Accept();
        if (money.ReportingCurrency is { } set)
            return Refusal.Conflict("currency", "reporting-currency-set",
                $"The agreement already reports in {set}; its budgets and converted figures are in it, so it cannot change.");
        return Decision.Accept(new ReportingCurrencySet(money.Id, code));
    }
}

public static class SetReportingCurrencyEndpoint
{
    public static ProblemDetails Validate(SetReportingCurrency command) => new InputRules().Currency("currency", command.Currency).ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePut("/api/agreements/{agreementId}/money/reporting-currency")]
    public static Task<IResult> Put(Guid agreementId, SetReportingCurrency command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<AgreementMoney>(http, agreementId, command, money => SetReportingCurrency.Decide(command, money), "agreement");
}
