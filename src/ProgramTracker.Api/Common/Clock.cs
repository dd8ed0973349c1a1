namespace ProgramTracker.Api.Common;

public static class Clock
{
    /// <summary>Today's date in UTC: the day rules such as "not in the future" and "overdue" are judged on.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
