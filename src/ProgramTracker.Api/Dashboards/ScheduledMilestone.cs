using JasperFx.Events;
using Marten.Events.Projections;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Dashboards;

/// <summary>
/// One document per milestone, with its due date and whether it is still open copied into indexed columns, so
/// "past due and not done" is an index lookup rather than a scan of every workstream.
/// </summary>
public sealed class ScheduledMilestone
{
    public Guid Id { get; set; }
    public Guid WorkstreamId { get; set; }
    public Guid AgreementId { get; set; }
    public DateOnly DueDate { get; set; }
    public bool Open { get; set; }
    public Milestone Milestone { get; set; } = null!;
}

public sealed partial class ScheduledMilestoneProjection : MultiStreamProjection<ScheduledMilestone, Guid>
{
    public ScheduledMilestoneProjection()
    {
        Identity<IMilestoneEvent>(e => e.MilestoneId);
    }

    public override ScheduledMilestone? Evolve(ScheduledMilestone? snapshot, Guid id, IEvent e)
    {
        var milestone = (snapshot?.Milestone, e.Data) switch
        {
            (_, MilestonePlanned p) => Milestone.Plan(p),
            ({ } existing, IMilestoneEvent m) => existing.Apply(m),
            _ => null,
        };
        if (milestone is null || e.Data is not IMilestoneEvent data) return snapshot;

        return new ScheduledMilestone
        {
            Id = id, WorkstreamId = data.WorkstreamId, AgreementId = data.AgreementId,
            DueDate = milestone.DueDate, Open = milestone.IsOpen, Milestone = milestone,
        };
    }
}
