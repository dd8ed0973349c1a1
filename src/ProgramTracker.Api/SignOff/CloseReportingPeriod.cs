using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.SignOff;

/// <summary>Closes a quarter ("2025-Q1") or a year ("2025") of the agreement's reporting: its figures become final.</summary>
public sealed record CloseReportingPeriod(string Period)
{
    public static Decision Decide(CloseReportingPeriod command, Agreement agreement, DateOnly today)
    {
        if (ReportingPeriod.Parse(command.Period) is not { } period)
            return Refusal.Invalid("period", "period-format", "Name the period as a year (2025) or a quarter (2025-Q1).");
        if (agreement.ClosedPeriods.FirstOrDefault(c => c.From <= period.From && c.To >= period.To) is { } closed)
            return Refusal.Conflict("period", "period-already-closed",
                closed.Period == period.Period ? $"{period.Period} is already closed." : $"{period.Period} is already closed, as part of {closed.Period}.");
        if (period.To >= today)
            return Refusal.Invalid("period", "period-not-ended", $"{period.Period} has not ended yet; it can be closed from {period.To.AddDays(1):yyyy-MM-dd}.");

        return Decision.Accept(new ReportingPeriodClosed(agreement.Id, period.Period, period.From, period.To));
    }
}

public static class CloseReportingPeriodEndpoint
{
    public static ProblemDetails Validate(CloseReportingPeriod command) => new InputRules()
        .Required("period", command.Period, 20)
        .Must(string.IsNullOrWhiteSpace(command.Period) || ReportingPeriod.Parse(command.Period) is not null, "period", "period-format",
            "'period' must be a year (2025) or a quarter (2025-Q1).")
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/agreements/{agreementId}/periods/close")]
    public static Task<IResult> Post(Guid agreementId, CloseReportingPeriod command, IDocumentSession session, HttpContext http,
        TimeProvider clock) =>
        session.DecideAsync<Agreement>(http, agreementId, command,
            agreement => CloseReportingPeriod.Decide(command, agreement, clock.Today()), "agreement");
}
