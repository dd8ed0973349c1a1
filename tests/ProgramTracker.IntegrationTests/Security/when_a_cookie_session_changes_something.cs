using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.IntegrationTests.Security;

/// <summary>
/// A browser sends its session cookie whoever asks it to, so every change made with one must carry the page's
/// antiforgery token: the sign-in form, the sign-out button and the web forms' calls to the API.
/// </summary>
public sealed partial class when_a_cookie_session_changes_something(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task an_api_change_without_the_pages_token_is_refused_and_appends_nothing()
    {
        using var browser = App.CreateAnonymousClient();
        await SignInAsync(browser, "officer");
        var workstream = $"/api/workstreams/{SampleIds.PartyOfficeInfrastructure}/assessments";
        var body = new { rating = "amber", reason = "The server room is late." };

        var before = await EventCount();
        var forged = await browser.PostAsJsonAsync(workstream, body);
        var problem = await forged.ShouldBe(HttpStatusCode.BadRequest);
        problem["rule"]!.GetValue<string>().ShouldBe("antiforgery");
        (await EventCount()).ShouldBe(before);

        var token = TokenOf(await browser.GetStringAsync($"/workstreams/{SampleIds.PartyOfficeInfrastructure}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, workstream) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        await (await browser.SendAsync(request)).ShouldBe(HttpStatusCode.OK);
        (await EventCount()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task signing_in_and_out_need_the_pages_token()
    {
        using var browser = App.CreateAnonymousClient();
        var forged = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "admin" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await SignInAsync(browser, "viewer");
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var forgedSignOut = await browser.PostAsync("/sign-out", null);
        (await forgedSignOut.ShouldBe(HttpStatusCode.BadRequest))["rule"]!.GetValue<string>().ShouldBe("antiforgery");
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = TokenOf(await browser.GetStringAsync("/"));
        var signedOut = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task SignInAsync(HttpClient browser, string user)
    {
        var token = TokenOf(await browser.GetStringAsync("/sign-in"));
        var signedIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static string TokenOf(string page)
    {
        var match = TokenPattern().Match(page);
        match.Success.ShouldBeTrue("the page carries no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("""(?:name="__RequestVerificationToken" type="hidden" value|name="request-verification-token" content)="([^"]+)" """, RegexOptions.None)]
    private static partial Regex TokenPattern();
}
