using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The journey: an administrator has set up the agreement's money (reporting currency, sources, a rate and the
/// baseline budget); the workstream's project officer records a commitment and a payment in dong on the workstream
/// page; the agreement dashboard then shows the spending, the indices and the note that says the work is behind.
/// </summary>
public sealed class when_an_officer_records_money_in_the_browser(BrowserFixture app) : BrowserTest(app)
{
    protected override DemoUser? SignedInAs => DemoUsers.Officer;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task a_commitment_and_a_payment_show_on_the_dashboard_with_the_variance()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("MONEY"), new { en = "Cooperation on a shared data centre" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "DC", new { en = "Shared data centre" });
        // Due ten days ago and not done: the whole budget is planned by now and nothing is earned.
        await App.Api.PlannedMilestone(workstream, new { en = "Racks installed" }, Programme.Today.AddDays(-10));
        await App.Api.AssignedOfficer(workstream, DemoUsers.Officer.PersonId!, DemoUsers.Officer.Name);
        var vn = $"vn-{await Code(agreement)}".ToLowerInvariant();
        await Ok(App.Api.PutAsJsonAsync($"/api/agreements/{agreement}/money/reporting-currency", new { currency = "USD" }));
        await Ok(App.Api.PostAsJsonAsync($"/api/agreements/{agreement}/money/sources", new { name = new { en = "Ministry of Home Affairs" }, partyId = vn }));
        await Ok(App.Api.PostAsJsonAsync($"/api/agreements/{agreement}/money/rates", new { currency = "VND", rate = 0.00004m, effectiveOn = "2024-01-01" }));
        await Ok(App.Api.PutAsJsonAsync($"/api/workstreams/{workstream}/money/budget",
            new { lines = new[] { new { year = Programme.Today.Year, sourceId = vn, amount = 100_000m } } }));

        await Page.GotoAsync($"/workstreams/{workstream}");
        await Assertions.Expect(Page.Locator("form#set-budget")).ToHaveCountAsync(0);
        await Record("commitments", "750000000", "Hanoi Data Co.", 1);
        await Record("expenditures", "1250000000", null, 2);

        var entries = Page.GetByTestId("money-entries");
        await Assertions.Expect(entries.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(entries).ToContainTextAsync("0.00004");
        await Assertions.Expect(Page.GetByTestId("money-chart").Locator("svg title")).ToHaveTextAsync("Budget against spending over time");
        await Screenshot("money-workstream");

        await Page.GotoAsync($"/agreements/{agreement}");
        var money = Page.GetByTestId("agreement-money");
        await Assertions.Expect(money.Locator("[data-testid=money-summary] [data-money=committed]")).ToHaveTextAsync("30,000.00 USD");
        await Assertions.Expect(money.Locator("[data-testid=money-summary] [data-money=spent]")).ToHaveTextAsync("50,000.00 USD");
        await Assertions.Expect(money.Locator("[data-testid=money-summary] [data-money=remaining]")).ToHaveTextAsync("50,000.00 USD");
        await Assertions.Expect(money.Locator("[data-testid=earned-value] [data-money=spi]")).ToHaveTextAsync("0.00");
        await Assertions.Expect(money.GetByTestId("money-warning-schedule")).ToContainTextAsync("Behind schedule");
        await Assertions.Expect(money.GetByTestId("money-warning-cost")).ToContainTextAsync("Over budget");
        await Assertions.Expect(money.Locator($"[data-testid=money-workstreams] tr[data-money-workstream-id='{workstream}'] [data-money=cpi]")).ToHaveTextAsync("0.00");
        await Screenshot("money-dashboard");

        var stored = System.Text.Json.Nodes.JsonNode.Parse(await App.Api.GetStringAsync($"/api/workstreams/{workstream}/money"))!;
        stored["committed"]!.GetValue<decimal>().ShouldBe(30_000m);
        stored["spent"]!.GetValue<decimal>().ShouldBe(50_000m);
        var commitment = stored["entries"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "commitment")!;
        commitment["amount"]!.GetValue<decimal>().ShouldBe(750_000_000m);
        commitment["currency"]!.GetValue<string>().ShouldBe("VND");
        commitment["counterparty"]!.GetValue<string>().ShouldBe("Hanoi Data Co.");
    }

    private async Task Record(string kind, string amount, string? counterparty, int entries)
    {
        await Page.Field("record-money", "kind").SelectOptionAsync(kind);
        await Page.Field("record-money", "date").FillAsync(Iso(Programme.Today.AddDays(-1)));
        await Page.Field("record-money", "amount").FillAsync(amount);
        await Page.Field("record-money", "currency").SelectOptionAsync("VND");
        if (counterparty is not null) await Page.Field("record-money", "counterparty").FillAsync(counterparty);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the amount" }).ClickAsync();
        // The second write comes back to the page the first left (notice and all): wait for its row.
        await Assertions.Expect(Page.Locator("[data-testid=money-entries] tbody tr")).ToHaveCountAsync(entries, new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        await Page.ExpectDone("The amount is recorded.");
    }

    private async Task<string> Code(Guid agreement) =>
        System.Text.Json.Nodes.JsonNode.Parse(await App.Api.GetStringAsync($"/api/agreements/{agreement}"))!["code"]!.GetValue<string>();

    private static async Task Ok(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
