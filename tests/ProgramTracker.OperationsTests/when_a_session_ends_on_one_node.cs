using System.Net;
using System.Text.RegularExpressions;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// Two app processes in cluster mode on one database, as behind the proxy: a session cookie written by one is
/// honoured by the other, and once the user signs out on the first, a copy of the cookie is refused by the second.
/// </summary>
public sealed partial class when_a_session_ends_on_one_node(OperationsFixture app) : OperationsContext(app)
{
    private static readonly TimeSpan StartTimeout = AppProcess.ReadyBound;

    [Fact]
    public async Task a_copy_of_the_cookie_is_refused_on_the_other_node_after_sign_out()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = await App.NewDatabaseAsync("sessions"),
            ["ProgramTracker__Cluster__Enabled"] = "true",
            ["ProgramTracker__SampleData__LoadOnStart"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await using var first = await AppProcess.StartNodeAsync("node-1", environment, StartTimeout);
        await using var second = await AppProcess.StartNodeAsync("node-2", environment, StartTimeout);

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(first.Url!) };
        var token = TokenOf(await browser.GetStringAsync("/sign-in"));
        (await browser.PostAsync("/sign-in", Form(("user", "admin"), ("returnUrl", "/"), ("__RequestVerificationToken", token))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = cookies.GetCookies(new Uri(first.Url!))["programtracker.session"]!;

        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(second.Url!) };
        thief.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}");
        var before = await thief.GetAsync("/api/admin/node");
        (await before.ShouldBe(HttpStatusCode.OK))["nodeId"]!.GetValue<Guid>()
            .ShouldNotBe((await (await browser.GetAsync("/api/admin/node")).ShouldBe(HttpStatusCode.OK))["nodeId"]!.GetValue<Guid>());

        var signOut = TokenOf(await browser.GetStringAsync("/"));
        (await browser.PostAsync("/sign-out", Form(("__RequestVerificationToken", signOut)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await thief.GetAsync("/api/admin/node")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await thief.GetAsync("/")).Headers.Location!.ToString().ShouldStartWith("/sign-in");
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string TokenOf(string page) =>
        WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

    [GeneratedRegex("""(?:name="__RequestVerificationToken" type="hidden" value|name="request-verification-token" content)="([^"]+)" """)]
    private static partial Regex TokenPattern();
}
