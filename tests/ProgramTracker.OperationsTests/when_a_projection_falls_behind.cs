using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;

namespace ProgramTracker.OperationsTests;

public class when_a_projection_falls_behind(OperationsFixture app) : OperationsContext(app)
{
    [Fact]
    public async Task ready_turns_degraded_naming_the_projection_and_recovers_when_it_catches_up()
    {
        await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        (await Ready())["checks"]!["projections"]!["status"]!.GetValue<string>().ShouldBe("Healthy");

        var coordinator = App.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            await Http.OpenedWorkstream(await Http.RegisteredAgreement());

            // Lag is the age of the oldest event the projection has not applied, so it has to grow past the threshold.
            var ready = await PollReadyUntil(r => r["status"]!.GetValue<string>() == "Degraded");
            var projections = ready["checks"]!["projections"]!;
            projections["status"]!.GetValue<string>().ShouldBe("Degraded");
            projections["description"]!.GetValue<string>().ShouldContain("StreamActivity");
            ready["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("Healthy");

            var live = await Http.GetAsync("/health/live");
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        await App.WaitForProjectionsAsync();
        (await Ready())["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_admin_view_shows_each_projection_and_how_far_behind_it_is()
    {
        await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        await App.WaitForProjectionsAsync();

        var status = await (await Http.GetAsync("/api/admin/projections")).ShouldBe(HttpStatusCode.OK);
        var activity = status["projections"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "StreamActivity")!;
        activity["eventsBehind"]!.GetValue<long>().ShouldBe(0);
        activity["sequence"]!.GetValue<long>().ShouldBe(status["headSequence"]!.GetValue<long>());
        status["eventCount"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task rebuilding_a_projection_reports_its_progress_and_gives_the_same_documents()
    {
        var workstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        await Http.PlannedMilestone(workstream);
        await App.WaitForProjectionsAsync();
        var before = await StreamActivityRows();

        var response = await Http.PostAsync("/api/admin/projections/StreamActivity/rebuild", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!).ToList();
        lines.Select(l => l["state"]!.GetValue<string>()).ShouldBe(["rebuilding", "rebuilt"]);

        (await StreamActivityRows()).ShouldBe(before);

        // Rebuilt, it follows new events again.
        await Http.PlannedMilestone(workstream);
        await App.WaitForProjectionsAsync();
        (await StreamActivityRows()).ShouldContain(row => row.StartsWith($"{workstream}: 3 events"));
    }

    [Fact]
    public async Task rebuilding_an_unknown_projection_is_a_404_naming_it()
    {
        var problem = await (await Http.PostAsync("/api/admin/projections/NoSuchView/rebuild", null)).ShouldBe(HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().ShouldContain("NoSuchView");
        problem["field"]!.GetValue<string>().ShouldBe("name");
    }

    private async Task<List<string>> StreamActivityRows()
    {
        await using var session = App.Store.QuerySession();
        var docs = await Marten.QueryableExtensions.ToListAsync(session.Query<Api.Operations.StreamActivity>());
        return docs.Select(d => $"{d.Id}: {d.Events} events, last {d.LastSequence} {d.LastEventType}").Order().ToList();
    }

    private async Task<JsonNode> Ready()
    {
        var response = await Http.GetAsync("/health/ready");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonNode> PollReadyUntil(Func<JsonNode, bool> condition) =>
        (await PollUntil(Ready, condition, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250))).Last;
}
