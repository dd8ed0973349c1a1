using JasperFx.Events.Projections;
using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Dashboards;

public static class Configuration
{
    /// <summary>The one read path (<see cref="Reads"/>) the endpoints, pages and exports share, and its settings.</summary>
    public static WebApplicationBuilder AddReads(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
        builder.Services.AddScoped<Reads>();
        builder.Services.AddSingleton<PortfolioTotals>();
        builder.Services.AddHostedService<AddMissingPortfolioParties>();
        return builder;
    }

    public static StoreOptions AddDashboards(this StoreOptions options)
    {
        // The projections group by interfaces; naming every event type up front lets the daemon filter on them, and
        // lets the feed and the webhook form offer every type from the start, not only those appended or read so far.
        options.Events.AddEventTypes(typeof(IAgreementEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                        && (typeof(IAgreementEvent).IsAssignableFrom(t) || typeof(IWorkstreamEvent).IsAssignableFrom(t)
                            || typeof(ICommitteeEvent).IsAssignableFrom(t))));

        options.Projections.Add<AgreementDashboardProjection>(ProjectionLifecycle.Async);
        options.Schema.For<AgreementDashboard>()
            .DocumentAlias("agreement_dashboard")
            // The portfolio pages and counts in code order: with the id in the code index, the page's ids and the total
            // are index-only scans (no heap page read for the rows skipped to reach the page).
            .Duplicate(d => d.Code, configure: index => index.IncludeColumns = ["id"])
            .Duplicate(d => d.Status);

        options.Projections.Add<PortfolioPartyProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PortfolioParty>().DocumentAlias("portfolio_party");

        options.Projections.Add<ScheduledMilestoneProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ScheduledMilestone>()
            .DocumentAlias("scheduled_milestone")
            .Duplicate(m => m.DueDate)
            .Duplicate(m => m.Open)
            .Duplicate(m => m.AgreementId);

        // Indexed so that an agreement's workstreams read in the same round trip as the agreement (Reads.AgreementAsync).
        options.Schema.For<Workstream>().Duplicate(w => w.LastUpdatedAt).Duplicate(w => w.AgreementId);
        return options;
    }
}
