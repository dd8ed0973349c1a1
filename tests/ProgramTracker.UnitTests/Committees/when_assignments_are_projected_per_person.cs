using ProgramTracker.Api.Committees;
using ProgramTracker.Api.People;

namespace ProgramTracker.UnitTests.Committees;

public class when_assignments_are_projected_per_person
{
    private static readonly Guid ItemId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000e2");

    private static PersonAssignments? Project(string personId, params object[] events) =>
        GivenCommittee.Stamped(events)
            .Where(e => CommitteeEvents.People((ICommitteeEvent)e.Data).Contains(personId))
            .Aggregate((PersonAssignments?)null, (s, e) => PersonAssignments.Fold(s, personId, e));

    [Fact]
    public void a_person_collects_seats_focal_workstreams_and_action_items()
    {
        var person = Project("anna",
            GivenCommittee.Appointed("anna", CommitteeRole.Chair),
            GivenCommittee.Appointed("anna", CommitteeRole.FocalPoint, workstreamId: Given.WorkstreamId),
            GivenCommittee.Appointed("binh"),
            GivenCommittee.ActionAssigned(ItemId, new DateOnly(2024, 6, 30))).ShouldNotBeNull();

        person.Name.ShouldBe("Name of anna");
        person.Seats.Count.ShouldBe(2);
        person.ActionItems.ShouldHaveSingleItem().ActionItemId.ShouldBe(ItemId);

        var view = AssignmentsView.From(person, new Dictionary<Guid, Committee>(), new DateOnly(2024, 7, 1));
        view.FocalPointFor.ShouldBe([Given.WorkstreamId]);
        view.OverdueActionItems.ShouldBe(1);
        view.Committees.ShouldHaveSingleItem().Seats.Count.ShouldBe(2);
    }

    [Fact]
    public void a_relieved_seat_stays_with_its_dates_and_a_closed_action_leaves_the_open_list()
    {
        var person = Project("anna",
            GivenCommittee.Appointed("anna", CommitteeRole.Chair),
            GivenCommittee.Relieved("anna", new DateOnly(2024, 6, 1), CommitteeRole.Chair),
            GivenCommittee.ActionAssigned(ItemId, new DateOnly(2024, 6, 30)),
            new ActionItemCompleted(GivenCommittee.CommitteeId, Given.AgreementId, ItemId, "anna", new DateOnly(2024, 6, 20), null)).ShouldNotBeNull();

        person.Seats.ShouldHaveSingleItem().To.ShouldBe(new DateOnly(2024, 6, 1));
        var view = AssignmentsView.From(person, new Dictionary<Guid, Committee>(), new DateOnly(2024, 7, 1));
        view.OpenActionItems.ShouldBeEmpty();
        view.Committees.ShouldHaveSingleItem().Seats.ShouldHaveSingleItem().Current.ShouldBeFalse();
    }

    [Fact]
    public void signatories_named_as_principals_are_people_of_the_committee()
    {
        var established = GivenCommittee.Established() with
        {
            Principals = [new Principal("la-mtc-boviengkham-vongdara", "Boviengkham Vongdara", "la-moha", "Minister")],
        };
        CommitteeEvents.People(established).ShouldBe(["la-mtc-boviengkham-vongdara"]);
        PersonAssignments.Fold(null, "la-mtc-boviengkham-vongdara", JasperFx.Events.Event.For(established)).ShouldNotBeNull()
            .Principal.ShouldHaveSingleItem().Title.ShouldBe("Minister");
    }
}
