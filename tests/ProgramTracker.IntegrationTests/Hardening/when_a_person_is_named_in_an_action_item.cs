using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// Decided and documented: a person a committee names in an open action item may read that agreement, so that
/// they can see what they were asked to do and why, and nothing more: no recording, no acting for the committee.
/// The access ends when the item is completed or dropped.
/// </summary>
public sealed class when_a_person_is_named_in_an_action_item(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task they_read_the_agreement_while_the_item_is_open_and_only_read_it()
    {
        var agreement = await Http.RegisteredAgreement();
        var workstream = await Http.OpenedWorkstream(agreement);
        var committee = await Http.EstablishedCommittee(agreement);
        var person = CommitteeScenarios.NewPersonId("named");
        using var named = App.CreateClient([
            new Claim(ClaimNames.Subject, $"subject-{person}"), new Claim(ClaimNames.Name, "Named person"),
            new Claim(ClaimNames.Roles, Roles.Viewer), new Claim(ClaimNames.PersonId, person)]);
        (await named.GetAsync($"/api/agreements/{agreement}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var item = (await (await Post($"/api/committees/{committee}/action-items", new
        {
            text = "Send the delegation list", personId = person, personName = "Named person", workstreamId = workstream, dueDate = "2099-04-30",
        })).ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await App.WaitForProjectionsAsync();

        (await named.GetAsync($"/api/agreements/{agreement}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await named.GetAsync($"/api/committees/{committee}/action-items/{item}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await named.PostAsJsonAsync($"/api/workstreams/{workstream}/assessments", new { rating = "red", reason = "x" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await named.PostAsJsonAsync($"/api/committees/{committee}/action-items/{item}/complete", new { note = "Done" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        (await Post($"/api/committees/{committee}/action-items/{item}/complete", new { note = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.WaitForProjectionsAsync();

        (await named.GetAsync($"/api/agreements/{agreement}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
