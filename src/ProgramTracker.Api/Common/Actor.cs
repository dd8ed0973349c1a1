using System.Security.Claims;

namespace ProgramTracker.Api.Common;

/// <summary>Who issued a command: always the authenticated user, never a value from the request body.</summary>
public sealed record Actor(string Id, string Name)
{
    public static readonly Actor Anonymous = new("anonymous", "anonymous");
    public static readonly Actor System = new("system", "ProgramTracker");

    public static Actor From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity) return Anonymous;
        var id = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? identity.Name ?? "unknown";
        return new Actor(id, identity.Name ?? id);
    }
}
