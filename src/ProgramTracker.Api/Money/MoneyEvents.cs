using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Money;

/// <summary>Money events on an agreement's stream, folded by <see cref="AgreementMoney"/>, not by the Agreement.</summary>
public interface IAgreementMoneyEvent : IAgreementEvent;

/// <summary>Money events on a workstream's stream, folded by <see cref="WorkstreamMoney"/>, not by the Workstream.</summary>
public interface IWorkstreamMoneyEvent : IWorkstreamEvent;

public sealed record ReportingCurrencySet(Guid AgreementId, string Currency) : IAgreementMoneyEvent;

/// <summary>A party of the agreement (<see cref="PartyId"/>) or a partner the agreement names, who pays for its work.</summary>
public sealed record FundingSourceAdded(Guid AgreementId, string SourceId, LocalizedText Name, string? PartyId, bool IsSample) : IAgreementMoneyEvent;

/// <summary>From <see cref="EffectiveOn"/>, one unit of <see cref="Currency"/> is worth <see cref="Rate"/> of the reporting currency.</summary>
public sealed record ExchangeRateSet(Guid AgreementId, string Currency, string ReportingCurrency, decimal Rate, DateOnly EffectiveOn, bool IsSample)
    : IAgreementMoneyEvent;

/// <summary>One year's money from one source, in the agreement's reporting currency.</summary>
public sealed record BudgetLine(int Year, string SourceId, decimal Amount);

/// <summary>The first budget of a workstream: the baseline, never replaced.</summary>
public sealed record BudgetBaselined(Guid WorkstreamId, Guid AgreementId, string Currency, IReadOnlyList<BudgetLine> Lines, DateOnly SetOn, bool IsSample)
    : IWorkstreamMoneyEvent;

/// <summary>A later budget, replacing the current one (never the baseline), with the reason for it.</summary>
public sealed record BudgetRevised(Guid WorkstreamId, Guid AgreementId, string Currency, IReadOnlyList<BudgetLine> Lines, string Reason, DateOnly RevisedOn)
    : IWorkstreamMoneyEvent;

public enum MoneyKind
{
    Commitment,
    Disbursement,
    Expenditure,
}

/// <summary>
/// A commitment (a contract signed), a disbursement (money released to the workstream) or an expenditure (money
/// spent), as entered, with the rate in force on its date and the amount in the reporting currency that rate gives.
/// The conversion is part of the fact: a rate entered later for an earlier day does not change it.
/// </summary>
public sealed record MoneyRecorded(
    Guid WorkstreamId,
    Guid AgreementId,
    Guid EntryId,
    MoneyKind Kind,
    DateOnly Date,
    decimal Amount,
    string Currency,
    string SourceId,
    decimal Rate,
    DateOnly? RateEffectiveOn,
    decimal ReportingAmount,
    string ReportingCurrency,
    string? Counterparty,
    string? Reference,
    string? EvidenceUrl,
    bool IsSample) : IWorkstreamMoneyEvent;
