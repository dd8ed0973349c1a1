using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marten;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.IntegrationTests;

public class when_the_portfolio_offers_its_filters_and_next_due(AppFixture app) : IntegrationContext(app)
{
    private static object Agreement(string party, string partyName) => new
    {
        code = $"PC-{Guid.NewGuid():N}"[..16],
        title = new { en = "Filter choices" },
        parties = new object[]
        {
            new { partyId = party, name = new { en = partyName }, country = "LA" },
            new { partyId = $"pc-{Guid.NewGuid():N}"[..20], name = new { en = "Partner ministry" }, country = "VN" },
        },
        validity = new { from = "2023-01-01", to = "2099-12-31" },
    };

    private async Task<IElement?> Offered(string party)
    {
        var response = await Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        return page.QuerySelectorAll("select#party option").SingleOrDefault(o => o.GetAttribute("value") == party);
    }

    [Fact]
    public async Task a_newly_registered_party_is_offered_at_once_under_its_first_name()
    {
        var party = $"pc-{Guid.NewGuid():N}"[..20];
        await Http.RegisteredAgreement(Agreement(party, "First office"));

        // No wait for the async projections: the choices are kept inline.
        (await Offered(party)).ShouldNotBeNull().TextContent.ShouldBe("LA · First office");

        await Http.RegisteredAgreement(Agreement(party, "Renamed office"));
        (await Offered(party)).ShouldNotBeNull().TextContent.ShouldBe("LA · First office");
    }

    [Fact]
    public async Task parties_of_agreements_stored_before_the_choices_were_kept_are_added_when_the_app_starts()
    {
        var party = $"pc-{Guid.NewGuid():N}"[..20];
        await Http.RegisteredAgreement(Agreement(party, "Older office"));
        await using (var session = App.Store.LightweightSession())
        {
            // As a store written before the choices were projected: the agreement is there, its party is not.
            session.QueueSqlCommand("delete from programtracker.mt_doc_portfolio_party where id = ?", party);
            await session.SaveChangesAsync();
        }
        (await Offered(party)).ShouldBeNull();

        (await AddMissingPortfolioParties.AddAsync(App.Store, CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        (await Offered(party)).ShouldNotBeNull().TextContent.ShouldBe("LA · Older office");
        (await AddMissingPortfolioParties.AddAsync(App.Store, CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task a_projections_rebuild_offers_the_same_parties_under_the_same_names()
    {
        var party = $"pc-{Guid.NewGuid():N}"[..20];
        await Http.RegisteredAgreement(Agreement(party, "First office"));
        await Http.RegisteredAgreement(Agreement(party, "Renamed office"));
        async Task<string?> Stored()
        {
            await using var session = App.Store.QuerySession();
            return (await session.LoadAsync<PortfolioParty>(party)) is { } p ? System.Text.Json.JsonSerializer.Serialize(p) : null;
        }
        var before = (await Stored()).ShouldNotBeNull();

        var name = ProgramTracker.Api.Operations.ProjectionAdmin.RebuildableProjections(App.Store).Single(n => n.Contains(nameof(PortfolioParty)));
        var response = await Http.PostAsync($"/api/admin/projections/{name}/rebuild", null);
        var steps = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, steps);
        steps.ShouldContain("\"rebuilt\"", customMessage: steps);

        (await Stored()).ShouldBe(before);
        (await Offered(party)).ShouldNotBeNull().TextContent.ShouldBe("LA · First office");
    }

    [Fact]
    public async Task the_portfolio_names_each_workstreams_next_due_milestone_as_its_dashboard_does()
    {
        var party = $"pc-{Guid.NewGuid():N}"[..20];
        var agreement = await Http.RegisteredAgreement(Agreement(party, "Next due office"));
        var workstream = await Http.OpenedWorkstream(agreement, "NEXT");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task Planned(string title, DateOnly due) =>
            (await Http.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones", new { title = new { en = title, lo = $"ລາວ {title}" }, dueDate = due, weight = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await Planned("Long past", new DateOnly(2024, 1, 31));
        await Planned("Far ahead", today.AddDays(400));
        await Planned("Soon, planned first", today.AddDays(40));
        await Planned("Soon, planned second", today.AddDays(40));
        await App.WaitForProjectionsAsync();

        var line = (await Http.GetJson($"/api/agreements?party={party}"))["items"]!.AsArray().ShouldHaveSingleItem()!["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        var dashboard = (await Http.GetJson($"/api/agreements/{agreement}/dashboard"))["workstreams"]!.AsArray().ShouldHaveSingleItem()!;

        line["nextDue"]!["title"]!["en"]!.GetValue<string>().ShouldBe("Soon, planned first");
        line["nextDue"]!["title"]!["lo"]!.GetValue<string>().ShouldBe("ລາວ Soon, planned first");
        line["nextDue"]!.ToJsonString().ShouldBe(dashboard["nextDue"]!.ToJsonString());
        line["overdueCount"]!.GetValue<int>().ShouldBe(1);
        line["rag"]!.ToJsonString().ShouldBe(dashboard["rag"]!.ToJsonString());
    }

    [Fact]
    public async Task a_slipped_or_blocked_milestone_that_is_not_next_due_still_rates_the_workstream_in_the_portfolio()
    {
        var party = $"pc-{Guid.NewGuid():N}"[..20];
        var agreement = await Http.RegisteredAgreement(Agreement(party, "Flags office"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<Guid> Planned(Guid workstream, DateOnly due) =>
            (await (await Http.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones", new { title = new { en = "Milestone" }, dueDate = due, weight = 1 }))
                .ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var slipped = await Http.OpenedWorkstream(agreement, "SLIPPED");
        await Planned(slipped, today.AddDays(30));
        var later = await Planned(slipped, today.AddDays(60));
        (await Post($"/api/workstreams/{slipped}/milestones/{later}/reschedule", new { newDueDate = today.AddDays(90), reason = "Budget moved" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var blocked = await Http.OpenedWorkstream(agreement, "BLOCKED");
        await Planned(blocked, today.AddDays(30));
        var stuck = await Planned(blocked, today.AddDays(60));
        (await Post($"/api/workstreams/{blocked}/milestones/{stuck}/block", new { reason = "Waiting for a decree" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var clear = await Http.OpenedWorkstream(agreement, "CLEAR");
        await Planned(clear, today.AddDays(30));
        await Planned(clear, today.AddDays(60));
        await App.WaitForProjectionsAsync();

        var lines = (await Http.GetJson($"/api/agreements?party={party}"))["items"]!.AsArray().ShouldHaveSingleItem()!["workstreams"]!.AsArray();
        var dashboard = (await Http.GetJson($"/api/agreements/{agreement}/dashboard"))["workstreams"]!.AsArray();
        string Rag(System.Text.Json.Nodes.JsonArray of, string code) => of.Single(w => w!["code"]!.GetValue<string>() == code)!["rag"]!.GetValue<string>();
        Rag(lines, "SLIPPED").ShouldBe("amber");
        Rag(lines, "BLOCKED").ShouldBe("amber");
        Rag(lines, "CLEAR").ShouldBe("green");
        foreach (var code in new[] { "SLIPPED", "BLOCKED", "CLEAR" }) Rag(lines, code).ShouldBe(Rag(dashboard, code), code);
    }

    [Fact]
    public async Task the_stored_line_keeps_no_milestone_titles_and_lines_stored_before_or_untitled_milestones_list_the_same()
    {
        var party = $"pc-{Guid.NewGuid():N}"[..20];
        var agreement = await Http.RegisteredAgreement(Agreement(party, "Stored line office"));
        var workstream = await Http.OpenedWorkstream(agreement, "STORED");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (title, due) in new[] { ("Titled far ahead", today.AddDays(90)), ("Titled next", today.AddDays(10)), ("Titled past", today.AddDays(-5)) })
            (await Http.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones", new { title = new { en = title, vi = $"VN {title}" }, dueDate = due, weight = 1 }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        await App.WaitForProjectionsAsync();
        var listed = (await Http.GetJson($"/api/agreements?party={party}")).ToJsonString();
        listed.ShouldContain("VN Titled next");
        listed.ShouldNotContain("Titled far ahead");

        await using (var session = App.Store.LightweightSession())
        {
            // The stored line: ids and due days of the open milestones, no titles.
            var stored = await session.QueryAsync<string>(
                "select (data -> 'Portfolio')::text from programtracker.mt_doc_agreement_dashboard where id = ?", agreement);
            stored.ShouldHaveSingleItem().ShouldNotContain("Titled");
            stored.Single().ShouldContain("OpenDue");
        }

        // Milestones indexed before their titles were kept: the page reads that agreement's whole dashboard instead.
        await using (var session = App.Store.LightweightSession())
        {
            session.QueueSqlCommand("update programtracker.mt_doc_scheduled_milestone set data = data - 'Title' where agreement_id = ?", agreement);
            await session.SaveChangesAsync();
        }
        (await Http.GetJson($"/api/agreements?party={party}")).ToJsonString().ShouldBe(listed);

        // A line stored before the open milestones were kept as ids and due days (a workstream without OpenIds).
        await using (var session = App.Store.LightweightSession())
        {
            session.QueueSqlCommand("update programtracker.mt_doc_agreement_dashboard set data = jsonb_set(data, '{Portfolio,Workstreams,0}', " +
                "(data #> '{Portfolio,Workstreams,0}') - 'OpenIds') where id = ?", agreement);
            await session.SaveChangesAsync();
        }
        (await Http.GetJson($"/api/agreements?party={party}")).ToJsonString().ShouldBe(listed);
    }
}
