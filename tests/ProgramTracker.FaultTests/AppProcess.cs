using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ProgramTracker.Api.Security;

namespace ProgramTracker.FaultTests;

/// <summary>
/// The built app run as a child process (<c>dotnet ProgramTracker.Api.dll</c>) on 127.0.0.1, so a test can kill it
/// with SIGKILL the way an OOM killer or a pulled plug would. Disposing kills it; so does the test process exiting.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public AppProcess(string connectionString)
    {
        _connectionString = connectionString;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    /// <summary>A client for the current run; a new one after every start, because every start takes a new port.</summary>
    public HttpClient Http { get; private set; } = new();

    public int Starts { get; private set; }

    /// <summary>Every start signs development tokens with this key, so a token outlives a kill -9.</summary>
    private static readonly string SigningKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static readonly string AdministratorToken =
        DevelopmentTokens.SignedWith(SigningKey).Issue(DemoUsers.Administrator);

    /// <summary>Starts the app and waits until /health/ready answers 200; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan readyBound)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The app is already running.");
        var port = FreePort();
        var dll = ApiAssembly();
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ConnectionStrings__Marten"] = _connectionString;
        // Production refuses the development sign-in; Staging is as production-like in every other way.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        psi.Environment["ProgramTracker__Authentication__DemoSignIn"] = "true";
        psi.Environment["ProgramTracker__Authentication__DevSigningKey"] = SigningKey;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // 32 writers from one caller: far above a real user's limit.
        psi.Environment["ProgramTracker__RateLimiting__WritesPerMinute"] = "10000000";
        psi.Environment["ProgramTracker__RateLimiting__ReadsPerMinute"] = "10000000";
        psi.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var clock = Stopwatch.StartNew();
        _process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {dll}.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;

        Http.Dispose();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdministratorToken);
        if (!await WaitReadyAsync(readyBound))
        {
            throw new TimeoutException(
                $"The app was not ready within {readyBound.TotalSeconds} s of start #{Starts}. Its output ends with:\n{Tail()}");
        }
        return clock.Elapsed;
    }

    /// <summary>Polls /health/ready until it answers 200 or the bound passes.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan bound)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < bound)
        {
            if (_process is { HasExited: true })
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Tail()}");
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no goodbye.</summary>
    public void Kill()
    {
        var process = _process;
        if (process is null) return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        _process = null;
    }

    public string Tail()
    {
        lock (_output) return _output.ToString();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 20_000) _output.Remove(0, _output.Length - 20_000);
        }
    }

    /// <summary>The API's own build output, in the same configuration as these tests (Debug or Release).</summary>
    public static string ApiAssembly()
    {
        var here = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "ProgramTracker.Api", "bin", configuration, "net10.0", "ProgramTracker.Api.dll");
            if (File.Exists(dll)) return dll;
            throw new FileNotFoundException($"Build the API first: {dll} does not exist.");
        }
        throw new FileNotFoundException($"No ProgramTracker.sln above {here}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
