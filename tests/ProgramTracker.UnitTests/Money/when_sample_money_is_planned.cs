using ProgramTracker.Api.Money;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.UnitTests.Money;

public class when_sample_money_is_planned
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void every_sample_agreement_gets_a_budget_and_spending_through_the_decisions_all_marked_as_sample()
    {
        foreach (var sample in AgreementCatalogue.All)
        {
            var registered = sample.Register.Parties.Select(p => p.PartyId).ToList();
            var settings = new AgreementMoney(sample.Id, registered, null, [], []);
            var workstreams = sample.Workstreams.Select(w => new WorkstreamMoney(w.Id, sample.Id, null, null, null, [], [])).ToList();

            var plan = MoneySampleData.Plan(sample, settings, workstreams, Today).ShouldNotBeNull(sample.Register.Code);

            var events = plan.SelectMany(p => p.Events).ToList();
            events.OfType<FundingSourceAdded>().ShouldAllBe(s => s.IsSample);
            events.OfType<ExchangeRateSet>().ShouldAllBe(r => r.IsSample);
            events.OfType<BudgetBaselined>().Count().ShouldBe(sample.Workstreams.Count, sample.Register.Code);
            events.OfType<BudgetBaselined>().ShouldAllBe(b => b.IsSample);
            events.OfType<MoneyRecorded>().ShouldAllBe(m => m.IsSample && m.Date <= Today);
            events.OfType<MoneyRecorded>().ShouldNotBeEmpty(sample.Register.Code);
        }
    }
}
