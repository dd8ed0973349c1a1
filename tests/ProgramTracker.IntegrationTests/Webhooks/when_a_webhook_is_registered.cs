using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests.Webhooks;

/// <summary>On the shared host, which keeps the default: private targets refused.</summary>
public sealed class when_a_webhook_is_registered(AppFixture app) : IntegrationContext(app)
{
    // A documentation address (TEST-NET-3): public, so accepted, and never reached (the registrations are paused).
    private const string PublicUrl = "https://203.0.113.10/hooks/programtracker";

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://127.8.9.10/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://172.31.255.254/hook")]
    [InlineData("http://192.168.1.20/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd12:3456::1]/hook")]
    [InlineData("http://[fc00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    public async Task a_loopback_or_private_target_is_refused_without_the_setting(string url)
    {
        var before = await Registrations();

        var problem = await (await Http.PostAsJsonAsync("/api/admin/webhooks", new { url })).ShouldBe(HttpStatusCode.BadRequest);

        Rules(problem).ShouldContain("url:private-target");
        problem["errors"]!["url"].ShouldNotBeNull();
        (await Registrations()).ShouldBe(before);
    }

    [Theory]
    [InlineData("{\"url\":\"not a url\"}", "url:url")]
    [InlineData("{\"url\":\"ftp://203.0.113.10/hook\"}", "url:url")]
    [InlineData("{\"url\":\"/relative/hook\"}", "url:url")]
    [InlineData("{\"url\":\"\"}", "url:required")]
    [InlineData("{\"url\":\"https://203.0.113.10/h\",\"eventTypes\":[\"programtracker.no_such_thing\"]}", "eventTypes:unknown-event-type")]
    [InlineData("{\"url\":\"https://203.0.113.10/h\",\"agreements\":[\"5b0e2a57-0000-4000-8000-000000000001\"]}", "agreements:unknown-agreement")]
    [InlineData("{\"url\":\"https://203.0.113.10/h\",\"secret\":\"hunter2\"}", "secret:secret-format")]
    [InlineData("{\"url\":\"https://203.0.113.10/h\",\"secret\":\"whsec_c2hvcnQ=\"}", "secret:secret-format")]
    public async Task bad_input_is_refused_naming_the_field_and_the_rule(string body, string rule)
    {
        var before = await Registrations();

        var problem = await (await PostRaw("/api/admin/webhooks", body)).ShouldBe(HttpStatusCode.BadRequest);

        Rules(problem).ShouldContain(rule);
        problem["errors"]![rule.Split(':')[0]].ShouldNotBeNull();
        (await Registrations()).ShouldBe(before);
    }

    [Fact]
    public async Task only_administrators_may_see_or_change_webhooks()
    {
        foreach (var user in new[] { DemoUsers.Officer, DemoUsers.Viewer })
        {
            using var http = App.CreateClient(user);
            (await http.GetAsync("/api/admin/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await http.PostAsJsonAsync("/api/admin/webhooks", new { url = PublicUrl })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await http.GetAsync("/api/admin/webhooks/dead-letters")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await http.PostAsync($"/api/admin/webhooks/deliveries/{Guid.NewGuid()}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using var anonymous = App.CreateAnonymousClient();
        (await anonymous.GetAsync("/api/admin/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_secret_is_shown_once_and_every_change_is_recorded_with_who_and_when()
    {
        var agreement = await Http.RegisteredAgreement();
        var types = (await Http.GetJson("/api/admin/webhooks/event-types")).AsArray().Select(t => t!.GetValue<string>()).ToList();
        types.ShouldContain("programtracker.agreement_registered");

        var created = await (await Http.PostAsJsonAsync("/api/admin/webhooks", new
        {
            url = PublicUrl, eventTypes = new[] { "programtracker.agreement_registered" }, agreements = new[] { agreement }, active = false,
        })).ShouldBe(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var secret = created["secret"]!.GetValue<string>();
        secret.ShouldStartWith("whsec_");
        Convert.FromBase64String(secret["whsec_".Length..]).Length.ShouldBe(32);

        var read = await Http.GetJson($"/api/admin/webhooks/{id}");
        read["secret"].ShouldBeNull();
        (await Http.GetJson("/api/admin/webhooks")).AsArray().Select(w => w!["id"]!.GetValue<Guid>()).ShouldContain(id);

        var rotated = "whsec_" + Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray());
        var changed = await (await Http.PutAsJsonAsync($"/api/admin/webhooks/{id}", new { url = PublicUrl + "/v2", active = false, secret = rotated }))
            .ShouldBe(HttpStatusCode.OK);
        changed["url"]!.GetValue<string>().ShouldBe(PublicUrl + "/v2");
        changed["eventTypes"]!.AsArray().Count.ShouldBe(0);

        var removed = await (await Http.DeleteAsync($"/api/admin/webhooks/{id}")).ShouldBe(HttpStatusCode.OK);
        removed["removedAt"].ShouldNotBeNull();
        (await Http.GetJson("/api/admin/webhooks")).AsArray().Select(w => w!["id"]!.GetValue<Guid>()).ShouldNotContain(id);

        var history = (await Http.GetJson($"/api/admin/webhooks/{id}"))["history"]!.AsArray();
        history.Select(h => h!["action"]!.GetValue<string>()).ShouldBe(["registered", "secret-rotated", "removed"]);
        history.ShouldAllBe(h => h!["by"]!.GetValue<string>() == DemoUsers.Administrator.Subject && h["at"] != null);
        (await Http.PutAsJsonAsync($"/api/admin/webhooks/{id}", new { url = PublicUrl })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static IReadOnlyList<string> Rules(JsonNode problem) => [.. problem["rules"]!.AsArray().Select(r => r!.GetValue<string>())];

    private async Task<int> Registrations() => (await Http.GetJson("/api/admin/webhooks")).AsArray().Count;
}
