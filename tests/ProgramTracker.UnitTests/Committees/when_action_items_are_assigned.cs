using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.ActionItems;
using ProgramTracker.Api.Common;

namespace ProgramTracker.UnitTests.Committees;

public class when_action_items_are_assigned
{
    private static readonly Guid ItemId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000e1");

    [Fact]
    public void an_action_item_goes_to_a_member_by_name_and_to_a_workstream()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.Appointed("anna"));

        var assigned = AssignActionItem.Decide(new AssignActionItem("Send the delegation list", new DateOnly(2024, 10, 31), "anna", WorkstreamId: Given.WorkstreamId),
            committee, GivenCommittee.Agreement(), ItemId, GivenCommittee.Today).Events.ShouldHaveSingleItem().ShouldBeOfType<ActionItemAssigned>();

        assigned.PersonName.ShouldBe("Name of anna");
        assigned.WorkstreamId.ShouldBe(Given.WorkstreamId);
        assigned.AssignedOn.ShouldBe(GivenCommittee.Today);
    }

    [Fact]
    public void an_action_item_on_a_workstream_of_another_agreement_is_refused()
    {
        var refusal = AssignActionItem.Decide(new AssignActionItem("x", new DateOnly(2024, 10, 31), WorkstreamId: GivenCommittee.OtherWorkstreamId),
            GivenCommittee.Committee(), GivenCommittee.Agreement(), ItemId, GivenCommittee.Today).Refusal.ShouldNotBeNull();

        refusal.Kind.ShouldBe(RefusalKind.Invalid);
        refusal.Field.ShouldBe("workstreamId");
        refusal.Rule.ShouldBe("workstream-other-agreement");
    }

    [Fact]
    public void dates_before_the_committee_existed_or_before_assignment_are_refused()
    {
        AssignActionItem.Decide(new AssignActionItem("x", new DateOnly(2024, 10, 31), WorkstreamId: Given.WorkstreamId, AssignedOn: new DateOnly(2024, 1, 1)),
            GivenCommittee.Committee(), GivenCommittee.Agreement(), ItemId, GivenCommittee.Today).Refusal.ShouldNotBeNull().Rule.ShouldBe("before-established");
        AssignActionItem.Decide(new AssignActionItem("x", new DateOnly(2024, 9, 1), WorkstreamId: Given.WorkstreamId),
            GivenCommittee.Committee(), GivenCommittee.Agreement(), ItemId, GivenCommittee.Today).Refusal.ShouldNotBeNull().Field.ShouldBe("dueDate");
    }

    [Fact]
    public void someone_outside_the_committee_needs_a_name_and_an_assignee_is_required()
    {
        AssignActionItem.Decide(new AssignActionItem("x", new DateOnly(2024, 10, 31), "stranger"), GivenCommittee.Committee(), GivenCommittee.Agreement(), ItemId,
            GivenCommittee.Today).Refusal.ShouldNotBeNull().Field.ShouldBe("personName");
        AssignActionItemEndpoint.Validate(new AssignActionItem("x", new DateOnly(2024, 10, 31))).Status.ShouldBe(400);
    }

    [Fact]
    public void an_open_item_is_updated_completed_or_dropped_once()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.ActionAssigned(ItemId, new DateOnly(2024, 6, 30)));

        var updated = UpdateActionItem.Decide(new UpdateActionItem("List drafted", new DateOnly(2024, 7, 31)), committee, ItemId, GivenCommittee.Today)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ActionItemUpdated>();
        updated.PreviousDueDate.ShouldBe(new DateOnly(2024, 6, 30));
        updated.PersonId.ShouldBe("anna");

        var dropped = DropActionItem.Decide(new DropActionItem("Superseded by the 2025 plan"), committee, ItemId, GivenCommittee.Today)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ActionItemDropped>();
        var closed = GivenCommittee.Committee(GivenCommittee.ActionAssigned(ItemId, new DateOnly(2024, 6, 30)), dropped);
        closed.FindActionItem(ItemId)!.Status.ShouldBe(ActionItemStatus.Dropped);

        var refusal = CompleteActionItem.Decide(new CompleteActionItem(), closed, ItemId, GivenCommittee.Today).Refusal.ShouldNotBeNull();
        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Rule.ShouldBe("action-item-closed");
        UpdateActionItem.Decide(new UpdateActionItem("late"), closed, ItemId, GivenCommittee.Today).Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.Conflict);
        CompleteActionItem.Decide(new CompleteActionItem(), committee, Guid.NewGuid(), GivenCommittee.Today).Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void completing_in_the_future_or_before_assignment_is_refused()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.ActionAssigned(ItemId, new DateOnly(2024, 6, 30)));
        CompleteActionItem.Decide(new CompleteActionItem(GivenCommittee.Today.AddDays(1)), committee, ItemId, GivenCommittee.Today)
            .Refusal.ShouldNotBeNull().Field.ShouldBe("completedOn");
        CompleteActionItem.Decide(new CompleteActionItem(new DateOnly(2024, 2, 1)), committee, ItemId, GivenCommittee.Today)
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("before-assigned");
    }

    [Fact]
    public void an_open_item_past_its_due_date_is_overdue_when_read()
    {
        var item = GivenCommittee.Committee(GivenCommittee.ActionAssigned(ItemId, new DateOnly(2024, 6, 30))).FindActionItem(ItemId)!;
        item.IsOverdue(new DateOnly(2024, 6, 30)).ShouldBeFalse();
        item.IsOverdue(new DateOnly(2024, 7, 1)).ShouldBeTrue();
        ActionItemView.From(GivenCommittee.CommitteeId, item, new DateOnly(2024, 7, 3)).DaysOverdue.ShouldBe(3);
    }
}
