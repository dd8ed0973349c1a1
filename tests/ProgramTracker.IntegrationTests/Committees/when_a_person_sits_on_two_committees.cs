using System.Net;

namespace ProgramTracker.IntegrationTests.Committees;

public class when_a_person_sits_on_two_committees(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task their_assignments_list_both_committees_their_focal_workstreams_and_open_actions()
    {
        var homeAffairs = await Http.RegisteredAgreement();
        var training = await Http.OpenedWorkstream(homeAffairs);
        var archives = await Http.RegisteredAgreement();
        var first = await Http.EstablishedCommittee(homeAffairs);
        var second = await Http.EstablishedCommittee(archives, establishedOn: "2024-01-15");
        var anna = CommitteeScenarios.NewPersonId("anna");

        await Http.Appointed(first, anna, "chair", name: "Nguyễn Thị Anna");
        await Http.Appointed(first, anna, "focalPoint", workstreamId: training, name: "Nguyễn Thị Anna");
        await Http.Appointed(second, anna, "member", effectiveOn: "2024-02-01", name: "Nguyễn Thị Anna");
        (await Post($"/api/committees/{first}/action-items", new { text = "Send the delegation list", personId = anna, dueDate = "2024-04-30", assignedOn = "2024-03-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Post($"/api/committees/{second}/members/{anna}/relieve", new { effectiveOn = "2024-09-01", reason = "Term ended" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var assignments = await Http.GetJson($"/api/people/{anna}/assignments");
        assignments["name"]!.GetValue<string>().ShouldBe("Nguyễn Thị Anna");
        var committees = assignments["committees"]!.AsArray();
        committees.Select(c => c!["committeeId"]!.GetValue<Guid>()).ShouldBe([first, second], ignoreOrder: true);
        committees.Single(c => c!["committeeId"]!.GetValue<Guid>() == first)!["seats"]!.AsArray()
            .Select(s => s!["role"]!.GetValue<string>()).ShouldBe(["chair", "focalPoint"], ignoreOrder: true);
        committees.Single(c => c!["committeeId"]!.GetValue<Guid>() == second)!["seats"]!.AsArray().ShouldHaveSingleItem()!["current"]!.GetValue<bool>().ShouldBeFalse();
        committees.Single(c => c!["committeeId"]!.GetValue<Guid>() == first)!["committeeName"]!["en"]!.GetValue<string>().ShouldBe("Joint steering committee");
        assignments["focalPointFor"]!.AsArray().ShouldHaveSingleItem()!.GetValue<Guid>().ShouldBe(training);
        assignments["openActionItems"]!.AsArray().ShouldHaveSingleItem()!["overdue"]!.GetValue<bool>().ShouldBeTrue();
        assignments["overdueActionItems"]!.GetValue<int>().ShouldBe(1);

        var inMarch = await Http.GetJson($"/api/people/{anna}/assignments?asOf=2024-03-15");
        inMarch["committees"]!.AsArray().Single(c => c!["committeeId"]!.GetValue<Guid>() == second)!["seats"]!.AsArray()
            .ShouldHaveSingleItem()!["current"]!.GetValue<bool>().ShouldBeTrue();
        inMarch["openActionItems"]!.AsArray().ShouldHaveSingleItem()!["overdue"]!.GetValue<bool>().ShouldBeFalse();

        var inJanuary = await Http.GetJson($"/api/people/{anna}/assignments?asOf=2024-01-20");
        inJanuary["committees"]!.AsArray().ShouldHaveSingleItem()!["committeeId"]!.GetValue<Guid>().ShouldBe(first);
        inJanuary["openActionItems"]!.AsArray().ShouldBeEmpty();

        var people = await Http.GetJson($"/api/people?q={anna}");
        var listed = people["items"]!.AsArray().ShouldHaveSingleItem()!;
        listed["personId"]!.GetValue<string>().ShouldBe(anna);
        listed["committees"]!.GetValue<int>().ShouldBe(1);
        listed["overdueActionItems"]!.GetValue<int>().ShouldBe(1);
        people["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_person_is_not_found_and_a_bad_date_is_a_400()
    {
        await (await Http.GetAsync($"/api/people/{CommitteeScenarios.NewPersonId("nobody")}/assignments")).ShouldBeProblem(HttpStatusCode.NotFound, "personId");

        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var anna = CommitteeScenarios.NewPersonId("anna");
        await Http.Appointed(committeeId, anna);
        await (await Http.GetAsync($"/api/people/{anna}/assignments?asOf=2024-13-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "asOf");
    }
}
