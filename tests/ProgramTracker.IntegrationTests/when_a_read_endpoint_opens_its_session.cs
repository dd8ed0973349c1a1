using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.Hosting;
using Wolverine.Http;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// A GET endpoint that reads through a query session gets a Marten query session of its own, not Wolverine's
/// outboxed document session cast to one (Hosting/QuerySessions.cs); an endpoint that writes keeps Wolverine's.
/// The handlers these chains generate are the committed ones (the operations tests compare them).
/// </summary>
public class when_a_read_endpoint_opens_its_session(AppFixture app) : IntegrationContext(app)
{
    private IReadOnlyList<HttpChain> Chains() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<HttpChain>()).OfType<HttpChain>().Distinct().ToList();

    private static bool OpensAQuerySession(HttpChain chain) =>
        chain.Middleware.OfType<QuerySessionsForReads.OpenQuerySessionFrame>().Any();

    private static string Route(HttpChain chain) => $"{string.Join(",", chain.HttpMethods)} {chain.RoutePattern?.RawText}";

    [Fact]
    public void the_portfolio_the_dashboards_and_the_snapshots_read_through_a_query_session()
    {
        var chains = Chains();
        foreach (var route in new[]
                 {
                     "/api/agreements", "/api/agreements/{id}", "/api/agreements/{id}/dashboard", "/api/workstreams/{id}",
                     "/api/committees/{id}", "/api/milestones/overdue", "/api/workstreams/stale", "/api/me/reviews",
                 })
        {
            var chain = chains.SingleOrDefault(c => c.RoutePattern?.RawText == route && c.HttpMethods.Contains("GET"))
                .ShouldNotBeNull($"no GET {route} endpoint");
            OpensAQuerySession(chain).ShouldBeTrue($"GET {route} does not open a query session of its own");
        }
    }

    [Fact]
    public void no_endpoint_that_may_write_gets_one()
    {
        var writers = Chains().Where(c => c.HttpMethods.Any(m => m != "GET")).ToList();
        writers.ShouldNotBeEmpty();
        writers.Where(OpensAQuerySession).Select(Route).ShouldBeEmpty();
        // The review pack is frozen in the same session its reads go through.
        Chains().Single(c => c.RoutePattern?.RawText == "/api/agreements/{id}/review-packs" && c.HttpMethods.Contains("POST"))
            .ShouldSatisfyAllConditions(chain => OpensAQuerySession(chain).ShouldBeFalse());
    }

    [Fact]
    public void every_get_that_reads_through_a_query_session_gets_one_and_no_other_does()
    {
        var container = App.Services.GetRequiredService<JasperFx.IServiceContainer>();
        var gets = Chains().Where(c => c.HttpMethods.All(m => m == "GET")).ToList();
        gets.Count.ShouldBeGreaterThan(30);
        gets.Where(c => OpensAQuerySession(c) != QuerySessionsForReads.ReadsOnly(c, container)).Select(Route).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_read_sees_the_write_answered_just_before_it()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId, "QRY");
        await Http.PlannedMilestone(workstreamId);

        var workstream = await Http.GetJson($"/api/workstreams/{workstreamId}");
        workstream["id"]!.GetValue<Guid>().ShouldBe(workstreamId);
        workstream["milestones"]!.AsArray().Count.ShouldBe(1);
    }
}
