using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Indicators;

/// <summary>
/// A value measured for one period of an indicator. A second measurement for the same period is a correction:
/// both stay in the record and the latest one counts.
/// </summary>
public sealed record RecordMeasurement(decimal Value, string Period, DateOnly MeasuredOn, string? Note = null, string? EvidenceUrl = null,
    Correction? Correction = null)
{
    public static Decision Decide(RecordMeasurement command, Workstream workstream, Guid indicatorId, DateOnly today,
        Recorder? recorder = null)
    {
        var indicator = workstream.FindIndicator(indicatorId);
        if (indicator is null)
            return Refusal.NotFound("indicatorId", "not-found", $"The workstream has no indicator {indicatorId}.");
        if (command.MeasuredOn > today)
            return Refusal.Invalid("measuredOn", "future-date", $"A measurement cannot be taken on {command.MeasuredOn:yyyy-MM-dd}, a date in the future.");
        var period = command.Period.Trim();
        if (PeriodFormat.Expected(indicator.Period) is { } expected && !expected.Pattern.IsMatch(period))
            return Refusal.Invalid("period", "period-format",
                $"The indicator is measured {indicator.Period.ToString().ToLowerInvariant()}; name the period like '{expected.Example}'.");

        return (recorder ?? Recorder.Direct).Record(workstream, new IndicatorMeasured(workstream.Id, workstream.AgreementId, indicatorId,
            command.Value, period, command.MeasuredOn, command.Note, command.EvidenceUrl), "measuredOn", command.MeasuredOn, command.Correction);
    }
}

public static partial class PeriodFormat
{
    /// <summary>How a period of an annual, quarterly or monthly indicator is written; once and cumulative take any label.</summary>
    public static (Regex Pattern, string Example)? Expected(IndicatorPeriod period) => period switch
    {
        IndicatorPeriod.Annual => (Year(), "2024"),
        IndicatorPeriod.Quarterly => (Quarter(), "2024-Q3"),
        IndicatorPeriod.Monthly => (Month(), "2024-06"),
        _ => null,
    };

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\d{4}-Q[1-4]$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();
}

public static class RecordMeasurementEndpoint
{
    public static ProblemDetails Validate(RecordMeasurement command) => new InputRules()
        .Required("period", command.Period, 40)
        .Date("measuredOn", command.MeasuredOn)
        .MaxLength("note", command.Note, InputRules.LongText)
        .Url("evidenceUrl", command.EvidenceUrl)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/indicators/{indicatorId}/measurements")]
    public static async Task<IResult> Post(Guid workstreamId, Guid indicatorId, RecordMeasurement command, IDocumentSession session,
        HttpContext http, TimeProvider clock)
    {
        var rules = await Recorder.AlongsideWorkstreamAsync(http, workstreamId);
        return await session.DecideAsync<Workstream, Recorder>(http, workstreamId, command, rules,
            (workstream, recorder) => RecordMeasurement.Decide(command, workstream, indicatorId, clock.Today(), recorder), "workstream");
    }
}
