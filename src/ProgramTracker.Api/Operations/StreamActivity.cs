using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ProgramTracker.Api.Operations;

/// <summary>
/// How much has happened on each stream and when it last changed: the operators' view of the event store, and
/// the canary that shows an async projection applied every event exactly once (Events equals the stream's
/// version, LastSequence its newest event).
/// </summary>
public sealed record StreamActivity(Guid Id, long Events, long LastSequence, DateTimeOffset FirstEventAt, DateTimeOffset LastEventAt, string LastEventType);

public sealed partial class StreamActivityProjection : SingleStreamProjection<StreamActivity, Guid>
{
    public const string ProjectionName = "StreamActivity";

    public StreamActivityProjection() => Name = ProjectionName;

    public override StreamActivity? Evolve(StreamActivity? snapshot, Guid id, IEvent e) =>
        snapshot is null
            ? new StreamActivity(id, 1, e.Sequence, e.Timestamp, e.Timestamp, e.EventTypeName)
            : snapshot with { Events = snapshot.Events + 1, LastSequence = e.Sequence, LastEventAt = e.Timestamp, LastEventType = e.EventTypeName };
}
