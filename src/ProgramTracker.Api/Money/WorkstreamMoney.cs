using JasperFx.Events;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Money;

public sealed record BudgetRevision(DateOnly RevisedOn, string Reason, decimal Total, DateTimeOffset RecordedAt);

public sealed record MoneyEntry(
    Guid Id,
    MoneyKind Kind,
    DateOnly Date,
    decimal Amount,
    string Currency,
    string SourceId,
    decimal Rate,
    DateOnly? RateEffectiveOn,
    decimal ReportingAmount,
    string? Counterparty,
    string? Reference,
    string? EvidenceUrl,
    bool IsSample);

/// <summary>
/// A workstream's money as its stream tells it: the baseline budget (kept as first set), the current budget, its
/// revisions, and every commitment, disbursement and expenditure. An inline snapshot on the workstream's stream, next to
/// (not inside) the Workstream, so the money has its own fold.
/// </summary>
public sealed record WorkstreamMoney(
    Guid Id,
    Guid AgreementId,
    string? Currency,
    IReadOnlyList<BudgetLine>? Baseline,
    IReadOnlyList<BudgetLine>? Current,
    IReadOnlyList<BudgetRevision> Revisions,
    IReadOnlyList<MoneyEntry> Entries)
{
    // No Version: Marten would stamp it with the last event of the append that touched the money, which a rebuild
    // (reading only the money's events) cannot know. Writes take the stream's version from mt_streams, not from here.
    public bool HasBudget => Baseline is not null;

    public static WorkstreamMoney? Fold(WorkstreamMoney? state, IEvent e)
    {
        if (e.Data is WorkstreamOpened o) return new WorkstreamMoney(o.WorkstreamId, o.AgreementId, null, null, null, [], []);
        if (state is null) return null;
        return e.Data switch
        {
            BudgetBaselined b => state with { Currency = b.Currency, Baseline = b.Lines, Current = b.Lines },
            BudgetRevised r => state with
            {
                Currency = r.Currency, Current = r.Lines,
                Revisions = [.. state.Revisions, new BudgetRevision(r.RevisedOn, r.Reason, r.Lines.Sum(l => l.Amount), e.Timestamp)],
            },
            MoneyRecorded m => state with
            {
                Entries = [.. state.Entries, new MoneyEntry(m.EntryId, m.Kind, m.Date, m.Amount, m.Currency, m.SourceId, m.Rate,
                    m.RateEffectiveOn, m.ReportingAmount, m.Counterparty, m.Reference, m.EvidenceUrl, m.IsSample)],
            },
            _ => state,
        };
    }
}
