using System.Globalization;
using System.Net.Http.Json;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Every form once in its error state: the refusal's rule is shown next to its field in the chosen language,
/// what was typed is still there, nothing was recorded, and axe finds nothing serious in the error state.
/// </summary>
public sealed class when_a_form_is_refused(BrowserFixture app) : BrowserTest(app), IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
    }
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IPage> OpenAs(string locale, string url)
    {
        var context = await App.NewContextAsync(locale, signedInAs: DemoUsers.Administrator);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }

    private static async Task ExpectRefused(IPage page, string form, string field, string words, string what)
    {
        var slot = page.ErrorFor(form, field);
        await Assertions.Expect(slot).ToBeVisibleAsync(new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        await Assertions.Expect(slot).ToHaveTextAsync(words);
        await page.ExpectNoSeriousViolations($"{what} refused");
    }

    private async Task<(Guid Agreement, Guid Workstream)> Workstream()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("NO"), new { en = "Cooperation in archives" });
        return (agreement, await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Digitised archives" }));
    }

    [Fact]
    public async Task registering_an_agreement_with_a_malformed_code_says_so_in_vietnamese()
    {
        var code = "bad code!";
        var page = await OpenAs("vi-VN", "/agreements/register");
        await page.Field("register-agreement", "code").FillAsync(code);
        await page.Field("register-agreement", "title.vi").FillAsync("Bản ghi nhớ về lưu trữ");
        foreach (var (i, country) in new[] { (0, "VN"), (1, "LA") })
        {
            await page.Field("register-agreement", $"parties[{i}].partyId").FillAsync($"p{i}");
            await page.Field("register-agreement", $"parties[{i}].name.en").FillAsync($"Ministry {i}");
            await page.Field("register-agreement", $"parties[{i}].country").FillAsync(country);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký thỏa thuận" }).ClickAsync();

        await ExpectRefused(page, "register-agreement", "code", "Chỉ dùng chữ cái, chữ số, '-', '_' và '.'.", "register");
        await Assertions.Expect(page.Field("register-agreement", "code")).ToHaveValueAsync(code);
        await Assertions.Expect(page.Field("register-agreement", "code")).ToBeFocusedAsync();
        await Assertions.Expect(page.Field("register-agreement", "title.vi")).ToHaveValueAsync("Bản ghi nhớ về lưu trữ");
        await Assertions.Expect(page.Field("register-agreement", "parties[1].country")).ToHaveValueAsync("LA");
    }

    [Fact]
    public async Task registering_an_agreement_with_the_second_party_left_blank_asks_for_it_in_thai()
    {
        var page = await OpenAs("th-TH", "/agreements/register");
        await page.Field("register-agreement", "code").FillAsync(Programme.UniqueCode("ONE"));
        await page.Field("register-agreement", "title.th").FillAsync("บันทึกความเข้าใจ");
        await page.Field("register-agreement", "parties[0].partyId").FillAsync("th-moi");
        await page.Field("register-agreement", "parties[0].name.th").FillAsync("กระทรวงมหาดไทย");
        await page.Field("register-agreement", "parties[0].country").FillAsync("TH");
        await page.GetByRole(AriaRole.Button, new() { Name = "ลงทะเบียนข้อตกลง" }).ClickAsync();

        // The API's JSON reader names the missing member without its place ("name"); the page puts it on the empty one.
        await ExpectRefused(page, "register-agreement", "parties[1].name", "จำเป็นต้องกรอก", "register with a blank party");
        await Assertions.Expect(page.ErrorFor("register-agreement", "parties[0].name")).ToBeHiddenAsync();
        await Assertions.Expect(page.Field("register-agreement", "parties[0].name.th")).ToHaveValueAsync("กระทรวงมหาดไทย");
    }

    [Fact]
    public async Task adding_a_workstream_without_a_code_says_so_in_lao()
    {
        var (agreement, _) = await Workstream();
        var page = await OpenAs("lo-LA", $"/agreements/{agreement}");
        await page.Field("add-workstream", "title.lo").FillAsync("ການຝຶກອົບຮົມ");
        await page.Locator("form#add-workstream button[type=submit]").ClickAsync();

        await ExpectRefused(page, "add-workstream", "code", "ຈຳເປັນຕ້ອງໃສ່.", "add workstream");
        await Assertions.Expect(page.Field("add-workstream", "title.lo")).ToHaveValueAsync("ການຝຶກອົບຮົມ");
        (await App.Api.GetStringAsync($"/api/agreements/{agreement}")).ShouldNotContain("ການຝຶກອົບຮົມ");
    }

    [Fact]
    public async Task changing_the_status_without_a_reason_says_so_in_thai()
    {
        var (agreement, _) = await Workstream();
        var page = await OpenAs("th-TH", $"/agreements/{agreement}");
        await page.Field("change-status", "status").SelectOptionAsync("closed");
        await page.Locator("form#change-status button[type=submit]").ClickAsync();

        await ExpectRefused(page, "change-status", "reason", "ต้องระบุเหตุผล", "change status");
        await Assertions.Expect(page.Field("change-status", "status")).ToHaveValueAsync("closed");
        (await App.Api.GetStringAsync($"/api/agreements/{agreement}")).ShouldContain("\"status\":\"inForce\"");
    }

    [Fact]
    public async Task an_amendment_without_a_reason_says_so_in_vietnamese()
    {
        var (agreement, _) = await Workstream();
        var page = await OpenAs("vi-VN", $"/agreements/{agreement}");
        await page.Field("amend-agreement", "summary").FillAsync("Thêm điều 5 về đào tạo");
        await page.Locator("form#amend-agreement button[type=submit]").ClickAsync();

        await ExpectRefused(page, "amend-agreement", "reason", "Cần nhập lý do.", "amend");
        await Assertions.Expect(page.Field("amend-agreement", "summary")).ToHaveValueAsync("Thêm điều 5 về đào tạo");
    }

    [Fact]
    public async Task an_extension_to_an_earlier_end_says_so_in_lao()
    {
        var (agreement, _) = await Workstream();
        var page = await OpenAs("lo-LA", $"/agreements/{agreement}");
        await page.DatePart("extend-agreement", "newEnd", "precision").SelectOptionAsync("year");
        await page.DatePart("extend-agreement", "newEnd", "year").FillAsync("2027");
        await page.Field("extend-agreement", "reason").FillAsync("ຕາມການຕົກລົງ");
        await page.Locator("form#extend-agreement button[type=submit]").ClickAsync();

        await ExpectRefused(page, "extend-agreement", "newEnd", "ວັນສິ້ນສຸດໃໝ່ຕ້ອງຊ້າກວ່າວັນສິ້ນສຸດປະຈຸບັນ.", "extend");
        await Assertions.Expect(page.DatePart("extend-agreement", "newEnd", "year")).ToHaveValueAsync("2027");
        await Assertions.Expect(page.DatePart("extend-agreement", "newEnd", "year")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task establishing_a_committee_without_a_mandate_says_so_in_thai()
    {
        var (agreement, _) = await Workstream();
        var page = await OpenAs("th-TH", $"/agreements/{agreement}");
        await page.Field("establish-committee", "name.th").FillAsync("คณะกรรมการร่วม");
        await page.Locator("form#establish-committee button[type=submit]").ClickAsync();

        await ExpectRefused(page, "establish-committee", "mandate", "จำเป็นต้องกรอก", "establish");
        await Assertions.Expect(page.Field("establish-committee", "name.th")).ToHaveValueAsync("คณะกรรมการร่วม");
    }

    [Fact]
    public async Task a_milestone_due_after_the_agreement_ends_says_so_in_vietnamese()
    {
        var (_, workstream) = await Workstream();
        var page = await OpenAs("vi-VN", $"/workstreams/{workstream}");
        await page.Field("plan-milestone", "title.vi").FillAsync("Số hóa hồ sơ");
        await page.Field("plan-milestone", "dueDate").FillAsync("2035-01-31");
        await page.Locator("form#plan-milestone button[type=submit]").ClickAsync();

        await ExpectRefused(page, "plan-milestone", "dueDate", "Hạn hoàn thành nằm ngoài thời hạn hiệu lực của thỏa thuận.", "plan milestone");
        await Assertions.Expect(page.Field("plan-milestone", "title.vi")).ToHaveValueAsync("Số hóa hồ sơ");
        (await App.Api.Workstream(workstream))["milestones"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task an_indicator_whose_range_runs_backwards_says_so_in_lao()
    {
        var (_, workstream) = await Workstream();
        var page = await OpenAs("lo-LA", $"/workstreams/{workstream}");
        await page.Field("define-indicator", "name.lo").FillAsync("ພະນັກງານທີ່ຝຶກອົບຮົມ");
        await page.Field("define-indicator", "unit").FillAsync("ຄົນ");
        await page.Field("define-indicator", "targetLow").FillAsync("10");
        await page.Field("define-indicator", "targetHigh").FillAsync("5");
        await page.Locator("form#define-indicator button[type=submit]").ClickAsync();

        await ExpectRefused(page, "define-indicator", "targetHigh", "ຄາດໝາຍສູງສຸດຕ້ອງບໍ່ຕ່ຳກວ່າຄາດໝາຍ.", "define indicator");
        await Assertions.Expect(page.Field("define-indicator", "targetHigh")).ToHaveValueAsync("5");
    }

    [Fact]
    public async Task a_measurement_for_a_period_in_the_wrong_format_says_so_in_thai()
    {
        var (_, workstream) = await Workstream();
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/indicators",
            new { name = new { en = "Archivists trained" }, unit = "officials", targetLow = 20, period = "quarterly" })).EnsureSuccessStatusCode();
        var page = await OpenAs("th-TH", $"/workstreams/{workstream}");
        await page.Field("record-measurement", "period").FillAsync("2025");
        await page.Field("record-measurement", "value").FillAsync("12");
        await page.Locator("form#record-measurement button[type=submit]").ClickAsync();

        await ExpectRefused(page, "record-measurement", "period", "เขียนช่วงเวลาตามรูปแบบของตัวชี้วัด (ดูคำแนะนำ)", "measure");
        await Assertions.Expect(page.Field("record-measurement", "value")).ToHaveValueAsync("12");
        (await App.Api.Workstream(workstream))["indicators"]![0]!["measurements"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task an_assessment_without_a_reason_says_so_in_vietnamese()
    {
        var (_, workstream) = await Workstream();
        var page = await OpenAs("vi-VN", $"/workstreams/{workstream}");
        await page.Locator("form#assess-status input[name=rating][value=red]").CheckAsync();
        await page.Locator("form#assess-status button[type=submit]").ClickAsync();

        await ExpectRefused(page, "assess-status", "reason", "Cần nhập lý do.", "assess");
        await Assertions.Expect(page.Locator("form#assess-status input[name=rating][value=red]")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task assigning_an_officer_twice_says_so_in_lao()
    {
        var (_, workstream) = await Workstream();
        await App.Api.AssignedOfficer(workstream, "la-officer", "Officer One");
        var page = await OpenAs("lo-LA", $"/workstreams/{workstream}");
        await page.Field("assign-officer", "personId").FillAsync("la-officer");
        await page.Field("assign-officer", "name").FillAsync("ທ້າວ ສົມສັກ");
        await page.Locator("form#assign-officer button[type=submit]").ClickAsync();

        await ExpectRefused(page, "assign-officer", "personId", "ບຸກຄົນນີ້ເປັນພະນັກງານໂຄງການຂອງວຽກງານນີ້ແລ້ວ.", "assign officer");
        await Assertions.Expect(page.Field("assign-officer", "name")).ToHaveValueAsync("ທ້າວ ສົມສັກ");
    }

    [Fact]
    public async Task unassigning_an_officer_without_a_reason_says_so_in_thai()
    {
        var (_, workstream) = await Workstream();
        await App.Api.AssignedOfficer(workstream, "th-officer", "Officer Two");
        var page = await OpenAs("th-TH", $"/workstreams/{workstream}");
        await page.Locator("form#unassign-officer button[type=submit]").ClickAsync();

        await ExpectRefused(page, "unassign-officer", "reason", "ต้องระบุเหตุผล", "unassign officer");
        (await App.Api.Workstream(workstream))["officers"]!.AsArray().Count.ShouldBe(1);
    }
}
