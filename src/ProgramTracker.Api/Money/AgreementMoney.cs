using JasperFx.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Money;

public sealed record FundingSource(string SourceId, LocalizedText Name, string? PartyId, bool IsSample);

public sealed record ExchangeRate(string Currency, decimal Rate, DateOnly EffectiveOn, bool IsSample);

/// <summary>A figure converted into the reporting currency, and the rate that did it (1 for the reporting currency itself).</summary>
public sealed record Conversion(decimal Rate, DateOnly? RateEffectiveOn, decimal ReportingAmount);

/// <summary>
/// An agreement's money settings as its stream tells them: the reporting currency, the funding sources and the exchange
/// rates. An inline snapshot of its own, so the Agreement stays what it was.
/// </summary>
public sealed record AgreementMoney(
    Guid Id,
    IReadOnlyList<string> PartyIds,
    string? ReportingCurrency,
    IReadOnlyList<FundingSource> Sources,
    IReadOnlyList<ExchangeRate> Rates)
{
    // No Version: Marten would stamp it with the last event of the append that touched the money, which a rebuild
    // (reading only the money's events) cannot know. Writes take the stream's version from mt_streams, not from here.
    public FundingSource? FindSource(string sourceId) => Sources.FirstOrDefault(s => s.SourceId == sourceId);

    /// <summary>The rate in force on <paramref name="day"/>: the one with the latest effective date not after it.</summary>
    public ExchangeRate? RateOn(string currency, DateOnly day) =>
        Rates.Where(r => r.Currency == currency && r.EffectiveOn <= day).MaxBy(r => r.EffectiveOn);

    /// <summary>
    /// <paramref name="amount"/> of <paramref name="currency"/> on <paramref name="day"/> in the reporting currency,
    /// rounded to its minor units; a refusal naming <paramref name="dateField"/> when no rate is in force that day.
    /// </summary>
    public (Conversion? Conversion, Refusal? Refusal) Convert(decimal amount, string currency, DateOnly day, string dateField = "date")
    {
        if (ReportingCurrency is not { } reporting)
            return (null, Refusal.Conflict("currency", "no-reporting-currency",
                "The agreement has no reporting currency yet; an administrator sets it before money is recorded."));
        if (currency == reporting) return (new Conversion(1m, null, amount), null);
        if (RateOn(currency, day) is not { } rate)
            return (null, Refusal.Invalid(dateField, "no-rate-for-date",
                $"No exchange rate from {currency} to {reporting} is in force on {day:yyyy-MM-dd}. An administrator enters one with an effective date on or before it."));
        return (new Conversion(rate.Rate, rate.EffectiveOn, Currencies.Round(amount * rate.Rate, reporting)), null);
    }

    public static AgreementMoney? Fold(AgreementMoney? state, IEvent e)
    {
        if (e.Data is AgreementRegistered r) return new AgreementMoney(r.AgreementId, [.. r.Parties.Select(p => p.PartyId)], null, [], []);
        if (state is null) return null;
        return e.Data switch
        {
            ReportingCurrencySet c => state with { ReportingCurrency = c.Currency },
            FundingSourceAdded s => state with { Sources = [.. state.Sources, new FundingSource(s.SourceId, s.Name, s.PartyId, s.IsSample)] },
            // A second rate for the same currency and day corrects the first.
            ExchangeRateSet x => state with
            {
                Rates = [.. state.Rates.Where(r => !(r.Currency == x.Currency && r.EffectiveOn == x.EffectiveOn)),
                    new ExchangeRate(x.Currency, x.Rate, x.EffectiveOn, x.IsSample)],
            },
            _ => state,
        };
    }
}
