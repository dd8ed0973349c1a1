using System.Diagnostics;

namespace ProgramTracker.IntegrationTests.Contract;

/// <summary>Redocly's recommended rules over the served document; ops/test.sh installs the linter (ops/openapi).</summary>
public class when_the_api_contract_is_linted(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task redocly_finds_no_errors()
    {
        var tool = Path.Combine(ContractDocument.RepositoryRoot(), "ops", "openapi", "node_modules", ".bin", "redocly");
        File.Exists(tool).ShouldBeTrue($"{tool} is missing: run 'npm ci --prefix ops/openapi' (ops/test.sh does).");

        using var anonymous = App.CreateAnonymousClient();
        var file = Path.Combine(Path.GetTempPath(), $"programtracker-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await ContractDocument.FetchAsync(anonymous));
        try
        {
            var start = new ProcessStartInfo(tool, ["lint", file, "--format=stylish"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var lint = Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync();
            var errors = lint.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await lint.WaitForExitAsync(timeout.Token);

            var said = await output + await errors;
            lint.ExitCode.ShouldBe(0, said);
            said.ShouldNotContain(" error ");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
