using System.Net;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// PostgreSQL cannot store NUL in text or jsonb, so a NUL anywhere used to be a 500. Every query parameter, path
/// and JSON text is checked at the door: NUL, the other control characters (tab, LF and CR allowed in body text)
/// and unpaired surrogates are a 400 naming the field, and nothing is appended.
/// </summary>
public sealed class when_text_holds_control_characters(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("/api/agreements?q=%00", "q", "nul-character")]
    [InlineData("/api/agreements?country=L%00A", "country", "nul-character")]
    [InlineData("/api/agreements?q=a%07b", "q", "control-character")]
    [InlineData("/api/agreements?q=a%0Ab", "q", "control-character")]
    [InlineData("/api/agreements?q=a%C2%85b", "q", "control-character")]
    [InlineData("/api/people?q=%00", "q", "nul-character")]
    [InlineData("/?q=%00", "q", "nul-character")]
    [InlineData("/api/people/a%01b/assignments", "path", "control-character")]
    [InlineData("/people/a%1Bb", "path", "control-character")]
    public async Task a_query_or_path_with_one_is_a_400_naming_it(string url, string field, string rule)
    {
        var response = await Http.GetAsync(url);

        var problem = await response.ShouldBe(HttpStatusCode.BadRequest);
        problem["field"]!.GetValue<string>().ShouldBe(field);
        problem["rule"]!.GetValue<string>().ShouldBe(rule);
        problem["errors"]![field].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("""{"code":"NUL-1","title":{"en":"a\u0000b"},"parties":[{"partyId":"a","name":{"en":"A"},"country":"VN"}],"validity":{"from":"2024-01-01"}}""", "title.en", "nul-character")]
    [InlineData("""{"code":"NUL-2","title":{"en":"t"},"parties":[{"partyId":"a","name":{"en":"A"},"country":"VN"},{"partyId":"b","name":{"lo":"\u001b[31m"},"country":"LA"}],"validity":{"from":"2024-01-01"}}""", "parties[1].name.lo", "control-character")]
    [InlineData("""{"code":"NUL-3\u0000","title":{"en":"t"},"parties":[{"partyId":"a","name":{"en":"A"},"country":"VN"}],"validity":{"from":"2024-01-01"}}""", "code", "nul-character")]
    [InlineData("""{"code":"NUL-4","title":{"en":"\ud800"},"parties":[{"partyId":"a","name":{"en":"A"},"country":"VN"}],"validity":{"from":"2024-01-01"}}""", "title.en", "unpaired-surrogate")]
    [InlineData("""{"code":"NUL-5","title":{"en\u0000":"t"},"parties":[{"partyId":"a","name":{"en":"A"},"country":"VN"}],"validity":{"from":"2024-01-01"}}""", "title.en?", "nul-character")]
    public async Task a_body_with_one_is_a_400_naming_the_member_and_appends_nothing(string json, string field, string rule)
    {
        var before = await EventCount();

        var response = await PostRaw("/api/agreements", json);

        var problem = await response.ShouldBe(HttpStatusCode.BadRequest);
        problem["field"]!.GetValue<string>().ShouldBe(field);
        problem["rule"]!.GetValue<string>().ShouldBe(rule);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task tabs_line_breaks_and_line_separators_are_text()
    {
        var response = await PostRaw($"/api/workstreams/{SampleIds.PartyOfficeInfrastructure}/assessments",
            """{"rating":"amber","reason":"Two things:\n\t1. the server room\r\n\t2. the links\u2028(sample)"}""");

        await response.ShouldBe(HttpStatusCode.OK);
    }
}
