using System.Net;
using System.Net.Http.Json;

namespace ProgramTracker.IntegrationTests.Committees;

public class when_a_committee_is_established_and_staffed(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_roster_shows_members_by_role_and_party_and_who_was_chair_on_a_past_date()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var (anna, binh, chanthone) = (CommitteeScenarios.NewPersonId("anna"), CommitteeScenarios.NewPersonId("binh"), CommitteeScenarios.NewPersonId("chanthone"));

        await Http.Appointed(committeeId, anna, "chair", effectiveOn: "2023-07-01");
        await Http.Appointed(committeeId, chanthone, "focalPoint", partyId: "la-moha", workstreamId: workstreamId);
        (await Post($"/api/committees/{committeeId}/members/{anna}/relieve", new { effectiveOn = "2024-06-01", reason = "Moved to another ministry" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await Http.Appointed(committeeId, binh, "chair", effectiveOn: "2024-06-01");

        var response = await Http.GetAsync($"/api/committees/{committeeId}");
        var roster = await response.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldBe("\"5\"");
        roster["chair"]!["personId"]!.GetValue<string>().ShouldBe(binh);
        roster["currentMembers"]!.AsArray().Count.ShouldBe(2);
        roster["byParty"]!.AsArray().Select(p => p!["partyId"]!.GetValue<string>()).ShouldBe(["la-moha", "vn-moha"], ignoreOrder: true);
        roster["byRole"]!.AsArray().Select(r => r!["role"]!.GetValue<string>()).ShouldBe(["chair", "focalPoint"]);
        var past = roster["pastMembers"]!.AsArray().ShouldHaveSingleItem()!;
        past["personId"]!.GetValue<string>().ShouldBe(anna);
        past["to"]!.GetValue<string>().ShouldBe("2024-06-01");

        var march = await Http.GetJson($"/api/committees/{committeeId}?asOf=2024-03-01");
        march["chair"]!["personId"]!.GetValue<string>().ShouldBe(anna);
        march["pastMembers"]!.AsArray().ShouldBeEmpty();
        march["asOf"]!.GetValue<string>().ShouldBe("2024-03-01");

        (await Http.GetAsync($"/api/committees/{committeeId}?asOf=2023-06-30")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_second_chair_is_refused_and_appends_nothing()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        await Http.Appointed(committeeId, CommitteeScenarios.NewPersonId("anna"), "chair");
        var before = await EventCount();

        var problem = await (await Post($"/api/committees/{committeeId}/members", new
        {
            personId = CommitteeScenarios.NewPersonId("binh"), name = "Binh", role = "chair", partyId = "la-moha", effectiveOn = "2024-01-01",
        })).ShouldBeProblem(HttpStatusCode.Conflict, "role");

        problem["rule"]!.GetValue<string>().ShouldBe("second-chair");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task appointing_an_active_member_again_in_the_same_role_is_a_conflict()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var anna = CommitteeScenarios.NewPersonId("anna");
        await Http.Appointed(committeeId, anna, "secretary");
        var before = await EventCount();

        (await (await Post($"/api/committees/{committeeId}/members", new { personId = anna, name = "Anna", role = "secretary", partyId = "vn-moha", effectiveOn = "2024-01-01" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "personId"))["rule"]!.GetValue<string>().ShouldBe("already-member");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task relieving_a_non_member_is_not_found()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var before = await EventCount();

        (await (await Post($"/api/committees/{committeeId}/members/nobody/relieve", new { effectiveOn = "2024-01-01", reason = "Left" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "personId"))["rule"]!.GetValue<string>().ShouldBe("not-a-member");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task dates_before_the_committee_existed_are_refused()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId, establishedOn: "2023-07-01");
        var before = await EventCount();

        (await (await Post($"/api/committees/{committeeId}/members", new { personId = "x1", name = "X", role = "member", partyId = "vn-moha", effectiveOn = "2023-06-30" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "effectiveOn"))["rule"]!.GetValue<string>().ShouldBe("before-established");
        await (await Post($"/api/committees/{committeeId}/meetings", new { scheduledOn = "2023-01-15" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "scheduledOn");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_party_or_focal_workstream_from_outside_the_agreement_is_refused()
    {
        var agreementId = await Http.RegisteredAgreement();
        var otherWorkstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var before = await EventCount();

        await (await Post($"/api/committees/{committeeId}/members", new { personId = "x2", name = "X", role = "member", partyId = "th-mdes", effectiveOn = "2024-01-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "partyId");
        (await (await Post($"/api/committees/{committeeId}/members", new
            {
                personId = "x3", name = "X", role = "focalPoint", partyId = "vn-moha", effectiveOn = "2024-01-01", workstreamId = otherWorkstream,
            })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "workstreamId"))["rule"]!.GetValue<string>().ShouldBe("workstream-other-agreement");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task bad_input_is_a_400_naming_the_field_and_appends_nothing()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var before = await EventCount();

        await (await Post($"/api/agreements/{agreementId}/committees", new { name = new { en = "" }, mandate = new { en = "m" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "name");
        await (await Post($"/api/agreements/{agreementId}/committees", new { name = new { en = "n" }, mandate = new { en = "m" }, quorum = new { kind = "fixed" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "quorum.count");
        await (await Post($"/api/committees/{committeeId}/members", new { personId = "x4", name = "X", role = "focalPoint", partyId = "vn-moha", effectiveOn = "2024-01-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "workstreamId");
        (await PostRaw($"/api/committees/{committeeId}/members", """{"personId":"x5","name":"X","role":"emperor","partyId":"vn-moha","effectiveOn":"2024-01-01"}"""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostRaw($"/api/committees/{committeeId}/members", """{"personId":"x5","name":"X","role":"member","partyId":"vn-moha","effectiveOn":"2024-01-01","salary":1}"""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await Post($"/api/committees/{committeeId}/members/x5/relieve", new { effectiveOn = "2024-01-01", reason = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        await (await Http.GetAsync($"/api/committees/{committeeId}?asOf=yesterday")).ShouldBeProblem(HttpStatusCode.BadRequest, "asOf");
        (await Post($"/api/agreements/{Guid.NewGuid()}/committees", new { name = new { en = "n" }, mandate = new { en = "m" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_stale_if_match_is_refused_and_an_idempotency_key_appends_once()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var anna = CommitteeScenarios.NewPersonId("anna");
        var body = new { personId = anna, name = "Anna", role = "member", partyId = "vn-moha", effectiveOn = "2024-01-01" };

        var first = await Post($"/api/committees/{committeeId}/members", body, r => r.Headers.Add("Idempotency-Key", $"k-{anna}"));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterFirst = await EventCount();
        var again = await Post($"/api/committees/{committeeId}/members", body, r => r.Headers.Add("Idempotency-Key", $"k-{anna}"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EventCount()).ShouldBe(afterFirst);

        var stale = await Post($"/api/committees/{committeeId}/members",
            new { personId = CommitteeScenarios.NewPersonId("binh"), name = "Binh", role = "member", partyId = "vn-moha", effectiveOn = "2024-01-01" },
            r => r.Headers.TryAddWithoutValidation("If-Match", "\"1\""));
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await EventCount()).ShouldBe(afterFirst);

        var fresh = await Post($"/api/committees/{committeeId}/members",
            new { personId = CommitteeScenarios.NewPersonId("binh"), name = "Binh", role = "member", partyId = "vn-moha", effectiveOn = "2024-01-01" },
            r => r.Headers.TryAddWithoutValidation("If-Match", "\"2\""));
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        fresh.Headers.ETag!.Tag.ShouldBe("\"3\"");
    }

    [Fact]
    public async Task committees_of_an_agreement_are_listed()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var laoSide = await Http.EstablishedCommittee(agreementId, partyId: "la-moha");

        var list = (await Http.GetJson($"/api/agreements/{agreementId}/committees")).AsArray();
        list.Select(c => c!["committeeId"]!.GetValue<Guid>()).ShouldBe([committeeId, laoSide], ignoreOrder: true);
        (await Http.GetJson($"/api/committees/{laoSide}"))["joint"]!.GetValue<bool>().ShouldBeFalse();
    }
}
