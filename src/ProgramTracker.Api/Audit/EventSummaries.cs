using System.Globalization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Audit;

/// <summary>Each event told in a sentence a project officer can read, and the reason given for it where there is one.</summary>
public static class EventSummaries
{
    /// <param name="names">Titles of the milestones and indicators seen so far, to name what an event is about.</param>
    public static string Describe(object data, IReadOnlyDictionary<Guid, string> names)
    {
        string Name(Guid id) => names.TryGetValue(id, out var n) ? $"'{n}'" : id.ToString();

        return data switch
        {
            AgreementRegistered r => $"Agreement {r.Code} registered as {StatusWords.Of(r.Status)}: {r.Title}.",
            AgreementStatusChanged c => $"Status changed from {StatusWords.Of(c.From)} to {StatusWords.Of(c.To)}" + (c.EffectiveOn is { } d ? $", effective {d}." : "."),
            AgreementAmended a => $"Amended: {a.Summary}" + (a.EffectiveOn is { } d ? $" (effective {d})." : ""),
            AgreementExtended x => $"Validity extended from {x.PreviousEnd?.ToString() ?? "an open end"} to {x.NewEnd}.",
            WorkstreamAdded w => $"Workstream {w.Code} added.",
            WorkstreamOpened o => $"Workstream {o.Code} opened: {o.Title}.",
            ProjectOfficerAssigned a => $"{a.Name} assigned as project officer.",
            ProjectOfficerUnassigned u => $"Project officer {u.PersonId} unassigned.",
            MilestonePlanned p => $"Milestone '{p.Title}' planned, due {Day(p.DueDate)}, weight {Number(p.Weight)}.",
            MilestoneStarted s => $"Milestone {Name(s.MilestoneId)} started on {Day(s.StartedOn)}.",
            MilestoneProgressReported p => $"Milestone {Name(p.MilestoneId)} reported at {p.Percent}% on {Day(p.ReportedOn)}: {p.Narrative}",
            MilestoneCompleted c => $"Milestone {Name(c.MilestoneId)} completed on {Day(c.CompletedOn)}.",
            MilestoneRescheduled r => $"Milestone {Name(r.MilestoneId)} rescheduled from {Day(r.PreviousDueDate)} to {Day(r.NewDueDate)}.",
            MilestoneBlocked b => $"Milestone {Name(b.MilestoneId)} blocked on {Day(b.BlockedOn)}.",
            MilestoneUnblocked u => $"Milestone {Name(u.MilestoneId)} unblocked on {Day(u.UnblockedOn)}.",
            MilestoneCancelled c => $"Milestone {Name(c.MilestoneId)} cancelled on {Day(c.CancelledOn)}.",
            IndicatorDefined d => $"Indicator '{d.Name}' defined: target {Number(d.TargetLow)}"
                                  + (d.TargetHigh is { } high ? $"–{Number(high)}" : "") + $" {d.Unit}, {d.Period.ToString().ToLowerInvariant()}.",
            IndicatorMeasured m => $"Indicator {Name(m.IndicatorId)} measured at {Number(m.Value)} for {m.Period} on {Day(m.MeasuredOn)}.",
            StatusAssessed s => $"Rated {s.Rating.ToString().ToLowerInvariant()} by {s.AssessedBy}"
                                + (s.PartyId is { } party ? $" for {party}" : "") + $" on {Day(s.AssessedOn)}.",
            _ => data.GetType().Name,
        };
    }

    public static string? ReasonOf(object data) => data switch
    {
        AgreementStatusChanged c => c.Reason,
        AgreementAmended a => a.Reason,
        AgreementExtended x => x.Reason,
        ProjectOfficerUnassigned u => u.Reason,
        MilestoneRescheduled r => r.Reason,
        MilestoneBlocked b => b.Reason,
        MilestoneUnblocked u => u.Reason,
        MilestoneCancelled c => c.Reason,
        StatusAssessed s => s.Reason,
        MilestoneCompleted { Note: { } note } => note,
        _ => null,
    };

    /// <summary>Remembers the names an event introduces, for the events after it.</summary>
    public static void Learn(object data, IDictionary<Guid, string> names)
    {
        switch (data)
        {
            case MilestonePlanned p: names[p.MilestoneId] = p.Title.ToString(); break;
            case IndicatorDefined d: names[d.IndicatorId] = d.Name.ToString(); break;
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
