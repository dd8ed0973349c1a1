namespace ProgramTracker.Api.Notifications;

// The seam between the two halves of notifications: reminders decide what each person needs to hear and publish
// an OutgoingMail through Wolverine's durable outbox; mail delivers it (SMTP, or .eml files under .data/mail/
// when no SMTP server is configured). People's addresses and preferences are PersonProfile documents.

/// <summary>The kinds of reminder a person can switch off, one by one.</summary>
public enum ReminderKind
{
    /// <summary>An officer's milestones due soon, overdue or blocked, and workstreams about to go stale.</summary>
    Milestones,
    /// <summary>Open action items due soon or overdue.</summary>
    ActionItems,
    /// <summary>A committee meeting coming up, with its agenda and the review pack.</summary>
    Meetings,
    /// <summary>A held meeting's decisions and the action items it assigned.</summary>
    MeetingOutcomes,
}

/// <summary>
/// One message to one person, already written in that person's language. <paramref name="Id"/> is stable for the
/// thing it is about (for a digest: person and day), so delivering it twice is recognisable as a duplicate.
/// </summary>
public sealed record OutgoingMail(
    string Id,
    string PersonId,
    string To,
    string? ToName,
    string Language,
    string Subject,
    string TextBody,
    string? HtmlBody,
    ReminderKind[] Kinds);

/// <summary>What ProgramTracker knows about a person for notifications; the id is the person's user id (sub).</summary>
public sealed class PersonProfile
{
    public required string Id { get; init; }
    public string? Name { get; set; }
    /// <summary>The person id officer assignments and committee seats name (the <c>person_id</c> claim), where the user has one.</summary>
    public string? PersonId { get; set; }
    /// <summary>From the identity provider's <c>email</c> claim at sign-in, or set by an administrator.</summary>
    public string? Email { get; set; }
    /// <summary>Whether an administrator set the address (then a sign-in does not overwrite it).</summary>
    public bool EmailSetByAdministrator { get; set; }
    /// <summary>The language the person chose for messages; null means <see cref="LastUsedLanguage"/>.</summary>
    public string? Language { get; set; }
    /// <summary>The interface language the person last used (en, vi, lo, th).</summary>
    public string? LastUsedLanguage { get; set; }
    public List<ReminderKind> SwitchedOff { get; set; } = [];

    public string MessageLanguage => Language ?? LastUsedLanguage ?? "en";
    public bool Wants(ReminderKind kind) => !SwitchedOff.Contains(kind);
}
