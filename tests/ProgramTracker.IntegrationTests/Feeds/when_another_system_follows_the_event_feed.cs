using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.Feeds;

public class when_another_system_follows_the_event_feed(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task each_event_is_a_cloudevent_with_its_sequence_user_and_correlation_id()
    {
        var start = await FeedFollower.NewestSequenceAsync(App.ConnectionString);
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var milestoneId = await Http.PlannedMilestone(workstreamId);
        var stored = await FeedFollower.StoredSequencesAsync(App.ConnectionString, [agreementId, workstreamId]);

        var follower = new FeedFollower(start, agreementId: agreementId);
        await follower.FollowUntilAsync(Http, stored[^1]);

        follower.Sequences.ShouldBe(stored);
        follower.Seen.Select(e => e["type"]!.GetValue<string>())
            .ShouldBe(["programtracker.agreement_registered", "programtracker.workstream_opened", "programtracker.workstream_added", "programtracker.milestone_planned"],
                ignoreOrder: true);
        foreach (var e in follower.Seen)
        {
            e["specversion"]!.GetValue<string>().ShouldBe("1.0");
            Guid.TryParse(e["id"]!.GetValue<string>(), out _).ShouldBeTrue();
            e["source"]!.GetValue<string>().ShouldBe($"/api/agreements/{agreementId}");
            e["agreementid"]!.GetValue<string>().ShouldBe(agreementId.ToString());
            e["datacontenttype"]!.GetValue<string>().ShouldBe("application/json");
            DateTimeOffset.Parse(e["time"]!.GetValue<string>()).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
            e["user"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            e["correlationid"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        }
        var planned = follower.Seen.Single(e => e["type"]!.GetValue<string>() == "programtracker.milestone_planned");
        planned["subject"]!.GetValue<string>().ShouldBe(workstreamId.ToString());
        planned["data"]!["milestoneId"]!.GetValue<Guid>().ShouldBe(milestoneId);
        planned["data"]!["dueDate"]!.GetValue<string>().ShouldBe("2025-06-30");
        var registered = follower.Seen.Single(e => e["type"]!.GetValue<string>() == "programtracker.agreement_registered");
        registered["subject"]!.GetValue<string>().ShouldBe(agreementId.ToString());
        registered["data"]!["title"]!["lo"]!.GetValue<string>().ShouldBe("ການຮ່ວມມືດ້ານພາຍໃນ");
        registered["data"]!["status"]!.GetValue<string>().ShouldBe("signed", "enums read as the API writes them");
    }

    [Fact]
    public async Task a_viewer_sees_only_the_events_of_the_agreements_they_may_read()
    {
        var start = await FeedFollower.NewestSequenceAsync(App.ConnectionString);
        var granted = await Http.RegisteredAgreement();
        var grantedWorkstream = await Http.OpenedWorkstream(granted);
        var grantedCommittee = await Http.EstablishedCommittee(granted);
        var other = await Http.RegisteredAgreement();
        var otherWorkstream = await Http.OpenedWorkstream(other);
        await Http.PlannedMilestone(otherWorkstream);
        var newest = await FeedFollower.NewestSequenceAsync(App.ConnectionString);

        using var viewer = App.CreateClient(
        [
            new Claim(ClaimNames.Subject, "feed-viewer"), new Claim(ClaimNames.Name, "Feed viewer"),
            new Claim(ClaimNames.Roles, Roles.Viewer), new Claim(ClaimNames.Agreements, granted.ToString()),
        ]);
        var asViewer = new FeedFollower(start, limit: 3);
        await asViewer.FollowUntilAsync(viewer, newest);
        var asAdmin = new FeedFollower(start, limit: 3);
        await asAdmin.FollowUntilAsync(Http, newest);

        var grantedStreams = new[] { granted, grantedWorkstream, grantedCommittee };
        asViewer.Seen.Select(e => e["agreementid"]!.GetValue<string>()).Distinct().ShouldBe([granted.ToString()]);
        asViewer.Sequences.Where(s => s <= newest).ShouldBe(await FeedFollower.StoredSequencesAsync(App.ConnectionString, grantedStreams));
        asViewer.Seen.ShouldContain(e => e["subject"]!.GetValue<string>() == grantedCommittee.ToString(), "a committee's events belong to its agreement");
        asAdmin.Seen.Select(e => e["agreementid"]!.GetValue<string>()).ShouldContain(other.ToString());
        (await FeedFollower.StoredSequencesAsync(App.ConnectionString, [.. grantedStreams, other, otherWorkstream]))
            .ShouldBeSubsetOf(asAdmin.Sequences);

        await (await viewer.GetAsync($"/api/events?agreementId={other}")).ShouldBeProblem(HttpStatusCode.NotFound, "agreementId");
        await (await Http.GetAsync($"/api/events?agreementId={Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "agreementId");
        var filtered = new FeedFollower(start, agreementId: granted);
        await filtered.FollowUntilAsync(viewer, newest);
        filtered.Sequences.ShouldBe(asViewer.Sequences.Where(s => s <= filtered.Cursor));
        (await App.CreateAnonymousClient().GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("after=abc", "after")]
    [InlineData("after=1.5", "after")]
    [InlineData("after=99999999999999999999999", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("agreementId=not-an-id", "agreementId")]
    public async Task a_bad_cursor_limit_or_agreement_is_a_400_that_names_it(string query, string field)
    {
        var problem = await (await Http.GetAsync($"/api/events?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest, field);
        problem["field"]!.GetValue<string>().ShouldBe(field);
        problem["rule"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task a_follower_that_keeps_its_cursor_sees_every_event_once_and_in_order_while_others_write()
    {
        var start = await FeedFollower.NewestSequenceAsync(App.ConnectionString);
        var follower = new FeedFollower(start, limit: 7);
        var streams = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var http = App.CreateClient();
            var agreementId = await http.RegisteredAgreement();
            var workstreamId = await http.OpenedWorkstream(agreementId);
            streams.Add(agreementId);
            streams.Add(workstreamId);
            for (var i = 0; i < 8; i++) await http.PlannedMilestone(workstreamId, $"2025-0{1 + i % 9}-15");
        })).ToList();

        var pagesWhileWriting = 0;
        while (!writers.All(w => w.IsCompleted))
        {
            await follower.ReadPageAsync(Http);
            pagesWhileWriting++;
            await Task.Delay(20);
        }
        await Task.WhenAll(writers);
        var stored = await FeedFollower.StoredSequencesAsync(App.ConnectionString, streams);
        await follower.FollowUntilAsync(Http, stored[^1]);

        pagesWhileWriting.ShouldBeGreaterThan(1);
        var sequences = follower.Sequences.ToList();
        sequences.ShouldBe(sequences.Order().Distinct().ToList(), "strictly increasing: no event twice, none out of order");
        var mine = streams.Select(s => s.ToString()).ToHashSet();
        follower.Seen.Where(e => mine.Contains(e["subject"]!.GetValue<string>())).Select(e => long.Parse(e["sequence"]!.GetValue<string>()))
            .ShouldBe(stored);
        stored.Count.ShouldBe(4 * (3 + 8));
    }

    [Fact]
    public async Task a_cursor_past_the_end_returns_no_events_and_keeps_the_cursor()
    {
        var page = await Http.GetJson("/api/events?after=9000000000000&limit=5");
        page["events"]!.AsArray().ShouldBeEmpty();
        page["next"]!.GetValue<long>().ShouldBe(9000000000000);
    }
}
