using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Notifications.People;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Me;

/// <summary>A person's own notification settings: the address shown, the language of messages, the reminders switched off.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NotificationsModel(IQuerySession session) : PageModel
{
    public NotificationPreferences? Preferences { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await MyNotificationsEndpoints.ProfileOf(session, User, HttpContext.RequestAborted) is not { } profile) return Forbid();
        Preferences = NotificationPreferences.Of(profile);
        return Page();
    }
}
