using System.Net;
using System.Net.Http.Json;

namespace ProgramTracker.IntegrationTests.Security;

/// <summary>
/// The authorisation matrix: every role against reads, workstream records, committee acts and administration,
/// on its own agreement and on another. A refused request gets 401, 403 or 404 and appends nothing.
/// </summary>
public sealed class when_users_act_beyond_their_place(AppFixture app) : IntegrationContext(app)
{
    private enum Kind
    {
        Read,
        Record,
        Act,
        Administer,
    }

    private sealed record Endpoint(Kind Kind, HttpMethod Method, Func<Place, string> Url, Func<Place, object>? Body = null);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["read agreement"] = new(Kind.Read, HttpMethod.Get, p => $"/api/agreements/{p.AgreementId}"),
        ["read dashboard"] = new(Kind.Read, HttpMethod.Get, p => $"/api/agreements/{p.AgreementId}/dashboard"),
        ["read agreement history"] = new(Kind.Read, HttpMethod.Get, p => $"/api/agreements/{p.AgreementId}/history"),
        ["read agreement committees"] = new(Kind.Read, HttpMethod.Get, p => $"/api/agreements/{p.AgreementId}/committees"),
        ["read workstream"] = new(Kind.Read, HttpMethod.Get, p => $"/api/workstreams/{p.WorkstreamId}"),
        ["read workstream history"] = new(Kind.Read, HttpMethod.Get, p => $"/api/workstreams/{p.WorkstreamId}/history"),
        ["read committee"] = new(Kind.Read, HttpMethod.Get, p => $"/api/committees/{p.CommitteeId}"),
        ["read action items"] = new(Kind.Read, HttpMethod.Get, p => $"/api/committees/{p.CommitteeId}/action-items"),
        ["assess workstream"] = new(Kind.Record, HttpMethod.Post, p => $"/api/workstreams/{p.WorkstreamId}/assessments",
            _ => new { rating = "amber", reason = "Two milestones are late." }),
        ["plan milestone"] = new(Kind.Record, HttpMethod.Post, p => $"/api/workstreams/{p.WorkstreamId}/milestones",
            _ => new { title = new { en = "Training plan agreed" }, dueDate = "2026-06-30", weight = 1 }),
        ["define indicator"] = new(Kind.Record, HttpMethod.Post, p => $"/api/workstreams/{p.WorkstreamId}/indicators",
            _ => new { name = new { en = $"Officials trained ({Guid.NewGuid():N})" }, unit = "people", targetLow = 20, period = "annual" }),
        ["schedule meeting"] = new(Kind.Act, HttpMethod.Post, p => $"/api/committees/{p.CommitteeId}/meetings",
            _ => new { scheduledOn = "2026-12-15", location = "Vientiane" }),
        ["assign action item"] = new(Kind.Act, HttpMethod.Post, p => $"/api/committees/{p.CommitteeId}/action-items",
            p => new { text = "Send the training plan to both ministries.", dueDate = "2026-12-20", workstreamId = p.WorkstreamId }),
        ["amend agreement"] = new(Kind.Administer, HttpMethod.Post, p => $"/api/agreements/{p.AgreementId}/amendments",
            _ => new { summary = "Adds a fifth workstream.", reason = "Agreed at the annual review." }),
        ["open workstream"] = new(Kind.Administer, HttpMethod.Post, p => $"/api/agreements/{p.AgreementId}/workstreams",
            _ => new { code = $"WS-{Guid.NewGuid():N}"[..10], title = new { en = "Data links" } }),
        ["assign officer"] = new(Kind.Administer, HttpMethod.Post, p => $"/api/workstreams/{p.WorkstreamId}/officers",
            _ => new { personId = $"officer-{Guid.NewGuid():N}", name = "A new officer" }),
        ["appoint member"] = new(Kind.Administer, HttpMethod.Post, p => $"/api/committees/{p.CommitteeId}/members",
            _ => new { personId = $"member-{Guid.NewGuid():N}", name = "A new member", role = "member", partyId = "vn-moha", effectiveOn = "2023-07-01" }),
        ["read projections"] = new(Kind.Administer, HttpMethod.Get, _ => "/api/admin/projections"),
    };

    private static readonly string[] Users = ["anonymous", "no-role", "admin", "officer", "member", "viewer"];

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var user in Users)
        foreach (var endpoint in Endpoints.Keys)
        foreach (var target in new[] { "own", "other" })
            data.Add(user, endpoint, target);
        return data;
    }

    /// <summary>What each role may do: the rules of issue 7, written out once.</summary>
    private static HttpStatusCode? Expected(string user, Kind kind, bool own) => (user, kind) switch
    {
        ("anonymous", _) => HttpStatusCode.Unauthorized,
        ("admin", _) => null,
        (_, Kind.Administer) => HttpStatusCode.Forbidden,
        ("no-role", _) => HttpStatusCode.NotFound,
        _ when !own => HttpStatusCode.NotFound,
        (_, Kind.Read) => null,
        ("officer", Kind.Record) => null,
        ("member", Kind.Act) => null,
        _ => HttpStatusCode.Forbidden,
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task each_role_gets_what_its_place_allows_and_a_refused_write_appends_nothing(string user, string endpointName, string target)
    {
        var world = await AccessWorld.Of(App);
        var endpoint = Endpoints[endpointName];
        var place = target == "own" ? world.Own : world.Other;
        using var client = world.ClientOf(App, user);
        using var request = new HttpRequestMessage(endpoint.Method, endpoint.Url(place));
        if (endpoint.Body is { } body) request.Content = JsonContent.Create(body(place));

        var before = await EventCount();
        using var response = await client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        var after = await EventCount();

        var expected = Expected(user, endpoint.Kind, target == "own");
        if (expected is null)
        {
            response.IsSuccessStatusCode.ShouldBeTrue($"{user} {endpointName} {target}: {(int)response.StatusCode} {answer}");
            return;
        }

        response.StatusCode.ShouldBe(expected.Value, $"{user} {endpointName} {target}: {answer}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        after.ShouldBe(before, $"{user} {endpointName} {target} was refused but appended events");
        if (expected == HttpStatusCode.Unauthorized) response.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
    }

    [Fact]
    public async Task lists_show_only_the_agreements_the_user_may_see()
    {
        var world = await AccessWorld.Of(App);
        foreach (var user in new[] { "officer", "member", "viewer" })
        {
            using var client = world.ClientOf(App, user);
            var agreements = await client.GetJson("/api/agreements?pageSize=100");
            var ids = agreements["items"]!.AsArray().Select(a => a!["agreementId"]!.GetValue<Guid>()).ToList();
            ids.ShouldContain(world.Own.AgreementId, user);
            ids.ShouldNotContain(world.Other.AgreementId, user);
            agreements["total"]!.GetValue<long>().ShouldBe(ids.Count, user);

            var overdue = (await client.GetJson("/api/milestones/overdue")).AsArray().Select(m => m!["agreementId"]!.GetValue<Guid>()).ToList();
            overdue.ShouldContain(world.Own.AgreementId, user);
            overdue.ShouldAllBe(id => id == world.Own.AgreementId, user);

            (await client.GetAsync($"/api/milestones/overdue?agreementId={world.Other.AgreementId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync("/api/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var everything = await Http.GetJson($"/api/agreements?q={world.Other.AgreementCode.ToLowerInvariant()}");
        everything["items"]!.AsArray().Select(a => a!["agreementId"]!.GetValue<Guid>()).ShouldBe([world.Other.AgreementId]);
    }

    [Fact]
    public async Task a_person_reads_their_own_assignments_and_no_one_elses()
    {
        var world = await AccessWorld.Of(App);
        using var member = world.ClientOf(App, "member");

        var mine = await member.GetJson($"/api/people/{world.MemberPersonId}/assignments");
        mine["committees"]!.AsArray().Select(c => c!["committeeId"]!.GetValue<Guid>()).ShouldBe([world.Own.CommitteeId]);
        (await member.GetAsync($"/api/people/{world.OfficerPersonId}/assignments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Http.GetAsync($"/api/people/{world.MemberPersonId}/assignments")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_user_on_every_event_is_the_signed_in_one_whatever_the_body_says()
    {
        var world = await AccessWorld.Of(App);
        using var officer = world.ClientOf(App, "officer");

        var response = await officer.PostAsJsonAsync($"/api/workstreams/{world.Own.WorkstreamId}/assessments",
            new { rating = "green", reason = "Back on track after the review." });
        await response.ShouldBe(HttpStatusCode.OK);
        var smuggled = await officer.PostAsJsonAsync($"/api/workstreams/{world.Own.WorkstreamId}/assessments",
            new { rating = "green", reason = "Pretending to be someone else.", assessedBy = "demo-admin", user = "demo-admin" });
        smuggled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var history = (await Http.GetJson($"/api/workstreams/{world.Own.WorkstreamId}/history")).AsArray();
        var assessed = history.Last(h => h!["type"]!.GetValue<string>() == "StatusAssessed")!;
        assessed["user"]!.GetValue<string>().ShouldBe("Test officer");
        assessed["headers"]!["user-id"]!.GetValue<string>().ShouldBe("officer-subject");
    }
}
