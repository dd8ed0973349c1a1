using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Agreements;

/// <summary>Registers an agreement through the API's POST /api/agreements; administrators only, as the API.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class RegisterModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<(Guid Id, string Code, LocalizedText Title)> Predecessors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var agreements = await session.Query<Agreement>().OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(HttpContext.RequestAborted);
        Predecessors = [.. agreements.Select(a => (a.Id, a.Code, a.Title))];
    }
}
