using System.Net;
using System.Net.Http.Json;

namespace ProgramTracker.IntegrationTests;

public class when_an_agreement_is_tracked_end_to_end(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_completed_milestone_shows_in_the_workstream_progress()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId, "CAPACITY");
        var done = await Http.PlannedMilestone(workstreamId, "2024-06-30", weight: 3);
        await Http.PlannedMilestone(workstreamId, "2025-06-30", weight: 1);

        (await Post($"/api/workstreams/{workstreamId}/milestones/{done}/complete", new { completedOn = "2024-06-28" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Http.GetAsync($"/api/workstreams/{workstreamId}");
        var workstream = await response.ShouldBe(HttpStatusCode.OK);
        workstream["percentComplete"]!.GetValue<decimal>().ShouldBe(75m);
        workstream["code"]!.GetValue<string>().ShouldBe("CAPACITY");
        workstream["title"]!["lo"]!.GetValue<string>().ShouldBe("ການພັດທະນາຄວາມສາມາດພະນັກງານ");
        workstream["milestones"]!.AsArray().Count.ShouldBe(2);
        response.Headers.ETag!.Tag.ShouldBe("\"4\"");

        var agreement = await Http.GetJson($"/api/agreements/{agreementId}");
        agreement["workstreams"]!.AsArray().ShouldHaveSingleItem()!["workstreamId"]!.GetValue<Guid>().ShouldBe(workstreamId);
    }

    [Fact]
    public async Task the_agreement_keeps_dates_at_the_precision_the_source_gives()
    {
        var body = TestAgreements.AgreementBody() as dynamic;
        var response = await Http.PostAsJsonAsync("/api/agreements", new
        {
            code = $"PCO-{Guid.NewGuid():N}"[..16],
            title = new { lo = "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ຫສພ ແລະ ຕສ" },
            parties = new object[]
            {
                new { partyId = "pco", name = new { lo = "ຫ້ອງວ່າການສູນກາງພັກ" }, country = "LA" },
                new { partyId = "mtc", name = new { lo = "ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ" }, country = "LA" },
            },
            signedOn = "--11-28",
            validity = new { to = "2026" },
        });
        var id = (await response.ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var agreement = await Http.GetJson($"/api/agreements/{id}");
        agreement["signedOn"]!.GetValue<string>().ShouldBe("--11-28");
        agreement["validity"]!["to"]!.GetValue<string>().ShouldBe("2026");
    }
}
