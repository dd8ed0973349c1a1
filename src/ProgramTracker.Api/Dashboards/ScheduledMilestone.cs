using JasperFx.Events;
using Marten.Events.Projections;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Dashboards;

/// <summary>
/// One document per milestone, with its due date and whether it is still open in indexed columns, so "past due and
/// not done" is an index lookup rather than a scan of every workstream. It holds only what the lookup needs: the
/// milestone itself is read from the workstream's snapshot. So it changes only when a milestone is planned,
/// rescheduled, completed or cancelled, and the commonest command, a progress report, neither loads nor writes it.
/// It also keeps the milestone's title (set when it is planned, never changed), so that a portfolio page reads the
/// titles of the milestones it names as next due by id, and its stored lines need not carry every open one's.
/// </summary>
public sealed class ScheduledMilestone
{
    public Guid Id { get; set; }
    public Guid WorkstreamId { get; set; }
    public Guid AgreementId { get; set; }
    public DateOnly DueDate { get; set; }
    public bool Open { get; set; }

    /// <summary>Null on documents projected before it was kept.</summary>
    public LocalizedText? Title { get; set; }
}

public sealed partial class ScheduledMilestoneProjection : MultiStreamProjection<ScheduledMilestone, Guid>
{
    public ScheduledMilestoneProjection()
    {
        Identity<MilestonePlanned>(e => e.MilestoneId);
        Identity<MilestoneRescheduled>(e => e.MilestoneId);
        Identity<MilestoneCompleted>(e => e.MilestoneId);
        Identity<MilestoneCancelled>(e => e.MilestoneId);
        // Identity() alone leaves the allow-list empty, and the daemon then loads every event for this projection.
        IncludeType<MilestonePlanned>();
        IncludeType<MilestoneRescheduled>();
        IncludeType<MilestoneCompleted>();
        IncludeType<MilestoneCancelled>();
    }

    public override ScheduledMilestone? Evolve(ScheduledMilestone? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, MilestonePlanned p) => new ScheduledMilestone
        {
            Id = id, WorkstreamId = p.WorkstreamId, AgreementId = p.AgreementId, DueDate = p.DueDate, Open = true, Title = p.Title,
        },
        (null, _) => null,
        (_, MilestoneRescheduled r) => Changed(snapshot, dueDate: r.NewDueDate),
        (_, MilestoneCompleted or MilestoneCancelled) => Changed(snapshot, open: false),
        _ => snapshot,
    };

    private static ScheduledMilestone Changed(ScheduledMilestone s, DateOnly? dueDate = null, bool? open = null) => new()
    {
        Id = s.Id, WorkstreamId = s.WorkstreamId, AgreementId = s.AgreementId, DueDate = dueDate ?? s.DueDate, Open = open ?? s.Open, Title = s.Title,
    };
}
