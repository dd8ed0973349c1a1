// The fault tests assert recovery within time bounds on a small machine; running them one at a time keeps those
// bounds about the app, not about the tests competing with each other for two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ProgramTracker.FaultTests;

public static class FaultSettings
{
    /// <summary>How many times the kill -9 test kills the app (FAULT_KILLS, at least 5 in CI).</summary>
    public static int Kills => Math.Max(1, EnvInt("FAULT_KILLS", 5));

    /// <summary>How many malformed requests the fuzzer sends (FAULT_FUZZ_REQUESTS).</summary>
    public static int FuzzRequests => EnvInt("FAULT_FUZZ_REQUESTS", 10_000);

    /// <summary>The fuzzer's seed (FAULT_FUZZ_SEED); a failure message names it so the run can be replayed.</summary>
    public static int FuzzSeed => EnvInt("FAULT_FUZZ_SEED", 20260523);

    /// <summary>How long the app may take to answer /health/ready with 200 after a start or a database restart.</summary>
    public static TimeSpan ReadyBound => TimeSpan.FromSeconds(EnvInt("FAULT_READY_SECONDS", 30));

    /// <summary>The settings of the app the kill and restart tests run as a child process.</summary>
    public static Dictionary<string, string> AppEnvironment(string connectionString) => new()
    {
        ["ConnectionStrings__Marten"] = connectionString,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
}
