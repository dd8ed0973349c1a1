using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>The registration's whole new setting; a <paramref name="Secret"/> replaces the old one, none keeps it.</summary>
public sealed record ChangeWebhook(
    string Url,
    IReadOnlyList<string>? EventTypes = null,
    IReadOnlyList<Guid>? Agreements = null,
    bool Active = true,
    string? Description = null,
    string? Secret = null);

public static class ChangeWebhookEndpoint
{
    [Authorize(Policy = Policies.Administrator)]
    [Returns<WebhookView>]
    [EndpointName("changeWebhook")]
    [WolverinePut("/api/admin/webhooks/{id}")]
    public static async Task<IResult> Put(Guid id, ChangeWebhook command, IDocumentSession session, HttpContext http, TimeProvider clock,
        IOptions<WebhookOptions> options)
    {
        var registration = await session.LoadAsync<WebhookRegistration>(id, http.RequestAborted);
        if (registration is not { RemovedAt: null }) return Problems.NotFound("webhook", id);

        var problem = await WebhookRules.CheckAsync(command.Url, command.EventTypes, command.Agreements, command.Secret, command.Description,
            session, options, http.RequestAborted);
        if (problem.Status is not null) return Results.Problem(problem);

        var now = clock.GetUtcNow();
        var by = Actor.From(http.User).Id;
        var changed = registration with
        {
            Url = command.Url.Trim(),
            EventTypes = WebhookRules.Types(command.EventTypes),
            Agreements = WebhookRules.Ids(command.Agreements),
            Active = command.Active,
            Description = command.Description,
            Secret = command.Secret ?? registration.Secret,
        };
        changed = changed with { History = [.. registration.History, new WebhookChange(now, by, Action(registration, changed), Summary(changed))] };
        session.Store(changed);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Ok(WebhookView.Of(changed, command.Secret));
    }

    private static string Action(WebhookRegistration before, WebhookRegistration after) =>
        before.Secret != after.Secret ? "secret-rotated"
        : before.Active && !after.Active ? "paused"
        : !before.Active && after.Active ? "resumed"
        : "changed";

    private static string Summary(WebhookRegistration r) =>
        $"{r.Url}; types: {(r.EventTypes.Count == 0 ? "all" : string.Join(", ", r.EventTypes))}; "
        + $"agreements: {(r.Agreements.Count == 0 ? "all" : string.Join(", ", r.Agreements))}; {(r.Active ? "active" : "paused")}";
}

public static class RemoveWebhookEndpoint
{
    /// <summary>Stops deliveries; the registration is kept without its secret, so its history and deliveries stay readable.</summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<WebhookView>]
    [EndpointName("removeWebhook")]
    [WolverineDelete("/api/admin/webhooks/{id}")]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var registration = await session.LoadAsync<WebhookRegistration>(id, http.RequestAborted);
        if (registration is null) return Problems.NotFound("webhook", id);
        if (registration.RemovedAt is null)
        {
            var now = clock.GetUtcNow();
            var by = Actor.From(http.User).Id;
            registration = registration with
            {
                Active = false,
                Secret = "",
                RemovedAt = now,
                RemovedBy = by,
                History = [.. registration.History, new WebhookChange(now, by, "removed", registration.Url)],
            };
            session.Store(registration);
            await session.SaveChangesAsync(http.RequestAborted);
        }
        return Results.Ok(WebhookView.Of(registration));
    }
}

public static class ListWebhooksEndpoints
{
    [Authorize(Policy = Policies.Administrator)]
    [Returns<IReadOnlyList<WebhookView>>]
    [EndpointName("listWebhooks")]
    [WolverineGet("/api/admin/webhooks")]
    public static async Task<IReadOnlyList<WebhookView>> Get(IQuerySession session, HttpContext http) =>
        [.. (await WebhookReads.RegistrationsAsync(session, http.RequestAborted)).Select(r => WebhookView.Of(r))];

    [Authorize(Policy = Policies.Administrator)]
    [Returns<WebhookView>]
    [EndpointName("getWebhook")]
    [WolverineGet("/api/admin/webhooks/{id}")]
    public static async Task<IResult> GetOne(Guid id, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<WebhookRegistration>(id, http.RequestAborted) is { } r
            ? Results.Ok(WebhookView.Of(r))
            : Problems.NotFound("webhook", id);

    /// <summary>The CloudEvents <c>type</c>s a registration may ask for: those the event feed publishes.</summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<IReadOnlyList<string>>]
    [EndpointName("listWebhookEventTypes")]
    [WolverineGet("/api/admin/webhooks/event-types")]
    public static IReadOnlyList<string> EventTypes(IDocumentStore store) => Feeds.EventFeed.KnownTypes(store);
}
