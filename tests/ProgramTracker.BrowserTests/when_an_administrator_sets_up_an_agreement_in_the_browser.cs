using System.Text.Json.Nodes;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Journey 1 of the forms: an administrator registers an agreement with Lao and Thai names and a year-less signing
/// date, adds two workstreams, assigns an officer, establishes a committee and appoints its members (the committee
/// page's form, from the committee-web branch), all in the browser; the API then holds exactly that.
/// </summary>
public sealed class when_an_administrator_sets_up_an_agreement_in_the_browser(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_agreement_its_workstreams_officer_committee_and_members_are_recorded_as_typed()
    {
        var code = Programme.UniqueCode("FORM");
        await Page.GotoAsync("/");
        await Page.GetByTestId("register-agreement").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Register an agreement" })).ToBeVisibleAsync();

        const string form = "register-agreement";
        await Page.GetByLabel("Code").FillAsync(code);
        await Page.GetByTestId("localized-title").GetByLabel("Lao").FillAsync("ບົດບັນທຶກຄວາມເຂົ້າໃຈດ້ານເອກະສານ");
        await Page.GetByTestId("localized-title").GetByLabel("Thai").FillAsync("บันทึกความเข้าใจด้านเอกสาร");
        var parties = Page.GetByTestId("parties").Locator("[data-repeat-item]");
        await parties.Nth(0).GetByLabel("Party id").FillAsync($"la-{code}".ToLowerInvariant());
        await Page.Field(form, "parties[0].name.lo").FillAsync("ກະຊວງພາຍໃນ");
        await parties.Nth(0).GetByLabel("Country").FillAsync("LA");
        await parties.Nth(1).GetByLabel("Party id").FillAsync($"th-{code}".ToLowerInvariant());
        await Page.Field(form, "parties[1].name.th").FillAsync("กระทรวงมหาดไทย");
        await parties.Nth(1).GetByLabel("Country").FillAsync("TH");
        await parties.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Add a signatory" }).ClickAsync();
        await Assertions.Expect(Page.Field(form, "parties[0].signatories[0].name.en")).ToBeFocusedAsync();
        await Page.Field(form, "parties[0].signatories[0].name.lo").FillAsync("ທ່ານ ສົມພອນ");
        await Page.Field(form, "parties[0].signatories[0].title.en").FillAsync("Minister of Home Affairs");
        await Page.DatePart(form, "signedOn", "precision").SelectOptionAsync("no-year");
        await Assertions.Expect(Page.DatePart(form, "signedOn", "year")).ToBeHiddenAsync();
        await Page.DatePart(form, "signedOn", "day").FillAsync("28");
        await Page.DatePart(form, "signedOn", "month").SelectOptionAsync("11");
        await Page.DatePart(form, "validity.from", "precision").SelectOptionAsync("year");
        await Page.DatePart(form, "validity.from", "year").FillAsync("2024");
        await Page.DatePart(form, "validity.to", "precision").SelectOptionAsync("month");
        await Page.DatePart(form, "validity.to", "year").FillAsync("2030");
        await Page.DatePart(form, "validity.to", "month").SelectOptionAsync("12");
        await Page.Field(form, "status").SelectOptionAsync("inForce");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register the agreement" }).ClickAsync();

        await Page.ExpectDone("The agreement is registered.");
        var agreementId = Forms.IdIn(Page.Url, "agreements");
        await Screenshot("journey1-agreement-registered");

        var workstreams = new List<Guid>();
        foreach (var (wsCode, title) in new[] { ("WS-A", "ການຈັດການເອກະສານ"), ("WS-B", "ການຝຶກອົບຮົມ") })
        {
            await Page.GotoAsync($"/agreements/{agreementId}");
            await Page.Field("add-workstream", "code").FillAsync(wsCode);
            await Page.Field("add-workstream", "title.lo").FillAsync(title);
            await Page.Field("add-workstream", "leadPartyId").SelectOptionAsync($"la-{code}".ToLowerInvariant());
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add the workstream" }).ClickAsync();
            await Page.ExpectDone("The workstream is added.");
            workstreams.Add(Forms.IdIn(Page.Url, "workstreams"));
        }

        await Page.Field("assign-officer", "personId").FillAsync("demo-officer-pco");
        await Page.Field("assign-officer", "name").FillAsync("Demo officer (Party Office)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Assign the officer" }).ClickAsync();
        await Page.ExpectDone("The project officer is assigned.");

        await Page.GotoAsync($"/agreements/{agreementId}");
        const string establish = "establish-committee";
        await Page.Field(establish, "name.en").FillAsync("Joint working group on archives");
        await Page.Field(establish, "name.th").FillAsync("คณะทำงานร่วมด้านเอกสาร");
        await Page.Field(establish, "mandate.en").FillAsync("Steers the archive workstreams.");
        await Page.Field(establish, "quorum.kind").SelectOptionAsync("fixed");
        await Page.Field(establish, "quorum.count").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a principal" }).ClickAsync();
        await Page.Field(establish, "principals[0].personId").FillAsync("la-minister");
        await Page.Field(establish, "principals[0].name").FillAsync("Minister Somphone");
        await Page.Field(establish, "principals[0].partyId").SelectOptionAsync($"la-{code}".ToLowerInvariant());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a seat" }).ClickAsync();
        await Page.Field(establish, "seatsToBeAppointed[0].partyId").SelectOptionAsync($"th-{code}".ToLowerInvariant());
        await Page.Field(establish, "seatsToBeAppointed[0].count").FillAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Establish the committee" }).ClickAsync();
        await Page.ExpectDone("The committee is established.");
        var committeeId = Forms.IdIn(Page.Url, "committees");
        await Screenshot("journey1-committee-established");

        foreach (var (personId, name, role, side) in new[] { ("la-chair", "Chair Bounmy", "Chair", "la"), ("th-member", "Member Somchai", "Member", "th") })
        {
            await Page.Field("appoint", "personId").FillAsync(personId);
            await Page.Field("appoint", "name").FillAsync(name);
            await Page.Field("appoint", "role").SelectOptionAsync(role);
            await Page.Field("appoint", "partyId").SelectOptionAsync($"{side}-{code}".ToLowerInvariant());
            await Page.GetByRole(AriaRole.Button, new() { Name = "Appoint", Exact = true }).ClickAsync();
            await Assertions.Expect(Page.GetByText(name).First).ToBeVisibleAsync(new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
            await Page.ExpectDone("The member is appointed.");
        }

        var agreement = JsonNode.Parse(await App.Api.GetStringAsync($"/api/agreements/{agreementId}"))!;
        agreement["code"]!.GetValue<string>().ShouldBe(code);
        agreement["title"]!["lo"]!.GetValue<string>().ShouldBe("ບົດບັນທຶກຄວາມເຂົ້າໃຈດ້ານເອກະສານ");
        agreement["title"]!["th"]!.GetValue<string>().ShouldBe("บันทึกความเข้าใจด้านเอกสาร");
        agreement["title"]!["en"].ShouldBeNull();
        agreement["signedOn"]!.GetValue<string>().ShouldBe("--11-28");
        agreement["validity"]!["from"]!.GetValue<string>().ShouldBe("2024");
        agreement["validity"]!["to"]!.GetValue<string>().ShouldBe("2030-12");
        agreement["status"]!.GetValue<string>().ShouldBe("inForce");
        var party = agreement["parties"]![0]!;
        party["country"]!.GetValue<string>().ShouldBe("LA");
        party["signatories"]![0]!["name"]!["lo"]!.GetValue<string>().ShouldBe("ທ່ານ ສົມພອນ");
        party["signatories"]![0]!["title"]!["en"]!.GetValue<string>().ShouldBe("Minister of Home Affairs");
        agreement["parties"]![1]!["name"]!["th"]!.GetValue<string>().ShouldBe("กระทรวงมหาดไทย");
        agreement["workstreams"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ShouldBe(["WS-A", "WS-B"]);

        var workstream = await App.Api.Workstream(workstreams[1]);
        workstream["officers"]!.AsArray().Select(o => o!["personId"]!.GetValue<string>()).ShouldBe(["demo-officer-pco"]);
        workstream["leadPartyId"]!.GetValue<string>().ShouldBe($"la-{code}".ToLowerInvariant());

        var committee = JsonNode.Parse(await App.Api.GetStringAsync($"/api/committees/{committeeId}"))!;
        committee["agreementId"]!.GetValue<Guid>().ShouldBe(agreementId);
        committee["name"]!["th"]!.GetValue<string>().ShouldBe("คณะทำงานร่วมด้านเอกสาร");
        committee["quorum"]!["kind"]!.GetValue<string>().ShouldBe("fixed");
        committee["quorum"]!["count"]!.GetValue<int>().ShouldBe(2);
        committee["principals"]![0]!["personId"]!.GetValue<string>().ShouldBe("la-minister");
        committee["seatsToBeAppointed"]![0]!["seats"]!.GetValue<int>().ShouldBe(3);
        committee["currentMembers"]!.AsArray().Select(m => m!["personId"]!.GetValue<string>()).Order().ShouldBe(["la-chair", "th-member"]);
        committee["chair"]!["personId"]!.GetValue<string>().ShouldBe("la-chair");
        committee["joint"]!.GetValue<bool>().ShouldBeTrue();
    }
}
