using System.Net;
using System.Net.Http.Json;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>An agreement that requires sign-off by the demo chair, with the demo officer on its workstream.</summary>
public static class SignOffProgramme
{
    public sealed record SignedOff(Guid Agreement, Guid Workstream, Guid Milestone);

    public static async Task<SignedOff> Agreement(BrowserFixture app, string prefix)
    {
        var agreement = await app.Api.RegisteredAgreement(Programme.UniqueCode(prefix), new { en = "Cooperation with signed-off figures", lo = "ການຮ່ວມມື" });
        var workstream = await app.Api.OpenedWorkstream(agreement, "WS1", new { en = "Shared data centre" });
        var milestone = await app.Api.PlannedMilestone(workstream, new { en = "Racks installed" }, Programme.Today.AddDays(30));
        await app.Api.AssignedOfficer(workstream, DemoUsers.Officer.PersonId!, DemoUsers.Officer.Name);
        var response = await app.Api.PutAsJsonAsync($"/api/agreements/{agreement}/sign-off",
            new { required = true, reason = "The committee counts agreed figures only", reviewers = new[] { DemoUsers.Chair.PersonId } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return new SignedOff(agreement, workstream, milestone);
    }

    /// <summary>The agreement with a progress report the officer submitted, waiting for the chair (or an administrator).</summary>
    public static async Task<SignedOff> PendingSubmission(BrowserFixture app, string prefix)
    {
        var signedOff = await Agreement(app, prefix);
        using var officer = app.ApiAs(DemoUsers.Officer);
        var response = await officer.PostAsJsonAsync($"/api/workstreams/{signedOff.Workstream}/milestones/{signedOff.Milestone}/progress",
            new { percent = 40, narrative = "Half the racks" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return signedOff;
    }
}
