using System.Net;
using CodeGeneration = ProgramTracker.Api.CodeGeneration.Configuration;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// A node outside Development serves every request from the adapters compiled into it (TypeLoadMode.Static): the
/// Roslyn compiler is never loaded, even in this build, which carries it for Development and the tests. The same
/// requests on a node told to generate them as it runs do load it, which is what the first check would miss.
/// </summary>
public class when_the_app_runs_on_pre_generated_code(OperationsFixture app) : OperationsContext(app)
{
    private const string Compiler = "Microsoft.CodeAnalysis";

    [Fact]
    public async Task writes_and_reads_are_served_without_loading_the_compiler()
    {
        await using var node = await StartAsync("static", mode: null);
        await WriteAndReadAsync(node);

        node.LoadedAssemblies().Where(dll => dll.StartsWith(Compiler)).ShouldBeEmpty(
            $"a Staging node runs the pre-generated code and never compiles any; its output:\n{node.Output}");
    }

    [Fact]
    public async Task a_node_that_generates_its_code_as_it_runs_loads_the_compiler_for_the_same_requests()
    {
        await using var node = await StartAsync("dynamic", mode: "Dynamic");
        await WriteAndReadAsync(node);

        node.LoadedAssemblies().ShouldContain(dll => dll.StartsWith(Compiler));
    }

    private async Task<AppProcess> StartAsync(string name, string? mode)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = await App.NewDatabaseAsync($"codegen_{name}"),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (mode is not null) environment[CodeGeneration.TypeLoadModeSetting.Replace(":", "__")] = mode;
        return await AppProcess.StartNodeAsync(name, environment);
    }

    private static async Task WriteAndReadAsync(AppProcess node)
    {
        using var http = node.CreateClient(AppProcess.ReadyBound);
        var agreement = await http.RegisteredAgreement();
        var workstream = await http.OpenedWorkstream(agreement);
        await http.PlannedMilestone(workstream);
        (await http.GetAsync($"/api/workstreams/{workstream}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync($"/api/agreements/{agreement}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
