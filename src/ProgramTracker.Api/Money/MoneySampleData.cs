using JasperFx.Events;
using Marten;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Money;

/// <summary>
/// Budgets and spending for the sample agreements. No source states an amount, so every figure here (the funding
/// sources, the rates, the budgets, the commitments and the expenditures) is illustration, marked as sample data, and
/// decided by the same decisions as user data. Reports in USD; figures are entered in the lead party's currency.
/// Skips an agreement that is not loaded or already has a reporting currency, so loading twice appends nothing.
/// </summary>
public sealed class MoneySampleData(TimeProvider clock, ILogger<MoneySampleData> logger) : ISampleData
{
    public static readonly DateOnly RatesFrom = new(2000, 1, 1);

    private static readonly IReadOnlyDictionary<string, decimal> UsdRates = new Dictionary<string, decimal>
    {
        ["VND"] = 0.0000394m, ["LAK"] = 0.0000460m, ["THB"] = 0.0280m,
    };

    public int Order => 300;

    public async Task LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        var today = clock.Today();
        foreach (var sample in AgreementCatalogue.All)
        {
            await using var session = store.LightweightSession();
            var settings = await session.LoadAsync<AgreementMoney>(sample.Id, ct);
            if (settings is null || settings.ReportingCurrency is not null) continue;

            if (Plan(sample, settings, await session.LoadManyAsync<WorkstreamMoney>(ct, sample.Workstreams.Select(w => w.Id)), today) is not { } plan)
            {
                logger.LogWarning("Sample money for {Code} was not loaded: a decision refused it", sample.Register.Code);
                continue;
            }
            SampleDataSession.Stamp(session, nameof(MoneySampleData));
            foreach (var (streamId, events) in plan) await session.AppendAtCurrentVersionAsync(streamId, events, ct);
            await session.SaveChangesAsync(ct);
            logger.LogInformation("Loaded sample money for {Code}", sample.Register.Code);
        }
    }

    /// <summary>The events for the agreement's stream and each workstream's, or null when any decision refused.</summary>
    public static IReadOnlyList<(Guid StreamId, IReadOnlyList<object> Events)>? Plan(SampleAgreement sample, AgreementMoney settings,
        IReadOnlyList<WorkstreamMoney> workstreams, DateOnly today)
    {
        var agreementEvents = new List<object>();
        AgreementMoney Settings() => Fold(settings, agreementEvents, AgreementMoney.Fold);
        bool Take(Decision d, List<object> into)
        {
            if (d.Refusal is not null) return false;
            into.AddRange(d.Events);
            return true;
        }

        if (!Take(SetReportingCurrency.Decide(new SetReportingCurrency("USD"), Settings()), agreementEvents)) return null;
        var parties = sample.Register.Parties.Take(2).ToList();
        foreach (var party in parties)
            if (!Take(AddFundingSource.Decide(new AddFundingSource(party.Name, party.PartyId), Settings(), isSample: true), agreementEvents)) return null;
        foreach (var (currency, rate) in UsdRates)
            if (!Take(SetExchangeRate.Decide(new SetExchangeRate(currency, rate, RatesFrom), Settings(), isSample: true), agreementEvents)) return null;

        var result = new List<(Guid, IReadOnlyList<object>)> { (sample.Id, agreementEvents) };
        var start = sample.Register.Validity?.From?.Earliest ?? new DateOnly(2024, 1, 1);
        var end = sample.Register.Validity?.To?.Latest ?? start.AddYears(3);
        var years = Enumerable.Range(start.Year, Math.Clamp(end.Year - start.Year + 1, 1, 3)).ToList();
        var index = 0;
        foreach (var workstream in sample.Workstreams)
        {
            if (workstreams.FirstOrDefault(w => w.Id == workstream.Id) is not { } money) continue;
            var events = new List<object>();
            WorkstreamMoney Money() => Fold(money, events, WorkstreamMoney.Fold);
            var perYear = 40_000m + 20_000m * index++;
            var lines = years.SelectMany(y => parties.Select((p, i) => new BudgetLine(y, p.PartyId, i == 0 ? perYear * 0.6m : perYear * 0.4m))).ToList();
            if (!Take(SetBudget.Decide(new SetBudget(lines, On: Min(start, today)), Money(), Settings(), today, isSample: true), events)) return null;

            var lead = sample.Register.Parties.FirstOrDefault(p => p.PartyId == workstream.Add.LeadPartyId) ?? parties[0];
            var currency = lead.Country switch { "VN" => "VND", "LA" => "LAK", "TH" => "THB", _ => "USD" };
            var spending = new[] { (MoneyKind.Commitment, 90, 0.30m), (MoneyKind.Disbursement, 100, 0.20m), (MoneyKind.Expenditure, 120, 0.10m), (MoneyKind.Expenditure, 240, 0.15m) };
            foreach (var (kind, days, share) in spending)
            {
                var on = start.AddDays(days);
                if (on > today) continue;
                var amount = currency == "USD" ? perYear * share : Currencies.Round(perYear * share / UsdRates[currency], currency);
                var command = new RecordMoney(on, amount, currency, lead.PartyId, kind == MoneyKind.Commitment ? "Sample contractor" : null,
                    kind == MoneyKind.Commitment ? "SAMPLE-001" : null);
                var entryId = SampleEntryId(workstream.Id, kind, days);
                if (!Take(RecordMoney.Decide(command, kind, Money(), Settings(), today, entryId, isSample: true), events)) return null;
            }
            result.Add((workstream.Id, events));
        }
        return result;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Stable ids, so that the sample entries are the same on every machine.</summary>
    private static Guid SampleEntryId(Guid workstreamId, MoneyKind kind, int days)
    {
        var bytes = workstreamId.ToByteArray();
        bytes[0] ^= (byte)(1 + (int)kind);
        bytes[1] ^= (byte)days;
        return new Guid(bytes);
    }

    private static T Fold<T>(T start, IEnumerable<object> events, Func<T?, IEvent, T?> fold) where T : class =>
        events.Select(data => (IEvent)Event.For(data)).Aggregate((T?)start, fold)!;
}
