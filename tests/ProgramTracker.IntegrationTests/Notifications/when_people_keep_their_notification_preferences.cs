using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marten;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>
/// A person's address comes from the sign-in's email claim unless an administrator set one; the interface language
/// they use is kept at sign-in and when they switch it; their own preferences are theirs to set, and refused input
/// is a 400 that names the field and the rule.
/// </summary>
public sealed partial class when_people_keep_their_notification_preferences(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task signing_in_keeps_the_email_claim_and_the_interface_language()
    {
        using var browser = App.CreateAnonymousClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("lo-LA");
        await SignInAsync(browser, "viewer");

        var profile = await ProfileAsync(DemoUsers.Viewer.Subject);
        profile.Email.ShouldBe(DemoUsers.Viewer.Email);
        profile.Name.ShouldBe(DemoUsers.Viewer.Name);
        profile.LastUsedLanguage.ShouldBe("lo");
    }

    [Fact]
    public async Task switching_the_language_is_kept_as_the_language_last_used()
    {
        using var browser = App.CreateAnonymousClient();
        await SignInAsync(browser, "officer");
        var token = TokenOf(await browser.GetStringAsync("/"));

        var switched = await browser.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "th", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ProfileAsync(DemoUsers.Officer.Subject)).LastUsedLanguage.ShouldBe("th");
        using var officer = App.CreateClient(DemoUsers.Officer);
        var mine = await (await officer.GetAsync("/api/me/notifications")).ShouldBe(HttpStatusCode.OK);
        mine["lastUsedLanguage"]!.GetValue<string>().ShouldBe("th");
    }

    [Fact]
    public async Task an_address_an_administrator_set_is_not_overwritten_by_signing_in()
    {
        var set = await Http.PutAsJsonAsync($"/api/admin/people/{DemoUsers.Chair.Subject}/email", new { email = "chair@mofa.gov.la" });
        var view = await set.ShouldBe(HttpStatusCode.OK);
        view["email"]!.GetValue<string>().ShouldBe("chair@mofa.gov.la");
        view["emailSetByAdministrator"]!.GetValue<bool>().ShouldBeTrue();

        using var browser = App.CreateAnonymousClient();
        await SignInAsync(browser, "chair");

        var profile = await ProfileAsync(DemoUsers.Chair.Subject);
        profile.Email.ShouldBe("chair@mofa.gov.la");
        profile.EmailSetByAdministrator.ShouldBeTrue();
        var people = await (await Http.GetAsync("/api/admin/people")).ShouldBe(HttpStatusCode.OK);
        people.AsArray().Single(p => p!["personId"]!.GetValue<string>() == DemoUsers.Chair.Subject)!["email"]!.GetValue<string>()
            .ShouldBe("chair@mofa.gov.la");
        WebUtility.HtmlDecode(await Http.GetStringAsync("/admin/people")).ShouldContain("chair@mofa.gov.la");

        // Dropped again, the next sign-in brings the identity provider's address back.
        await (await Http.PutAsJsonAsync($"/api/admin/people/{DemoUsers.Chair.Subject}/email", new { email = (string?)null })).ShouldBe(HttpStatusCode.OK);
        using var again = App.CreateAnonymousClient();
        await SignInAsync(again, "chair");
        (await ProfileAsync(DemoUsers.Chair.Subject)).Email.ShouldBe(DemoUsers.Chair.Email);
    }

    [Fact]
    public async Task a_person_sets_their_own_language_and_switches_reminders_off()
    {
        using var me = App.CreateClient([new("sub", "prefs-person"), new("name", "Somchai"), new("roles", Roles.ProjectOfficer), new("email", "somchai@mdes.go.th")]);

        var before = await (await me.GetAsync("/api/me/notifications")).ShouldBe(HttpStatusCode.OK);
        before["email"]!.GetValue<string>().ShouldBe("somchai@mdes.go.th");
        before["switchedOff"]!.AsArray().ShouldBeEmpty();

        var saved = await (await me.PutAsJsonAsync("/api/me/notifications", new { language = "th", switchedOff = new[] { "meetings", "actionItems" } }))
            .ShouldBe(HttpStatusCode.OK);
        saved["messageLanguage"]!.GetValue<string>().ShouldBe("th");
        saved["switchedOff"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["actionItems", "meetings"]);

        var profile = await ProfileAsync("prefs-person");
        profile.Language.ShouldBe("th");
        profile.Wants(ReminderKind.Meetings).ShouldBeFalse();
        profile.Wants(ReminderKind.Milestones).ShouldBeTrue();
        profile.Email.ShouldBe("somchai@mdes.go.th");
    }

    [Theory]
    [InlineData("""{"language":"fr"}""", "language", "unknown-language")]
    [InlineData("""{"switchedOff":["milestones","holidays"]}""", "switchedOff[1]", "unknown-reminder-kind")]
    public async Task a_preference_that_does_not_exist_is_refused_by_name(string body, string field, string rule)
    {
        using var me = App.CreateClient([new("sub", "prefs-refused"), new("roles", Roles.Viewer)]);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var problem = await (await me.PutAsync("/api/me/notifications", content)).ShouldBe(HttpStatusCode.BadRequest);

        problem["errors"]![field].ShouldNotBeNull(problem.ToJsonString());
        problem["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain($"{field}:{rule}");
        await using var session = App.Store.QuerySession();
        (await session.LoadAsync<PersonProfile>("prefs-refused")).ShouldBeNull();
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Somchai <somchai@mdes.go.th>")]
    [InlineData("a@b")]
    [InlineData("one@mdes.go.th, two@mdes.go.th")]
    public async Task an_invalid_address_is_refused_by_name(string email)
    {
        var problem = await (await Http.PutAsJsonAsync("/api/admin/people/invalid-address-person/email", new { email })).ShouldBe(HttpStatusCode.BadRequest);

        problem["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain("email:invalid-email");
        await using var session = App.Store.QuerySession();
        (await session.LoadAsync<PersonProfile>("invalid-address-person")).ShouldBeNull();
    }

    [Fact]
    public async Task only_administrators_set_addresses_and_everyone_signed_in_has_preferences()
    {
        using var officer = App.CreateClient(DemoUsers.Officer);
        (await officer.PutAsJsonAsync($"/api/admin/people/{DemoUsers.Officer.Subject}/email", new { email = "me@example.org" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = App.CreateAnonymousClient();
        (await anonymous.GetAsync("/api/me/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await officer.GetAsync("/me/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<PersonProfile> ProfileAsync(string id)
    {
        await using var session = App.Store.QuerySession();
        return (await session.LoadAsync<PersonProfile>(id)).ShouldNotBeNull();
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
