using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Money;

/// <summary>From <see cref="EffectiveOn"/>, one <see cref="Currency"/> is worth <see cref="Rate"/> of the reporting currency.</summary>
public sealed record SetExchangeRate(string Currency, decimal Rate, DateOnly EffectiveOn)
{
    public static Decision Decide(SetExchangeRate command, AgreementMoney money, bool isSample = false)
    {
        var code = Currencies.Normalize(command.Currency);
        if (money.ReportingCurrency is not { } reporting)
            return Refusal.Conflict("currency", "no-reporting-currency", "Set the agreement's reporting currency before its exchange rates.");
        if (code == reporting)
            return Refusal.Invalid("currency", "reporting-currency", $"{code} is the reporting currency; its rate is always 1.");
        return Decision.Accept(new ExchangeRateSet(money.Id, code, reporting, command.Rate, command.EffectiveOn, isSample));
    }
}

public static class SetExchangeRateEndpoint
{
    public static ProblemDetails Validate(SetExchangeRate command) => new InputRules()
        .Currency("currency", command.Currency)
        .Must(command.Rate > 0, "rate", "positive", "'rate' must be more than 0.")
        .Must(command.Rate < 1_000_000_000m, "rate", "range", "'rate' must be less than 1,000,000,000.")
        .Must(command.Rate == Math.Round(command.Rate, 10), "rate", "too-many-decimals", "'rate' has at most 10 decimals.")
        .Day("effectiveOn", command.EffectiveOn)
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/agreements/{agreementId}/money/rates")]
    public static Task<IResult> Post(Guid agreementId, SetExchangeRate command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<AgreementMoney>(http, agreementId, command, money => SetExchangeRate.Decide(command, money), "agreement");
}
