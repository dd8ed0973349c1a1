using System.ComponentModel.DataAnnotations;

namespace ProgramTracker.Api.Notifications.Reminders;

/// <summary>The reminder thresholds and the daily send time, under <c>ProgramTracker:Reminders</c>; validated at start.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "ProgramTracker:Reminders";

    /// <summary>An officer hears of an open milestone due within this many days (today included).</summary>
    [Range(0, 365)]
    public int MilestoneDueWithinDays { get; set; } = 14;

    /// <summary>An officer hears of a milestone blocked for more than this many days.</summary>
    [Range(0, 365)]
    public int BlockedForDays { get; set; } = 14;

    /// <summary>A person hears of an open action item of theirs due within this many days.</summary>
    [Range(0, 365)]
    public int ActionItemDueWithinDays { get; set; } = 7;

    /// <summary>Members in office hear of a meeting this many days before it.</summary>
    [Range(1, 365)]
    public int MeetingAheadDays { get; set; } = 7;

    /// <summary>An officer hears of a workstream that will go stale (StaleAfterDays) within this many days.</summary>
    [Range(0, 365)]
    public int StaleWithinDays { get; set; } = 7;

    /// <summary>A held meeting's outcomes are told in the first digest after it is recorded, if it was held at most this many days before.</summary>
    [Range(1, 365)]
    public int OutcomesWithinDays { get; set; } = 30;

    /// <summary>The hour of the day (in <see cref="TimeZone"/>) the daily digests go out.</summary>
    [Range(0, 23)]
    public int SendAtHour { get; set; } = 7;

    /// <summary>An IANA or Windows time zone id: the digests' day and hour are this zone's.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Bangkok";

    /// <summary>Whether the daily job is scheduled at all; the run endpoint works either way.</summary>
    public bool Schedule { get; set; } = true;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        ValidationResult? invalid = null;
        try
        {
            _ = Zone;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            invalid = new ValidationResult($"{Section}:TimeZone '{TimeZone}' is not a time zone this machine knows.", [nameof(TimeZone)]);
        }
        if (invalid is not null) yield return invalid;
    }

    /// <summary>The next moment after <paramref name="now"/> when the digests go out, and the local day they are for.</summary>
    public (DateTimeOffset At, DateOnly Day) NextSendAfter(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var at = SendTime(day);
        if (at <= now)
        {
            day = day.AddDays(1);
            at = SendTime(day);
        }
        return (at, day);
    }

    /// <summary>The send moment on a local day, in UTC.</summary>
    public DateTimeOffset SendTime(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(SendAtHour, 0), DateTimeKind.Unspecified);
        // An hour skipped by a daylight-saving change is sent an hour later.
        while (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}
