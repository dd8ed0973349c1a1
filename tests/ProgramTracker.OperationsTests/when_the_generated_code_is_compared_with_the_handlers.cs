using CodeGeneration = ProgramTracker.Api.CodeGeneration.Configuration;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// Outside Development the app runs only the Wolverine adapters committed in Internal/Generated: an endpoint or
/// handler changed without regenerating them is missing in production (a 404, or a node that will not start). So the
/// built app writes them afresh (<c>codegen write</c>, no database needed) and they are compared, file by file, with
/// the committed ones.
/// </summary>
public class when_the_generated_code_is_compared_with_the_handlers
{
    private const string Fix = "Run ./ops/codegen.sh and commit src/ProgramTracker.Api/Internal/Generated.";

    [Fact]
    public async Task the_committed_code_is_what_codegen_write_writes_now()
    {
        var committed = Repository.File("src", "ProgramTracker.Api", "Internal", "Generated");
        var fresh = Directory.CreateTempSubdirectory("pt-codegen-").FullName;
        try
        {
            var (exitCode, output) = await AppProcess.RunAsync(["codegen", "write"],
                new Dictionary<string, string> { [CodeGeneration.OutputPathSetting.Replace(":", "__")] = fresh },
                TimeSpan.FromMinutes(2));
            exitCode.ShouldBe(0, $"codegen write failed:\n{output}");
            Files(fresh).ShouldNotBeEmpty($"codegen write wrote nothing to {fresh}:\n{output}");

            var differences = Differences(committed, fresh);
            differences.ShouldBeEmpty(
                $"The generated code in {committed} is out of date with the handlers and endpoints. {Fix}\n  {string.Join("\n  ", differences)}\n");
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    private static List<string> Differences(string committed, string fresh)
    {
        var before = Files(committed);
        var now = Files(fresh);
        return
        [
            .. now.Keys.Except(before.Keys).Order().Select(file => $"not committed yet: {file}"),
            .. before.Keys.Except(now.Keys).Order().Select(file => $"no longer generated: {file}"),
            .. now.Keys.Intersect(before.Keys).Order().Where(file => before[file] != now[file]).Select(file => $"changed: {file}"),
        ];
    }

    /// <summary>Relative path to text, line endings made alike (a checkout may turn them into CRLF).</summary>
    private static Dictionary<string, string> Files(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).ToDictionary(
                file => Path.GetRelativePath(root, file).Replace('\\', '/'),
                file => File.ReadAllText(file).ReplaceLineEndings("\n"))
            : [];
}
