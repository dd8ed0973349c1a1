using System.Security.Claims;

namespace ProgramTracker.Api.Security;

/// <summary>The roles an identity provider grants, carried in the <c>roles</c> claim.</summary>
public static class Roles
{
    /// <summary>Manages agreements, workstreams, committees and who holds which seat; may do everything.</summary>
    public const string Administrator = "admin";

    /// <summary>Records milestones, indicators and assessments on the workstreams they are assigned to.</summary>
    public const string ProjectOfficer = "officer";

    /// <summary>Holds meetings, reviews, decisions and action items on the committees they sit on.</summary>
    public const string CommitteeMember = "committee-member";

    /// <summary>Reads the agreements granted to them (the <c>agreements</c> claim).</summary>
    public const string Viewer = "viewer";

    public static readonly string[] All = [Administrator, ProjectOfficer, CommitteeMember, Viewer];
}

/// <summary>The claim names ProgramTracker reads, the same for its own development tokens and for an OIDC provider.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Roles = "roles";

    /// <summary>Links the signed-in user to the person id used in officer assignments and committee seats.</summary>
    public const string PersonId = "person_id";

    /// <summary>Agreement ids the user may read besides those their assignments give them (one claim per id).</summary>
    public const string Agreements = "agreements";

    public static string? PersonIdOf(ClaimsPrincipal user) => user.FindFirstValue(PersonId);
}
