using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Production sign-in against a real OpenID Connect provider that has the Keycloak realm's clients and users: the
/// authorization code flow with PKCE in Chromium, sign-out at the provider (RP-initiated logout), and the
/// provider's access tokens at the API.
/// </summary>
public sealed class when_people_sign_in_at_an_identity_provider(BrowserFixture app, IdentityProviderWorld world)
    : BrowserTest(app), IClassFixture<IdentityProviderWorld>
{
    protected override DemoUser? SignedInAs => null;

    private Regex AtTheProvider(string path) => new($"^{Regex.Escape(world.Provider.Issuer)}{Regex.Escape(path)}");

    [Fact]
    public async Task the_code_flow_signs_them_in_with_their_role_and_places_and_signing_out_ends_it_at_the_provider()
    {
        await using var context = await App.Browser.NewContextAsync(new() { BaseURL = world.AppAddress.ToString() });
        var page = await context.NewPageAsync();
        var authorizations = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith($"{world.Provider.Issuer}/auth?", StringComparison.Ordinal)) authorizations.Add(request.Url);
        };

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(AtTheProvider("/interaction/"));
        await SignInAsync(page, "viewer", "not-the-password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Invalid username or password.");
        await SignInAsync(page, "viewer", world.Provider.Password);

        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Vy Viewer · Viewer");
        await Assertions.Expect(page.Locator("[data-agreement-id]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"[data-agreement-id='{SampleIds.PartyOfficeMou}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-agreement-id='{SampleIds.HomeAffairsMou2023}']")).ToBeVisibleAsync();
        await Screenshot("signed-in-at-the-provider", page);
        // The app pushes its authorization request (PAR) from the server; the provider says what it asked for.
        authorizations.ShouldHaveSingleItem().ShouldContain("request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri");
        world.Provider.Output.ShouldContain(
            """authorized {"client_id":"programtracker-web","response_type":"code","scope":"openid profile","code_challenge_method":"S256"}""",
            Case.Sensitive, world.Provider.Output);
        (await context.CookiesAsync()).ShouldContain(c => c.Name == "programtracker.session");

        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(AtTheProvider("/session/end"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();

        // Back at the app, which sends an anonymous visitor to the provider: had the provider's session outlived the
        // sign-out, it would sign them straight back in instead of asking again.
        await Assertions.Expect(page).ToHaveURLAsync(AtTheProvider("/interaction/"));
        await Assertions.Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        (await context.CookiesAsync()).ShouldNotContain(c => c.Name == "programtracker.session");
    }

    [Fact]
    public async Task a_person_id_from_the_provider_leads_to_their_assignments()
    {
        await using var context = await App.Browser.NewContextAsync(new() { BaseURL = world.AppAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAsync(page, "officer", world.Provider.Password);

        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Lan Officer · Project officer");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My assignments" })).ToHaveAttributeAsync("href", "/people/demo-officer-pco");
    }

    [Fact]
    public async Task the_session_cookie_kept_from_before_the_sign_out_is_refused()
    {
        await using var context = await App.Browser.NewContextAsync(new() { BaseURL = world.AppAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAsync(page, "admin", world.Provider.Password);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Ada Admin · Administrator");
        var kept = (await context.CookiesAsync()).Single(c => c.Name == "programtracker.session");

        await page.GetByTestId("sign-out").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(AtTheProvider("/interaction/"));

        using var replay = world.App.CreateAnonymousClient();
        replay.DefaultRequestHeaders.Add("Cookie", $"{kept.Name}={kept.Value}");
        var answer = await replay.GetAsync("/api/agreements");
        answer.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task its_access_tokens_reach_the_api_with_their_claims_and_another_issuers_do_not()
    {
        using var admin = Bearer(await world.Provider.ApiAccessTokenAsync("admin", world.RedirectUri));
        using var registered = await admin.PostAsJsonAsync("/api/agreements", TestAgreements.AgreementBody());
        var body = await registered.Content.ReadAsStringAsync();
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var agreementId = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        var history = JsonNode.Parse(await admin.GetStringAsync($"/api/agreements/{agreementId}/history"))!.AsArray();
        history[0]!["user"]!.GetValue<string>().ShouldBe("Ada Admin");
        history[0]!["headers"]!["user-id"]!.GetValue<string>().ShouldBe("admin");

        using var viewer = Bearer(await world.Provider.ApiAccessTokenAsync("viewer", world.RedirectUri));
        await world.App.WaitForProjectionsAsync();
        var portfolio = JsonNode.Parse(await viewer.GetStringAsync("/api/agreements"))!;
        portfolio["items"]!.AsArray().Select(i => i!["agreementId"]!.GetValue<Guid>()).Order()
            .ShouldBe(new[] { SampleIds.PartyOfficeMou, SampleIds.HomeAffairsMou2023 }.Order());
        (await viewer.PostAsJsonAsync($"/api/agreements/{SampleIds.PartyOfficeMou}/amendments", new { summary = "x", reason = "y" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        // The same provider software and realm on another address: its development signing keys are the very same
        // keys, so only the issuer tells its tokens apart.
        await using var other = await TestIdentityProvider.StartAsync(world.AppAddress.ToString(), AppProcess.FreePort(), "another-secret");
        using var foreign = Bearer(await other.ApiAccessTokenAsync("admin", world.RedirectUri));
        (await foreign.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private HttpClient Bearer(string accessToken)
    {
        var client = world.App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task SignInAsync(IPage page, string username, string password)
    {
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
