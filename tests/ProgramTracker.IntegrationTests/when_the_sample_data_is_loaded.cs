using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.IntegrationTests;

public class when_the_sample_data_is_loaded(AppFixture app) : IntegrationContext(app)
{
    private static readonly Guid[] Agreements =
    [
        SampleIds.PartyOfficeMou, SampleIds.HomeAffairsMou2023, SampleIds.HomeAffairsMinutes2016,
        SampleIds.ArchivesPlan2026, SampleIds.ForeignInformationMou,
    ];

    [Fact]
    public async Task the_five_agreements_are_there_after_start()
    {
        foreach (var id in Agreements)
        {
            var agreement = await Http.GetJson($"/api/agreements/{id}");
            agreement["id"]!.GetValue<Guid>().ShouldBe(id);
            agreement["parties"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(2);
            agreement["isSample"]!.GetValue<bool>().ShouldBeFalse();
        }
    }

    [Fact]
    public async Task the_party_office_mou_has_its_four_workstreams_with_lao_titles()
    {
        var agreement = await Http.GetJson($"/api/agreements/{SampleIds.PartyOfficeMou}");
        agreement["signedOn"]!.GetValue<string>().ShouldBe("--11-28");
        agreement["title"]!["lo"]!.GetValue<string>().ShouldContain("ຫັນເປັນດີຈີຕອນ");
        agreement["workstreams"]!.AsArray().Select(w => w!["workstreamId"]!.GetValue<Guid>()).ShouldBe([
            SampleIds.PartyOfficeInfrastructure, SampleIds.PartyOfficeDigitalAdministration,
            SampleIds.PartyOfficeDataLinks, SampleIds.PartyOfficeStaffCapacity,
        ]);

        var staff = await Http.GetJson($"/api/workstreams/{SampleIds.PartyOfficeStaffCapacity}");
        staff["title"]!["lo"]!.GetValue<string>().ShouldBe("ຍົກລະດັບຄວາມຮູ້ຄວາມສາມາດຂອງພະນັກງານ-ລັດຖະກອນ");
        staff["title"]!["en"]!.GetValue<string>().ShouldBe("Staff capacity");
        staff["agreementId"]!.GetValue<Guid>().ShouldBe(SampleIds.PartyOfficeMou);
        staff["milestones"]!.AsArray().ShouldBeEmpty();

        var infrastructure = await Http.GetJson($"/api/workstreams/{SampleIds.PartyOfficeInfrastructure}");
        infrastructure["title"]!["lo"]!.GetValue<string>().ShouldContain("ລະບົບສູນຂໍ້ມູນ");
    }

    [Fact]
    public async Task the_portfolio_and_dashboard_show_the_party_office_workstreams_in_lao()
    {
        await App.WaitForProjectionsAsync();
        var portfolio = await Http.GetJson("/api/agreements?country=LA&pageSize=100");
        var line = portfolio["items"]!.AsArray().Single(a => a!["agreementId"]!.GetValue<Guid>() == SampleIds.PartyOfficeMou)!;
        line["workstreams"]!.AsArray().Select(w => w!["title"]!["lo"]!.GetValue<string>()).Count(t => t.Length > 0).ShouldBe(4);

        var dashboard = await Http.GetJson($"/api/agreements/{SampleIds.PartyOfficeMou}/dashboard");
        var titles = dashboard["workstreams"]!.AsArray().Select(w => w!["title"]!["lo"]!.GetValue<string>()).ToList();
        titles.Count.ShouldBe(4);
        titles.ShouldContain("ຍົກລະດັບຄວາມຮູ້ຄວາມສາມາດຂອງພະນັກງານ-ລັດຖະກອນ");
    }

    [Fact]
    public async Task the_2023_mou_names_the_closed_2016_minutes_as_its_predecessor()
    {
        var mou = await Http.GetJson($"/api/agreements/{SampleIds.HomeAffairsMou2023}");
        mou["predecessorId"]!.GetValue<Guid>().ShouldBe(SampleIds.HomeAffairsMinutes2016);
        mou["status"]!.GetValue<string>().ShouldBe("inForce");

        var minutes = await Http.GetJson($"/api/agreements/{SampleIds.HomeAffairsMinutes2016}");
        minutes["status"]!.GetValue<string>().ShouldBe("closed");
        minutes["signedOn"]!.GetValue<string>().ShouldBe("--12-21");
    }

    [Fact]
    public async Task sample_milestones_are_flagged_and_real_targets_are_not()
    {
        var training = await Http.GetJson($"/api/workstreams/{SampleIds.HomeAffairsTraining}");

        training["milestones"]!.AsArray().ShouldNotBeEmpty();
        training["milestones"]!.AsArray().ShouldAllBe(m => m!["isSample"]!.GetValue<bool>());
        var officials = training["indicators"]!.AsArray().Single(i => i!["unit"]!.GetValue<string>() == "officials")!;
        officials["targetLow"]!.GetValue<decimal>().ShouldBe(20m);
        officials["period"]!.GetValue<string>().ShouldBe("annual");
        officials["isSample"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task its_events_are_recorded_as_written_by_the_system()
    {
        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(SampleIds.PartyOfficeMou);

        // The sample money (Money/MoneySampleData) is appended later, in a transaction of its own.
        var money = events.Where(e => e.Data is ProgramTracker.Api.Money.IAgreementMoneyEvent).ToList();
        var agreement = events.Except(money).ToList();
        agreement.ShouldNotBeEmpty();
        agreement.ShouldAllBe(e => e.UserName == "ProgramTracker" && e.CausationId == "sample-data:AgreementSampleData");
        agreement.ShouldAllBe(e => e.CorrelationId == events[0].CorrelationId);
        events[0].Headers!["user-id"].ToString().ShouldBe("system");
        money.ShouldNotBeEmpty();
        money.ShouldAllBe(e => e.UserName == "ProgramTracker" && e.CausationId == "sample-data:MoneySampleData");
    }

    [Fact]
    public async Task loading_again_appends_no_event()
    {
        var before = await EventCount();

        var report = await App.Services.GetRequiredService<SampleDataLoader>().LoadAsync(CancellationToken.None);

        report.ShouldNotBeEmpty();
        report.ShouldAllBe(r => r.EventsAdded == 0 && r.StreamsAdded == 0);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_seed_command_loads_through_the_same_loader_and_adds_nothing_the_second_time()
    {
        var before = await EventCount();
        var loader = App.Services.GetRequiredService<SampleDataLoader>();

        await loader.LoadAsync(CancellationToken.None);
        await loader.LoadAsync(CancellationToken.None);

        (await EventCount()).ShouldBe(before);
        await using var session = App.Store.QuerySession();
        foreach (var id in Agreements) (await session.Events.FetchStreamStateAsync(id)).ShouldNotBeNull().Version.ShouldBeGreaterThan(1);
    }
}
