using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ProgramTracker.Api.Security;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// The built app (<c>dotnet ProgramTracker.Api.dll</c>) in a process of its own: a cluster node on a free
/// 127.0.0.1 port, or a one-off command such as <c>import</c>. Disposing kills it and everything it started.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string name, string? url)
    {
        _process = process;
        Name = name;
        Url = url;
    }

    public string Name { get; }
    public string? Url { get; }

    private static readonly string SigningKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A client for this node, signed in as the administrator.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url!), Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.SignedWith(SigningKey).Issue(DemoUsers.Administrator));
        return client;
    }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string ApiDll
    {
        get
        {
            // tests/ProgramTracker.OperationsTests/bin/<Configuration>/net10.0 -> src/ProgramTracker.Api/bin/<Configuration>/net10.0
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = here.Parent!.Name;
            var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(root, "src", "ProgramTracker.Api", "bin", configuration, here.Name, "ProgramTracker.Api.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/ProgramTracker.Api first: {dll} is missing.");
        }
    }

    /// <summary>Starts a node listening on a free port and waits until it answers /health/live.</summary>
    public static async Task<AppProcess> StartNodeAsync(string name, IDictionary<string, string> environment, TimeSpan timeout)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var node = Start(name, ["--urls", url], environment, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (node.HasExited) throw new InvalidOperationException($"{name} exited with {node._process.ExitCode}:\n{node.Output}");
            try
            {
                if ((await http.GetAsync($"{url}/health/live")).IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await node.DisposeAsync();
        throw new TimeoutException($"{name} did not answer on {url} within {timeout}:\n{node.Output}");
    }

    /// <summary>Runs a command to its end and answers its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string[] args, IDictionary<string, string> environment, TimeSpan timeout)
    {
        await using var command = Start(args[0], args, environment, null);
        using var cts = new CancellationTokenSource(timeout);
        await command._process.WaitForExitAsync(cts.Token);
        command._process.WaitForExit();
        return (command._process.ExitCode, command.Output);
    }

    private static AppProcess Start(string name, string[] args, IDictionary<string, string> environment, string? url)
    {
        var psi = new ProcessStartInfo("dotnet", [ApiDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ApiDll)!,
        };
        // Production refuses the development sign-in when serving; a node here is Staging, as production-like otherwise.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = url is null ? "Production" : "Staging";
        psi.Environment["ProgramTracker__Authentication__DemoSignIn"] = "true";
        psi.Environment["ProgramTracker__Authentication__DevSigningKey"] = SigningKey;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // Load and catch-up scenarios write from one caller, faster than a real user may.
        psi.Environment["ProgramTracker__RateLimiting__WritesPerMinute"] = "10000000";
        psi.Environment["ProgramTracker__RateLimiting__ReadsPerMinute"] = "10000000";
        foreach (var (key, value) in environment) psi.Environment[key] = value;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var app = new AppProcess(process, name, url);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Reaper.Track(process);
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>kill -9: the node gets no chance to hand anything over.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the node shuts down gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        try { KillHard(); }
        catch (InvalidOperationException) { }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills any node still running when the test process exits, whatever way the test ended.</summary>
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
            lock (Running) Running.Add(process);
        }
    }
}
