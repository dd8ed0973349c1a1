using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.Api.People;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.UnitTests.Committees;

namespace ProgramTracker.UnitTests.Notifications;

/// <summary>One officer and committee member, "anna", and the reminders the rules give her on a day.</summary>
public static class Reminded
{
    public const string Anna = "anna";
    public static readonly ReminderOptions Defaults = new();
    public static readonly Uri PublicUrl = new("https://programtracker.example.org");

    /// <summary>Anna's workstream: she is its officer; the last of its events is stamped on this day.</summary>
    public static Workstream Workstream(params object[] events) =>
        Given.Workstream([new ProjectOfficerAssigned(Given.WorkstreamId, Given.AgreementId, Anna, "Anna Phommachanh"), .. events]);

    public static DateOnly LastUpdated(Workstream w) => DateOnly.FromDateTime(w.LastUpdatedAt.UtcDateTime);

    /// <summary>Anna's reads: the workstreams she is an officer of, and one committee folded from these events (with her assignments).</summary>
    public static PersonReads Reads(IReadOnlyList<Workstream>? officerOf = null, object[]? committee = null, IReadOnlySet<Guid>? told = null)
    {
        var committees = new Dictionary<Guid, Committee>();
        PersonAssignments? person = null;
        if (committee is not null)
        {
            var folded = GivenCommittee.Committee(committee);
            committees[folded.Id] = folded;
            person = GivenCommittee.Stamped(committee).Aggregate((PersonAssignments?)null, (s, e) => PersonAssignments.Fold(s, Anna, e));
        }
        var agenda = new Dictionary<Guid, Workstream> { [Given.WorkstreamId] = Workstream() };
        return new PersonReads(Anna, officerOf ?? [], person, committees, agenda, told ?? new HashSet<Guid>());
    }

    public static object[] Committee(params object[] events) => events;

    public static IReadOnlyList<ReminderItem> On(DateOnly day, PersonReads reads, ReminderOptions? options = null, params ReminderKind[] switchedOff) =>
        ReminderRules.For(reads, day, options ?? Defaults, staleAfterDays: 30, switchedOff);

    public static PersonProfile Profile(string? language = "en", string? email = "anna@example.org", params ReminderKind[] switchedOff) =>
        new() { Id = Anna, Name = "Anna Phommachanh", Email = email, Language = language, SwitchedOff = [.. switchedOff] };
}
