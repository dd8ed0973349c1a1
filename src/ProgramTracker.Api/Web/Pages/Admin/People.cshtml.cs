using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Notifications.People;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Admin;

/// <summary>Who gets what: everyone ProgramTracker knows an address or preference for, and their last messages.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class PeopleModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<PersonNotificationsView> People { get; private set; } = [];

    public async Task OnGetAsync() => People = await PeopleNotificationsEndpoint.ReadAsync(session, HttpContext.RequestAborted);
}
