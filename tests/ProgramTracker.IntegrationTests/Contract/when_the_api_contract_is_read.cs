using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProgramTracker.Api.Common;

namespace ProgramTracker.IntegrationTests.Contract;

public partial class when_the_api_contract_is_read(AppFixture app) : IntegrationContext(app)
{
    private static readonly string[] ReadErrors = ["400", "401", "403", "404", "429"];
    private static readonly string[] WriteErrors = ["400", "401", "403", "404", "409", "412", "413", "422", "429"];

    private async Task<JsonObject> Document()
    {
        using var anonymous = App.CreateAnonymousClient();
        return await ContractDocument.ReadAsync(anonymous);
    }

    [Fact]
    public async Task every_api_operation_documents_a_typed_success()
    {
        var document = await Document();
        var operations = ContractDocument.ApiOperations(document).ToList();
        operations.Count.ShouldBeGreaterThan(50);

        var untyped = operations
            .Where(o => !o.Operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('2')
                && r.Value!["content"]?.AsObject().FirstOrDefault().Value?["schema"] is JsonObject schema
                && (schema["$ref"] is not null || schema["type"] is not null)
                && schema["$ref"]?.GetValue<string>() != "#/components/schemas/IResult"))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}")
            .ToList();
        untyped.ShouldBeEmpty("These operations do not say what they answer on success: add [Returns<T>], [Writes] or [Creates].");
    }

    [Fact]
    public async Task every_api_operation_answers_its_errors_as_problem_details()
    {
        foreach (var (path, method, operation) in ContractDocument.ApiOperations(await Document()))
        {
            var responses = operation["responses"]!.AsObject();
            foreach (var status in method == "get" ? ReadErrors : WriteErrors)
            {
                responses[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>()
                    .ShouldBe("#/components/schemas/ProblemDetails", $"{method} {path} {status}");
            }
        }
        var problem = (await Document())["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();
        problem.Select(p => p.Key).ShouldContain("field");
        problem.Select(p => p.Key).ShouldContain("rule");
    }

    [Fact]
    public async Task writes_document_concurrency_retries_and_where_created_things_live()
    {
        var paths = (await Document())["paths"]!;
        var register = paths["/api/agreements"]!["post"]!;
        var created = register["responses"]!["201"]!;
        created["headers"]!["Location"].ShouldNotBeNull();
        created["headers"]!["ETag"].ShouldNotBeNull();
        created["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/CommandAccepted");
        Headers(register).ShouldBe(["Idempotency-Key"], "a new stream has no version for If-Match to name");

        var block = paths["/api/workstreams/{workstreamId}/milestones/{milestoneId}/block"]!["post"]!;
        block["responses"]!["200"]!["headers"]!["ETag"].ShouldNotBeNull();
        Headers(block).ShouldBe(["If-Match", "Idempotency-Key"]);
        paths["/api/agreements/{agreementId}/workstreams"]!["post"]!["responses"]!["201"]!["headers"]!["Location"].ShouldNotBeNull();
        paths["/api/agreements/{id}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"].ShouldNotBeNull();

        static List<string> Headers(JsonNode operation) => [.. operation["parameters"]!.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>())];
    }

    [Fact]
    public async Task a_partial_date_is_a_string_whose_pattern_and_examples_agree_with_the_api()
    {
        var schema = (await Document())["components"]!["schemas"]!["PartialDate"]!;
        schema["type"]!.GetValue<string>().ShouldBe("string");
        var pattern = new Regex(schema["pattern"]!.GetValue<string>());
        var examples = schema["examples"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        examples.ShouldBe(["2023-05-23", "2023-05", "2023", "--11-28"]);
        foreach (var example in examples)
        {
            pattern.IsMatch(example).ShouldBeTrue(example);
            PartialDate.TryParse(example, out _).ShouldBeTrue(example);
        }
        foreach (var notADate in new[] { "23-05-2023", "2023/05", "May 2023", "２０２３" })
            pattern.IsMatch(notADate).ShouldBeFalse(notADate);
    }

    [Fact]
    public async Task operations_have_stable_readable_ids_and_one_described_tag_each()
    {
        var document = await Document();
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        var operations = ContractDocument.ApiOperations(document).ToList();

        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.Where(id => !CamelCase().IsMatch(id)).ShouldBeEmpty();
        ids.ShouldContain("registerAgreement");
        ids.ShouldContain("blockMilestone");
        ids.ShouldContain("listActionItems");

        foreach (var (path, method, operation) in operations)
        {
            var tag = operation["tags"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>();
            tags.ShouldContainKey(tag, $"{method} {path}");
            tags[tag].ShouldNotBeNullOrWhiteSpace(tag);
        }
        operations.Select(o => o.Operation["tags"]![0]!.GetValue<string>()).Distinct()
            .ShouldBe(["Agreements", "Audit", "Committees", "Dashboards", "Feeds", "Notifications", "Operations", "People", "Security", "Workstreams"], ignoreOrder: true);
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]+$")]
    private static partial Regex CamelCase();
}
