using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Money;

/// <summary>
/// A workstream's budget by year and funding source, in the agreement's reporting currency. The first one is the
/// baseline and stays; every later one revises the current budget and needs a reason, as a rescheduled milestone does.
/// </summary>
public sealed record SetBudget(IReadOnlyList<BudgetLine> Lines, string? Reason = null, DateOnly? On = null)
{
    public const int MaxLines = 200;

    public static Decision Decide(SetBudget command, WorkstreamMoney workstream, AgreementMoney agreement, DateOnly today, bool isSample = false)
    {
        if (agreement.ReportingCurrency is not { } currency)
            return Refusal.Conflict("lines", "no-reporting-currency", "Set the agreement's reporting currency before a budget.");
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var line = command.Lines[i];
            if (agreement.FindSource(line.SourceId) is null)
                return Refusal.Invalid($"lines[{i}].sourceId", "unknown-source", $"The agreement has no funding source '{line.SourceId}'.");
            if (!Currencies.FitsMinorUnits(line.Amount, currency))
                return Refusal.Invalid($"lines[{i}].amount", "too-many-decimals",
                    $"The budget is in {currency}, which has {Currencies.MinorUnits(currency)} decimals; this amount has more.");
        }
        var on = command.On ?? today;
        if (MoneyRules.NotInFuture("on", on, today) is { } future) return future;
        var lines = command.Lines.OrderBy(l => l.Year).ThenBy(l => l.SourceId, StringComparer.Ordinal).ToList();

        if (!workstream.HasBudget) return Decision.Accept(new BudgetBaselined(workstream.Id, workstream.AgreementId, currency, lines, on, isSample));
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Refusal.Invalid("reason", "reason-required", "The workstream has a baseline budget already; say why the budget is revised.");
        return Decision.Accept(new BudgetRevised(workstream.Id, workstream.AgreementId, currency, lines, command.Reason.Trim(), on));
    }
}

public static class SetBudgetEndpoint
{
    public static ProblemDetails Validate(SetBudget command)
    {
        var rules = new InputRules()
            .Must(command.Lines is { Count: > 0 }, "lines", "required", "A budget has at least one line (a year, a funding source and an amount).")
            .Must(command.Lines is not { Count: > SetBudget.MaxLines }, "lines", "max-items", $"A budget has at most {SetBudget.MaxLines} lines.")
            .MaxLength("reason", command.Reason, InputRules.LongText)
            .Day("on", command.On);
        var lines = command.Lines ?? [];
        for (var i = 0; i < lines.Count && i < SetBudget.MaxLines; i++)
        {
            var line = lines[i];
            rules.Must(line.Year is >= 1990 and <= 2200, $"lines[{i}].year", "range", "A budget year is between 1990 and 2200.")
                .Required($"lines[{i}].sourceId", line.SourceId, 60)
                .Amount($"lines[{i}].amount", line.Amount, null);
        }
        var duplicate = lines.GroupBy(l => (l.Year, l.SourceId)).FirstOrDefault(g => g.Count() > 1);
        rules.Must(duplicate is null, "lines", "duplicate-line", $"The budget names {duplicate?.Key.SourceId} in {duplicate?.Key.Year} twice; one line each.");
        return rules.ToProblem();
    }

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePut("/api/workstreams/{workstreamId}/money/budget")]
    public static async Task<IResult> Put(Guid workstreamId, SetBudget command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var agreement = await WorkstreamMoneyWrites.AgreementOfAsync(session, workstreamId, http.RequestAborted);
        return await session.DecideAsync<WorkstreamMoney>(http, workstreamId, command,
            money => SetBudget.Decide(command, money, agreement ?? WorkstreamMoneyWrites.NoSettings(money), clock.Today()), "workstream");
    }
}

public static class WorkstreamMoneyWrites
{
    /// <summary>The money settings of the agreement a workstream belongs to; null when there is no such workstream.</summary>
    public static async Task<AgreementMoney?> AgreementOfAsync(IQuerySession session, Guid workstreamId, CancellationToken ct) =>
        await session.LoadAsync<WorkstreamMoney>(workstreamId, ct) is { } money
            ? await session.LoadAsync<AgreementMoney>(money.AgreementId, ct)
            : null;

    public static AgreementMoney NoSettings(WorkstreamMoney money) => new(money.AgreementId, [], null, [], []);
}
