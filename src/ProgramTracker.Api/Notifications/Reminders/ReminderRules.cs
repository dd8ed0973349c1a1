using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.People;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Notifications.Reminders;

public enum ReminderItemKind
{
    MilestoneOverdue,
    MilestoneDueSoon,
    MilestoneBlocked,
    WorkstreamGoingStale,
    ActionItemOverdue,
    ActionItemDueSoon,
    MeetingAhead,
    MeetingOutcome,
}

/// <summary>One line of a digest: what it is about, the day that matters, and where to open it.</summary>
public sealed record ReminderItem(
    ReminderItemKind Kind,
    LocalizedText Title,
    DateOnly Date,
    string Path,
    string? Context = null,
    LocalizedText? ContextTitle = null,
    IReadOnlyList<LocalizedText>? Agenda = null,
    string? ReviewPackPath = null,
    IReadOnlyList<string>? Decisions = null,
    IReadOnlyList<(string Text, DateOnly DueDate)>? ActionsAssigned = null,
    Guid? MeetingId = null,
    string? Note = null,
    DateOnly? Since = null)
{
    public ReminderKind Group => Kind switch
    {
        ReminderItemKind.ActionItemOverdue or ReminderItemKind.ActionItemDueSoon => ReminderKind.ActionItems,
        ReminderItemKind.MeetingAhead => ReminderKind.Meetings,
        ReminderItemKind.MeetingOutcome => ReminderKind.MeetingOutcomes,
        _ => ReminderKind.Milestones,
    };
}

/// <summary>
/// What one person's reminders are worked out from, read through <see cref="Reads"/>: the workstreams they are an
/// officer of, their committee assignments, the committees those name, the workstreams those committees' agendas
/// name, and the meetings whose outcomes earlier digests already told them.
/// </summary>
public sealed record PersonReads(
    string PersonId,
    IReadOnlyList<Workstream> OfficerOf,
    PersonAssignments? Assignments,
    IReadOnlyDictionary<Guid, Committee> Committees,
    IReadOnlyDictionary<Guid, Workstream> AgendaWorkstreams,
    IReadOnlySet<Guid> OutcomesAlreadyTold);

/// <summary>
/// The reminder rules. Pure: the reads, the day and the thresholds in, the items out, in the order a digest lists
/// them. A person who switched a kind off gets none of its items.
/// </summary>
public static class ReminderRules
{
    public static IReadOnlyList<ReminderItem> For(PersonReads reads, DateOnly day, ReminderOptions options, int staleAfterDays,
        IReadOnlyCollection<ReminderKind>? switchedOff = null)
    {
        IEnumerable<ReminderItem> items =
        [
            .. Milestones(reads.OfficerOf, day, options, staleAfterDays),
            .. ActionItems(reads, day, options),
            .. MeetingsAhead(reads, day, options),
            .. MeetingOutcomes(reads, day, options),
        ];
        return [.. items.Where(i => switchedOff is null || !switchedOff.Contains(i.Group))];
    }

    public static IEnumerable<ReminderItem> Milestones(IEnumerable<Workstream> officerOf, DateOnly day, ReminderOptions options, int staleAfterDays)
    {
        foreach (var w in officerOf.OrderBy(w => w.Code, StringComparer.Ordinal))
        {
            var path = $"/workstreams/{w.Id}";
            foreach (var m in w.Milestones.Where(m => m.IsOpen).OrderBy(m => m.DueDate))
            {
                if (m.IsOverdue(day))
                    yield return new ReminderItem(ReminderItemKind.MilestoneOverdue, m.Title, m.DueDate, path, w.Code, w.Title);
                else if (m.DueDate.DayNumber - day.DayNumber <= options.MilestoneDueWithinDays)
                    yield return new ReminderItem(ReminderItemKind.MilestoneDueSoon, m.Title, m.DueDate, path, w.Code, w.Title);

                if (m is { Status: MilestoneStatus.Blocked, BlockedOn: { } blockedOn } && day.DayNumber - blockedOn.DayNumber > options.BlockedForDays)
                    yield return new ReminderItem(ReminderItemKind.MilestoneBlocked, m.Title, blockedOn, path, w.Code, w.Title, Note: m.BlockedReason);
            }

            // The same figures the dashboard shows: not stale today, stale within the window.
            var staleNow = DashboardFigures.ForWorkstream(w, day, staleAfterDays).Stale;
            var staleSoon = DashboardFigures.ForWorkstream(w, day.AddDays(options.StaleWithinDays), staleAfterDays).Stale;
            if (!staleNow && staleSoon)
            {
                var lastUpdate = DateOnly.FromDateTime(w.LastUpdatedAt.UtcDateTime);
                yield return new ReminderItem(ReminderItemKind.WorkstreamGoingStale, w.Title, lastUpdate.AddDays(staleAfterDays + 1), path, w.Code,
                    Since: lastUpdate);
            }
        }
    }

    public static IEnumerable<ReminderItem> ActionItems(PersonReads reads, DateOnly day, ReminderOptions options)
    {
        if (reads.Assignments is not { } person) yield break;
        foreach (var a in person.ActionItems.Where(a => a.Status == ActionItemStatus.Open).OrderBy(a => a.DueDate))
        {
            var committee = reads.Committees.GetValueOrDefault(a.CommitteeId);
            var path = $"/committees/{a.CommitteeId}";
            var text = new LocalizedText(a.Text);
            if (a.IsOverdue(day))
                yield return new ReminderItem(ReminderItemKind.ActionItemOverdue, text, a.DueDate, path, ContextTitle: committee?.Name);
            else if (a.DueDate.DayNumber - day.DayNumber <= options.ActionItemDueWithinDays)
                yield return new ReminderItem(ReminderItemKind.ActionItemDueSoon, text, a.DueDate, path, ContextTitle: committee?.Name);
        }
    }

    /// <summary>Committees in which the person holds a seat on <paramref name="day"/>.</summary>
    private static IEnumerable<Committee> InOffice(PersonReads reads, DateOnly day) =>
        reads.Committees.Values
            .Where(c => c.InOfficeOn(day).Any(m => m.PersonId == reads.PersonId))
            .OrderBy(c => c.Name.ToString(), StringComparer.Ordinal);

    public static IEnumerable<ReminderItem> MeetingsAhead(PersonReads reads, DateOnly day, ReminderOptions options)
    {
        var ahead = day.AddDays(options.MeetingAheadDays);
        foreach (var c in InOffice(reads, day))
        {
            foreach (var m in c.Meetings.Where(m => !m.Held && m.ScheduledOn == ahead))
            {
                var agenda = m.Agenda.Select(id => reads.AgendaWorkstreams.GetValueOrDefault(id)).OfType<Workstream>().Select(Titled).ToList();
                yield return new ReminderItem(ReminderItemKind.MeetingAhead, c.Name, m.ScheduledOn, $"/committees/{c.Id}/meetings/{m.Id}",
                    Agenda: agenda, ReviewPackPath: $"/agreements/{c.AgreementId}/review-pack", MeetingId: m.Id, Note: m.Location);
            }
        }
    }

    /// <summary>A workstream's code before its title in each language the title is written in.</summary>
    private static LocalizedText Titled(Workstream w)
    {
        string? With(string? title) => string.IsNullOrWhiteSpace(title) ? null : $"{w.Code} {title}";
        return new LocalizedText(With(w.Title.En) ?? w.Code, With(w.Title.Vi), With(w.Title.Lo), With(w.Title.Th));
    }

    public static IEnumerable<ReminderItem> MeetingOutcomes(PersonReads reads, DateOnly day, ReminderOptions options)
    {
        foreach (var c in InOffice(reads, day))
        {
            var held = c.Meetings
                .Where(m => m.HeldOn is { } on && on <= day && day.DayNumber - on.DayNumber <= options.OutcomesWithinDays)
                .Where(m => !reads.OutcomesAlreadyTold.Contains(m.Id))
                .OrderBy(m => m.HeldOn);
            foreach (var m in held)
            {
                var decisions = (m.Decisions ?? []).Select(d => d.Text).ToList();
                var actions = c.ActionItems.Where(a => a.MeetingId == m.Id)
                    .Select(a => (Text: a.PersonName is { Length: > 0 } who ? $"{a.Text} ({who})" : a.Text, a.DueDate)).ToList();
                if (decisions.Count == 0 && actions.Count == 0) continue;
                yield return new ReminderItem(ReminderItemKind.MeetingOutcome, c.Name, m.HeldOn!.Value, $"/committees/{c.Id}/meetings/{m.Id}/minutes",
                    Decisions: decisions, ActionsAssigned: actions, MeetingId: m.Id);
            }
        }
    }
}
