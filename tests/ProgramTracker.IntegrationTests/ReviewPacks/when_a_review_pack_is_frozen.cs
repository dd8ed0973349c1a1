using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Agreements.ReviewPacks;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.ReviewPacks;

public class when_a_review_pack_is_frozen(AppFixture app) : IntegrationContext(app)
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private async Task<JsonNode> Frozen(Guid agreementId, object body) =>
        await (await Http.PostAsJsonAsync($"/api/agreements/{agreementId}/review-packs", body)).ShouldBe(HttpStatusCode.OK);

    private async Task<JsonNode> Verified(Guid agreementId, string packDate, string sha256) =>
        await (await Http.PostAsJsonAsync("/api/review-packs/verify", new { agreementId, packDate, sha256 })).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task a_pack_frozen_today_still_verifies_after_a_later_change()
    {
        var history = await History2024.RecordAsync(App.Store);
        var frozen = await Frozen(history.AgreementId, new { });
        var sha = frozen["sha256"]!.GetValue<string>();
        sha.ShouldMatch("^[0-9a-f]{64}$");
        frozen["packDate"]!.GetValue<string>().ShouldBe(Today);
        frozen["basis"]!.GetValue<string>().ShouldBe("recorded");

        // Recorded later the same day: the frozen pack does not move with it.
        (await Http.PostAsJsonAsync($"/api/workstreams/{history.WorkstreamId}/milestones/{history.ExhibitionMilestone}/complete",
            new { completedOn = Today })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var verified = await Verified(history.AgreementId, Today, sha);
        verified["matches"]!.GetValue<bool>().ShouldBeTrue(verified.ToJsonString());
        verified["frozen"]!.GetValue<bool>().ShouldBeTrue();
        verified["sequence"]!.GetValue<long>().ShouldBe(frozen["sequence"]!.GetValue<long>());

        var shown = await Http.GetJson($"/api/agreements/{history.AgreementId}/review-pack");
        shown["frozen"]!["sha256"]!.GetValue<string>().ShouldBe(sha);
        shown["pack"]!["agreement"]!["milestonesDone"]!.GetValue<int>().ShouldBe(1);

        var again = await Frozen(history.AgreementId, new { packDate = Today });
        again["sha256"]!.GetValue<string>().ShouldNotBe(sha);
        (await Http.GetJson($"/api/agreements/{history.AgreementId}/review-pack"))["pack"]!["agreement"]!["milestonesDone"]!.GetValue<int>().ShouldBe(2);
        (await Http.GetJson($"/api/agreements/{history.AgreementId}/review-packs")).AsArray()
            .Select(p => p!["sha256"]!.GetValue<string>()).ShouldBe([sha, again["sha256"]!.GetValue<string>()]);
        (await Verified(history.AgreementId, Today, sha))["matches"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_pack_of_a_past_day_is_printed_with_its_hash_and_event()
    {
        var history = await History2024.RecordAsync(App.Store);
        var frozen = await Frozen(history.AgreementId, new { packDate = "2024-06-30" });
        var (sha, sequence) = (frozen["sha256"]!.GetValue<string>(), frozen["sequence"]!.GetValue<long>());

        var page = await Http.GetStringAsync($"/agreements/{history.AgreementId}/review-pack?packDate=2024-06-30");
        page.ShouldContain($"<code data-testid=\"pack-sha256\">{sha}</code>");
        page.ShouldContain($"#{sequence}");

        var api = await Http.GetJson($"/api/agreements/{history.AgreementId}/review-pack?packDate=2024-06-30");
        api["pack"]!["slippage"]!.AsArray().ShouldBeEmpty();
        api["pack"]!["agreement"]!["milestonesDone"]!.GetValue<int>().ShouldBe(1);
        (await Verified(history.AgreementId, "2024-06-30", sha))["matches"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_freeze_that_no_longer_recomputes_says_which_section_differs()
    {
        var history = await History2024.RecordAsync(App.Store);
        var real = await Frozen(history.AgreementId, new { packDate = "2024-06-30" });

        // A freeze whose open actions were something else: appended straight to the store, as a forged record would be.
        await using (var session = App.Store.LightweightSession())
        {
            var events = await session.Events.FetchStreamAsync(history.AgreementId);
            var genuine = events.Select(e => e.Data).OfType<ReviewPackFrozen>().Single();
            var forged = genuine with
            {
                Sha256 = new string('a', 64),
                Sections = genuine.Sections.ToDictionary(s => s.Key, s => s.Key == "openActions" ? new string('b', 64) : s.Value),
            };
            session.Events.Append(history.AgreementId, forged);
            await session.SaveChangesAsync();
        }

        var verified = await Verified(history.AgreementId, "2024-06-30", new string('a', 64));
        verified["matches"]!.GetValue<bool>().ShouldBeFalse();
        verified["frozen"]!.GetValue<bool>().ShouldBeTrue();
        verified["differingSections"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["openActions"]);
        verified["recomputedSha256"]!.GetValue<string>().ShouldBe(real["sha256"]!.GetValue<string>());

        var unknown = await Verified(history.AgreementId, "2024-06-30", new string('c', 64));
        unknown["matches"]!.GetValue<bool>().ShouldBeFalse();
        unknown["frozen"]!.GetValue<bool>().ShouldBeFalse();

        var noneThatDay = await Verified(history.AgreementId, "2024-07-01", real["sha256"]!.GetValue<string>());
        (noneThatDay["matches"]!.GetValue<bool>(), noneThatDay["frozen"]!.GetValue<bool>()).ShouldBe((false, false));
    }

    [Fact]
    public async Task holding_a_meeting_freezes_the_pack_of_the_meeting_day()
    {
        var history = await History2024.RecordAsync(App.Store);
        var committee = await Http.EstablishedCommittee(history.AgreementId);
        var chair = CommitteeScenarios.NewPersonId("chair");
        await Http.Appointed(committee, chair, "chair");
        var meeting = await Http.ScheduledMeeting(committee, "2024-06-30", history.WorkstreamId);
        await Http.HeldMeeting(committee, meeting, chair);

        var packs = (await Http.GetJson($"/api/agreements/{history.AgreementId}/review-packs")).AsArray();
        packs.Count.ShouldBe(1);
        packs[0]!["meetingId"]!.GetValue<Guid>().ShouldBe(meeting);
        packs[0]!["packDate"]!.GetValue<string>().ShouldBe("2024-06-30");
        (await Verified(history.AgreementId, "2024-06-30", packs[0]!["sha256"]!.GetValue<string>()))["matches"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task bad_input_is_refused_naming_the_field_and_nothing_is_appended()
    {
        var history = await History2024.RecordAsync(App.Store);
        var before = await EventCount();

        await (await Http.PostAsJsonAsync("/api/review-packs/verify", new { agreementId = history.AgreementId, packDate = "2024-06-30", sha256 = "abc" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "sha256");
        await (await Http.PostAsJsonAsync("/api/review-packs/verify", new { agreementId = history.AgreementId, sha256 = new string('a', 64) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "packDate");
        await (await Http.PostAsJsonAsync($"/api/agreements/{history.AgreementId}/review-packs", new { packDate = "2999-01-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "packDate");
        await (await Http.PostAsJsonAsync($"/api/agreements/{history.AgreementId}/review-packs", new { packDate = "2023-01-01" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "packDate");
        var badBasis = await PostRaw($"/api/agreements/{history.AgreementId}/review-packs", """{"basis":"booked"}""");
        badBasis.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badBasis.Content.ReadAsStringAsync()).ShouldContain("basis");
        await (await Http.GetAsync($"/api/agreements/{history.AgreementId}/review-pack?packDate=2024-02-31")).ShouldBeProblem(HttpStatusCode.BadRequest, "packDate");

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_viewer_may_not_freeze_a_pack()
    {
        var history = await History2024.RecordAsync(App.Store);
        using var viewer = App.CreateClient(Api.Security.DemoUsers.Viewer);
        var response = await viewer.PostAsJsonAsync($"/api/agreements/{history.AgreementId}/review-packs", new { });
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await Http.GetJson($"/api/agreements/{history.AgreementId}/review-packs")).AsArray().ShouldBeEmpty();
    }
}
