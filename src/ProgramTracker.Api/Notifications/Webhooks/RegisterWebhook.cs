using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>
/// An endpoint to send events to. Empty <paramref name="EventTypes"/> or <paramref name="Agreements"/> mean every
/// one; without a <paramref name="Secret"/> one is generated, and either way it is shown in this answer only.
/// </summary>
public sealed record RegisterWebhook(
    string Url,
    IReadOnlyList<string>? EventTypes = null,
    IReadOnlyList<Guid>? Agreements = null,
    string? Secret = null,
    bool Active = true,
    string? Description = null);

public static class RegisterWebhookEndpoint
{
    [Authorize(Policy = Policies.Administrator)]
    [ProducesResponseType<WebhookView>(StatusCodes.Status201Created)]
    [EndpointName("registerWebhook")]
    [WolverinePost("/api/admin/webhooks")]
    public static async Task<IResult> Post(RegisterWebhook command, IDocumentSession session, HttpContext http, TimeProvider clock,
        IOptions<WebhookOptions> options)
    {
        var problem = await WebhookRules.CheckAsync(command.Url, command.EventTypes, command.Agreements, command.Secret, command.Description,
            session, options, http.RequestAborted);
        if (problem.Status is not null) return Results.Problem(problem);

        var now = clock.GetUtcNow();
        var by = Actor.From(http.User).Id;
        var secret = command.Secret ?? WebhookRegistration.NewSecret();
        var registration = new WebhookRegistration(Guid.NewGuid(), command.Url.Trim(), secret, WebhookRules.Types(command.EventTypes),
            WebhookRules.Ids(command.Agreements), command.Active, command.Description, now, by,
            [new WebhookChange(now, by, "registered", command.Url.Trim())]);
        session.Store(registration);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Created($"/api/admin/webhooks/{registration.Id}", WebhookView.Of(registration, secret));
    }
}
