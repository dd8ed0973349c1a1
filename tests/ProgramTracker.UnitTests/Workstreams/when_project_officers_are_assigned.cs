using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Officers;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_project_officers_are_assigned
{
    [Fact]
    public void an_officer_is_assigned()
    {
        var assigned = AssignProjectOfficer.Decide(new AssignProjectOfficer(" p-001 ", " Souksavanh "), Given.Workstream())
            .ShouldDecide<ProjectOfficerAssigned>();

        assigned.PersonId.ShouldBe("p-001");
        assigned.Name.ShouldBe("Souksavanh");
        Given.Workstream(assigned).Officers.ShouldHaveSingleItem().ShouldBe(new ProjectOfficer("p-001", "Souksavanh"));
    }

    [Fact]
    public void assigning_the_same_person_twice_is_a_conflict() =>
        AssignProjectOfficer.Decide(new AssignProjectOfficer("p-001", "Souksavanh"), Given.Workstream(OfficerAssigned("p-001")))
            .ShouldRefuse(RefusalKind.Conflict, "personId", "already-assigned");

    [Fact]
    public void an_officer_is_unassigned_with_a_reason()
    {
        var unassigned = UnassignProjectOfficer.Decide(new UnassignProjectOfficer(" Moved to archives "),
                Given.Workstream(OfficerAssigned("p-001"), OfficerAssigned("p-002", "Lan")), "p-001")
            .ShouldDecide<ProjectOfficerUnassigned>();

        unassigned.Reason.ShouldBe("Moved to archives");
        Given.Workstream(OfficerAssigned("p-001"), OfficerAssigned("p-002", "Lan"), unassigned)
            .Officers.ShouldHaveSingleItem().PersonId.ShouldBe("p-002");
    }

    [Fact]
    public void unassigning_someone_not_assigned_is_not_found() =>
        UnassignProjectOfficer.Decide(new UnassignProjectOfficer("Left"), Given.Workstream(OfficerAssigned("p-001")), "p-999")
            .ShouldRefuse(RefusalKind.NotFound, "personId", "not-assigned");

    [Fact]
    public void unassigning_twice_is_not_found()
    {
        var history = new object[] { OfficerAssigned("p-001"), new ProjectOfficerUnassigned(Given.WorkstreamId, Given.AgreementId, "p-001", "Left") };

        UnassignProjectOfficer.Decide(new UnassignProjectOfficer("Left again"), Given.Workstream(history), "p-001")
            .ShouldRefuse(RefusalKind.NotFound, "personId", "not-assigned");
    }

    [Fact]
    public void a_person_id_and_name_are_required()
    {
        AssignProjectOfficerEndpoint.Validate(new AssignProjectOfficer("", "Lan")).ShouldName("personId", "required");
        AssignProjectOfficerEndpoint.Validate(new AssignProjectOfficer("p-1", " ")).ShouldName("name", "required");
        AssignProjectOfficerEndpoint.Validate(new AssignProjectOfficer("p-1", new string('n', 201))).ShouldName("name", "max-length");
    }

    [Fact]
    public void unassigning_needs_a_reason() =>
        UnassignProjectOfficerEndpoint.Validate(new UnassignProjectOfficer(""), "p-1").ShouldName("reason", "required");
}
