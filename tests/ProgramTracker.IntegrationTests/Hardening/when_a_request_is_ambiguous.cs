using System.Net;
using System.Net.Http.Json;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// A request must mean one thing: a JSON member given twice is refused (the serializer would keep the last one,
/// unseen by whoever reviewed the first), and so is an Idempotency-Key too long to be told apart from another.
/// </summary>
public sealed class when_a_request_is_ambiguous(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("""{"rating":"green","reason":"On track.","rating":"red"}""", "rating")]
    [InlineData("""{"rating":"green","reason":"On track.","Reason":"Late."}""", "Reason")]
    public async Task a_member_given_twice_is_a_400_naming_it_and_appends_nothing(string json, string field)
    {
        var ws = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var before = await EventCount();

        var response = await PostRaw($"/api/workstreams/{ws}/assessments", json);

        var problem = await response.ShouldBe(HttpStatusCode.BadRequest);
        problem["field"]!.GetValue<string>().ShouldBe(field);
        problem["rule"]!.GetValue<string>().ShouldBe("duplicate-member");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_member_given_twice_in_a_nested_object_is_named_by_its_path()
    {
        var response = await PostRaw("/api/agreements",
            """{"code":"DUP-1","title":{"en":"t","en":"u"},"parties":[{"partyId":"a","name":{"en":"A"},"country":"VN"}],"validity":{"from":"2024-01-01"}}""");

        (await response.ShouldBe(HttpStatusCode.BadRequest))["field"]!.GetValue<string>().ShouldBe("title.en");
    }

    [Fact]
    public async Task two_keys_that_differ_only_after_200_characters_are_refused_not_taken_as_one()
    {
        var ws = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var before = await EventCount();
        var prefix = new string('k', 200);

        var first = await Post($"/api/workstreams/{ws}/assessments", new { rating = "green", reason = "On track." },
            r => r.Headers.Add("Idempotency-Key", prefix + "1"));
        var second = await Post($"/api/workstreams/{ws}/assessments", new { rating = "green", reason = "On track." },
            r => r.Headers.Add("Idempotency-Key", prefix + "2"));

        foreach (var response in new[] { first, second })
        {
            var problem = await response.ShouldBe(HttpStatusCode.BadRequest);
            problem["field"]!.GetValue<string>().ShouldBe("Idempotency-Key");
            problem["rule"]!.GetValue<string>().ShouldBe("max-length");
        }
        (await EventCount()).ShouldBe(before);

        var atTheLimit = await Post($"/api/workstreams/{ws}/assessments", new { rating = "green", reason = "On track." },
            r => r.Headers.Add("Idempotency-Key", prefix));
        await atTheLimit.ShouldBe(HttpStatusCode.OK);
        var replayed = await Post($"/api/workstreams/{ws}/assessments", new { rating = "green", reason = "On track." },
            r => r.Headers.Add("Idempotency-Key", prefix));
        await replayed.ShouldBe(HttpStatusCode.OK);
        (await EventCount()).ShouldBe(before + 1);
    }
}
