using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.UnitTests.Committees;
using ProgramTracker.UnitTests.Workstreams;
using static ProgramTracker.UnitTests.Notifications.Reminded;

namespace ProgramTracker.UnitTests.Notifications;

public class when_reminders_are_worked_out
{
    private static readonly DateOnly Day = new(2024, 1, 20);

    private static IReadOnlyList<ReminderItem> ForMilestoneDue(DateOnly due) =>
        On(Day, Reads([Workstream(Given.Planned(Happened.MilestoneId, due))]));

    [Fact]
    public void a_milestone_due_in_14_days_is_due_soon() =>
        ForMilestoneDue(Day.AddDays(14)).ShouldHaveSingleItem().Kind.ShouldBe(ReminderItemKind.MilestoneDueSoon);

    [Fact]
    public void a_milestone_due_in_15_days_is_not_mentioned() => ForMilestoneDue(Day.AddDays(15)).ShouldBeEmpty();

    [Fact]
    public void a_milestone_due_today_is_due_soon_not_overdue() =>
        ForMilestoneDue(Day).ShouldHaveSingleItem().Kind.ShouldBe(ReminderItemKind.MilestoneDueSoon);

    [Fact]
    public void a_milestone_due_yesterday_is_overdue()
    {
        var item = ForMilestoneDue(Day.AddDays(-1)).ShouldHaveSingleItem();
        item.Kind.ShouldBe(ReminderItemKind.MilestoneOverdue);
        item.Date.ShouldBe(Day.AddDays(-1));
        item.Path.ShouldBe($"/workstreams/{Given.WorkstreamId}");
        item.Context.ShouldBe("TRAIN");
    }

    [Fact]
    public void a_completed_milestone_is_not_mentioned() =>
        On(Day, Reads([Workstream(Given.Planned(Happened.MilestoneId, Day.AddDays(-3)), Happened.Completed(Day.AddDays(-4)))])).ShouldBeEmpty();

    [Fact]
    public void the_due_window_is_a_setting() =>
        On(Day, Reads([Workstream(Given.Planned(Happened.MilestoneId, Day.AddDays(15)))]), new ReminderOptions { MilestoneDueWithinDays = 15 })
            .ShouldHaveSingleItem().Kind.ShouldBe(ReminderItemKind.MilestoneDueSoon);

    private static IReadOnlyList<ReminderItem> ForBlockedDays(int days)
    {
        var far = Day.AddDays(60);
        return On(Day, Reads([Workstream(Given.Planned(Happened.MilestoneId, far), Happened.Blocked(Day.AddDays(-days)))]));
    }

    [Fact]
    public void a_milestone_blocked_for_15_days_is_mentioned_with_its_reason()
    {
        var item = ForBlockedDays(15).ShouldHaveSingleItem();
        item.Kind.ShouldBe(ReminderItemKind.MilestoneBlocked);
        item.Date.ShouldBe(Day.AddDays(-15));
        item.Note.ShouldBe("Waiting for the budget");
    }

    [Fact]
    public void a_milestone_blocked_for_14_days_is_not_mentioned_yet() => ForBlockedDays(14).ShouldBeEmpty();

    [Fact]
    public void a_workstream_about_to_go_stale_is_mentioned_and_one_already_stale_is_not()
    {
        var workstream = Workstream(Given.Planned(Happened.MilestoneId, new DateOnly(2025, 1, 1)));
        var staleFrom = LastUpdated(workstream).AddDays(31);

        var week = On(staleFrom.AddDays(-7), Reads([workstream])).ShouldHaveSingleItem();
        week.Kind.ShouldBe(ReminderItemKind.WorkstreamGoingStale);
        week.Date.ShouldBe(staleFrom);
        week.Since.ShouldBe(LastUpdated(workstream));

        On(staleFrom.AddDays(-8), Reads([workstream])).ShouldBeEmpty();
        On(staleFrom, Reads([workstream])).ShouldBeEmpty();
    }

    private static readonly Guid ActionId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a7");

    private static IReadOnlyList<ReminderItem> ForActionDue(DateOnly due, params object[] more) =>
        On(Day, Reads(committee: Committee([GivenCommittee.ActionAssigned(ActionId, due, Anna), .. more])));

    [Fact]
    public void an_action_item_due_in_7_days_is_due_soon()
    {
        var item = ForActionDue(Day.AddDays(7)).ShouldHaveSingleItem();
        item.Kind.ShouldBe(ReminderItemKind.ActionItemDueSoon);
        item.Group.ShouldBe(ReminderKind.ActionItems);
        item.Path.ShouldBe($"/committees/{GivenCommittee.CommitteeId}");
        item.ContextTitle!.En.ShouldBe("Joint steering committee");
    }

    [Fact]
    public void an_action_item_due_in_8_days_is_not_mentioned() => ForActionDue(Day.AddDays(8)).ShouldBeEmpty();

    [Fact]
    public void an_action_item_past_its_due_date_is_overdue() =>
        ForActionDue(Day.AddDays(-1)).ShouldHaveSingleItem().Kind.ShouldBe(ReminderItemKind.ActionItemOverdue);

    [Fact]
    public void a_completed_action_item_is_not_mentioned() =>
        ForActionDue(Day.AddDays(-1), new ActionItemCompleted(GivenCommittee.CommitteeId, Given.AgreementId, ActionId, Anna, Day.AddDays(-2), null))
            .ShouldBeEmpty();

    private static IReadOnlyList<ReminderItem> ForMeetingIn(int days, bool member = true) =>
        On(Day, Reads(committee: Committee(
            GivenCommittee.Appointed(member ? Anna : "boun"),
            GivenCommittee.Scheduled(Day.AddDays(days)))));

    [Fact]
    public void a_member_hears_of_a_meeting_7_days_ahead_with_its_agenda_and_review_pack()
    {
        var item = ForMeetingIn(7).ShouldHaveSingleItem();
        item.Kind.ShouldBe(ReminderItemKind.MeetingAhead);
        item.Date.ShouldBe(Day.AddDays(7));
        item.Note.ShouldBe("Vientiane");
        item.Agenda!.ShouldHaveSingleItem().En.ShouldBe("TRAIN Training in public administration");
        item.ReviewPackPath.ShouldBe($"/agreements/{Given.AgreementId}/review-pack");
        item.Path.ShouldBe($"/committees/{GivenCommittee.CommitteeId}/meetings/{GivenCommittee.MeetingId}");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void a_meeting_on_another_day_is_not_mentioned(int days) => ForMeetingIn(days).ShouldBeEmpty();

    [Fact]
    public void someone_not_in_office_does_not_hear_of_the_meeting() => ForMeetingIn(7, member: false).ShouldBeEmpty();

    private static readonly Guid DecisionId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000e1");

    private static object[] HeldWithOutcomes(DateOnly on) =>
    [
        GivenCommittee.Appointed(Anna),
        GivenCommittee.Scheduled(on),
        GivenCommittee.Held(on, true, Anna),
        new DecisionTaken(GivenCommittee.CommitteeId, Given.AgreementId, GivenCommittee.MeetingId, DecisionId, "Extend the training to 2026", [], null, true, on),
        new ActionItemAssigned(GivenCommittee.CommitteeId, Given.AgreementId, ActionId, "Draft the extension", "boun", "Boun", null, on.AddDays(30),
            GivenCommittee.MeetingId, on),
    ];

    [Fact]
    public void a_member_hears_of_a_held_meetings_decisions_and_action_items()
    {
        var held = Day.AddDays(-1);
        var item = On(Day, Reads(committee: Committee(HeldWithOutcomes(held)))).ShouldHaveSingleItem();
        item.Kind.ShouldBe(ReminderItemKind.MeetingOutcome);
        item.Date.ShouldBe(held);
        item.MeetingId.ShouldBe(GivenCommittee.MeetingId);
        item.Decisions!.ShouldHaveSingleItem().ShouldBe("Extend the training to 2026");
        item.ActionsAssigned!.ShouldHaveSingleItem().ShouldBe(("Draft the extension (Boun)", held.AddDays(30)));
        item.Path.ShouldEndWith("/minutes");
    }

    [Fact]
    public void a_held_meetings_outcomes_are_told_once() =>
        On(Day, Reads(committee: Committee(HeldWithOutcomes(Day.AddDays(-1))), told: new HashSet<Guid> { GivenCommittee.MeetingId }))
            .ShouldBeEmpty();

    [Fact]
    public void a_meeting_held_longer_ago_than_the_window_is_not_told() =>
        On(Day, Reads(committee: Committee(HeldWithOutcomes(Day.AddDays(-31))))).ShouldBeEmpty();

    [Fact]
    public void a_kind_switched_off_is_left_out()
    {
        var reads = Reads([Workstream(Given.Planned(Happened.MilestoneId, Day.AddDays(-1)))],
            Committee([GivenCommittee.ActionAssigned(ActionId, Day.AddDays(3), Anna)]));
        On(Day, reads).Select(i => i.Group).ShouldBe([ReminderKind.Milestones, ReminderKind.ActionItems]);
        On(Day, reads, null, ReminderKind.Milestones).ShouldHaveSingleItem().Group.ShouldBe(ReminderKind.ActionItems);
        On(Day, reads, null, ReminderKind.Milestones, ReminderKind.ActionItems).ShouldBeEmpty();
    }
}
