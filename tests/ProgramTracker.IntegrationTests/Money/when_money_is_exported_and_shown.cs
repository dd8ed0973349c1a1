using System.Net;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.Money;

public class when_money_is_exported_and_shown(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_csv_and_the_pages_show_the_figures_the_api_answers()
    {
        var (agreement, ws) = await Http.FundedWorkstream();
        (await Http.PutJson($"/api/workstreams/{ws}/money/budget", new { lines = new[] { new { year = 2025, sourceId = "adb", amount = 2_000m } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await Http.PostJson($"/api/workstreams/{ws}/money/expenditures", new { date = "2024-03-01", amount = 12_500_000m, currency = "VND", sourceId = "adb" }))
            .ShouldBe(HttpStatusCode.Created);

        var csv = await (await Http.GetAsync($"/agreements/{agreement}/money.csv")).Content.ReadAsStringAsync();
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(2);
        rows[1].Split(',')[2..10].ShouldBe(["USD", "2000", "2000", "0", "0", "500.00", "1500.00", "0"]);

        var entries = await (await Http.GetAsync($"/workstreams/{ws}/money.csv")).Content.ReadAsStringAsync();
        entries.ShouldContain("2024-03-01,expenditure,12500000,VND,0.00004,500.00,adb");

        var page = await Http.GetStringAsync($"/workstreams/{ws}");
        page.ShouldContain("data-testid=\"workstream-money\"");
        page.ShouldContain("500.00 USD");
        page.ShouldContain("<svg role=\"img\"");
        var dashboard = await Http.GetStringAsync($"/agreements/{agreement}");
        dashboard.ShouldContain("data-testid=\"agreement-money\"");
        (await Http.GetStringAsync($"/agreements/{agreement}/review-pack")).ShouldContain("data-testid=\"agreement-money\"");

        await using var db = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await db.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "select kind, amount, currency, rate, reporting_amount, reporting_currency from reporting.money_entries where workstream_id = @ws", db);
        query.Parameters.AddWithValue("ws", ws);
        await using var row = await query.ExecuteReaderAsync();
        (await row.ReadAsync()).ShouldBeTrue();
        (row.GetString(0), row.GetDecimal(1), row.GetString(2), row.GetDecimal(3), row.GetDecimal(4), row.GetString(5))
            .ShouldBe(("expenditure", 12_500_000m, "VND", 0.00004m, 500.00m, "USD"));
    }
}
