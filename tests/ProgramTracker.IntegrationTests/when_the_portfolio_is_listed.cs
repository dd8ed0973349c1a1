using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json.Nodes;
using Marten;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.IntegrationTests;

public class when_the_portfolio_is_listed(AppFixture app) : IntegrationContext(app)
{
    private static object Agreement(string sharedParty, string country, string titleWord) => new
    {
        code = $"PF-{Guid.NewGuid():N}"[..16],
        title = new { en = $"Digital government {titleWord}", lo = $"ລັດຖະບານດິຈິຕອນ {titleWord}" },
        parties = new object[]
        {
            new { partyId = sharedParty, name = new { en = "Party Central Office" }, country = "LA" },
            new { partyId = $"other-{Guid.NewGuid():N}"[..20], name = new { en = "Partner ministry" }, country },
        },
        validity = new { from = "2023-01-01", to = "2027-12-31" },
    };

    private async Task<(string Party, Guid Lao, Guid Thai, string Word)> TwoAgreements()
    {
        var party = $"pco-{Guid.NewGuid():N}"[..20];
        var word = $"W{Guid.NewGuid():N}"[..10];
        var lao = await Http.RegisteredAgreement(Agreement(party, "VN", word.ToLowerInvariant()));
        var thai = await Http.RegisteredAgreement(Agreement(party, "TH", "other"));
        await App.WaitForProjectionsAsync();
        return (party, lao, thai, word);
    }

    private static Guid[] Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!["agreementId"]!.GetValue<Guid>())];

    [Fact]
    public async Task a_party_lists_its_agreements_with_their_roll_up_and_no_milestones()
    {
        var (party, lao, thai, _) = await TwoAgreements();
        await Http.OpenedWorkstream(lao, "INFRA");
        await App.WaitForProjectionsAsync();

        var page = await Http.GetJson($"/api/agreements?party={party}");

        page["total"]!.GetValue<long>().ShouldBe(2);
        Ids(page).ShouldBe([lao, thai], ignoreOrder: true);
        var item = page["items"]!.AsArray().Single(i => i!["agreementId"]!.GetValue<Guid>() == lao)!;
        item["status"]!.GetValue<string>().ShouldBe("signed");
        item["validity"]!["to"]!.GetValue<string>().ShouldBe("2027-12-31");
        var workstream = item["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        workstream["code"]!.GetValue<string>().ShouldBe("INFRA");
        workstream.AsObject().ContainsKey("milestones").ShouldBeFalse();
    }

    [Fact]
    public async Task country_and_status_narrow_the_list()
    {
        var (party, lao, thai, _) = await TwoAgreements();
        (await Post($"/api/agreements/{thai}/status", new { status = "inForce", reason = "Ratified" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.WaitForProjectionsAsync();

        Ids(await Http.GetJson($"/api/agreements?party={party}&country=th")).ShouldBe([thai]);
        Ids(await Http.GetJson($"/api/agreements?party={party}&status=inForce")).ShouldBe([thai]);
        Ids(await Http.GetJson($"/api/agreements?party={party}&status=signed")).ShouldBe([lao]);
    }

    [Fact]
    public async Task text_search_matches_titles_in_any_language_regardless_of_case()
    {
        var (_, lao, _, word) = await TwoAgreements();

        Ids(await Http.GetJson($"/api/agreements?q={word.ToUpperInvariant()}")).ShouldBe([lao]);
        Ids(await Http.GetJson($"/api/agreements?q={Uri.EscapeDataString($"ດິຈິຕອນ {word.ToLowerInvariant()}")}")).ShouldBe([lao]);
    }

    [Fact]
    public async Task pages_split_the_list_and_keep_the_total()
    {
        var (party, lao, thai, _) = await TwoAgreements();

        var first = await Http.GetJson($"/api/agreements?party={party}&pageSize=1&page=1");
        var second = await Http.GetJson($"/api/agreements?party={party}&pageSize=1&page=2");
        var third = await Http.GetJson($"/api/agreements?party={party}&pageSize=1&page=3");

        first["total"]!.GetValue<long>().ShouldBe(2);
        first["pageSize"]!.GetValue<int>().ShouldBe(1);
        second["page"]!.GetValue<int>().ShouldBe(2);
        Ids(first).Concat(Ids(second)).ShouldBe([lao, thai], ignoreOrder: true);
        Ids(third).ShouldBeEmpty();
        third["total"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task a_page_with_its_total_and_lines_is_one_round_trip_and_lists_in_code_order()
    {
        var (party, lao, thai, _) = await TwoAgreements();

        using var request = App.Services.CreateScope();
        var reads = request.ServiceProvider.GetRequiredService<Reads>();
        var session = request.ServiceProvider.GetRequiredService<IQuerySession>();
        var before = session.RequestCount;
        var page = await reads.PortfolioAsync(new PortfolioQuery(Party: party), null, CancellationToken.None);

        (session.RequestCount - before).ShouldBe(1);
        page.Total.ShouldBe(2);
        var codes = page.Items.Select(i => i.Code).ToList();
        codes.ShouldBe(codes.Order(StringComparer.Ordinal).ToList());
        page.Items.Select(i => i.AgreementId).ShouldBe([lao, thai], ignoreOrder: true);
        (await reads.PortfolioAsync(new PortfolioQuery(Party: party), [thai], CancellationToken.None)).Items.ShouldHaveSingleItem().AgreementId.ShouldBe(thai);
        (await reads.PortfolioAsync(new PortfolioQuery(Party: party), [], CancellationToken.None)).Total.ShouldBe(0);
    }

    [Theory]
    [InlineData("%25")]
    [InlineData("d_gital")]
    [InlineData("digital%25government")]
    public async Task text_search_takes_wildcard_characters_literally(string q)
    {
        var (party, _, _, _) = await TwoAgreements();

        Ids(await Http.GetJson($"/api/agreements?party={party}&q=digital")).ShouldNotBeEmpty();
        var page = await Http.GetJson($"/api/agreements?party={party}&q={q}");
        Ids(page).ShouldBeEmpty();
        page["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Theory]
    [InlineData("status=ratified", "status")]
    [InlineData("status=1", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=two", "page")]
    public async Task a_malformed_filter_is_a_bad_request_naming_it(string query, string field)
    {
        (await (await Http.GetAsync($"/api/agreements?{query}")).ShouldBe(HttpStatusCode.BadRequest))["field"]!.GetValue<string>().ShouldBe(field);
    }

    [Fact]
    public async Task a_dashboard_projected_before_it_carried_its_portfolio_line_is_listed_the_same()
    {
        var (party, lao, _, _) = await TwoAgreements();
        await Http.OpenedWorkstream(lao, "INFRA");
        await App.WaitForProjectionsAsync();
        var withLines = (await Http.GetJson($"/api/agreements?party={party}")).ToJsonString();

        await using (var session = App.Store.LightweightSession())
        {
            session.QueueSqlCommand("update programtracker.mt_doc_agreement_dashboard set data = data - 'Portfolio' where id = ?", lao);
            await session.SaveChangesAsync();
            (await session.Query<AgreementDashboard>().Where(d => d.Id == lao).Select(d => new { d.Portfolio }).SingleAsync()).Portfolio.ShouldBeNull();
        }

        (await Http.GetJson($"/api/agreements?party={party}")).ToJsonString().ShouldBe(withLines);
    }

    [Fact]
    public async Task a_total_is_counted_again_only_when_the_dashboards_have_moved_a_rebuild_included()
    {
        var (party, lao, thai, _) = await TwoAgreements();
        async Task<(long Total, Guid[] Ids)> Listed()
        {
            var page = await Http.GetJson($"/api/agreements?party={party}");
            return (page["total"]!.GetValue<long>(), Ids(page));
        }
        // Written behind the projection's back (SQL, no event): its progression row stays as it was.
        async Task Coded(string code)
        {
            await using var session = App.Store.LightweightSession();
            session.QueueSqlCommand($"update programtracker.mt_doc_agreement_dashboard set code = {code} where id = ANY(?)", new[] { lao, thai });
            await session.SaveChangesAsync();
        }

        await Coded("''");
        var counted = await Listed();
        counted.Total.ShouldBe(0);
        counted.Ids.ShouldBeEmpty();

        // The row has not moved, so the total counted with it answers, though the dashboards under it changed.
        await Coded("data ->> 'Code'");
        var kept = await Listed();
        kept.Total.ShouldBe(0);
        kept.Ids.ShouldBe([lao, thai], ignoreOrder: true);

        // A rebuild writes the dashboards and the row again (at the same position when nothing was appended): counted again.
        var name = ProgramTracker.Api.Operations.ProjectionAdmin.RebuildableProjections(App.Store).Single(n => n.Contains(nameof(AgreementDashboard)));
        var response = await Http.PostAsync($"/api/admin/projections/{name}/rebuild", null);
        var steps = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, steps);
        steps.ShouldContain("\"rebuilt\"", customMessage: steps);
        await App.WaitForProjectionsAsync();
        (await Listed()).Total.ShouldBe(2);

        // An event the projection applies moves the row: counted again.
        var third = await Http.RegisteredAgreement(Agreement(party, "KH", "third"));
        await App.WaitForProjectionsAsync();
        var moved = await Listed();
        moved.Total.ShouldBe(3);
        moved.Ids.ShouldBe([lao, thai, third], ignoreOrder: true);
    }
}
