using System.Security.Claims;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.Api.Security;

/// <summary>A user of the development sign-in. Never accepted when the environment is Production.</summary>
public sealed record DemoUser(string Key, string Subject, string Name, string Role, string Description, string? PersonId = null,
    IReadOnlyList<Guid>? Agreements = null)
{
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim(ClaimNames.Subject, Subject);
        yield return new Claim(ClaimNames.Name, Name);
        yield return new Claim(ClaimNames.Roles, Role);
        yield return new Claim("email", Email);
        if (PersonId is not null) yield return new Claim(ClaimNames.PersonId, PersonId);
        foreach (var agreement in Agreements ?? []) yield return new Claim(ClaimNames.Agreements, agreement.ToString());
    }

    /// <summary>Demo users' mail goes to the reserved example.org domain: never to a real mailbox.</summary>
    public string Email => $"{Key}@programtracker.example.org";

    public ClaimsPrincipal Principal(string authenticationType) =>
        new(new ClaimsIdentity(Claims(), authenticationType, ClaimNames.Name, ClaimNames.Roles));
}

/// <summary>
/// The demo users of the quick start, one per role. The officer and the chair are people in the sample data: the
/// demo sample data assigns the officer to the Party Office workstreams and seats the chair on its committee, so
/// what they may do follows from the same events as for any real user.
/// </summary>
public static class DemoUsers
{
    public static readonly DemoUser Administrator = new("admin", "demo-admin", "Demo administrator", Roles.Administrator,
        "Manages agreements, workstreams, committees and people.");

    public static readonly DemoUser Officer = new("officer", "demo-officer-pco", "Demo officer (Party Office)", Roles.ProjectOfficer,
        "Project officer of the four Party Office workstreams.", PersonId: "demo-officer-pco");

    public static readonly DemoUser Chair = new("chair", "demo-chair-pco", "Demo chair (Party Office committee)", Roles.CommitteeMember,
        "Chairs the Party Office MoU's joint responsible committee.", PersonId: "demo-chair-pco");

    public static readonly DemoUser Viewer = new("viewer", "demo-viewer", "Demo viewer", Roles.Viewer,
        "Reads the Party Office MoU and the 2023 Home Affairs MoU.",
        Agreements: [SampleIds.PartyOfficeMou, SampleIds.HomeAffairsMou2023]);

    public static readonly IReadOnlyList<DemoUser> All = [Administrator, Officer, Chair, Viewer];

    public static DemoUser? Find(string? key) => All.FirstOrDefault(u => string.Equals(u.Key, key, StringComparison.OrdinalIgnoreCase));
}
