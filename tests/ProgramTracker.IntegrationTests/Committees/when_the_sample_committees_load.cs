using System.Net;
using System.Net.Http.Json;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests.Committees;

public class when_the_sample_committees_load(AppFixture app) : IntegrationContext(app)
{
    /// <summary>The agreements load first (another loader does that); register them here when this run has none.</summary>
    private async Task EnsureAgreement(Guid id, string code, object[] parties)
    {
        if ((await Http.GetAsync($"/api/agreements/{id}")).StatusCode != HttpStatusCode.NotFound) return;
        (await Http.PostAsJsonAsync("/api/agreements", new
        {
            agreementId = id, code, title = new { en = code }, parties, signedOn = "--11-28", validity = new { to = "2026" },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Http.OpenedWorkstream(id);
    }

    [Fact]
    public async Task the_party_office_committee_has_principals_and_seats_to_be_appointed_and_a_second_load_appends_nothing()
    {
        await EnsureAgreement(SampleIds.PartyOfficeMou, $"PCO-{Guid.NewGuid():N}"[..16],
        [
            new { partyId = "la-pco", name = new { en = "Party Central Office", lo = "ຫ້ອງວ່າການສູນກາງພັກ" }, country = "LA" },
            new { partyId = "la-mtc", name = new { en = "Ministry of Technology and Communications" }, country = "LA" },
        ]);
        await EnsureAgreement(SampleIds.HomeAffairsMou2023, $"MOHA-{Guid.NewGuid():N}"[..16],
        [
            new { partyId = "vn-moha", name = new { en = "Ministry of Home Affairs", vi = "Bộ Nội vụ" }, country = "VN" },
            new { partyId = "la-moha", name = new { en = "Ministry of Home Affairs" }, country = "LA" },
        ]);
        var loader = new CommitteeSampleData();

        await loader.LoadAsync(App.Store, CancellationToken.None);
        var afterFirst = await EventCount();
        await loader.LoadAsync(App.Store, CancellationToken.None);
        (await EventCount()).ShouldBe(afterFirst);

        var partyOffice = await Http.GetJson($"/api/committees/{CommitteeSampleData.PartyOfficeCommittee}");
        partyOffice["isSample"]!.GetValue<bool>().ShouldBeTrue();
        // The MoU names no members; the only seat taken is the development sign-in's demo chair.
        partyOffice["currentMembers"]!.AsArray().Select(m => m!["personId"]!.GetValue<string>()).ShouldBe([DemoUsers.Chair.PersonId]);
        partyOffice["principals"]!.AsArray().Select(p => p!["personId"]!.GetValue<string>())
            .ShouldBe(["la-pco-thongsalith-mangnomek", "la-mtc-boviengkham-vongdara"]);
        partyOffice["seatsToBeAppointed"]!.AsArray().Count.ShouldBe(2);
        partyOffice["seatsToBeAppointed"]!.AsArray().ShouldAllBe(s => s!["status"]!.GetValue<string>() == "toBeAppointed");
        partyOffice["establishedOn"].ShouldBeNull();
        (await Http.GetJson("/api/people/la-pco-thongsalith-mangnomek/assignments"))["committees"]!.AsArray()
            .ShouldHaveSingleItem()!["principal"]!.GetValue<bool>().ShouldBeTrue();

        var homeAffairs = await Http.GetJson($"/api/committees/{CommitteeSampleData.HomeAffairsCommittee}");
        homeAffairs["isSample"]!.GetValue<bool>().ShouldBeTrue();
        var meeting = await Http.GetJson($"/api/committees/{CommitteeSampleData.HomeAffairsCommittee}/meetings/{CommitteeSampleData.HomeAffairsReviewMeeting}");
        meeting["isSample"]!.GetValue<bool>().ShouldBeTrue();
        meeting["status"]!.GetValue<string>().ShouldBe("held");
        var workstreams = (await Http.GetJson($"/api/agreements/{SampleIds.HomeAffairsMou2023}"))["workstreams"]!.AsArray().Count;
        meeting["reviews"]!.AsArray().Count.ShouldBe(Math.Min(2, workstreams));
        meeting["reviews"]!.AsArray().ShouldAllBe(r => r!["comments"]!.GetValue<string>().StartsWith("Sample review"));
    }
}
