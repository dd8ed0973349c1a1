using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// The pages, the CSV exports and the API read through one read path: what a person sees and what another system
/// reads about the same agreement are the same figures.
/// </summary>
public class when_a_page_and_the_api_read_the_same_thing(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_agreement_page_shows_the_dashboards_ratings_progress_staleness_and_last_update()
    {
        var history = await History2024.RecordAsync(App.Store);
        var derived = await Http.OpenedWorkstream(history.AgreementId, "LATE");
        await Http.PlannedMilestone(derived, "2024-01-31");
        // An agreement-level event, after every workstream event: it is the agreement's last update.
        (await Post($"/api/agreements/{history.AgreementId}/status", new { status = "expired", reason = "Period ended" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lastAgreementEvent = await LastEventOf(history.AgreementId);

        var api = await Http.GetJson($"/api/agreements/{history.AgreementId}/dashboard");
        var page = await Page($"/agreements/{history.AgreementId}");

        var lastEventAt = api["lastEventAt"]!.GetValue<DateTimeOffset>();
        (lastEventAt - lastAgreementEvent).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1));
        DateTimeOffset.Parse(page.QuerySelector("[data-testid=live]")!.GetAttribute("data-last-event-at")!, CultureInfo.InvariantCulture)
            .ShouldBe(lastEventAt);
        api["rag"]!.GetValue<string>().ShouldBe("red");
        page.QuerySelector(".page-header [data-rag]")!.GetAttribute("data-rag").ShouldBe("red");

        var workstreams = api["workstreams"]!.AsArray();
        workstreams.Count.ShouldBe(2);
        foreach (var w in workstreams)
        {
            var card = page.QuerySelector($"[data-workstream-id='{w!["workstreamId"]}']").ShouldNotBeNull();
            var rag = card.QuerySelector("[data-rag]")!;
            rag.GetAttribute("data-rag").ShouldBe(w["rag"]!.GetValue<string>());
            rag.GetAttribute("data-rag-assessed").ShouldBe(w["ragAssessed"]!.GetValue<bool>() ? "true" : "false");
            decimal.Parse(card.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow")!, CultureInfo.InvariantCulture)
                .ShouldBe(w["percentComplete"]!.GetValue<decimal>());
            (card.QuerySelector(".stale") is not null).ShouldBe(w["stale"]!.GetValue<bool>());
        }
        var assessed = workstreams.Single(w => w!["workstreamId"]!.GetValue<Guid>() == history.WorkstreamId)!;
        (assessed["rag"]!.GetValue<string>(), assessed["ragAssessed"]!.GetValue<bool>(), assessed["stale"]!.GetValue<bool>()).ShouldBe(("amber", true, true));
        var computed = workstreams.Single(w => w!["workstreamId"]!.GetValue<Guid>() == derived)!;
        (computed["rag"]!.GetValue<string>(), computed["ragAssessed"]!.GetValue<bool>()).ShouldBe(("red", false));

        // The workstream page and the workstream endpoint agree in the same way.
        var workstreamApi = await Http.GetJson($"/api/workstreams/{derived}");
        var workstreamPage = await Page($"/workstreams/{derived}");
        var figures = workstreamApi["figures"]!;
        figures["rag"]!.GetValue<string>().ShouldBe("red");
        workstreamPage.QuerySelector(".page-header [data-rag]")!.GetAttribute("data-rag").ShouldBe("red");
        workstreamPage.QuerySelector(".page-header [data-rag]")!.GetAttribute("data-rag-assessed").ShouldBe("false");
        workstreamApi["currentRag"].ShouldBeNull();
        figures["overdueCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task the_stale_threshold_is_the_configured_one_on_the_page_and_in_the_api()
    {
        await using var host = await SeparateHost.StartAsync(App, "Testing", new Dictionary<string, string> { ["ProgramTracker:StaleAfterDays"] = "7" });
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Add(SeparateHost.UserHeader, "admin");
        var tenDaysAgo = await QuietForTenDays(host.Services.GetRequiredService<IDocumentStore>());
        var quietHere = await QuietForTenDays(App.Store);

        var dashboard = await http.GetJson($"/api/agreements/{tenDaysAgo.Agreement}/dashboard");
        var line = dashboard["workstreams"]![0]!;
        line["daysSinceUpdate"]!.GetValue<int>().ShouldBe(10);
        line["stale"]!.GetValue<bool>().ShouldBeTrue();
        dashboard["staleCount"]!.GetValue<int>().ShouldBe(1);
        (await Page(http, $"/agreements/{tenDaysAgo.Agreement}")).QuerySelector($"[data-workstream-id='{tenDaysAgo.Workstream}'] .stale").ShouldNotBeNull();
        (await Page(http, $"/workstreams/{tenDaysAgo.Workstream}")).QuerySelector(".page-header .stale").ShouldNotBeNull();
        (await http.GetJson($"/api/workstreams/{tenDaysAgo.Workstream}"))["figures"]!["stale"]!.GetValue<bool>().ShouldBeTrue();
        (await http.GetJson("/api/workstreams/stale")).AsArray().ShouldContain(w => w!["workstreamId"]!.GetValue<Guid>() == tenDaysAgo.Workstream);

        // The same ten quiet days are within the default thirty.
        (await Http.GetJson($"/api/agreements/{quietHere.Agreement}/dashboard"))["workstreams"]![0]!["stale"]!.GetValue<bool>().ShouldBeFalse();
        (await Page($"/agreements/{quietHere.Agreement}")).QuerySelector($"[data-workstream-id='{quietHere.Workstream}'] .stale").ShouldBeNull();
    }

    [Fact]
    public async Task the_portfolio_page_pages_and_filters_on_the_index_like_the_api()
    {
        var party = $"pg-{Guid.NewGuid():N}"[..16];
        var word = $"w{Guid.NewGuid():N}"[..10];
        var agreements = new List<Guid>();
        foreach (var country in new[] { "VN", "TH", "TH" })
        {
            agreements.Add(await Http.RegisteredAgreement(new
            {
                code = $"PG-{Guid.NewGuid():N}"[..16],
                title = new { en = $"Paged cooperation {word}", th = $"ความร่วมมือ {word}" },
                parties = new object[]
                {
                    new { partyId = party, name = new { en = "Paging office" }, country = "LA" },
                    new { partyId = $"x-{Guid.NewGuid():N}"[..12], name = new { en = "Partner" }, country },
                },
                validity = new { from = "2023-01-01", to = "2030-12-31" },
            }));
        }
        (await Post($"/api/agreements/{agreements[2]}/status", new { status = "inForce", reason = "Ratified" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.WaitForProjectionsAsync();

        foreach (var query in new[]
                 {
                     $"party={party}&pageSize=2", $"party={party}&pageSize=2&page=2", $"party={party}&pageSize=2&page=3",
                     $"party={party}&country=TH", $"party={party}&status=InForce", $"q={word.ToUpperInvariant()}", $"q={Uri.EscapeDataString($"ความร่วมมือ {word}")}",
                 })
        {
            var api = await Http.GetJson($"/api/agreements?{query}");
            var page = await Page($"/?{query}");
            var shown = page.QuerySelectorAll("[data-agreement-id]").Select(c => Guid.Parse(c.GetAttribute("data-agreement-id")!)).ToList();
            shown.ShouldBe([.. api["items"]!.AsArray().Select(i => i!["agreementId"]!.GetValue<Guid>())], query);
        }
        (await Http.GetJson($"/api/agreements?party={party}&country=TH"))["total"]!.GetValue<long>().ShouldBe(2);

        var first = await Page($"/?party={party}&pageSize=2");
        first.QuerySelectorAll("[data-agreement-id]").Length.ShouldBe(2);
        first.QuerySelector("[data-testid=pager-previous]").ShouldBeNull();
        var next = first.QuerySelector("[data-testid=pager-next]").ShouldNotBeNull().GetAttribute("href")!;
        next.ShouldContain($"party={party}");
        next.ShouldContain("page=2");
        next.ShouldContain("pageSize=2");
        first.QuerySelector("[data-testid=pager] [aria-current=page]")!.TextContent.ShouldBe("Page 1 of 2");

        var second = await Page(next);
        second.QuerySelectorAll("[data-agreement-id]").Length.ShouldBe(1);
        second.QuerySelector("[data-testid=pager-next]").ShouldBeNull();
        second.QuerySelector("[data-testid=pager-previous]").ShouldNotBeNull().GetAttribute("href")!.ShouldContain("page=1");
        second.QuerySelector("[role=status].result-count")!.TextContent.Trim().ShouldBe("Agreements 3–3 of 3");
    }

    [Fact]
    public async Task the_portfolio_pager_reads_in_each_language()
    {
        var party = $"pl-{Guid.NewGuid():N}"[..16];
        for (var i = 0; i < 2; i++)
        {
            await Http.RegisteredAgreement(new
            {
                code = $"PL-{Guid.NewGuid():N}"[..16],
                title = new { en = "Paged in four languages" },
                parties = new object[]
                {
                    new { partyId = party, name = new { en = "Office" }, country = "LA" },
                    new { partyId = $"y-{Guid.NewGuid():N}"[..12], name = new { en = "Partner" }, country = "VN" },
                },
            });
        }
        await App.WaitForProjectionsAsync();

        foreach (var (language, next) in new[] { ("en", "Next page"), ("vi", "Trang sau"), ("lo", "ໜ້າຕໍ່ໄປ"), ("th", "หน้าถัดไป") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/?party={party}&pageSize=1");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var page = await Parse(await Http.SendAsync(request));
            page.QuerySelector("[data-testid=pager-next]")!.TextContent.ShouldBe(next, language);
        }
    }

    [Fact]
    public async Task the_overdue_export_lists_what_the_overdue_endpoint_lists()
    {
        var agreement = await Http.RegisteredAgreement(TestAgreements.AgreementBody(to: "2035-12-31"));
        var workstream = await Http.OpenedWorkstream(agreement, "EXPORT");
        await Http.PlannedMilestone(workstream, "2024-02-29");
        await Http.PlannedMilestone(workstream, "2024-08-31");

        var api = (await Http.GetJson("/api/milestones/overdue")).AsArray();
        var csv = await Http.GetAsync("/milestones/overdue.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = CsvRows(await csv.Content.ReadAsStringAsync());

        rows[0].ShouldBe(["Agreement", "Workstream", "Milestone", "Baseline due", "Due", "Days overdue", "Status", "Done"]);
        // Text that a spreadsheet would run as a formula is written with an apostrophe first (other tests write such titles).
        var expected = api.Select(m => (string[])
        [
            ProgramTracker.Api.Web.SpreadsheetCells.Text(m!["agreementCode"]!.GetValue<string>()),
            ProgramTracker.Api.Web.SpreadsheetCells.Text($"{m["workstreamCode"]?.GetValue<string>()} {English(m["workstreamTitle"])}"),
            ProgramTracker.Api.Web.SpreadsheetCells.Text(English(m["title"])),
            m["baselineDueDate"]!.GetValue<string>(),
            m["dueDate"]!.GetValue<string>(),
            m["daysOverdue"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
            m["status"]!.GetValue<string>(),
            m["percent"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
        ]).ToList();
        rows.Skip(1).ToList().ShouldBe(expected);
        api.Count(m => m!["workstreamId"]!.GetValue<Guid>() == workstream).ShouldBe(2);
    }

    [Fact]
    public async Task the_as_of_page_shows_the_committees_as_they_stood_then()
    {
        var history = await History2024.RecordAsync(App.Store);
        var early = Guid.CreateVersion7();
        await using (var session = App.Store.LightweightSession())
        {
            var established = session.Events.StartStream<Committee>(early, new CommitteeEstablished(early, history.AgreementId, null,
                new LocalizedText(En: "Training steering committee"), new LocalizedText(En: "Oversees the training."), QuorumRule.Majority,
                new PartialDate(2024, 2, 1), [], [], false));
            foreach (var e in established.Events) e.Timestamp = History2024.At(2024, 2, 1);
            await session.SaveChangesAsync();
        }
        var late = await Http.EstablishedCommittee(history.AgreementId);

        var may = await Page($"/agreements/{history.AgreementId}?asOf=2024-05-01");
        var today = await Page($"/agreements/{history.AgreementId}");

        Committees(may).ShouldBe([early]);
        Committees(today).ShouldBe([early, late], ignoreOrder: true);
        may.QuerySelector("[data-testid=as-of-banner]").ShouldNotBeNull();
        may.QuerySelector($"[data-workstream-id='{history.WorkstreamId}'] [role=progressbar]")!.GetAttribute("aria-valuenow")
            .ShouldBe((await Http.GetJson($"/api/agreements/{history.AgreementId}/dashboard?asOf=2024-05-01"))["workstreams"]![0]!["percentComplete"]!
                .GetValue<decimal>().ToString("0.#", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task committee_pages_name_the_parties_in_the_page_language()
    {
        var agreement = await Http.RegisteredAgreement();
        var committee = await Http.EstablishedCommittee(agreement);
        var chair = CommitteeScenarios.NewPersonId("chair");
        await Http.Appointed(committee, chair, "chair", partyId: "la-moha");

        var english = await Page($"/committees/{committee}");
        var cell = english.QuerySelector("[data-testid=roster] td[data-party-id='la-moha']").ShouldNotBeNull();
        cell.TextContent.ShouldBe("LA · Ministry of Home Affairs");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/committees/{committee}");
        request.Headers.AcceptLanguage.ParseAdd("lo");
        var lao = await Parse(await Http.SendAsync(request));
        lao.QuerySelector("[data-testid=roster] td[data-party-id='la-moha']")!.TextContent.ShouldBe("LA · ກະຊວງພາຍໃນ");

        (await Http.GetJson($"/api/committees/{committee}"))["parties"]!.AsArray().Select(p => p!["partyId"]!.GetValue<string>())
            .ShouldBe(["vn-moha", "la-moha"]);
    }

    /// <summary>A title as the export words it in English: English, else the first language it has.</summary>
    private static string English(JsonNode? text) => text?.Deserialize<LocalizedText>(Scenarios.Json)?.In("en").Text ?? "";

    private static Guid[] Committees(IDocument page) =>
        [.. (page.QuerySelector("[data-testid=committees]")?.QuerySelectorAll("a") ?? Enumerable.Empty<IElement>())
            .Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1]))];

    private Task<IDocument> Page(string url) => Page(Http, url);

    private static async Task<IDocument> Page(HttpClient http, string url) => await Parse(await http.GetAsync(url));

    private static async Task<IDocument> Parse(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    private async Task<DateTimeOffset> LastEventOf(Guid streamId)
    {
        await using var session = App.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(streamId))[^1].Timestamp;
    }

    /// <summary>An agreement whose one workstream, with an open milestone due in a year, last recorded something ten days ago.</summary>
    private static async Task<(Guid Agreement, Guid Workstream)> QuietForTenDays(IDocumentStore store)
    {
        var history = await History2024.RecordAsync(store);
        var milestone = Guid.CreateVersion7();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var session = store.LightweightSession();
        var planned = session.Events.Append(history.WorkstreamId, new MilestonePlanned(history.WorkstreamId, history.AgreementId, milestone,
            new LocalizedText(En: "Next year's exhibition"), today.AddYears(1), 1, false));
        foreach (var e in planned.Events) e.Timestamp = DateTimeOffset.UtcNow.AddDays(-10);
        await session.SaveChangesAsync();
        return (history.AgreementId, history.WorkstreamId);
    }

    /// <summary>RFC 4180 rows, after the byte-order mark: commas, CRLF, quoted cells with doubled quotes.</summary>
    private static List<string[]> CsvRows(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = text.StartsWith('\uFEFF') ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else cell.Append(c);
        }
        return rows;
    }
}
