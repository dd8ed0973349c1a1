using System.Diagnostics;
using ProgramTracker.Testing;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// The app as production runs it: ops/publish.sh, the script ops/Dockerfile runs, publishes it into
/// artifacts/benchmarks/published (scenario 7 starts it). The full run makes the image's publish (self-contained,
/// composite ReadyToRun, about 4 minutes of crossgen on 2 cores); the quick run, which CI runs as a smoke test within
/// its time bound, makes the framework-dependent ReadyToRun publish instead and says so.
/// </summary>
internal static class Published
{
    /// <summary>ops/publish.sh's flavour: its own default, the image's, unless <paramref name="quick"/>.</summary>
    public static string Flavour(bool quick) => quick ? "framework-dependent" : "production";

    /// <summary>Publishes into artifacts/benchmarks/published and answers the published dll; or answers the dll in <paramref name="existing"/>.</summary>
    public static async Task<string> ReadyToRunAsync(string? existing, bool quick)
    {
        if (existing is not null)
        {
            var given = Path.Combine(Path.GetFullPath(existing), "ProgramTracker.Api.dll");
            return File.Exists(given) ? given : throw new FileNotFoundException($"--published {existing}: no ProgramTracker.Api.dll there.");
        }
        var flavour = Flavour(quick);
        var output = Repository.File("artifacts", "benchmarks", "published", flavour);
        var clock = Stopwatch.StartNew();
        Console.WriteLine(quick
            ? $"  publishing the app into {output} with ops/publish.sh, flavour {flavour}: framework-dependent ReadyToRun, NOT the image's " +
              "composite publish, which only the full run times"
            : $"  publishing the app into {output} with ops/publish.sh, as ops/Dockerfile does (self-contained, composite ReadyToRun; minutes)");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var psi = new ProcessStartInfo("sh", [Repository.File("ops", "publish.sh"), "publish", output, "-v", "quiet", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["PUBLISH_FLAVOUR"] = flavour },
        };
        using var publish = Process.Start(psi)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"ops/publish.sh publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        // ops/publish.sh itself fails a publish that holds the runtime compiler (Microsoft.CodeAnalysis*).
        var dll = Path.Combine(output, "ProgramTracker.Api.dll");
        Console.WriteLine($"  published in {clock.Elapsed.TotalSeconds:0} s");
        return dll;
    }
}
