using System.Text.RegularExpressions;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// ops/publish.sh is the one place that says how production is published: ops/Dockerfile runs it, and the benchmarks'
/// scenario 7 runs it too, so the cold start measured is the image's. No Docker engine runs in CI, so these checks
/// read the files: the Dockerfile publishes only through the script, its runtime stage runs the self-contained
/// publish as its own executable, and docker-compose's services start it through that entry point.
/// </summary>
public partial class when_the_image_is_built
{
    private static readonly string Dockerfile = File.ReadAllText(Repository.File("ops", "Dockerfile")).ReplaceLineEndings("\n");
    private static readonly string Script = File.ReadAllText(Repository.File("ops", "publish.sh")).ReplaceLineEndings("\n");

    [Fact]
    public void the_dockerfile_restores_and_publishes_through_ops_publish_sh_only()
    {
        var runs = RunLines().Matches(Dockerfile).Select(m => m.Groups[1].Value.Trim()).ToList();

        runs.ShouldBe(["sh ops/publish.sh restore", "sh ops/publish.sh publish /app --no-restore"]);
        Dockerfile.ShouldContain("COPY ops/publish.sh ops/");
    }

    [Fact]
    public void the_script_publishes_production_self_contained_and_composite_without_the_compiler()
    {
        Script.ShouldContain("production) SELF_CONTAINED=true; COMPOSITE=true ;;");
        Script.ShouldContain("-p:RuntimeCompilation=false -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=$COMPOSITE -p:SelfContained=$SELF_CONTAINED");
        Script.ShouldContain("--self-contained \"$SELF_CONTAINED\"");
        Script.ShouldContain("Microsoft\\.CodeAnalysis");
        Script.ShouldContain("${PUBLISH_FLAVOUR:-production}");
    }

    [Fact]
    public void the_runtime_stage_runs_the_publish_as_its_own_executable_on_runtime_deps()
    {
        var runtime = Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

        runtime.ShouldContain("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime");
        runtime.ShouldContain("ENTRYPOINT [\"./ProgramTracker.Api\"]");
        runtime.ShouldContain("USER app");
        runtime.ShouldContain("EXPOSE 8080");
        runtime.ShouldContain("ASPNETCORE_URLS=http://+:8080");
        foreach (var (key, value) in AppProcess.ImageRuntimeSettings)
            runtime.ShouldContain($"{key}={value}", customMessage: "the nodes tests and benchmarks start run with the image's runtime settings");
    }

    [Fact]
    public void compose_starts_every_service_of_the_image_through_its_entry_point()
    {
        var compose = File.ReadAllText(Repository.File("docker-compose.yml")).ReplaceLineEndings("\n");

        compose.ShouldNotContain("entrypoint:");
        compose.ShouldNotContain("dotnet ProgramTracker.Api.dll");
        compose.ShouldContain("dockerfile: ops/Dockerfile");
        compose.ShouldContain("command: [\"db-apply\"]");
    }

    [Fact]
    public void a_build_output_is_not_taken_for_a_self_contained_publish()
    {
        AppProcess.SelfContainedExecutable(AppProcess.ApiDll).ShouldBeNull(
            "the build output runs on the shared framework, through dotnet");
    }

    [GeneratedRegex(@"^RUN\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex RunLines();
}
