using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Feeds;
using ProgramTracker.Api.Notifications.Webhooks;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Admin;

/// <summary>Webhooks for administrators: the same reads and writes as <c>/api/admin/webhooks</c>.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class WebhooksModel(IQuerySession session) : PageModel
{
    public const int ShownDeliveries = 50;

    public IReadOnlyList<WebhookRegistration> Registrations { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> DeadLetters { get; private set; } = [];
    public IReadOnlyList<string> EventTypes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Code, LocalizedText Title)> Agreements { get; private set; } = [];

    /// <summary>
    /// Generated with the page, so the administrator copies it before registering: the form then sends it, and no
    /// secret ever travels back in a URL or is shown a second time.
    /// </summary>
    public string NewSecret { get; } = WebhookRegistration.NewSecret();

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Registrations = await WebhookReads.RegistrationsAsync(session, ct);
        Deliveries = await WebhookReads.DeliveriesAsync(session, null, null, ShownDeliveries, ct);
        DeadLetters = await WebhookReads.DeliveriesAsync(session, DeliveryStatus.DeadLettered, null, WebhookReads.MaxLimit, ct);
        EventTypes = EventFeed.KnownTypes(session.DocumentStore);
        var agreements = await session.Query<Agreement>().OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        Agreements = [.. agreements.Select(a => (a.Id, a.Code, a.Title))];
    }

    public string UrlOf(Guid registrationId) => Registrations.FirstOrDefault(r => r.Id == registrationId)?.Url ?? registrationId.ToString();
}
