using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine;
using Wolverine.Http;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>What the page and the API both read: registrations, the newest deliveries, the dead letters.</summary>
public static class WebhookReads
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static async Task<IReadOnlyList<WebhookRegistration>> RegistrationsAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<WebhookRegistration>().Where(r => r.RemovedAt == null).OrderBy(r => r.CreatedAt).ToListAsync(ct);

    public static async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(IQuerySession session, DeliveryStatus? status, Guid? registrationId,
        int limit, CancellationToken ct)
    {
        var query = session.Query<WebhookDelivery>().AsQueryable();
        if (status is { } s) query = query.Where(d => d.Status == s);
        if (registrationId is { } r) query = query.Where(d => d.RegistrationId == r);
        return await query.OrderByDescending(d => d.UpdatedAt).Take(limit).ToListAsync(ct);
    }
}

public static class WebhookDeliveriesEndpoints
{
    /// <summary>The newest deliveries first, each with the log of its attempts; <c>status</c> and <c>registrationId</c> narrow it.</summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<IReadOnlyList<WebhookDelivery>>]
    [EndpointName("listWebhookDeliveries")]
    [WolverineGet("/api/admin/webhooks/deliveries")]
    public static async Task<IResult> Get(string? status, string? registrationId, string? limit, IQuerySession session, HttpContext http)
    {
        DeliveryStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
                return QueryValues.Invalid("status", "status",
                    $"'status' must be one of {string.Join(", ", Enum.GetNames<DeliveryStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
            wanted = parsed;
        }
        if (!QueryValues.TryGuid("registrationId", registrationId, out var registration, out var problem)) return problem!;
        if (!QueryValues.TryInt("limit", limit, 1, WebhookReads.MaxLimit, out var size, out problem)) return problem!;
        return Results.Ok(await WebhookReads.DeliveriesAsync(session, wanted, registration, size ?? WebhookReads.DefaultLimit, http.RequestAborted));
    }

    /// <summary>Deliveries whose every attempt failed, newest first.</summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<IReadOnlyList<WebhookDelivery>>]
    [EndpointName("listWebhookDeadLetters")]
    [WolverineGet("/api/admin/webhooks/dead-letters")]
    public static async Task<IReadOnlyList<WebhookDelivery>> DeadLetters(IQuerySession session, HttpContext http) =>
        await WebhookReads.DeliveriesAsync(session, DeliveryStatus.DeadLettered, null, WebhookReads.MaxLimit, http.RequestAborted);

    /// <summary>
    /// Hands a dead-lettered delivery back to the queue for a new round of attempts, with the same <c>webhook-id</c>.
    /// The message goes through Wolverine's outbox in the same transaction as the delivery's new status.
    /// </summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<WebhookDelivery>]
    [EndpointName("retryWebhookDelivery")]
    [WolverinePost("/api/admin/webhooks/deliveries/{id}/retry")]
    public static async Task<IResult> Retry(Guid id, IDocumentSession session, IMessageBus bus, HttpContext http, TimeProvider clock)
    {
        var delivery = await session.LoadAsync<WebhookDelivery>(id, http.RequestAborted);
        if (delivery is null) return Problems.NotFound("webhook delivery", id);
        if (delivery.Status != DeliveryStatus.DeadLettered)
            return Problems.From(Refusal.Conflict("id", "not-dead-lettered",
                $"Only a dead-lettered delivery can be retried; this one is {delivery.Status.ToString().ToLowerInvariant()}."));
        var registration = await session.LoadAsync<WebhookRegistration>(delivery.RegistrationId, http.RequestAborted);
        if (registration is not { RemovedAt: null })
            return Problems.From(Refusal.Conflict("id", "webhook-removed", "The webhook this delivery was for has been removed."));

        delivery = delivery with { Status = DeliveryStatus.Pending, UpdatedAt = clock.GetUtcNow() };
        session.Store(delivery);
        await bus.PublishAsync(DeliverWebhook.Again(delivery));
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Ok(delivery);
    }
}
