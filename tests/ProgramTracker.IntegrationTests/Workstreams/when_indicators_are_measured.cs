using System.Net;
using static ProgramTracker.IntegrationTests.Workstreams.WorkstreamWrites;

namespace ProgramTracker.IntegrationTests.Workstreams;

public class when_indicators_are_measured(AppFixture app) : IntegrationContext(app)
{
    private async Task<Guid> Workstream() => await Http.OpenedWorkstream(await Http.RegisteredAgreement());

    private static object OfficialsTrained => new
    {
        name = new { en = "Lao officials trained per year", lo = "ພະນັກງານລາວທີ່ໄດ້ຮັບການຝຶກອົບຮົມຕໍ່ປີ" },
        unit = "officials", baseline = 0, targetLow = 20, period = "annual",
    };

    [Fact]
    public async Task an_indicator_is_defined_and_measured_against_its_target()
    {
        var ws = await Workstream();

        var defined = await Http.PostJson($"/api/workstreams/{ws}/indicators", OfficialsTrained);
        var created = await defined.ShouldBe(HttpStatusCode.Created);
        var indicatorId = created["id"]!.GetValue<Guid>();
        created["version"]!.GetValue<long>().ShouldBe(2);
        defined.Headers.Location!.ToString().ShouldContain(indicatorId.ToString());

        (await Http.PostJson($"/api/workstreams/{ws}/indicators/{indicatorId}/measurements",
                new { value = 22, period = "2024", measuredOn = "2024-12-20", note = "Two classes in Vientiane" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var indicator = (await Http.GetJson($"/api/workstreams/{ws}"))["indicators"]!.AsArray().ShouldHaveSingleItem()!;
        indicator["unit"]!.GetValue<string>().ShouldBe("officials");
        indicator["targetLow"]!.GetValue<decimal>().ShouldBe(20m);
        indicator["name"]!["lo"]!.GetValue<string>().ShouldBe("ພະນັກງານລາວທີ່ໄດ້ຮັບການຝຶກອົບຮົມຕໍ່ປີ");
        var measurement = indicator["measurements"]!.AsArray().ShouldHaveSingleItem()!;
        measurement["value"]!.GetValue<decimal>().ShouldBe(22m);
        measurement["period"]!.GetValue<string>().ShouldBe("2024");
    }

    [Fact]
    public async Task a_range_target_is_kept_as_a_range()
    {
        var ws = await Workstream();

        (await Http.PostJson($"/api/workstreams/{ws}/indicators",
            new { name = new { en = "Experts sent" }, unit = "experts", targetLow = 2, targetHigh = 3, period = "once" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var indicator = (await Http.GetJson($"/api/workstreams/{ws}"))["indicators"]!.AsArray().ShouldHaveSingleItem()!;
        indicator["targetHigh"]!.GetValue<decimal>().ShouldBe(3m);
        indicator["period"]!.GetValue<string>().ShouldBe("once");
    }

    [Fact]
    public async Task bad_indicator_definitions_are_refused_and_append_nothing()
    {
        var ws = await Workstream();
        var url = $"/api/workstreams/{ws}/indicators";
        (await Http.PostJson(url, OfficialsTrained)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await App.EventsIn(ws);

        await (await Http.PostJson(url, new { name = new { en = "Experts" }, unit = "experts", targetLow = 3, targetHigh = 2, period = "once" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "targetHigh", "target-order");
        await (await Http.PostJson(url, new { name = new { en = "Experts" }, unit = " ", targetLow = 3, period = "once" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "unit", "required");
        await (await Http.PostJson(url, new { name = new { en = "" }, unit = "experts", targetLow = 3, period = "once" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "name", "required");
        await (await Http.PostJson(url, new { name = new { en = "Experts" }, unit = "experts", targetLow = 3, period = "weekly" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        await (await Http.PostJson(url, new { name = new { en = "Experts" }, unit = "experts", targetLow = 3 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "period", "required");
        await (await Http.PostJson(url, OfficialsTrained)).ShouldBeProblem(HttpStatusCode.Conflict, "name", "name-taken");

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Fact]
    public async Task bad_measurements_are_refused_and_append_nothing()
    {
        var ws = await Workstream();
        var indicatorId = (await (await Http.PostJson($"/api/workstreams/{ws}/indicators", OfficialsTrained)).ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var url = $"/api/workstreams/{ws}/indicators/{indicatorId}/measurements";
        var before = await App.EventsIn(ws);

        var unknown = Guid.NewGuid();
        var problem = await (await Http.PostJson($"/api/workstreams/{ws}/indicators/{unknown}/measurements", new { value = 1, period = "2024", measuredOn = "2024-12-01" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "indicatorId", "not-found");
        problem["detail"]!.GetValue<string>().ShouldContain(unknown.ToString());
        await (await Http.PostJson(url, new { value = 1, period = "2024", measuredOn = Day(Today.AddDays(1)) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "measuredOn", "future-date");
        await (await Http.PostJson(url, new { value = 1, period = "", measuredOn = "2024-12-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "period", "required");
        await (await Http.PostJson(url, new { value = 1, period = "2024-Q1", measuredOn = "2024-12-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "period", "period-format");
        await (await Http.PostJson(url, new { value = 1, period = "2024", measuredOn = "2024-12-01", evidenceUrl = "not a link" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "evidenceUrl", "url");

        (await App.EventsIn(ws)).ShouldBe(before);
    }
}
