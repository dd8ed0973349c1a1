using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Testing;

/// <summary>
/// The built app (<c>dotnet ProgramTracker.Api.dll</c>, or a self-contained publish's <c>./ProgramTracker.Api</c>) in a process of its own: a node serving on a free 127.0.0.1
/// port, which can be killed (-9), stopped (SIGTERM) and started again on a new port, or a one-off command such as
/// <c>import</c>. Disposing kills it and everything it started; so does the test process exiting.
/// </summary>
public sealed class AppProcess : IAsyncDisposable, IDisposable
{
    public const string ReadinessPath = "/health/ready";

    /// <summary>
    /// How long a test waits for a node to be ready or a command to end, unless it has a reason of its own. A bound on
    /// failure, not a measure: a node is ready in seconds, but in CI the operations tests share two cores with the
    /// browser tests, and a node generating its code as it runs was once not ready within 60 s there. A longer bound
    /// asks for the same thing and costs nothing when the node is on time. (The benchmarks time starts; tests do not.)
    /// </summary>
    public static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(180);

    /// <summary>
    /// The runtime settings the image sets (ops/Dockerfile's ENV; OperationsTests check they agree), which every node
    /// here runs with too, so tests and benchmarks start the app as production does: workstation GC, and a gen0 budget of
    /// 16 MB rather than one sized from the CPU's cache (README, Performance, scenario 8).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ImageRuntimeSettings = new Dictionary<string, string>
    {
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_GCgen0size"] = "0x1000000",
    };
    private const int KeptOutput = 1_000_000;

    /// <summary>Every child signs development tokens with this key, so a token outlives a kill -9 and works on every node.</summary>
    public static readonly string SigningKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static string AdministratorToken { get; } = DevelopmentTokens.SignedWith(SigningKey).Issue(DemoUsers.Administrator);

    private readonly string[] _arguments;
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <param name="name">How the test calls this process in its messages.</param>
    /// <param name="environment">Settings as environment variables (<c>ConnectionStrings__Marten</c>, ...); they win over the defaults.</param>
    public AppProcess(string name, IDictionary<string, string>? environment = null)
        : this(name, [], environment)
    {
    }

    private AppProcess(string name, string[] arguments, IDictionary<string, string>? environment)
    {
        Name = name;
        _arguments = arguments;
        _environment = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
    }

    public string Name { get; }

    /// <summary>
    /// The app to start: the API's build output by default, or another copy of it, such as a ReadyToRun publish
    /// (<c>dotnet publish -p:PublishReadyToRun=true</c>, what ops/Dockerfile runs).
    /// </summary>
    public string Dll { get; init; } = ApiDll;

    /// <summary>Where the current start listens; a new port on every start.</summary>
    public string? Url { get; private set; }

    /// <summary>A client for the current start, signed in as the administrator; a new one after every start.</summary>
    public HttpClient Http { get; private set; } = new();

    public int Starts { get; private set; }
    public int Pid => _process?.Id ?? throw new InvalidOperationException($"{Name} is not running.");
    public bool HasExited => _process is null || _process.HasExited;
    public int ExitCode => _process?.ExitCode ?? throw new InvalidOperationException($"{Name} never started.");

    /// <summary>What the app wrote to stdout and stderr, interleaved (the last megabyte of it).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The API's own build output, in the same configuration (Debug or Release) as the code asking.</summary>
    public static string ApiDll { get; } = FindApiDll();

    /// <summary>Starts a node and waits until it is ready.</summary>
    public static async Task<AppProcess> StartNodeAsync(string name, IDictionary<string, string> environment, TimeSpan? readyBound = null)
    {
        var node = new AppProcess(name, environment);
        try
        {
            await node.StartAsync(readyBound ?? ReadyBound);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a one-off command (Production environment, no port) without waiting for it.</summary>
    public static AppProcess StartCommand(string[] args, IDictionary<string, string> environment)
    {
        var command = new AppProcess(args[0], args, environment);
        command.Launch(url: null);
        return command;
    }

    /// <summary>Runs a command to its end and answers its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string[] args, IDictionary<string, string> environment, TimeSpan timeout)
    {
        await using var command = StartCommand(args, environment);
        if (!await command.WaitForExitAsync(timeout))
            throw new TimeoutException($"'{string.Join(' ', args)}' did not end within {timeout.TotalSeconds:0} s:\n{command.Output}");
        return (command.ExitCode, command.Output);
    }

    /// <summary>Starts the app on a new free port and waits until <see cref="ReadinessPath"/> answers 200; answers how long that took.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan readyBound)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"{Name} is already running.");
        var clock = Stopwatch.StartNew();
        Url = $"http://127.0.0.1:{FreePort()}";
        Launch(Url);
        Starts++;
        Http.Dispose();
        Http = CreateClient(TimeSpan.FromSeconds(30));
        if (!await WaitReadyAsync(readyBound))
            throw new TimeoutException($"{Name} was not ready on {Url} within {readyBound.TotalSeconds:0.#} s of start #{Starts}. Its output:\n{Output}");
        return clock.Elapsed;
    }

    /// <summary>Polls <see cref="ReadinessPath"/> until it answers 200 or the bound passes; throws if the app exits meanwhile.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan bound)
    {
        // A cold start on a busy machine may take many seconds over its first answer: a probe waits as long as the bound.
        using var probe = new HttpClient { BaseAddress = new Uri(Url!), Timeout = bound > TimeSpan.FromSeconds(1) ? bound : TimeSpan.FromSeconds(1) };
        return await Polling.PollUntil(async () =>
        {
            if (_process is { HasExited: true }) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await probe.GetAsync(ReadinessPath);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, bound, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>A client for the current start, signed in as the administrator.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null)
    {
        // Load tests send hundreds of requests at once from one client.
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri(Url ?? throw new InvalidOperationException($"{Name} does not serve HTTP.")),
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdministratorToken);
        return client;
    }

    private void Launch(string? url)
    {
        // A self-contained publish (ops/publish.sh, the image) runs as its own executable, as ops/Dockerfile's
        // ENTRYPOINT does; a build output runs on the shared framework through the dotnet host. A node has no
        // arguments and is told where to listen as the image tells it (ASPNETCORE_URLS).
        var psi = SelfContainedExecutable(Dll) is { } executable ? new ProcessStartInfo(executable, _arguments) : new ProcessStartInfo("dotnet", [Dll, .. _arguments]);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = Path.GetDirectoryName(Dll)!;
        // Production refuses the development sign-in when serving; a node here is Staging, as production-like otherwise.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = url is null ? "Production" : "Staging";
        if (url is not null) psi.Environment["ASPNETCORE_URLS"] = url;
        else psi.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in ImageRuntimeSettings) psi.Environment[key] = value;
        psi.Environment["ProgramTracker__Authentication__DevSigningKey"] = SigningKey;
        psi.Environment["ProgramTracker__Authentication__DemoSignIn"] = "true";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // Load and catch-up scenarios write from one caller, faster than a real user may.
        psi.Environment["ProgramTracker__RateLimiting__WritesPerMinute"] = "10000000";
        psi.Environment["ProgramTracker__RateLimiting__ReadsPerMinute"] = "10000000";
        // A child exports no telemetry to whatever collector the test run itself may have been given.
        psi.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        psi.Environment["ProgramTracker__Mail__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "programtracker-mail", $"{Name}-{Environment.ProcessId}");
        foreach (var (key, value) in _environment) psi.Environment[key] = value;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Reaper.Track(process);
        _process?.Dispose();
        _process = process;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > KeptOutput) _output.Remove(0, _output.Length - KeptOutput);
        }
    }

    /// <summary>kill -9 of the app and all it started: no shutdown hooks, no flushing, no goodbye.</summary>
    public void Kill()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
    }

    /// <summary>SIGTERM: the app shuts down gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Pid.ToString()]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        if (_process is null) return true;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Resident set size now, and the peak (VmHWM) since start, in MB, from /proc.</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{Pid}/status");
        double Mb(string key) => double.Parse(status.First(l => l.StartsWith(key)).Split(':')[1].Trim().Split(' ')[0]) / 1024;
        return (Mb("VmRSS"), Mb("VmHWM"));
    }

    /// <summary>The file names of the assemblies the app has loaded so far (those mapped into it, from /proc).</summary>
    public IReadOnlySet<string> LoadedAssemblies() =>
        File.ReadLines($"/proc/{Pid}/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[5].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(fields => Path.GetFileName(fields[5]))
            .ToHashSet();

    /// <summary>CPU time the app has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} never started.");
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        _process = null;
        Http.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A port free on 127.0.0.1 at the time of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The publish's own executable beside <paramref name="dll"/> when the publish carries its runtime (its runtimeconfig names no framework to look for); otherwise null.</summary>
    public static string? SelfContainedExecutable(string dll)
    {
        var executable = Path.ChangeExtension(dll, null);
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        return File.Exists(executable) && File.Exists(runtimeConfig) && File.ReadAllText(runtimeConfig).Contains("\"includedFrameworks\"")
            ? executable
            : null;
    }

    private static string FindApiDll()
    {
        var here = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
        var dll = Path.Combine(Repository.Root, "src", "ProgramTracker.Api", "bin", configuration, "net10.0", "ProgramTracker.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/ProgramTracker.Api first: {dll} does not exist.");
    }

    /// <summary>Kills any child still running when the test process exits, whatever way the test ended.</summary>
    private static class Reaper
    {
        private static readonly List<Process> Running = [];

        static Reaper() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Running)
            {
                foreach (var p in Running)
                {
                    try { if (!p.HasExited) p.Kill(entireProcessTree: true); }
                    catch (InvalidOperationException) { }
                }
            }
        };

        public static void Track(Process process)
        {
            lock (Running)
            {
                Running.RemoveAll(p => { try { return p.HasExited; } catch (InvalidOperationException) { return true; } });
                Running.Add(process);
            }
        }
    }
}
