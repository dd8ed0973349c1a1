using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Web;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.Api.Money;

/// <summary>
/// The money as CSV, from the same reads as the pages and GET .../money: an agreement's workstreams one a row, and a
/// workstream's entries one a row. Column names in the chosen language, amounts invariant (a dot, no grouping).
/// </summary>
public static class MoneyExports
{
    public static WebApplication MapMoneyExports(this WebApplication app)
    {
        app.MapGet("/agreements/{id:guid}/money.csv", AgreementCsv).RequireAuthorization(Policies.ReadAgreement).ExcludeFromDescription();
        app.MapGet("/workstreams/{id:guid}/money.csv", WorkstreamCsv).RequireAuthorization(Policies.ReadWorkstream).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AgreementCsv(Guid id, string? asOf, Reads reads, IStringLocalizer<Strings> l, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var day, out var problem)) return problem!;
        if (await reads.AgreementMoneyAsync(id, day, http.RequestAborted) is not { } money) return Results.NotFound();
        var csv = new StringBuilder();
        Row(csv, l["Csv_Money_Workstream"], l["Csv_Money_Title"], l["Csv_Money_Currency"], l["Money_Baseline"], l["Money_Current"], l["Money_Committed"],
            l["Money_Disbursed"], l["Money_Spent"], l["Money_Remaining"], "PV", "EV", "AC", "CPI", "SPI", l["Col_AsOf"]);
        foreach (var w in money.Workstreams)
        {
            var m = w.Money;
            var ev = m.EarnedValue;
            Row(csv, w.Code, Display.Plain(w.Title), m.Currency, N(m.BaselineBudget), N(m.CurrentBudget), N(m.Committed), N(m.Disbursed), N(m.Spent),
                N(m.Remaining), N(ev.PlannedValue), N(ev.EarnedValue), N(ev.ActualCost), N(ev.CostPerformanceIndex), N(ev.SchedulePerformanceIndex),
                D(ev.On));
        }
        return File(csv, $"agreement-money-{(day ?? reads.Today):yyyy-MM-dd}.csv");
    }

    private static async Task<IResult> WorkstreamCsv(Guid id, string? asOf, Reads reads, IStringLocalizer<Strings> l, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var day, out var problem)) return problem!;
        if (await reads.WorkstreamMoneyAsync(id, day, http.RequestAborted) is not { } money) return Results.NotFound();
        var csv = new StringBuilder();
        Row(csv, l["Money_Date"], l["Money_Kind"], l["Money_Amount"], l["Money_Currency"], l["Money_Rate"], l["Money_InReporting", money.Currency ?? ""],
            l["Money_Source"], l["Money_Counterparty"], l["Money_Reference"], l["Money_Evidence"]);
        foreach (var e in money.Entries)
        {
            Row(csv, D(e.Date), e.Kind.ToString().ToLowerInvariant(), N(e.Amount), e.Currency, N(e.Rate), N(e.ReportingAmount), e.SourceId,
                e.Counterparty, e.Reference, e.EvidenceUrl);
        }
        return File(csv, $"workstream-money-{(day ?? reads.Today):yyyy-MM-dd}.csv");
    }

    private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string D(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 with the text cells neutralised as every export here writes them (<see cref="SpreadsheetCells"/>).</summary>
    private static void Row(StringBuilder csv, params object?[] cells) =>
        csv.Append(string.Join(',', cells.Select(c => SpreadsheetCells.Text(c?.ToString() ?? "")).Select(c =>
            c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{c.Replace("\"", "\"\"")}\"" : c))).Append("\r\n");

    private static IResult File(StringBuilder csv, string name) =>
        Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", name);
}
