using JasperFx.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;
using Wolverine.Http;

namespace ProgramTracker.UnitTests;

public class when_the_sample_catalogue_is_decided
{
    private static SampleAgreement Sample(Guid id) => AgreementCatalogue.All.Single(a => a.Id == id);

    private static IReadOnlyList<NewStream> Streams(Guid id) =>
        Sample(id).Decide(predecessorExists: true, codeTaken: false).Streams;

    private static IEnumerable<object> AllEvents() =>
        AgreementCatalogue.All.SelectMany(a => a.Decide(predecessorExists: true, codeTaken: false).Streams).SelectMany(s => s.Events);

    private static T Fold<T>(IEnumerable<object> events, Func<T?, IEvent, T?> fold) where T : class =>
        Given.Stamped(events).Aggregate((T?)null, fold)!;

    [Fact]
    public void every_agreement_is_accepted_by_the_same_decisions_as_user_data()
    {
        var loaded = new HashSet<Guid>();
        foreach (var sample in AgreementCatalogue.All)
        {
            var predecessorLoaded = sample.Register.PredecessorId is { } p && loaded.Contains(p);
            var plan = sample.Decide(predecessorLoaded, codeTaken: false);
            plan.Refusal.ShouldBeNull($"{sample.Register.Code}: {plan.Refusal}");
            plan.Streams[0].StreamId.ShouldBe(sample.Id);
            plan.Streams[0].AggregateType.ShouldBe(typeof(Agreement));
            loaded.Add(sample.Id);
        }
        loaded.Count.ShouldBe(5);
    }

    [Fact]
    public void every_command_passes_the_input_rules_of_its_endpoint()
    {
        foreach (var sample in AgreementCatalogue.All)
        {
            RegisterAgreementEndpoint.Validate(sample.Register).ShouldBeSameAs(WolverineContinue.NoProblems, sample.Register.Code);
            foreach (var workstream in sample.Workstreams)
            {
                AddWorkstreamEndpoint.Validate(workstream.Add).ShouldBeSameAs(WolverineContinue.NoProblems, workstream.Add.Code);
                foreach (var milestone in workstream.Milestones)
                    PlanMilestoneEndpoint.Validate(milestone.Plan).ShouldBeSameAs(WolverineContinue.NoProblems, milestone.Plan.Title.En);
            }
        }
    }

    [Fact]
    public void every_agreement_has_two_parties_each_under_a_parent_body_and_a_source()
    {
        foreach (var sample in AgreementCatalogue.All)
        {
            sample.Register.Parties.Count.ShouldBeGreaterThanOrEqualTo(2, sample.Register.Code);
            var countries = sample.Id == SampleIds.PartyOfficeMou ? new[] { "LA", "LA" } : ["VN", "LA"];
            sample.Register.Parties.Select(p => p.Country).ShouldBe(countries, ignoreOrder: true, sample.Register.Code);
            sample.Register.Parties.ShouldAllBe(p => p.ParentBody != null);
            sample.Register.SourceReference.ShouldNotBeNullOrWhiteSpace();
            sample.Workstreams.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void the_party_office_mou_keeps_28_november_without_a_year()
    {
        var registered = Streams(SampleIds.PartyOfficeMou)[0].Events.OfType<AgreementRegistered>().Single();

        registered.SignedOn.ShouldNotBeNull().Precision.ShouldBe(DatePrecision.YearNotStated);
        registered.SignedOn.ToString().ShouldBe("--11-28");
        registered.Validity.ShouldBe(ValidityPeriod.Open);
        registered.Parties.Single(p => p.PartyId == "la-pco").Signatories.ShouldNotBeNull().Single().Name.Lo.ShouldBe("ທອງສະລິດ ມັງໜໍ່ເມກ");
    }

    [Fact]
    public void dates_the_sources_leave_without_a_year_stay_without_one()
    {
        Sample(SampleIds.HomeAffairsMinutes2016).Register.SignedOn.ShouldBe(new PartialDate(null, 12, 21));
        Sample(SampleIds.ArchivesPlan2026).Register.SignedOn.ShouldBe(new PartialDate(null, 9, 17));
        Sample(SampleIds.ForeignInformationMou).Register.SignedOn.ShouldBe(new PartialDate(2023));
        Sample(SampleIds.HomeAffairsMou2023).Register.SignedOn.ShouldBe(new PartialDate(2023, 5, 23));
    }

    [Fact]
    public void the_party_office_mou_has_its_four_workstreams_in_lao_and_english_and_no_invented_due_dates()
    {
        var streams = Streams(SampleIds.PartyOfficeMou);
        var opened = streams.Skip(1).Select(s => s.Events.OfType<WorkstreamOpened>().Single()).ToList();

        opened.Select(o => o.WorkstreamId).ShouldBe([
            SampleIds.PartyOfficeInfrastructure, SampleIds.PartyOfficeDigitalAdministration,
            SampleIds.PartyOfficeDataLinks, SampleIds.PartyOfficeStaffCapacity,
        ]);
        opened.ShouldAllBe(o => !string.IsNullOrWhiteSpace(o.Title.Lo) && !string.IsNullOrWhiteSpace(o.Title.En) && !o.IsSample);
        streams.SelectMany(s => s.Events).OfType<MilestonePlanned>().ShouldBeEmpty();

        var agreement = Fold<Agreement>(streams[0].Events, Agreement.Fold);
        agreement.Workstreams.Count.ShouldBe(4);
    }

    [Fact]
    public void the_2016_minutes_are_a_closed_programme_and_the_predecessor_of_the_2023_mou()
    {
        Sample(SampleIds.HomeAffairsMou2023).Register.PredecessorId.ShouldBe(SampleIds.HomeAffairsMinutes2016);

        var minutes = Fold<Agreement>(Streams(SampleIds.HomeAffairsMinutes2016)[0].Events, Agreement.Fold);
        minutes.Status.ShouldBe(AgreementStatus.Closed);
        minutes.Workstreams.Count.ShouldBe(7);
        minutes.Validity.ShouldBe(new ValidityPeriod(new PartialDate(2016), new PartialDate(2020)));
    }

    [Fact]
    public void the_2023_mou_cannot_load_before_its_predecessor()
    {
        var plan = Sample(SampleIds.HomeAffairsMou2023).Decide(predecessorExists: false, codeTaken: false);

        plan.Streams.ShouldBeEmpty();
        plan.Refusal.ShouldNotBeNull().Rule.ShouldBe("predecessor-unknown");
    }

    [Fact]
    public void a_code_already_used_by_someone_else_refuses_the_sample_agreement()
    {
        var plan = Sample(SampleIds.ArchivesPlan2026).Decide(predecessorExists: false, codeTaken: true);

        plan.Streams.ShouldBeEmpty();
        plan.Refusal.ShouldNotBeNull().Rule.ShouldBe("code-taken");
    }

    [Fact]
    public void targets_the_sources_state_are_real_indicators()
    {
        var indicators = AllEvents().OfType<IndicatorDefined>().ToList();

        var officials = indicators.Single(i => i.WorkstreamId == SampleIds.HomeAffairsTraining && i.Unit == "officials");
        (officials.TargetLow, officials.TargetHigh, officials.Period, officials.IsSample).ShouldBe((20m, (decimal?)null, IndicatorPeriod.Annual, false));

        var experts = indicators.Single(i => i.WorkstreamId == SampleIds.HomeAffairsTraining && i.Unit == "experts");
        (experts.TargetLow, experts.TargetHigh, experts.IsSample).ShouldBe((2m, (decimal?)3m, false));

        var historical = indicators.Single(i => i.WorkstreamId == SampleIds.MinutesTraining);
        (historical.TargetLow, historical.Period, historical.IsSample).ShouldBe((20m, IndicatorPeriod.Annual, false));
    }

    [Fact]
    public void the_joint_exhibition_is_due_on_the_two_anniversaries_in_2027()
    {
        var dues = Streams(SampleIds.ArchivesPlan2026).SelectMany(s => s.Events).OfType<MilestonePlanned>()
            .Where(m => m.WorkstreamId == SampleIds.ArchivesPublication && m.Title.En!.Contains("exhibition"))
            .Select(m => m.DueDate);

        dues.ShouldBe([new DateOnly(2027, 7, 18), new DateOnly(2027, 9, 5)], ignoreOrder: true);
    }

    [Fact]
    public void everything_not_in_the_sources_is_flagged_and_says_it_is_sample_data()
    {
        var events = AllEvents().ToList();

        var milestones = events.OfType<MilestonePlanned>().ToList();
        milestones.ShouldNotBeEmpty();
        milestones.ShouldAllBe(m => m.IsSample && m.Title.En!.EndsWith("(sample data)"));
        milestones.Where(m => m.Title.Vi != null).ShouldAllBe(m => m.Title.Vi!.EndsWith("(dữ liệu mẫu)"));

        foreach (var indicator in events.OfType<IndicatorDefined>())
            indicator.Name.En!.Contains("(sample data)").ShouldBe(indicator.IsSample, indicator.Name.En);
        events.OfType<IndicatorDefined>().ShouldContain(i => i.IsSample);

        events.OfType<AgreementRegistered>().ShouldAllBe(a => !a.IsSample);
        events.OfType<WorkstreamOpened>().ShouldAllBe(w => !w.IsSample);
    }

    [Fact]
    public void every_workstream_has_an_english_title_and_one_in_the_source_language()
    {
        foreach (var sample in AgreementCatalogue.All)
        {
            sample.Register.Title.En.ShouldNotBeNullOrWhiteSpace();
            foreach (var workstream in sample.Workstreams)
            {
                workstream.Add.Title.En.ShouldNotBeNullOrWhiteSpace();
                new[] { workstream.Add.Title.Vi, workstream.Add.Title.Lo, workstream.Add.Title.Th }.ShouldContain(t => !string.IsNullOrWhiteSpace(t));
            }
        }
    }

    [Fact]
    public void ids_are_fixed_and_unique_so_a_second_load_finds_them()
    {
        var ids = AllEvents().Select(e => e switch
        {
            AgreementRegistered a => a.AgreementId,
            WorkstreamOpened w => w.WorkstreamId,
            MilestonePlanned m => m.MilestoneId,
            IndicatorDefined i => i.IndicatorId,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty).ToList();

        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => id.ToString().StartsWith("5a3e0000-"));
    }
}
