using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Notifications.Mail;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Admin;

/// <summary>What ProgramTracker sent, or with no SMTP server, would have sent: the pickup folder's messages, one opened.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class OutboxModel(MailSettings settings, IQuerySession session) : PageModel
{
    public OutboxView Outbox { get; private set; } = new(false, null, []);
    public OutboxMessage? Opened { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        Outbox = await OutboxEndpoints.ReadAsync(settings, session, HttpContext.RequestAborted);
        if (id is null) return Page();
        Opened = await OutboxEndpoints.ReadOneAsync(settings, id, HttpContext.RequestAborted);
        return Opened is null ? this.NotFoundPage() : Page();
    }
}
