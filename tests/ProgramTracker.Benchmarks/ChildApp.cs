using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProgramTracker.Benchmarks;

/// <summary>The built app as its own process on loopback Kestrel: for HTTP load, cold start and its memory.</summary>
public sealed class ChildApp : IDisposable
{
    private readonly Process _process;

    private ChildApp(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }
    public int Pid => _process.Id;

    public static readonly string SigningKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static string AdministratorToken(string signingKey) =>
        ProgramTracker.Api.Security.DevelopmentTokens.SignedWith(signingKey).Issue(ProgramTracker.Api.Security.DemoUsers.Administrator);

    public static async Task<(ChildApp App, TimeSpan ReadyAfter)> StartAsync(string connectionString)
    {
        var dll = ApiAssembly();
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ConnectionStrings__Marten"] = connectionString;
        // Production refuses the development sign-in; Staging is as production-like in every other way, and the
        // requests below carry a bearer token that the app validates on every request as it would an OIDC one.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        psi.Environment["ProgramTracker__Authentication__DemoSignIn"] = "true";
        psi.Environment["ProgramTracker__Authentication__DevSigningKey"] = SigningKey;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // The load comes from one caller; the limiter stays on (its cost is part of the measurement) but never refuses.
        psi.Environment["ProgramTracker__RateLimiting__WritesPerMinute"] = "10000000";
        psi.Environment["ProgramTracker__RateLimiting__ReadsPerMinute"] = "10000000";
        foreach (var name in new[] { "DOTNET_gcServer", "DOTNET_GCgen0size", "OTEL_SDK_DISABLED" })
        {
            if (Environment.GetEnvironmentVariable("BENCH_APP_" + name) is { } value) psi.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [app] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdministratorToken(SigningKey));
        var app = new ChildApp(process, http);
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return (app, clock.Elapsed);
            }
            catch (HttpRequestException) { }
            if (process.HasExited) break;
            await Task.Delay(20);
        }
        app.Dispose();
        throw new TimeoutException("The app did not become ready within 60 s.");
    }

    /// <summary>Resident set size now, and the peak (VmHWM) since start, in MB.</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Kb(string key) => double.Parse(status.First(l => l.StartsWith(key)).Split(':')[1].Trim().Split(' ')[0]) / 1024;
        return (Kb("VmRSS"), Kb("VmHWM"));
    }

    /// <summary>CPU time the app has used so far (user + system), from /proc.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        Http.Dispose();
    }

    public static string ApiAssembly()
    {
        var here = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release";
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln")))
                return Path.Combine(dir.FullName, "src", "ProgramTracker.Api", "bin", configuration, "net10.0", "ProgramTracker.Api.dll");
        }
        throw new FileNotFoundException("No ProgramTracker.sln above " + here);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
