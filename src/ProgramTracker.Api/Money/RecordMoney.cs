using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Money;

/// <summary>
/// A commitment, disbursement or expenditure on a workstream: a date, an amount in a currency, the funding source it is
/// against, and optional evidence (a link); commitments name the counterparty and the contract's reference.
/// </summary>
public sealed record RecordMoney(
    DateOnly Date,
    decimal Amount,
    string Currency,
    string SourceId,
    string? Counterparty = null,
    string? Reference = null,
    string? EvidenceUrl = null,
    Guid? EntryId = null)
{
    public static Decision Decide(RecordMoney command, MoneyKind kind, WorkstreamMoney workstream, AgreementMoney agreement, DateOnly today,
        Guid entryId, bool isSample = false)
    {
        if (workstream.Entries.Any(e => e.Id == entryId))
            return Refusal.Conflict("entryId", "entry-exists", $"The workstream already has an entry {entryId}.");
        if (MoneyRules.NotInFuture("date", command.Date, today) is { } future) return future;
        var sourceId = command.SourceId.Trim();
        if (agreement.FindSource(sourceId) is null)
            return Refusal.Invalid("sourceId", "unknown-source",
                agreement.Sources.Count == 0
                    ? "The agreement has no funding sources yet; an administrator adds them first."
                    : $"The agreement has no funding source '{sourceId}'. Its sources: {string.Join(", ", agreement.Sources.Select(s => s.SourceId))}.");

        var currency = Currencies.Normalize(command.Currency);
        var (conversion, refusal) = agreement.Convert(command.Amount, currency, command.Date);
        if (refusal is not null) return refusal;
        return Decision.Accept(new MoneyRecorded(workstream.Id, workstream.AgreementId, entryId, kind, command.Date, command.Amount, currency,
            sourceId, conversion!.Rate, conversion.RateEffectiveOn, conversion.ReportingAmount, agreement.ReportingCurrency!,
            Trimmed(command.Counterparty), Trimmed(command.Reference), Trimmed(command.EvidenceUrl), isSample));
    }

    private static string? Trimmed(string? text) => text?.Trim() is { Length: > 0 } t ? t : null;
}

public static class RecordMoneyEndpoint
{
    public static ProblemDetails Validate(RecordMoney command) => new InputRules()
        .Day("date", command.Date)
        .Currency("currency", command.Currency)
        .Amount("amount", command.Amount, command.Currency)
        .Required("sourceId", command.SourceId, 60)
        .MaxLength("counterparty", command.Counterparty)
        .MaxLength("reference", command.Reference)
        .Url("evidenceUrl", command.EvidenceUrl)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Creates]
    [EndpointName("recordCommitment")]
    [WolverinePost("/api/workstreams/{workstreamId}/money/commitments")]
    public static Task<IResult> PostCommitment(Guid workstreamId, RecordMoney command, IDocumentSession session, HttpContext http, TimeProvider clock) =>
        Record(MoneyKind.Commitment, workstreamId, command, session, http, clock);

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Creates]
    [EndpointName("recordDisbursement")]
    [WolverinePost("/api/workstreams/{workstreamId}/money/disbursements")]
    public static Task<IResult> PostDisbursement(Guid workstreamId, RecordMoney command, IDocumentSession session, HttpContext http, TimeProvider clock) =>
        Record(MoneyKind.Disbursement, workstreamId, command, session, http, clock);

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Creates]
    [EndpointName("recordExpenditure")]
    [WolverinePost("/api/workstreams/{workstreamId}/money/expenditures")]
    public static Task<IResult> PostExpenditure(Guid workstreamId, RecordMoney command, IDocumentSession session, HttpContext http, TimeProvider clock) =>
        Record(MoneyKind.Expenditure, workstreamId, command, session, http, clock);

    private static async Task<IResult> Record(MoneyKind kind, Guid workstreamId, RecordMoney command, IDocumentSession session, HttpContext http,
        TimeProvider clock)
    {
        var entryId = command.EntryId ?? Guid.CreateVersion7();
        var agreement = await WorkstreamMoneyWrites.AgreementOfAsync(session, workstreamId, http.RequestAborted);
        return await session.DecideAsync<WorkstreamMoney>(http, workstreamId, command,
            money => RecordMoney.Decide(command, kind, money, agreement ?? WorkstreamMoneyWrites.NoSettings(money), clock.Today(), entryId),
            "workstream", new Created(entryId, $"/api/workstreams/{workstreamId}/money#entry-{entryId}"));
    }
}
