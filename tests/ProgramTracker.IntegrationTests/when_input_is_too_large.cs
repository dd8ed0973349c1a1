using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProgramTracker.IntegrationTests.Committees;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// Size limits on everything a caller sends: the whole body, its nesting, every text field of every command and
/// every list. Each is refused with a 4xx ProblemDetails that names the field and the rule, and appends nothing.
/// </summary>
public class when_input_is_too_large(AppFixture app) : IntegrationContext(app)
{
    private static readonly string Long = new('x', 10_001);
    private static readonly string LongId = new('p', 101);

    private const string Agreement =
        """{"code":"C-1","title":{"en":"T"},"parties":[{"partyId":"a","name":{"en":"A"},"country":"VN","signatories":[{"name":{"en":"S"}}]},{"partyId":"b","name":{"en":"B"},"country":"LA"}]}""";

    private const string Committee = """{"name":{"en":"N"},"mandate":{"en":"M"},"principals":[{"personId":"p","name":"P","partyId":"a"}],"seatsToBeAppointed":[{"partyId":"a","role":"member"}]}""";

    [Theory]
    [InlineData("/api/agreements", Agreement, "code", "\"C-1\"")]
    [InlineData("/api/agreements", Agreement, "title.en", "\"T\"")]
    [InlineData("/api/agreements", Agreement, "parties[0].partyId", "\"a\"")]
    [InlineData("/api/agreements", Agreement, "parties[0].name.en", "\"A\"")]
    [InlineData("/api/agreements", Agreement, "parties[0].signatories[0].name.en", "\"S\"")]
    [InlineData("/api/agreements/{a}/amendments", """{"summary":"@","reason":"r"}""", "summary")]
    [InlineData("/api/agreements/{a}/amendments", """{"summary":"s","reason":"r","sourceReference":"@"}""", "sourceReference")]
    [InlineData("/api/agreements/{a}/extensions", """{"newEnd":"2027","reason":"@"}""", "reason")]
    [InlineData("/api/agreements/{a}/status", """{"status":"inForce","reason":"@"}""", "reason")]
    [InlineData("/api/agreements/{a}/workstreams", """{"code":"@","title":{"en":"t"}}""", "code")]
    [InlineData("/api/agreements/{a}/workstreams", """{"code":"W","title":{"en":"t"},"objective":{"vi":"@"}}""", "objective.vi")]
    [InlineData("/api/agreements/{a}/workstreams", """{"code":"W","title":{"en":"t"},"leadPartyId":"@"}""", "leadPartyId")]
    [InlineData("/api/agreements/{a}/committees", Committee, "name.en", "\"N\"")]
    [InlineData("/api/agreements/{a}/committees", Committee, "mandate.en", "\"M\"")]
    [InlineData("/api/agreements/{a}/committees", Committee, "principals[0].name", "\"P\"")]
    [InlineData("/api/agreements/{a}/committees", """{"name":{"en":"N"},"mandate":{"en":"M"},"seatsToBeAppointed":[{"partyId":"a","role":"member","note":"@"}]}""", "seatsToBeAppointed[0].note")]
    [InlineData("/api/workstreams/{w}/assessments", """{"rating":"green","reason":"@"}""", "reason")]
    [InlineData("/api/workstreams/{w}/assessments", """{"rating":"green","reason":"r","partyId":"@"}""", "partyId")]
    [InlineData("/api/workstreams/{w}/indicators", """{"name":{"lo":"@"},"unit":"u","targetLow":1,"period":"once"}""", "name.lo")]
    [InlineData("/api/workstreams/{w}/indicators", """{"name":{"en":"n"},"unit":"@","targetLow":1,"period":"once"}""", "unit")]
    [InlineData("/api/workstreams/{w}/indicators/{x}/measurements", """{"value":1,"period":"@","measuredOn":"2024-01-01"}""", "period")]
    [InlineData("/api/workstreams/{w}/indicators/{x}/measurements", """{"value":1,"period":"2024","measuredOn":"2024-01-01","note":"@"}""", "note")]
    [InlineData("/api/workstreams/{w}/milestones", """{"title":{"th":"@"},"dueDate":"2025-01-01"}""", "title.th")]
    [InlineData("/api/workstreams/{w}/milestones/{x}/complete", """{"completedOn":"2024-01-01","evidenceUrl":"https://e.org/@"}""", "evidenceUrl")]
    [InlineData("/api/workstreams/{w}/milestones/{x}/complete", """{"completedOn":"2024-01-01","note":"@"}""", "note")]
    [InlineData("/api/workstreams/{w}/milestones/{x}/unblock", """{"reason":"@"}""", "reason")]
    [InlineData("/api/workstreams/{w}/officers", """{"personId":"@","name":"n"}""", "personId")]
    [InlineData("/api/workstreams/{w}/officers/{long}/unassign", """{"reason":"r"}""", "personId")]
    [InlineData("/api/committees/{c}/action-items", """{"text":"@","dueDate":"2025-01-01","personId":"p"}""", "text")]
    [InlineData("/api/committees/{c}/action-items", """{"text":"t","dueDate":"2025-01-01","personId":"p","personName":"@"}""", "personName")]
    [InlineData("/api/committees/{c}/action-items/{x}/complete", """{"note":"@"}""", "note")]
    [InlineData("/api/committees/{c}/action-items/{x}/drop", """{"reason":"@"}""", "reason")]
    [InlineData("/api/committees/{c}/action-items/{x}/update", """{"note":"@"}""", "note")]
    [InlineData("/api/committees/{c}/meetings", """{"scheduledOn":"2024-01-01","location":"@"}""", "location")]
    [InlineData("/api/committees/{c}/meetings/{x}/decisions", """{"text":"@","consensus":true}""", "text")]
    [InlineData("/api/committees/{c}/meetings/{x}/held", """{"attendees":["@"]}""", "attendees[0]")]
    [InlineData("/api/committees/{c}/meetings/{x}/held", """{"attendees":["p"],"guests":["@"]}""", "guests[0]")]
    [InlineData("/api/committees/{c}/meetings/{x}/reviews", """{"workstreamId":"{w}","rating":"amber","comments":"@"}""", "comments")]
    [InlineData("/api/committees/{c}/members", """{"personId":"@","name":"n","role":"member","partyId":"a","effectiveOn":"2024-01-01"}""", "personId")]
    [InlineData("/api/committees/{c}/members", """{"personId":"p","name":"n","role":"member","partyId":"@","effectiveOn":"2024-01-01"}""", "partyId")]
    [InlineData("/api/committees/{c}/members/{long}/relieve", """{"effectiveOn":"2024-01-01","reason":"r"}""", "personId")]
    public async Task an_overlong_text_in_any_command_is_refused(string url, string json, string field, string? replace = null)
    {
        var ids = await Targets();
        var body = replace is null ? json.Replace("@", Long) : ReplaceFirst(json, replace, $"\"{Long}\"");
        var before = await EventCount();

        var response = await Http.PostText(Fill(url, ids), Fill(body, ids));

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, field);
        problem["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain($"{field}:max-length");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("/api/committees/{c}/meetings/{x}/held", "attendees", 201, "max-attendees")]
    [InlineData("/api/committees/{c}/meetings/{x}/held", "guests", 201, "max-guests")]
    [InlineData("/api/committees/{c}/meetings/{x}/decisions", "workstreamsAffected", 51, "max-workstreams")]
    [InlineData("/api/committees/{c}/meetings", "agenda", 51, "max-agenda")]
    [InlineData("/api/agreements/{a}/committees", "principals", 21, "max-principals")]
    [InlineData("/api/agreements", "parties", 21, "max-parties")]
    public async Task a_list_with_too_many_items_is_refused(string url, string field, int count, string rule)
    {
        var ids = await Targets();
        var body = field switch
        {
            "attendees" => new JsonObject { ["attendees"] = Many(count, i => JsonValue.Create($"p{i}")) },
            "guests" => new JsonObject { ["attendees"] = Many(1, _ => JsonValue.Create("p")), ["guests"] = Many(count, i => JsonValue.Create($"g{i}")) },
            "workstreamsAffected" => new JsonObject { ["text"] = "t", ["consensus"] = true, ["workstreamsAffected"] = Many(count, _ => JsonValue.Create(Guid.NewGuid())) },
            "agenda" => new JsonObject { ["scheduledOn"] = "2024-01-01", ["agenda"] = Many(count, _ => JsonValue.Create(Guid.NewGuid())) },
            "principals" => new JsonObject
            {
                ["name"] = new JsonObject { ["en"] = "N" }, ["mandate"] = new JsonObject { ["en"] = "M" },
                ["principals"] = Many(count, i => new JsonObject { ["personId"] = $"p{i}", ["name"] = "P", ["partyId"] = "a" }),
            },
            _ => Parties(count),
        };
        var before = await EventCount();

        var response = await Http.PostText(Fill(url, ids), body.ToJsonString());

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, field, rule);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_body_over_256_kib_is_refused_with_413_before_it_is_read()
    {
        var ws = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var before = await EventCount();
        var json = $$"""{"title":{"en":"{{new string('x', 300 * 1024)}}"},"dueDate":"2025-01-01"}""";

        var response = await Http.PostText($"/api/workstreams/{ws}/milestones", json);

        var problem = await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "$", "max-body-size");
        problem["detail"]!.GetValue<string>().ShouldContain("256 KiB");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_chunked_body_over_256_kib_is_refused_with_413_too()
    {
        var ws = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var before = await EventCount();
        var json = Encoding.UTF8.GetBytes($$"""{"title":{"en":"{{new string('x', 300 * 1024)}}"},"dueDate":"2025-01-01"}""");
        using var content = new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workstreams/{ws}/milestones") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Http.SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "$", "max-body-size");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_body_just_under_the_limit_is_read_and_judged_on_its_fields()
    {
        var ws = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var json = $$"""{"title":{"en":"{{new string('x', 200 * 1024)}}"},"dueDate":"2025-01-01"}""";

        var response = await Http.PostText($"/api/workstreams/{ws}/milestones", json);

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "title.en", "max-length");
    }

    [Fact]
    public async Task json_nested_deeper_than_32_levels_is_refused()
    {
        // No command has a field that takes free-form JSON, so a deep body breaks the schema before the depth
        // limit; the limit (on the same options that refuse unknown members) guards any that ever does.
        App.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.MaxDepth.ShouldBe(32);
        var ws = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var before = await EventCount();
        var deep = new string('[', 40) + new string(']', 40);

        var response = await Http.PostText($"/api/workstreams/{ws}/milestones", $$"""{"title":{"en":{{deep}}},"dueDate":"2025-01-01"}""");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "title.en");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("/api/agreements", Agreement, "createdBy")]
    [InlineData("/api/agreements/{a}/committees", Committee, "createdBy")]
    [InlineData("/api/committees/{c}/members", """{"personId":"p","name":"n","role":"member","partyId":"a","effectiveOn":"2024-01-01"}""", "isAdmin")]
    [InlineData("/api/workstreams/{w}/assessments", """{"rating":"green","reason":"r"}""", "assessedBy")]
    public async Task a_field_the_command_does_not_have_is_refused(string url, string json, string unknown)
    {
        var ids = await Targets();
        var before = await EventCount();

        var response = await Http.PostText(Fill(url, ids), json[..^1] + $",\"{unknown}\":\"someone\"}}");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, unknown, "unknown-member");
        (await EventCount()).ShouldBe(before);
    }

    private sealed record Ids(Guid Agreement, Guid Workstream, Guid Committee);

    private async Task<Ids> Targets()
    {
        var agreement = await Http.RegisteredAgreement();
        return new Ids(agreement, await Http.OpenedWorkstream(agreement), await Http.EstablishedCommittee(agreement));
    }

    private static string Fill(string text, Ids ids) => text
        .Replace("{a}", ids.Agreement.ToString()).Replace("{w}", ids.Workstream.ToString())
        .Replace("{c}", ids.Committee.ToString()).Replace("{x}", Guid.NewGuid().ToString()).Replace("{long}", LongId);

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static JsonArray Many(int count, Func<int, JsonNode?> item) => new([.. Enumerable.Range(0, count).Select(item)]);

    private static JsonObject Parties(int count) => new()
    {
        ["code"] = "C-1", ["title"] = new JsonObject { ["en"] = "T" },
        ["parties"] = Many(count, i => new JsonObject { ["partyId"] = $"p{i}", ["name"] = new JsonObject { ["en"] = "P" }, ["country"] = "VN" }),
    };
}
