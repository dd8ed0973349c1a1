using System.Net;
using System.Net.Http.Json;
using Marten;
using ProgramTracker.Api.SampleData;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// A workstream's ETag is its stream's version, whichever command appended its last event: a committee review
/// writes to the workstream from the committee's stream, and the sample data assigns the demo officer to the
/// Party Office workstreams. A wrong ETag makes every If-Match write fail with 412.
/// </summary>
public sealed class when_a_workstream_is_written_from_elsewhere(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task after_a_committee_review_the_etag_is_the_streams_version_and_if_match_writes_go_through()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var chair = CommitteeScenarios.NewPersonId("chair");
        await Http.Appointed(committeeId, chair, "chair");
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);
        await Http.HeldMeeting(committeeId, meetingId, chair);
        (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/reviews", new { workstreamId, rating = "amber", comments = "Late." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = await Http.GetAsync($"/api/workstreams/{workstreamId}");
        read.Headers.ETag!.Tag.ShouldBe($"\"{await StreamVersion(workstreamId)}\"");
        read.Headers.ETag.Tag.ShouldBe("\"2\"");

        var write = await Post($"/api/workstreams/{workstreamId}/assessments", new { rating = "green", reason = "Back on track." },
            request => request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag.Tag));
        (await write.ShouldBe(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(3);
        (await Http.GetAsync($"/api/workstreams/{workstreamId}")).Headers.ETag!.Tag.ShouldBe("\"3\"");
    }

    [Fact]
    public async Task every_sample_workstream_and_committee_answers_its_streams_version()
    {
        await using var session = App.Store.QuerySession();
        Guid[] samples = [SampleIds.PartyOfficeMou, SampleIds.HomeAffairsMou2023, SampleIds.HomeAffairsMinutes2016, SampleIds.ArchivesPlan2026, SampleIds.ForeignInformationMou];
        var workstreams = await session.Query<ProgramTracker.Api.Workstreams.Workstream>().Where(w => w.AgreementId.IsOneOf(samples)).Select(w => w.Id).ToListAsync();
        workstreams.ShouldContain(SampleIds.PartyOfficeInfrastructure);

        foreach (var id in workstreams)
        {
            var read = await Http.GetAsync($"/api/workstreams/{id}");
            read.Headers.ETag!.Tag.ShouldBe($"\"{await StreamVersion(id)}\"", $"workstream {id}");
        }
        foreach (var id in new[] { ProgramTracker.Api.Committees.CommitteeSampleData.PartyOfficeCommittee, ProgramTracker.Api.Committees.CommitteeSampleData.HomeAffairsCommittee })
        {
            var read = await Http.GetAsync($"/api/committees/{id}");
            read.Headers.ETag!.Tag.ShouldBe($"\"{await StreamVersion(id)}\"", $"committee {id}");
        }
    }

    private async Task<long> StreamVersion(Guid id)
    {
        await using var session = App.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }
}
