using System.Net;
using System.Text.Json.Nodes;

namespace ProgramTracker.IntegrationTests.Webhooks;

public sealed class when_events_are_delivered_to_a_webhook(AppFixture app) : IntegrationContext(app)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task every_event_arrives_signed_as_the_feed_shows_it_through_failures_and_an_outage()
    {
        await using var world = await WebhookWorld.StartAsync(App, retrySeconds: 1);
        var (_, secret) = await world.Registered();
        world.Receiver.FailNext = 3;

        var agreement = await world.Http.RegisteredAgreement();
        await world.Amended(agreement);
        await PollUntilOrThrow(async () => world.Receiver.Received.Count, n => n >= 3, Bound, "three refused attempts");

        await world.Receiver.StopAsync();
        await world.Amended(agreement);
        await PollUntilOrThrow(() => world.Deliveries("failing"), d => d.Any(Unanswered), Bound, "an attempt refused while the receiver is down",
            describe: d => string.Join(", ", d.Select(x => x.ToJsonString())));
        await world.Receiver.StartAsync();

        var feed = await world.FeedOf(agreement, 3);
        var ids = feed.Select(e => e["id"]!.GetValue<string>()).ToHashSet();
        var arrived = await PollUntilOrThrow(async () => world.Receiver.Accepted, a => ids.IsSubsetOf(a.Select(EventId)), Bound,
            "every event at the receiver", describe: a => string.Join(", ", a.Select(EventId)));

        world.Receiver.Received.Count(r => r.Answered == 500).ShouldBe(3);
        foreach (var received in world.Receiver.Received)
        {
            TestWebhookReceiver.Verify(secret, received).ShouldBeTrue($"signature of {received.Id}: {received.Signature}");
            received.ContentType.ShouldStartWith("application/cloudevents+json");
        }
        foreach (var e in feed)
        {
            var copies = world.Receiver.Received.Where(r => EventId(r) == e["id"]!.GetValue<string>()).ToList();
            // Every attempt at one event carries one webhook-id, and it is the delivery's, so a receiver can drop repeats.
            copies.Select(r => r.Id).Distinct().ShouldHaveSingleItem().ShouldStartWith("msg_");
            JsonNode.DeepEquals(JsonNode.Parse(copies[^1].Body), e).ShouldBeTrue($"{copies[^1].Body}\n is not the feed's\n{e.ToJsonString()}");
        }
        arrived.Select(r => r.Id).Distinct().Count().ShouldBe(3);

        var deliveries = await PollUntilOrThrow(() => world.Deliveries("delivered"), d => d.Count == 3, Bound, "three delivered", describe: d => $"{d.Count}");
        deliveries.Sum(d => d["attempts"]!.AsArray().Count).ShouldBeGreaterThanOrEqualTo(5);
        deliveries.SelectMany(d => d["attempts"]!.AsArray()).ShouldContain(a => a!["statusCode"] != null && a["statusCode"]!.GetValue<int>() == 500);
        deliveries.ShouldContain(d => Unanswered(d));
    }

    [Fact]
    public async Task only_the_event_types_and_agreements_asked_for_are_sent()
    {
        await using var world = await WebhookWorld.StartAsync(App);
        var wanted = await world.Http.RegisteredAgreement();
        var other = await world.Http.RegisteredAgreement();
        await world.Registered(eventTypes: new[] { "programtracker.agreement_amended" }, agreements: new[] { wanted });
        await world.Registered();

        await world.Amended(wanted);
        await world.Amended(other);
        var amendedWanted = (await world.FeedOf(wanted, 2)).Single(e => e["type"]!.GetValue<string>() == "programtracker.agreement_amended");
        await world.FeedOf(other, 2);

        // The registration for everything gets the two amendments; the filtered one only the amendment of 'wanted'.
        var arrived = await PollUntilOrThrow(async () => world.Receiver.Accepted, a => a.Count >= 3, Bound, "three deliveries",
            describe: a => string.Join(", ", a.Select(EventId)));
        await world.Settled();
        var copies = world.Receiver.Accepted.GroupBy(EventId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Distinct().Count());
        copies[amendedWanted["id"]!.GetValue<string>()].ShouldBe(2);
        copies.Count.ShouldBe(2);
        arrived.ShouldAllBe(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>() == "programtracker.agreement_amended");
    }

    [Fact]
    public async Task a_delivery_that_always_fails_is_dead_lettered_and_an_administrator_can_retry_it()
    {
        await using var world = await WebhookWorld.StartAsync(App, retrySeconds: 0.2);
        world.Receiver.FailAll = true;
        var (_, secret) = await world.Registered();
        var agreement = await world.Http.RegisteredAgreement();

        var dead = (await PollUntilOrThrow(async () => (await world.Http.GetJson("/api/admin/webhooks/dead-letters")).AsArray(),
            d => d.Count == 1, Bound, "a dead letter", describe: d => d.ToJsonString())).Single()!;
        dead["attempts"]!.AsArray().Count.ShouldBe(WebhookWorld.Retries + 1);
        dead["lastError"]!.GetValue<string>().ShouldContain("500");
        dead["status"]!.GetValue<string>().ShouldBe("deadLettered");
        world.Receiver.Received.Count.ShouldBe(WebhookWorld.Retries + 1);

        world.Receiver.FailAll = false;
        var id = dead["id"]!.GetValue<Guid>();
        (await (await world.Http.PostAsync($"/api/admin/webhooks/deliveries/{id}/retry", null)).ShouldBe(HttpStatusCode.OK))["status"]!
            .GetValue<string>().ShouldBe("pending");

        var accepted = await PollUntilOrThrow(async () => world.Receiver.Accepted, a => a.Count == 1, Bound, "the retried delivery");
        TestWebhookReceiver.Verify(secret, accepted[0]).ShouldBeTrue();
        accepted[0].Id.ShouldBe(world.Receiver.Received[0].Id);
        (await world.Http.GetJson("/api/admin/webhooks/dead-letters")).AsArray().Count.ShouldBe(0);
        var again = await world.Http.PostAsync($"/api/admin/webhooks/deliveries/{id}/retry", null);
        (await again.ShouldBe(HttpStatusCode.Conflict))["rule"]!.GetValue<string>().ShouldBe("not-dead-lettered");
        (await world.Http.GetAsync("/api/admin/webhooks/deliveries?status=sideways")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _ = agreement;
    }

    private static bool Unanswered(JsonNode delivery) =>
        delivery["attempts"]!.AsArray().Any(a => a!["statusCode"] == null && a["error"] != null);

    private static string EventId(ReceivedWebhook r) => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>();
}
