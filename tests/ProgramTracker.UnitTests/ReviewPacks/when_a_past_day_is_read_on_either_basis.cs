using JasperFx.Events;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.UnitTests.Committees;

namespace ProgramTracker.UnitTests.ReviewPacks;

/// <summary>One hand-built history with events recorded late, read on both bases.</summary>
public class when_a_past_day_is_read_on_either_basis
{
    private static readonly Guid MilestoneId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a1");
    private static readonly DateOnly EndOfMarch = new(2024, 3, 31);

    private static IEvent At(object data, int year, int month, int day, long version)
    {
        var e = Event.For(data);
        e.Timestamp = new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero);
        e.Version = version;
        e.Sequence = version;
        return e;
    }

    /// <summary>Planned in January; its completion on 30 March was recorded on 2 April.</summary>
    private static IEvent[] CompletedLate() =>
    [
        At(Given.Opened(), 2024, 1, 10, 1),
        At(Given.Planned(MilestoneId, new DateOnly(2024, 3, 31)), 2024, 1, 20, 2),
        At(new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, MilestoneId, new DateOnly(2024, 3, 30), null, null), 2024, 4, 2, 3),
    ];

    private static MilestoneStatus StatusOn(AsOfBasis basis, DateOnly day) =>
        basis.Fold<Workstream>(CompletedLate(), day, Workstream.Fold)!.FindMilestone(MilestoneId)!.Status;

    [Fact]
    public void a_completion_recorded_late_is_complete_as_effective_but_not_as_recorded_by_its_day()
    {
        StatusOn(AsOfBasis.Effective, EndOfMarch).ShouldBe(MilestoneStatus.Completed);
        StatusOn(AsOfBasis.Recorded, EndOfMarch).ShouldBe(MilestoneStatus.Planned);
    }

    [Fact]
    public void once_it_is_recorded_both_bases_agree() =>
        StatusOn(AsOfBasis.Recorded, new DateOnly(2024, 4, 2)).ShouldBe(StatusOn(AsOfBasis.Effective, new DateOnly(2024, 4, 2)));

    [Fact]
    public void before_it_happened_neither_basis_counts_it()
    {
        StatusOn(AsOfBasis.Effective, new DateOnly(2024, 3, 29)).ShouldBe(MilestoneStatus.Planned);
        StatusOn(AsOfBasis.Recorded, new DateOnly(2024, 3, 29)).ShouldBe(MilestoneStatus.Planned);
    }

    [Fact]
    public void an_event_without_a_date_of_its_own_takes_effect_the_day_it_was_recorded()
    {
        var planned = CompletedLate()[1];
        EffectiveDates.Of(planned).ShouldBe(new DateOnly(2024, 1, 20));
        EffectiveDates.Of(CompletedLate()[2]).ShouldBe(new DateOnly(2024, 3, 30));
    }

    [Fact]
    public void a_measurement_and_an_assessment_count_from_their_own_dates()
    {
        var measured = new IndicatorMeasured(Given.WorkstreamId, Given.AgreementId, Guid.NewGuid(), 12, "2024-Q1", new DateOnly(2024, 3, 31), null, null);
        var assessed = new StatusAssessed(Given.WorkstreamId, Given.AgreementId, Rag.Amber, "Late", "Ms Vongsa", null, new DateOnly(2024, 2, 1));
        EffectiveDates.Of(measured, new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2024, 3, 31));
        EffectiveDates.Of(assessed, new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2024, 2, 1));
    }

    [Fact]
    public void an_appointment_recorded_late_is_on_the_roster_as_effective_but_not_as_recorded()
    {
        IEvent[] events =
        [
            At(GivenCommittee.Established(), 2024, 1, 10, 1),
            At(GivenCommittee.Appointed("anna", CommitteeRole.Chair, on: new DateOnly(2024, 2, 1)), 2024, 6, 1, 2),
        ];
        var march = new DateOnly(2024, 3, 1);
        AsOfBasis.Effective.Fold<Committee>(events, march, Committee.Fold)!.PeopleInOfficeOn(march).ShouldBe(["anna"]);
        AsOfBasis.Recorded.Fold<Committee>(events, march, Committee.Fold)!.PeopleInOfficeOn(march).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, AsOfBasis.Recorded)]
    [InlineData("effective", AsOfBasis.Effective)]
    [InlineData("Recorded", AsOfBasis.Recorded)]
    public void a_basis_is_read_from_its_name(string? raw, AsOfBasis expected)
    {
        AsOfBases.TryRead(raw, AsOfBasis.Recorded, out var basis, out var problem).ShouldBeTrue();
        (basis, problem).ShouldBe((expected, null));
    }

    [Fact]
    public void an_unknown_basis_is_refused() =>
        AsOfBases.TryRead("booked", AsOfBasis.Recorded, out _, out var problem).ShouldBeFalse(problem?.ToString());
}
