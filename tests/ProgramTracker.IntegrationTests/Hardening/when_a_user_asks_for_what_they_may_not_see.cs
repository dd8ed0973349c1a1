using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ProgramTracker.Api.SampleData;
using ProgramTracker.IntegrationTests.Security;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// An agreement a user may not read does not exist for them, wherever they ask: the API, its pages, its CSV and
/// its live feed all answer 404, with a bearer token or with the browser's session. A route that does not exist is
/// 404 and a body of the wrong type 415, never "your role does not allow this".
/// </summary>
public sealed partial class when_a_user_asks_for_what_they_may_not_see(AppFixture app) : IntegrationContext(app)
{
    public static TheoryData<string> Urls => new()
    {
        "/agreements/{agreement}", "/agreements/{agreement}/history", "/agreements/{agreement}/review-pack",
        "/agreements/{agreement}/dashboard.csv", "/agreements/{agreement}/live", "/workstreams/{workstream}",
        "/workstreams/{workstream}/history", "/workstreams/{workstream}/live", "/committees/{committee}",
        "/api/agreements/{agreement}", "/api/workstreams/{workstream}",
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task with_a_bearer_token_it_is_404_as_if_it_did_not_exist(string template)
    {
        var world = await AccessWorld.Of(App);
        using var viewer = world.ClientOf(App, "viewer");

        var hidden = await viewer.GetAsync(Fill(template, world.Other.AgreementId, world.Other.WorkstreamId, world.Other.CommitteeId));
        var missing = await viewer.GetAsync(Fill(template, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()));

        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound, template);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound, template);
        (await viewer.GetAsync(Fill(template, world.Own.AgreementId, world.Own.WorkstreamId, world.Own.CommitteeId),
            HttpCompletionOption.ResponseHeadersRead)).StatusCode.ShouldBe(HttpStatusCode.OK, template);
    }

    [Theory]
    [InlineData("/agreements/{agreement}")]
    [InlineData("/workstreams/{workstream}")]
    [InlineData("/agreements/{agreement}/dashboard.csv")]
    [InlineData("/agreements/{agreement}/live")]
    public async Task with_the_browsers_session_it_is_404_with_the_not_found_page_not_access_denied(string template)
    {
        using var browser = App.CreateAnonymousClient();
        await SignInAsync(browser, "viewer");
        var url = Fill(template, SampleIds.ArchivesPlan2026, SampleIds.ArchivesPublication, Guid.NewGuid());

        var response = await browser.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        response.Headers.Location.ShouldBeNull();
        if (!template.Contains('.') && !template.EndsWith("/live")) (await response.Content.ReadAsStringAsync()).ShouldContain("Nothing here has this id.");
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/no-such-page")]
    [InlineData("/api/agreements/not-a-guid/dashboard")]
    public async Task an_unknown_route_is_404_for_everyone(string url)
    {
        var world = await AccessWorld.Of(App);
        foreach (var who in new[] { "viewer", "officer", "no-role" })
        {
            using var client = world.ClientOf(App, who);
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who} {url}");
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("role does not allow");
        }
    }

    [Fact]
    public async Task a_body_of_the_wrong_type_is_415_for_the_officer_who_may_record()
    {
        var world = await AccessWorld.Of(App);
        using var officer = world.ClientOf(App, "officer");
        var before = await EventCount();

        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
        {
            using var content = new StringContent("""{"rating":"amber","reason":"Late."}""");
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            var response = await officer.PostAsync($"/api/workstreams/{world.Own.WorkstreamId}/assessments", content);

            response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType, type);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("role does not allow");
        }
        (await EventCount()).ShouldBe(before);
    }

    private static string Fill(string template, Guid agreement, Guid workstream, Guid committee) =>
        template.Replace("{agreement}", agreement.ToString()).Replace("{workstream}", workstream.ToString()).Replace("{committee}", committee.ToString());

    private static async Task SignInAsync(HttpClient browser, string user)
    {
        var token = TokenOf(await browser.GetStringAsync("/sign-in"));
        var signedIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static string TokenOf(string page) =>
        WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
    private static partial Regex TokenPattern();
}
