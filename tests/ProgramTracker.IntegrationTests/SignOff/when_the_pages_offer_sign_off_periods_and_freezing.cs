using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.SignOff;

/// <summary>The agreement page and the review pack offer each user exactly the sign-off, period and freeze forms the API accepts from them.</summary>
public class when_the_pages_offer_sign_off_periods_and_freezing(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task only_administrators_see_the_sign_off_and_period_forms_and_only_they_may_use_them()
    {
        var agreementId = await Http.RegisteredAgreement();
        var reader = Member(CommitteeScenarios.NewPersonId("reader"), agreementId);

        var forAdministrator = await Page(Http, $"/agreements/{agreementId}");
        forAdministrator.ShouldContain("id=\"set-sign-off\"");
        forAdministrator.ShouldContain("id=\"close-period\"");
        forAdministrator.ShouldContain("data-testid=\"no-closed-periods\"");
        var forReader = await Page(reader, $"/agreements/{agreementId}");
        forReader.ShouldNotContain("id=\"set-sign-off\"");
        forReader.ShouldNotContain("id=\"close-period\"");
        forReader.ShouldNotContain("data-testid=\"admin-links\"");
        forAdministrator.ShouldContain("data-testid=\"admin-links\"");

        (await reader.PutAsJsonAsync($"/api/agreements/{agreementId}/sign-off", new { required = true, reason = "Agreed figures only" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.PostAsJsonAsync($"/api/agreements/{agreementId}/periods/close", new { period = "2024-Q1" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Http.PutAsJsonAsync($"/api/agreements/{agreementId}/sign-off",
            new { required = true, reason = "Agreed figures only", reviewers = new[] { "focal-point-la" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.PostAsJsonAsync($"/api/agreements/{agreementId}/periods/close", new { period = "2024-Q1" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await Page(Http, $"/agreements/{agreementId}");
        after.ShouldContain("name=\"reviewers[0]\"");
        after.ShouldContain("value=\"focal-point-la\"");
        after.ShouldContain("data-testid=\"closed-periods\"");
        after.ShouldContain("<span class=\"code\">2024-Q1</span>");
        after.ShouldNotContain("data-testid=\"no-closed-periods\"");
    }

    [Fact]
    public async Task the_freeze_form_is_offered_to_administrators_and_chairs_and_to_no_one_the_api_would_refuse()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var (chair, member) = (CommitteeScenarios.NewPersonId("chair"), CommitteeScenarios.NewPersonId("memb"));
        await Http.Appointed(committeeId, chair, "chair", effectiveOn: "2024-01-01");
        await Http.Appointed(committeeId, member, "member", effectiveOn: "2024-01-01");
        var (asChair, asMember) = (Member(chair, agreementId), Member(member, agreementId));

        (await Page(Http, $"/agreements/{agreementId}/review-pack")).ShouldContain("id=\"freeze-pack\"");
        (await Page(asChair, $"/agreements/{agreementId}/review-pack")).ShouldContain("id=\"freeze-pack\"");
        (await Page(asMember, $"/agreements/{agreementId}/review-pack")).ShouldNotContain("id=\"freeze-pack\"");

        (await asMember.PostAsJsonAsync($"/api/agreements/{agreementId}/review-packs", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var frozen = await asChair.PostAsJsonAsync($"/api/agreements/{agreementId}/review-packs", new { basis = "effective" });
        frozen.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await frozen.Content.ReadAsStringAsync())!;
        var day = answer["packDate"]!.GetValue<string>();
        var sealedPack = await Page(asChair, $"/agreements/{agreementId}/review-pack?packDate={day}&basis=effective");
        sealedPack.ShouldContain(answer["sha256"]!.GetValue<string>());
    }

    private HttpClient Member(string personId, Guid agreementId) => App.CreateClient(
    [
        new Claim(ClaimNames.Subject, personId), new Claim(ClaimNames.Name, personId), new Claim(ClaimNames.Roles, Roles.CommitteeMember),
        new Claim(ClaimNames.PersonId, personId), new Claim(ClaimNames.Agreements, agreementId.ToString()),
    ]);

    private static async Task<string> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return html;
    }
}
