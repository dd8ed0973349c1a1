using System.Net;
using System.Net.Http.Json;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// A cell that starts with =, +, -, @, a tab or a carriage return is a formula to a spreadsheet: text an officer
/// typed must reach every reader of an export as text (OWASP's CSV injection guidance), and numbers as numbers.
/// </summary>
public sealed class when_a_spreadsheet_opens_an_export(AppFixture app) : IntegrationContext(app)
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    [Fact]
    public async Task text_that_reads_as_a_formula_is_written_as_text_in_the_overdue_list()
    {
        var agreement = await Http.RegisteredAgreement(TestAgreements.AgreementBody(code: $"-SUM{Guid.NewGuid():N}"[..20]));
        var ws = await Http.OpenedWorkstream(agreement, code: $"+CMD{Guid.NewGuid():N}"[..10]);
        var planned = await Http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones", new { title = new { en = Formula }, dueDate = "2024-01-31" });
        await planned.ShouldBe(HttpStatusCode.Created);

        var csv = await Http.GetStringAsync("/milestones/overdue.csv");
        var row = csv.Split("\r\n").Single(line => line.Contains("evil.example"));

        row.ShouldStartWith("'-SUM");
        row.ShouldContain(",'+CMD");
        row.ShouldContain(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",");
        row.Split(',')[^1].ShouldBe("0");
    }

    [Theory]
    [InlineData("-2+3")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    [InlineData("=1+1")]
    public async Task workstream_titles_and_codes_in_the_dashboard_are_written_as_text(string text)
    {
        var agreement = await Http.RegisteredAgreement();
        var opened = await Http.PostAsJsonAsync($"/api/agreements/{agreement}/workstreams", new
        {
            // A letter after the dash: "-" and eight hex digits are sometimes all digits, a number the export rightly leaves alone.
            code = "-x" + Guid.NewGuid().ToString("N")[..7],
            title = new { en = text },
        });
        await opened.ShouldBe(HttpStatusCode.Created);

        var csv = await Http.GetStringAsync($"/agreements/{agreement}/dashboard.csv");
        var row = csv.Split("\r\n")[1];

        row.ShouldContain(",'-");
        (row.Contains("'" + text) || row.Contains("\"'" + text)).ShouldBeTrue(row);
        var percent = row.Split(',')[3];
        percent.ShouldBe("0");
    }
}
