using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Money;
using ProgramTracker.Api.Security;
using ProgramTracker.Testing;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.Money;

public class when_money_is_tracked(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task an_officer_records_commitments_and_spending_and_the_views_show_the_variance()
    {
        var (agreement, ws) = await Http.FundedWorkstream();
        await Http.PlannedMilestone(ws, due: "2024-03-31", weight: 1);
        await Http.PlannedMilestone(ws, due: "2024-09-30", weight: 3);
        (await Http.PutJson($"/api/workstreams/{ws}/money/budget", new
        {
            lines = new object[] { new { year = 2024, sourceId = "vn-moha", amount = 60_000m }, new { year = 2024, sourceId = "adb", amount = 40_000m } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = DemoUsers.Officer.PersonId, name = DemoUsers.Officer.Name }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var officer = App.CreateClient(DemoUsers.Officer);
        var commitment = await (await officer.PostJson($"/api/workstreams/{ws}/money/commitments", new
        {
            date = "2024-02-01", amount = 750_000_000m, currency = "VND", sourceId = "vn-moha", counterparty = "Hanoi Data Co.", reference = "C-2024-07",
        })).ShouldBe(HttpStatusCode.Created);
        commitment["id"]!.GetValue<Guid>().ShouldNotBe(Guid.Empty);
        await (await officer.PostJson($"/api/workstreams/{ws}/money/expenditures", new
        {
            date = "2024-03-15", amount = 627_615_063m, currency = "LAK", sourceId = "adb", evidenceUrl = "https://example.gov/invoice-17.pdf",
        })).ShouldBe(HttpStatusCode.Created);

        var money = await Http.GetJson($"/api/workstreams/{ws}/money");
        money["currency"]!.GetValue<string>().ShouldBe("USD");
        money["baselineBudget"]!.GetValue<decimal>().ShouldBe(100_000m);
        money["committed"]!.GetValue<decimal>().ShouldBe(30_000m);
        // 627,615,063 kip at 0.0000478 = 30,000.0000114 USD, rounded to the cent
        money["spent"]!.GetValue<decimal>().ShouldBe(30_000m);
        money["remaining"]!.GetValue<decimal>().ShouldBe(70_000m);
        var spent = money["entries"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "expenditure")!;
        spent["rate"]!.GetValue<decimal>().ShouldBe(0.0000478m);
        spent["amount"]!.GetValue<decimal>().ShouldBe(627_615_063m);
        var ev = money["earnedValue"]!;
        ev["plannedValue"]!.GetValue<decimal>().ShouldBe(100_000m);
        ev["earnedValue"]!.GetValue<decimal>().ShouldBe(0m);
        ev["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldBe(["cost", "schedule"]);
        ev["note"]!.GetValue<string>().ShouldContain("Behind schedule");

        var totals = await Http.GetJson($"/api/agreements/{agreement}/money");
        totals["spent"]!.GetValue<decimal>().ShouldBe(30_000m);
        totals["workstreams"]!.AsArray().ShouldHaveSingleItem()!["money"]!["committed"]!.GetValue<decimal>().ShouldBe(30_000m);
        totals["sources"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_first_budget_is_kept_as_the_baseline_when_it_is_revised()
    {
        var (_, ws) = await Http.FundedWorkstream();
        (await Http.PutJson($"/api/workstreams/{ws}/money/budget", new { lines = new[] { new { year = 2025, sourceId = "adb", amount = 1000m } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await Http.PutJson($"/api/workstreams/{ws}/money/budget", new { lines = new[] { new { year = 2025, sourceId = "adb", amount = 1500m } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reason", "reason-required");
        (await Http.PutJson($"/api/workstreams/{ws}/money/budget", new { lines = new[] { new { year = 2025, sourceId = "adb", amount = 1500m } }, reason = "Servers cost more" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var money = await Http.GetJson($"/api/workstreams/{ws}/money");
        money["baselineBudget"]!.GetValue<decimal>().ShouldBe(1000m);
        money["currentBudget"]!.GetValue<decimal>().ShouldBe(1500m);
        money["revisions"]!.AsArray().ShouldHaveSingleItem()!["reason"]!.GetValue<string>().ShouldBe("Servers cost more");
    }

    [Fact]
    public async Task money_reads_as_it_stood_on_a_past_day()
    {
        var history = await History2024.RecordAsync(App.Store);
        var (a, w) = (history.AgreementId, history.WorkstreamId);
        await Backfill(History2024.At(2024, 2, 1), a, new ReportingCurrencySet(a, "USD"),
            new FundingSourceAdded(a, "adb", new LocalizedText(En: "Asian Development Bank"), null, false));
        await Backfill(History2024.At(2024, 2, 1), w, new BudgetBaselined(w, a, "USD", [new BudgetLine(2024, "adb", 8_000m)], new DateOnly(2024, 2, 1), false));
        await Backfill(History2024.At(2024, 5, 2), w, new MoneyRecorded(w, a, Guid.CreateVersion7(), MoneyKind.Expenditure, new DateOnly(2024, 5, 2),
            3_000m, "USD", "adb", 1m, null, 3_000m, "USD", null, null, null, false));

        var march = await Http.GetJson($"/api/workstreams/{w}/money?asOf=2024-03-01");
        march["currentBudget"]!.GetValue<decimal>().ShouldBe(8_000m);
        march["spent"]!.GetValue<decimal>().ShouldBe(0m);
        var june = await Http.GetJson($"/api/workstreams/{w}/money?asOf=2024-06-01");
        june["spent"]!.GetValue<decimal>().ShouldBe(3_000m);
        june["earnedValue"]!["plannedValue"]!.GetValue<decimal>().ShouldBe(4_000m);
        june["earnedValue"]!["earnedValue"]!.GetValue<decimal>().ShouldBe(4_000m);
        june["earnedValue"]!["costPerformanceIndex"]!.GetValue<decimal>().ShouldBe(1.33m);
        (await Http.GetJson($"/api/agreements/{a}/money?asOf=2024-01-15"))["currency"].ShouldBeNull();
        (await Http.GetJson($"/api/agreements/{a}/money?asOf=2024-06-01"))["spent"]!.GetValue<decimal>().ShouldBe(3_000m);
        (await Http.GetAsync($"/api/workstreams/{w}/money?asOf=2024-01-01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await Http.GetAsync($"/api/workstreams/{w}/money?asOf=2024-13-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "asOf");
    }

    private async Task Backfill(DateTimeOffset at, Guid stream, params object[] events)
    {
        await using var session = App.Store.LightweightSession();
        foreach (var e in session.Events.Append(stream, events).Events) e.Timestamp = at;
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task an_officer_may_not_set_budgets_or_rates()
    {
        var (agreement, ws) = await Http.FundedWorkstream();
        (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = DemoUsers.Officer.PersonId, name = DemoUsers.Officer.Name }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var officer = App.CreateClient(DemoUsers.Officer);

        (await officer.PutJson($"/api/workstreams/{ws}/money/budget", new { lines = new[] { new { year = 2025, sourceId = "adb", amount = 1m } } }))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await officer.PostJson($"/api/agreements/{agreement}/money/rates", new { currency = "THB", rate = 0.03m, effectiveOn = "2024-01-01" }))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("expenditures", """{"date":"2024-02-01","amount":-5,"currency":"USD","sourceId":"adb"}""", 400, "amount", "negative")]
    [InlineData("expenditures", """{"date":"2024-02-01","amount":"five","currency":"USD","sourceId":"adb"}""", 400, "amount", "type")]
    [InlineData("expenditures", """{"date":"2024-02-01","amount":5.001,"currency":"USD","sourceId":"adb"}""", 400, "amount", "too-many-decimals")]
    [InlineData("disbursements", """{"date":"2024-02-01","amount":1000.5,"currency":"VND","sourceId":"adb"}""", 400, "amount", "too-many-decimals")]
    [InlineData("disbursements", """{"date":"2024-02-01","amount":1000.5,"currency":"LAK","sourceId":"adb"}""", 400, "amount", "too-many-decimals")]
    [InlineData("commitments", """{"date":"2024-02-01","amount":5,"currency":"XYZ","sourceId":"adb"}""", 400, "currency", "unknown-currency")]
    [InlineData("commitments", """{"date":"2023-12-31","amount":5,"currency":"VND","sourceId":"adb"}""", 422, "date", "no-rate-for-date")]
    [InlineData("commitments", """{"date":"2024-02-01","amount":5,"currency":"THB","sourceId":"adb"}""", 422, "date", "no-rate-for-date")]
    [InlineData("expenditures", """{"date":"2024-02-01","amount":5,"currency":"USD","sourceId":"world-bank"}""", 422, "sourceId", "unknown-source")]
    [InlineData("expenditures", """{"date":"2024-02-01","amount":5,"currency":"USD"}""", 400, "sourceId", "required")]
    [InlineData("expenditures", """{"date":"2024-02-01","amount":5,"currency":"USD","sourceId":"adb","evidenceUrl":"invoice.pdf"}""", 400, "evidenceUrl", "url")]
    public async Task bad_money_is_refused_and_nothing_is_appended(string kind, string json, int status, string field, string rule)
    {
        var (_, ws) = await Http.FundedWorkstream();
        var before = await App.EventsIn(ws);

        await (await Http.PostText($"/api/workstreams/{ws}/money/{kind}", json)).ShouldBeProblem((HttpStatusCode)status, field, rule);

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Fact]
    public async Task a_funding_source_must_be_a_party_of_the_agreement_or_a_named_partner()
    {
        var (agreement, _) = await Http.FundedWorkstream();
        var before = await App.EventsIn(agreement);

        await (await Http.PostJson($"/api/agreements/{agreement}/money/sources", new { name = new { en = "Thai MoF" }, partyId = "th-mof" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "partyId", "unknown-party");
        await (await Http.PostJson($"/api/agreements/{agreement}/money/rates", new { currency = "VND", rate = -1m, effectiveOn = "2024-01-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "rate", "positive");
        await (await Http.PutJson($"/api/agreements/{agreement}/money/reporting-currency", new { currency = "THB" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "currency", "reporting-currency-set");

        (await App.EventsIn(agreement)).ShouldBe(before);
    }
}
