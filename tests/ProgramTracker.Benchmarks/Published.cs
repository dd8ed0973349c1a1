using System.Diagnostics;
using ProgramTracker.Testing;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// The app as production runs it: published ReadyToRun with the pre-generated code and no runtime compiler, the same
/// <c>dotnet publish</c> as ops/Dockerfile, into artifacts/benchmarks/published (scenario 7 starts it).
/// </summary>
internal static class Published
{
    public static readonly string[] PublishArguments =
    [
        "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
        "-p:RuntimeCompilation=false", "-p:PublishReadyToRun=true",
    ];

    /// <summary>Publishes into artifacts/benchmarks/published and answers the published dll; or answers the dll in <paramref name="existing"/>.</summary>
    public static async Task<string> ReadyToRunAsync(string? existing)
    {
        if (existing is not null)
        {
            var given = Path.Combine(Path.GetFullPath(existing), "ProgramTracker.Api.dll");
            return File.Exists(given) ? given : throw new FileNotFoundException($"--published {existing}: no ProgramTracker.Api.dll there.");
        }
        var output = Repository.File("artifacts", "benchmarks", "published");
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"  publishing the app ReadyToRun into {output} (as ops/Dockerfile does)");
        var psi = new ProcessStartInfo("dotnet", ["publish", Repository.File("src", "ProgramTracker.Api", "ProgramTracker.Api.csproj"), .. PublishArguments,
            "-o", output, "-v", "quiet", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(psi)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        var dll = Path.Combine(output, "ProgramTracker.Api.dll");
        if (Directory.EnumerateFiles(output, "Microsoft.CodeAnalysis*.dll").Any())
            throw new InvalidOperationException($"The publish in {output} holds the runtime compiler; production's does not.");
        Console.WriteLine($"  published in {clock.Elapsed.TotalSeconds:0} s");
        return dll;
    }
}
