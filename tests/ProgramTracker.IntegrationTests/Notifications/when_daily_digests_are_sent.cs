using System.Net;
using ProgramTracker.Api.Notifications;
using ProgramTracker.IntegrationTests.Committees;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.Notifications;

public class when_daily_digests_are_sent(AppFixture app) : IntegrationContext(app)
{
    // A day of this test's own, ahead of today, so no other run (the daily job included) has done it.
    private static readonly DateOnly Day = WorkstreamWrites.Today.AddDays(40 + Random.Shared.Next(1, 300));

    [Fact]
    public async Task a_lao_officer_gets_one_digest_in_lao_with_their_milestone_and_nobody_else_gets_one()
    {
        var lao = CommitteeScenarios.NewPersonId("lao");
        var switchedOff = CommitteeScenarios.NewPersonId("quiet");
        var noAddress = CommitteeScenarios.NewPersonId("noaddr");
        var workstream = await Http.OfficerWithMilestone(lao, "Souksavanh Phommachanh", Day, dueInDays: 5);
        await Http.OfficerWithMilestone(switchedOff, "Nguyễn Thị Lan", Day, dueInDays: 5);
        await Http.OfficerWithMilestone(noAddress, "Somchai Jaidee", Day, dueInDays: -2);
        await App.Store.Profile(lao, "souksavanh@example.la", "lo");
        await App.Store.Profile(switchedOff, "lan@example.vn", "vi", ReminderKind.Milestones);
        await App.Store.Profile(noAddress, null, "th");

        var (result, published) = await App.Services.RunDay(Http, Day);

        result.Sent.ShouldContain(lao);
        result.Sent.ShouldNotContain(switchedOff);
        result.Sent.ShouldNotContain(noAddress);
        var mail = published.Where(m => m.PersonId == lao).ShouldHaveSingleItem();
        mail.Id.ShouldBe($"digest:{lao}:{Day:yyyy-MM-dd}");
        mail.To.ShouldBe("souksavanh@example.la");
        mail.Language.ShouldBe("lo");
        mail.Subject.ShouldStartWith("ProgramTracker: ການແຈ້ງເຕືອນຂອງທ່ານສຳລັບວັນທີ ");
        mail.TextBody.ShouldContain("ຮຽນ Souksavanh Phommachanh,");
        mail.TextBody.ShouldContain("ຈຸດໝາຍ ແລະ ວຽກງານຂອງທ່ານ");
        mail.TextBody.ShouldContain("Delegation of 20 officials received");
        mail.TextBody.ShouldContain("ຄົບກຳນົດໃນວັນທີ");
        mail.TextBody.ShouldContain($"http://localhost:5080/workstreams/{workstream}");
        mail.HtmlBody!.ShouldContain("<html lang=\"lo\">");
        mail.Kinds.ShouldBe([ReminderKind.Milestones]);
        published.ShouldNotContain(m => m.PersonId == switchedOff || m.PersonId == noAddress);

        var sent = (await App.Store.DigestSent(lao, Day)).ShouldNotBeNull();
        sent.Subject.ShouldBe(mail.Subject);
        sent.Items.ShouldBe(new Dictionary<string, int> { ["MilestoneDueSoon"] = 1 });
        (await App.Store.DigestSent(switchedOff, Day)).ShouldBeNull();
        (await App.Store.DigestSent(noAddress, Day)).ShouldBeNull();

        // The same day again: nobody is sent a second digest.
        var (again, republished) = await App.Services.RunDay(Http, Day);
        again.Sent.ShouldNotContain(lao);
        republished.ShouldNotContain(m => m.PersonId == lao);
    }

    [Fact]
    public async Task a_day_that_is_not_a_date_is_refused()
    {
        using var response = await Http.PostAsync("/api/admin/reminders/run?day=tomorrow", null);
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "day");
    }

    [Fact]
    public async Task only_an_administrator_may_run_the_digests()
    {
        using var officer = App.CreateClient(ProgramTracker.Api.Security.DemoUsers.Officer);
        using var response = await officer.PostAsync($"/api/admin/reminders/run?day={Day:yyyy-MM-dd}", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
