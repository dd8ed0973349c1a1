using System.Text.Json.Nodes;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Agreements.ReviewPacks;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests.ReviewPacks;

public class when_a_pack_is_written_as_canonical_json
{
    [Fact]
    public void members_are_sorted_by_name_and_no_whitespace_is_written() =>
        CanonicalJson.Write("""{ "b": 1, "a": { "d": [ 1, 2 ], "c": null }, "B": true }""")
            .ShouldBe("""{"B":true,"a":{"c":null,"d":[1,2]},"b":1}""");

    [Fact]
    public void member_order_does_not_change_the_hash() =>
        CanonicalJson.Sha256(JsonNode.Parse("""{"title":{"en":"Training","lo":"ການຝຶກອົບຮົມ"},"percent":50}"""))
            .ShouldBe(CanonicalJson.Sha256(JsonNode.Parse("""{ "percent" : 50.0, "title" : { "lo" : "ການຝຶກອົບຮົມ", "en" : "Training" } }""")));

    [Fact]
    public void a_changed_value_changes_the_hash() =>
        CanonicalJson.Sha256(JsonNode.Parse("""{"percent":50}""")).ShouldNotBe(CanonicalJson.Sha256(JsonNode.Parse("""{"percent":51}""")));

    [Theory]
    [InlineData("50.0", "50")]
    [InlineData("1.250", "1.25")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("1e3", "1000")]
    [InlineData("-12.5E-1", "-1.25")]
    [InlineData("1e300", "1e+300")]
    public void a_number_has_one_spelling(string raw, string canonical) => CanonicalJson.Number(raw).ShouldBe(canonical);

    [Fact]
    public void strings_escape_only_what_json_requires()
    {
        var node = new JsonObject { ["s"] = "quote \" backslash \\ tab \t bell \u0007 Thai ไทย é </script>" };
        CanonicalJson.Write(node).ShouldBe("{\"s\":\"quote \\\" backslash \\\\ tab \\t bell \\u0007 Thai ไทย é </script>\"}");
    }

    [Fact]
    public void names_sort_by_utf16_code_units() =>
        CanonicalJson.Write("""{"é":1,"z":2,"\uD83D\uDE00":3,"\uFFFD":4}""").ShouldBe("{\"z\":2,\"é\":1,\"\uD83D\uDE00\":3,\"\uFFFD\":4}");

    [Fact]
    public void the_same_history_gives_the_same_pack_hash_and_a_change_moves_only_its_sections()
    {
        var (done, open) = (Guid.Parse("0195d3a0-0000-7000-8000-0000000000a1"), Guid.Parse("0195d3a0-0000-7000-8000-0000000000a2"));
        var day = new DateOnly(2024, 6, 30);
        ReviewPack Pack(params object[] later)
        {
            var agreement = Given.Agreement(new WorkstreamAdded(Given.AgreementId, Given.WorkstreamId, "TRAIN"));
            var workstream = Given.Workstream([Given.Planned(done, new DateOnly(2024, 3, 31)), Given.Planned(open, new DateOnly(2024, 5, 31)),
                new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, done, new DateOnly(2024, 3, 30), null, null), .. later]);
            return ReviewPack.From(Reads.Figured(agreement, [workstream], [], day, 30), day, AsOfBasis.Recorded, 30);
        }

        var first = Pack();
        first.Sha256().ShouldBe(Pack().Sha256());
        first.Sha256().ShouldMatch("^[0-9a-f]{64}$");

        var slipped = Pack(new MilestoneRescheduled(Given.WorkstreamId, Given.AgreementId, open, new DateOnly(2024, 5, 31), new DateOnly(2024, 8, 31), "Venue"));
        slipped.Sha256().ShouldNotBe(first.Sha256());
        var changed = ReviewPack.SectionNames.Where(s => slipped.SectionHashes()[s] != first.SectionHashes()[s]).ToList();
        changed.ShouldContain("slippage");
        changed.ShouldNotContain("openActions");
    }
}
