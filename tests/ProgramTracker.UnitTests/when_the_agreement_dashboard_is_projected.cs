using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

public class when_the_agreement_dashboard_is_projected
{
    private static readonly AgreementDashboardProjection Projection = new();
    private static readonly Guid MilestoneId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000aa");

    private static AgreementDashboard Projected(params object[] events) =>
        Given.Stamped(events).Aggregate((AgreementDashboard?)null, (d, e) => Projection.Evolve(d, Given.AgreementId, e))!;

    private static void ShouldBeDescribedAfresh(AgreementDashboard dashboard)
    {
        var agreement = dashboard.Agreement.ShouldNotBeNull();
        dashboard.Code.ShouldBe(agreement.Code);
        dashboard.Status.ShouldBe(agreement.Status);
        dashboard.Countries.ShouldBe(agreement.Countries);
        dashboard.PartyIds.ShouldBe(agreement.Parties.Select(p => p.PartyId));
        dashboard.SearchText.ShouldBe(AgreementDashboard.SearchTextOf(agreement, dashboard.Workstreams));
    }

    [Fact]
    public void the_agreement_and_an_opened_workstream_are_copied_to_the_top_for_the_portfolio_to_filter()
    {
        var dashboard = Projected(Given.Registered(), Given.Opened());

        ShouldBeDescribedAfresh(dashboard);
        dashboard.Code.ShouldBe("VN-LA-MOHA-2023");
        dashboard.PartyIds.ShouldBe(["vn-moha", "la-moha"]);
        dashboard.SearchText.ShouldBe("vn-la-moha-2023\nmou on home affairs cooperation 2023–2026\nbản ghi nhớ hợp tác 2023–2026\ntrain\ntraining in public administration");
    }

    [Fact]
    public void progress_on_a_workstream_leaves_the_search_text_as_it_was_without_working_it_out_again()
    {
        var before = Projected(Given.Registered(), Given.Opened(), Given.Planned(MilestoneId, new DateOnly(2024, 6, 30)));
        var searchText = before.SearchText;

        var after = Given.Stamped([new MilestoneProgressReported(Given.WorkstreamId, Given.AgreementId, MilestoneId, 40, "Halfway", null, new DateOnly(2024, 3, 1))])
            .Aggregate(before, (d, e) => Projection.Evolve(d, Given.AgreementId, e)!);

        after.Workstreams.Single().Milestones.Single().Percent.ShouldBe(40);
        after.SearchText.ShouldBeSameAs(searchText);
        ShouldBeDescribedAfresh(after);
    }

    [Fact]
    public void a_change_to_the_agreement_is_copied_to_the_top()
    {
        var dashboard = Projected(Given.Registered(), Given.Opened(),
            new AgreementStatusChanged(Given.AgreementId, AgreementStatus.InForce, AgreementStatus.Expired, null, "Ended"));

        dashboard.Status.ShouldBe(AgreementStatus.Expired);
        ShouldBeDescribedAfresh(dashboard);
    }

    [Fact]
    public void a_workstream_opened_before_its_agreement_is_registered_is_described_with_it()
    {
        var dashboard = Projected(Given.Opened(), Given.Registered());

        dashboard.SearchText.ShouldContain("training in public administration");
        ShouldBeDescribedAfresh(dashboard);
    }
}
