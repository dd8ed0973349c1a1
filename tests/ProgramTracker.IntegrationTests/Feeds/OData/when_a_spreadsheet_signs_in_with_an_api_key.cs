using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Marten;
using ProgramTracker.Api.Feeds.OData;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests.Feeds.OData;

public sealed class when_a_spreadsheet_signs_in_with_an_api_key(AppFixture app) : IntegrationContext(app)
{
    private async Task<(Guid Id, string Key)> CreatedKey(Guid agreement)
    {
        var response = await Http.PostAsJsonAsync("/api/admin/api-keys",
            new { name = "Finance analyst", role = Roles.Viewer, agreements = new[] { agreement }, label = "Excel" });
        var body = await response.ShouldBe(HttpStatusCode.Created);
        return (body["id"]!.GetValue<Guid>(), body["key"]!.GetValue<string>());
    }

    private HttpClient Basic(string key)
    {
        var client = App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"analyst@example.gov:{key}")));
        return client;
    }

    [Fact]
    public async Task the_key_reads_the_feed_as_its_user_by_basic_password_or_header_until_it_is_revoked()
    {
        var granted = await Http.RegisteredAgreement();
        var other = await Http.RegisteredAgreement();
        var (id, key) = await CreatedKey(granted);

        using var excel = Basic(key);
        var model = await ODataConsumer.ReadModelAsync(excel);
        (await ODataConsumer.ReadAsync(excel, model, "Agreements")).Entries.Select(e => e["id"]).ShouldBe([granted]);
        using var tool = App.CreateAnonymousClient();
        tool.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        (await ODataConsumer.ReadAsync(tool, model, "Agreements", $"?$filter=id eq {other}")).Entries.ShouldBeEmpty();

        var listed = await Http.GetJson("/api/admin/api-keys");
        var view = listed.AsArray().Single(k => k!["id"]!.GetValue<Guid>() == id)!;
        view["key"].ShouldBeNull("a key is shown once, when it is created");
        view["name"]!.GetValue<string>().ShouldBe("Finance analyst");

        (await Http.DeleteAsync($"/api/admin/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await excel.GetAsync("/odata/Agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await tool.GetAsync("/odata/Agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task only_its_hash_is_stored_and_it_opens_nothing_but_the_feed()
    {
        var agreement = await Http.RegisteredAgreement();
        var (id, key) = await CreatedKey(agreement);

        await using (var session = App.Store.QuerySession())
        {
            var stored = await session.LoadAsync<ApiKey>(id);
            stored!.Hash.ShouldBe(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))));
            (await session.Query<ApiKey>().ToJsonArray()).ShouldNotContain(key);
        }

        using var excel = Basic(key);
        (await excel.GetAsync($"/api/agreements/{agreement}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        using var wrong = Basic(key[..^4] + "0000");
        (await wrong.GetAsync("/odata/Agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var garbage = Basic("not-a-key");
        (await garbage.GetAsync("/odata/Agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task only_an_administrator_manages_keys_and_a_bad_request_names_the_field()
    {
        using var viewer = App.CreateClient(DemoUsers.Viewer);
        (await viewer.PostAsJsonAsync("/api/admin/api-keys", new { name = "x", role = Roles.Viewer })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/admin/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var response = await Http.PostAsJsonAsync("/api/admin/api-keys", new { name = "Analyst", role = "owner" });
        var problem = await response.ShouldBe(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().ContainsKey("role").ShouldBeTrue(problem.ToJsonString());
        (await Http.DeleteAsync($"/api/admin/api-keys/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
