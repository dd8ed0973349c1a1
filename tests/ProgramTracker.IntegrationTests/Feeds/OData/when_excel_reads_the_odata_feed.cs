using System.Net;
using System.Security.Claims;
using Microsoft.OData.Edm;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.Feeds.OData;

public sealed class when_excel_reads_the_odata_feed(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_model_has_every_entity_set_with_texts_per_language_and_dates_as_dates()
    {
        var model = await ODataConsumer.ReadModelAsync(Http);

        model.EntityContainer.EntitySets().Select(s => s.Name).ShouldBe(
            ["Agreements", "Workstreams", "Milestones", "Indicators", "Measurements", "Assessments", "Committees", "Members",
             "Meetings", "Decisions", "ActionItems"], ignoreOrder: true);
        var agreement = model.EntityContainer.FindEntitySet("Agreements").EntityType;
        foreach (var language in new[] { "en", "vi", "lo", "th" })
            agreement.FindProperty($"title_{language}").Type.IsString().ShouldBeTrue();
        agreement.FindProperty("signed_on").Type.IsString().ShouldBeTrue("a partial date keeps its text");
        agreement.FindProperty("signed_on_year").Type.IsInt32().ShouldBeTrue();
        agreement.FindProperty("signed_on_day").Type.IsNullable.ShouldBeTrue();
        agreement.FindProperty("signed_on_earliest").Type.IsDate().ShouldBeTrue();
        agreement.DeclaredKey.Single().Name.ShouldBe("id");

        var milestone = model.EntityContainer.FindEntitySet("Milestones").EntityType;
        milestone.FindProperty("due_date").Type.IsDate().ShouldBeTrue();
        milestone.FindProperty("baseline_due_date").Type.IsDate().ShouldBeTrue();
        model.EntityContainer.FindEntitySet("Measurements").EntityType.DeclaredKey.Select(k => k.Name)
            .ShouldBe(["indicator_id", "number"]);
        model.EntityContainer.FindEntitySet("Workstreams").EntityType.FindProperty("Milestones")
            .ShouldBeAssignableTo<IEdmNavigationProperty>().ShouldNotBeNull();
    }

    [Fact]
    public async Task a_viewer_reads_only_their_agreements_in_every_entity_set()
    {
        var granted = await Http.RegisteredAgreement();
        var grantedWorkstream = await Http.OpenedWorkstream(granted);
        var grantedMilestone = await Http.PlannedMilestone(grantedWorkstream);
        var grantedCommittee = await Http.EstablishedCommittee(granted);
        var other = await Http.RegisteredAgreement();
        var otherWorkstream = await Http.OpenedWorkstream(other);
        await Http.PlannedMilestone(otherWorkstream);
        await Http.EstablishedCommittee(other);

        using var viewer = App.CreateClient(
        [
            new Claim(ClaimNames.Subject, "odata-viewer"), new Claim(ClaimNames.Name, "OData viewer"),
            new Claim(ClaimNames.Roles, Roles.Viewer), new Claim(ClaimNames.Agreements, granted.ToString()),
        ]);
        var model = await ODataConsumer.ReadModelAsync(viewer);

        var agreements = await ODataConsumer.ReadAsync(viewer, model, "Agreements");
        agreements.Entries.Select(e => e["id"]).ShouldBe([granted]);
        var row = agreements.Entries.Single();
        row["title_lo"].ShouldBe("ການຮ່ວມມືດ້ານພາຍໃນ");
        row["title_vi"].ShouldBe("Hợp tác trong lĩnh vực nội vụ");
        row["title_th"].ShouldBeNull();
        row["signed_on"].ShouldBe("2023-05-23");
        row["signed_on_month"].ShouldBe(5);
        row["signed_on_earliest"].ShouldBe(new DateOnly(2023, 5, 23));
        row["valid_to_latest"].ShouldBe(new DateOnly(2026, 12, 31));
        row["status"].ShouldBe("signed");

        foreach (var set in new[] { "Workstreams", "Milestones", "Committees" })
        {
            var page = await ODataConsumer.ReadAsync(viewer, model, set);
            page.Entries.ShouldNotBeEmpty(set);
            page.Entries.Select(e => e["agreement_id"]).Distinct().ShouldBe([granted], set);
        }
        (await ODataConsumer.ReadAsync(viewer, model, "Milestones")).Entries.Single()["id"].ShouldBe(grantedMilestone);
        (await ODataConsumer.ReadAsync(viewer, model, "Committees")).Entries.Single()["id"].ShouldBe(grantedCommittee);

        var asAdmin = await ODataConsumer.ReadAsync(Http, model, "Agreements", $"?$filter=id eq {other}");
        asAdmin.Entries.Select(e => e["id"]).ShouldBe([other]);
        (await ODataConsumer.ReadAsync(viewer, model, "Agreements", $"?$filter=id eq {other}")).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task filter_select_orderby_top_skip_count_and_expand_are_answered()
    {
        var agreement = await Http.RegisteredAgreement();
        var workstream = await Http.OpenedWorkstream(agreement);
        await Http.PlannedMilestone(workstream, due: "2025-03-31");
        await Http.PlannedMilestone(workstream, due: "2025-01-31");
        await Http.PlannedMilestone(workstream, due: "2025-02-28");
        var model = await ODataConsumer.ReadModelAsync(Http);

        var page = await ODataConsumer.ReadAsync(Http, model, "Milestones",
            $"?$filter=workstream_id eq {workstream}&$orderby=due_date desc&$select=id,due_date,title_en&$top=2&$skip=1&$count=true");
        page.Count.ShouldBe(3);
        page.Entries.Select(e => e["due_date"]).ShouldBe([new DateOnly(2025, 2, 28), new DateOnly(2025, 1, 31)]);
        page.Entries[0].Values.Keys.ShouldBe(["id", "due_date", "title_en"], ignoreOrder: true);

        var dated = await ODataConsumer.ReadAsync(Http, model, "Milestones",
            $"?$filter=workstream_id eq {workstream} and due_date lt 2025-03-01&$orderby=due_date");
        dated.Entries.Select(e => e["due_date"]).ShouldBe([new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28)]);

        var expanded = await ODataConsumer.ReadAsync(Http, model, "Workstreams",
            $"?$filter=id eq {workstream}&$expand=Milestones($orderby=due_date;$select=due_date),Agreement($select=code)");
        var ws = expanded.Entries.Single();
        ws["title_lo"].ShouldBe("ການພັດທະນາຄວາມສາມາດພະນັກງານ");
        ws.Expanded["Milestones"].Select(m => m["due_date"]).ShouldBe([new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 31)]);
        ws.Expanded["Agreement"].Single()["code"].ShouldBeOfType<string>().ShouldStartWith("T-");
    }

    [Fact]
    public async Task a_long_entity_set_comes_in_pages_with_a_next_link()
    {
        var model = await ODataConsumer.ReadModelAsync(Http);
        var workstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var pageSize = Api.Feeds.OData.Configuration.PageSize;
        for (var i = 0; i <= pageSize; i++) await Http.PlannedMilestone(workstream);

        var first = await ODataConsumer.ReadAsync(Http, model, "Milestones", $"?$filter=workstream_id eq {workstream}&$count=true");
        first.Count.ShouldBe(pageSize + 1);
        first.Entries.Count.ShouldBe(pageSize);
        first.NextLink.ShouldNotBeNull();

        var second = await ODataConsumer.ReadAsync(Http, model, "Milestones", first.NextLink!.PathAndQuery["/odata/Milestones".Length..]);
        second.Entries.Count.ShouldBe(1);
        second.NextLink.ShouldBeNull();
        first.Entries.Concat(second.Entries).Select(e => e["id"]).Distinct().Count().ShouldBe(pageSize + 1);
    }

    [Theory]
    [InlineData("?$filter=no_such_column eq 1", "$filter")]
    [InlineData("?$filter=title_en eq", "$filter")]
    [InlineData("?$orderby=no_such_column", "$orderby")]
    [InlineData("?$select=no_such_column", "$select")]
    [InlineData("?$expand=NoSuchLink", "$expand")]
    [InlineData("?$top=5001", "$top")]
    [InlineData("?$top=many", "$top")]
    [InlineData("?$skip=-1", "$skip")]
    [InlineData("?$count=maybe", "$count")]
    public async Task a_bad_query_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await Http.GetAsync($"/odata/Agreements{query}");
        var problem = await response.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem["field"]!.GetValue<string>().ShouldBe(parameter, problem.ToJsonString());
        problem["errors"]!.AsObject().ContainsKey(parameter).ShouldBeTrue();
    }

    [Fact]
    public async Task an_anonymous_caller_is_asked_for_credentials_not_sent_to_a_sign_in_page()
    {
        using var anonymous = App.CreateAnonymousClient();
        var response = await anonymous.GetAsync("/odata/Agreements");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).ShouldContain("Basic");
        (await anonymous.GetAsync("/odata/$metadata")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
