using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.BrowserTests;

public sealed class when_indicators_are_measured(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_agreement_and_workstream_pages_chart_the_latest_value_against_the_target()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("IND"), new { en = "E-government cooperation" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Shared data centre" });
        var reached = Guid.NewGuid();
        var behind = Guid.NewGuid();
        // The indicator endpoints come with the workstream write capability; until then the events go in directly.
        await using (var session = App.Store.LightweightSession())
        {
            session.Events.Append(workstream,
                new IndicatorDefined(workstream, agreement, reached, new LocalizedText(En: "Ministries connected"), "ministries", 0, 10, 12, IndicatorPeriod.Cumulative, false),
                new IndicatorMeasured(workstream, agreement, reached, 11, "2025", Programme.Today.AddDays(-3), null, null),
                new IndicatorDefined(workstream, agreement, behind, new LocalizedText(En: "Officials trained"), "people", 0, 200, null, IndicatorPeriod.Annual, false),
                new IndicatorMeasured(workstream, agreement, behind, 80, "2025", Programme.Today.AddDays(-2), null, null));
            await session.SaveChangesAsync();
        }

        await Page.GotoAsync($"/agreements/{agreement}");
        var card = Page.Locator($"[data-workstream-id='{workstream}']");
        await Assertions.Expect(card.Locator($"[data-indicator-id='{reached}']")).ToHaveAttributeAsync("data-met", "true");
        await Assertions.Expect(card.Locator($"[data-indicator-id='{reached}'] .indicator__figures")).ToContainTextAsync("Latest: 11 ministries (2025) · Target: 10–12 ministries");
        await Assertions.Expect(card.Locator($"[data-indicator-id='{behind}']")).ToHaveAttributeAsync("data-met", "false");
        await Assertions.Expect(card.Locator($"[data-indicator-id='{behind}'] .indicator__figures")).ToContainTextAsync("Latest: 80 people (2025) · Target: 200 people");
        await Screenshot("agreement-indicators");

        await Page.GotoAsync($"/workstreams/{workstream}");
        await Assertions.Expect(Page.Locator(".indicators [data-indicator-id]")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("[data-testid=indicators] tbody tr")).ToHaveCountAsync(2);
    }
}
