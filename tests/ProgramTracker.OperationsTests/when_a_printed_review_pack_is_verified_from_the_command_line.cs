using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.OperationsTests;

public class when_a_printed_review_pack_is_verified_from_the_command_line(OperationsFixture app) : OperationsContext(app)
{
    private static readonly TimeSpan CommandTimeout = AppProcess.ReadyBound;

    [Fact]
    public async Task review_pack_verify_exits_zero_when_the_printed_hash_matches_and_one_when_it_does_not()
    {
        var agreement = await Http.RegisteredAgreement();
        var frozen = await Http.PostAsJsonAsync($"/api/agreements/{agreement}/review-packs", new { });
        var body = await frozen.Content.ReadAsStringAsync();
        frozen.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var pack = JsonNode.Parse(body)!;
        var (sha, day) = (pack["sha256"]!.GetValue<string>(), pack["packDate"]!.GetValue<string>());
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = App.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var matches = await AppProcess.RunAsync(["review-pack", "verify", "--agreement", agreement.ToString(), "--date", day, "--sha256", sha],
            environment, CommandTimeout);
        matches.ExitCode.ShouldBe(0, matches.Output);
        matches.Output.ShouldContain("MATCHES.");
        matches.Output.ShouldContain($"event {pack["sequence"]!.GetValue<long>()}");

        var other = await AppProcess.RunAsync(["review-pack", "verify", "--agreement", agreement.ToString(), "--date", day, "--sha256", new string('c', 64)],
            environment, CommandTimeout);
        other.ExitCode.ShouldBe(1, other.Output);
        other.Output.ShouldContain("DOES NOT MATCH.");

        var malformed = await AppProcess.RunAsync(["review-pack", "verify", "--agreement", agreement.ToString(), "--date", day, "--sha256", "abc"],
            environment, CommandTimeout);
        malformed.ExitCode.ShouldBe(1, malformed.Output);
        malformed.Output.ShouldContain("--sha256");
    }
}
