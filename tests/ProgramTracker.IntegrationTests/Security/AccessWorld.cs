using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.Security;

/// <summary>
/// Two agreements registered for the access tests: "own", where the officer, the committee member and the viewer
/// have their places, and "other", where they have none. Each has a workstream with an overdue milestone and a
/// committee. Built once, through the API as an administrator would.
/// </summary>
public sealed record AccessWorld(Place Own, Place Other, string OfficerPersonId, string MemberPersonId)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AccessWorld? _built;

    public static async Task<AccessWorld> Of(AppFixture app)
    {
        await Gate.WaitAsync();
        try
        {
            return _built ??= await BuildAsync(app);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<AccessWorld> BuildAsync(AppFixture app)
    {
        using var admin = app.CreateClient();
        var own = await Place.Registered(admin);
        var other = await Place.Registered(admin);
        var officer = CommitteeScenarios.NewPersonId("officer");
        var member = CommitteeScenarios.NewPersonId("member");
        (await admin.PostAsJsonAsync($"/api/workstreams/{own.WorkstreamId}/officers", new { personId = officer, name = "Officer of own" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await admin.Appointed(own.CommitteeId, member, name: "Member of own");
        await app.WaitForProjectionsAsync();
        return new AccessWorld(own, other, officer, member);
    }

    public IEnumerable<Claim> ClaimsOf(string who) => who switch
    {
        "admin" => DemoUsers.Administrator.Claims(),
        "officer" => Claims("officer", Roles.ProjectOfficer, OfficerPersonId),
        "member" => Claims("member", Roles.CommitteeMember, MemberPersonId),
        "viewer" => [.. Claims("viewer", Roles.Viewer, null), new Claim(ClaimNames.Agreements, Own.AgreementId.ToString())],
        "no-role" => [new Claim(ClaimNames.Subject, "someone-without-a-role"), new Claim(ClaimNames.Name, "Someone without a role")],
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private static List<Claim> Claims(string who, string role, string? personId)
    {
        List<Claim> claims = [new(ClaimNames.Subject, $"{who}-subject"), new(ClaimNames.Name, $"Test {who}"), new(ClaimNames.Roles, role)];
        if (personId is not null) claims.Add(new Claim(ClaimNames.PersonId, personId));
        return claims;
    }

    public HttpClient ClientOf(AppFixture app, string who) => who == "anonymous" ? app.CreateAnonymousClient() : app.CreateClient(ClaimsOf(who));
}

public sealed record Place(Guid AgreementId, string AgreementCode, Guid WorkstreamId, Guid MilestoneId, Guid CommitteeId)
{
    public static async Task<Place> Registered(HttpClient admin)
    {
        var code = $"ACCESS-{Guid.NewGuid():N}"[..16];
        var agreement = await admin.RegisteredAgreement(TestAgreements.AgreementBody(code));
        var workstream = await admin.OpenedWorkstream(agreement);
        var milestone = await admin.PlannedMilestone(workstream, due: "2024-01-31");
        var committee = await admin.EstablishedCommittee(agreement);
        return new Place(agreement, code, workstream, milestone, committee);
    }
}
