using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Indicators;

/// <summary>
/// What the workstream measures and the target it aims for: one number ("20 officials trained a year") or a
/// range ("2–3 experts sent").
/// </summary>
public sealed record DefineIndicator(
    LocalizedText Name,
    string Unit,
    decimal TargetLow,
    IndicatorPeriod Period,
    decimal? Baseline = null,
    decimal? TargetHigh = null,
    Guid? IndicatorId = null)
{
    public static Decision Decide(DefineIndicator command, Workstream workstream, Guid indicatorId, bool isSample = false)
    {
        if (workstream.FindIndicator(indicatorId) is not null)
            return Refusal.Conflict("indicatorId", "indicator-exists", $"The workstream already has an indicator {indicatorId}.");
        if (workstream.Indicators.FirstOrDefault(i => SameName(i.Name, command.Name)) is { } twin)
            return Refusal.Conflict("name", "name-taken", $"The workstream already measures '{twin.Name}' (indicator {twin.Id}).");

        return Decision.Accept(new IndicatorDefined(workstream.Id, workstream.AgreementId, indicatorId, command.Name,
            command.Unit.Trim(), command.Baseline, command.TargetLow, command.TargetHigh, command.Period, isSample));
    }

    private static bool SameName(LocalizedText a, LocalizedText b) =>
        LocalizedText.Languages.Any(l => a[l] is { } x && b[l] is { } y && !string.IsNullOrWhiteSpace(x)
                                         && string.Equals(x.Trim(), y.Trim(), StringComparison.OrdinalIgnoreCase));
}

public static class DefineIndicatorEndpoint
{
    public static ProblemDetails Validate(DefineIndicator command)
    {
        var rules = new InputRules()
            .Text("name", command.Name, maxLength: 500)
            .Required("unit", command.Unit, 40)
            .Must(Enum.IsDefined(command.Period), "period", "period-unknown", "'period' must be once, annual, quarterly, monthly or cumulative.");
        if (command.TargetHigh is { } high)
            rules.Must(command.TargetLow <= high, "targetHigh", "target-order", "'targetHigh' must not be below 'targetLow'.");
        return rules.ToProblem();
    }

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Creates]
    [WolverinePost("/api/workstreams/{workstreamId}/indicators")]
    public static Task<IResult> Post(Guid workstreamId, DefineIndicator command, IDocumentSession session, HttpContext http)
    {
        var indicatorId = command.IndicatorId ?? Guid.CreateVersion7();
        return session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => DefineIndicator.Decide(command, workstream, indicatorId),
            "workstream", new Created(indicatorId, $"/api/workstreams/{workstreamId}#indicator-{indicatorId}"));
    }
}
