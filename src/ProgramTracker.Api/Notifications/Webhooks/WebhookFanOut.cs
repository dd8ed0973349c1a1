using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using ProgramTracker.Api.Feeds;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>
/// Turns committed events into deliveries: one <see cref="DeliverWebhook"/> per event and matching registration. A
/// Wolverine batch subscription on Marten's daemon: the messages go into Wolverine's outbox in the same transaction
/// that moves the subscription's progress, so an event is handed over at least once, even across kill -9. It runs on
/// one node: the Solo daemon, or in cluster mode the node Wolverine assigns it to.
/// </summary>
public sealed class WebhookFanOut : BatchSubscription
{
    public const string Name = "Webhooks";

    public WebhookFanOut() : base(Name)
    {
        Options.BatchSize = 500;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken cancellationToken)
    {
        if (page.Events.Count == 0) return;
        var registrations = await operations.Query<WebhookRegistration>()
            .Where(r => r.Active && r.RemovedAt == null)
            .ToListAsync(cancellationToken);
        if (registrations.Count == 0) return;

        Dictionary<Guid, Guid> agreementOf;
        await using (var conn = (NpgsqlConnection)operations.Database.CreateConnection())
        {
            await conn.OpenAsync(cancellationToken);
            agreementOf = await EventFeed.AgreementsOfStreamsAsync(conn, [.. page.Events.Select(e => e.StreamId).Distinct()], cancellationToken);
        }

        foreach (var e in page.Events)
        {
            // Tombstones and streams outside any agreement are not in the event feed, so not sent either.
            if (!agreementOf.TryGetValue(e.StreamId, out var agreementId)) continue;
            var type = EventFeed.TypeOf(e);
            foreach (var registration in registrations.Where(r => r.Wants(type, agreementId, e.Timestamp)))
            {
                await bus.PublishAsync(new DeliverWebhook(WebhookDelivery.IdFor(registration.Id, e.Id), registration.Id, e.Id, e.Sequence,
                    agreementId, type, e.Timestamp));
            }
        }
    }
}
