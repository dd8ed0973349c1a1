using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// A copy of a session cookie is worth nothing once its session has ended: after sign-out, after an administrator
/// ends the user's sessions (roles live at the identity provider), and after the person loses a place.
/// </summary>
public sealed partial class when_a_session_is_ended(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_cookie_copied_before_sign_out_is_refused_after_it()
    {
        using var browser = App.CreateAnonymousClient();
        var cookie = await SignInAsync(browser, "admin");
        using var thief = CopyOf(cookie);
        (await thief.GetAsync("/api/admin/node")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await thief.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = TokenOf(await browser.GetStringAsync("/"));
        (await browser.PostAsync("/sign-out", Form(("__RequestVerificationToken", token)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await thief.GetAsync("/api/admin/node")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await thief.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldStartWith("/sign-in");
    }

    [Fact]
    public async Task an_administrator_ends_a_users_sessions_and_only_theirs()
    {
        using var viewerBrowser = App.CreateAnonymousClient();
        using var officerBrowser = App.CreateAnonymousClient();
        var viewer = CopyOf(await SignInAsync(viewerBrowser, "viewer"));
        var officer = CopyOf(await SignInAsync(officerBrowser, "officer"));
        (await viewer.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ended = await Http.PostAsync($"/api/admin/users/{DemoUsers.Viewer.Subject}/sessions/end", null);

        (await ended.ShouldBe(HttpStatusCode.OK))["ended"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        (await viewer.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await viewerBrowser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var notAnAdministrator = App.CreateClient(DemoUsers.Officer);
        (await notAnAdministrator.PostAsync($"/api/admin/users/{DemoUsers.Viewer.Subject}/sessions/end", null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_committee_member_relieved_of_their_seat_is_signed_out()
    {
        var agreement = await Http.RegisteredAgreement();
        var committee = await Http.EstablishedCommittee(agreement);
        await Http.Appointed(committee, DemoUsers.Chair.PersonId!, "member", name: DemoUsers.Chair.Name);
        using var browser = App.CreateAnonymousClient();
        var chair = CopyOf(await SignInAsync(browser, "chair"));
        (await chair.GetAsync($"/committees/{committee}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var relieved = await Post($"/api/committees/{committee}/members/{DemoUsers.Chair.PersonId}/relieve",
            new { effectiveOn = "2024-01-31", reason = "Term ended." });
        await relieved.ShouldBe(HttpStatusCode.OK);

        var after = await chair.GetAsync($"/committees/{CommitteeSampleData.PartyOfficeCommittee}");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldStartWith("/sign-in");
    }

    [Fact]
    public async Task an_officer_unassigned_from_a_workstream_is_signed_out()
    {
        var agreement = await Http.RegisteredAgreement();
        var workstream = await Http.OpenedWorkstream(agreement);
        (await Post($"/api/workstreams/{workstream}/officers", new { personId = DemoUsers.Officer.PersonId, name = DemoUsers.Officer.Name }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var browser = App.CreateAnonymousClient();
        var officer = CopyOf(await SignInAsync(browser, "officer"));
        (await officer.GetAsync($"/api/workstreams/{workstream}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Post($"/api/workstreams/{workstream}/officers/{DemoUsers.Officer.PersonId}/unassign", new { reason = "Moved to another ministry." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await officer.GetAsync($"/api/workstreams/{SampleIds.PartyOfficeInfrastructure}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Signs the browser in and returns its session cookie as a browser would send it.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, string user)
    {
        var token = TokenOf(await browser.GetStringAsync("/sign-in"));
        var signedIn = await browser.PostAsync("/sign-in", Form(("user", user), ("returnUrl", "/"), ("__RequestVerificationToken", token)));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("programtracker.session="));
        return session[..session.IndexOf(';')];
    }

    /// <summary>Another client that sends the copied cookie, and nothing else of the browser's.</summary>
    private HttpClient CopyOf(string cookie)
    {
        var client = App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string TokenOf(string page) =>
        WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

    [GeneratedRegex("""(?:name="__RequestVerificationToken" type="hidden" value|name="request-verification-token" content)="([^"]+)" """)]
    private static partial Regex TokenPattern();
}

/// <summary>The sign-in redirect is a path on this site, whatever Host the request named.</summary>
public sealed class when_the_host_header_is_forged(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/agreements/5a3e0000-0000-4000-8000-00000000000a")]
    public async Task the_sign_in_redirect_does_not_echo_it(string url)
    {
        using var anonymous = App.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = "evil.example";

        var response = await anonymous.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/sign-in?ReturnUrl=");
        location.ShouldNotContain("evil.example");
    }
}
