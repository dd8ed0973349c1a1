namespace ProgramTracker.BrowserTests;

public sealed class when_time_travel_and_history_are_read_in_thai(BrowserFixture app) : BrowserTest(app)
{
    protected override string Locale => "th-TH";

    [Fact]
    public async Task the_banner_the_forms_and_the_history_speak_thai()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");

        await Page.GotoAsync($"/workstreams/{past.WorkstreamId}");
        await Assertions.Expect(Page.Locator("#reschedule-milestone")).ToContainTextAsync("เหตุผล (จำเป็น)");
        await Assertions.Expect(Page.Locator("#report-progress")).ToContainTextAsync("บันทึกความคืบหน้า");

        await Page.GotoAsync($"/workstreams/{past.WorkstreamId}?asOf=2024-05-01");
        await Assertions.Expect(Page.GetByTestId("as-of-banner")).ToContainTextAsync("คุณกำลังดูข้อมูลในอดีต");

        await Page.GotoAsync($"/workstreams/{past.WorkstreamId}/history");
        await Assertions.Expect(Page.GetByTestId("history").Locator("thead")).ToContainTextAsync("ใคร");
        await Screenshot("workstream-history-thai");
    }
}
