using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Workstreams.Milestones;

public static class MilestoneRules
{
    /// <summary>Refuses a change to a milestone that does not exist or is already completed or cancelled.</summary>
    public static Refusal? Open(Workstream workstream, Guid milestoneId, string verb) =>
        workstream.FindMilestone(milestoneId) switch
        {
            null => Refusal.NotFound("milestoneId", "not-found", $"The workstream has no milestone {milestoneId}."),
            { Status: MilestoneStatus.Cancelled } => Refusal.Conflict("milestoneId", "milestone-cancelled",
                $"The milestone was cancelled; it cannot {verb}."),
            { Status: MilestoneStatus.Completed } => Refusal.Conflict("milestoneId", "milestone-completed",
                $"The milestone is already completed; it cannot {verb}."),
            _ => null,
        };

    /// <summary>Refuses a date after today: officers record what happened, not what they expect to happen.</summary>
    public static Refusal? NotInFuture(string field, DateOnly date, DateOnly today, string what) =>
        date > today
            ? Refusal.Invalid(field, "future-date", $"{what} cannot be recorded on {date:yyyy-MM-dd}, a date in the future.")
            : null;
}
