using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// A private PostgreSQL cluster for the embedded default and for tests: initdb once, start on 127.0.0.1 and a
/// free port, stop on dispose. PostgreSQL refuses to run as root, so as root every server command runs as the
/// <c>postgres</c> user through runuser, on a directory that user owns.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable, IDisposable
{
    private const string ServiceUser = "postgres";
    private const string Database = "programtracker";

    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _deleteOnDispose;
    private readonly bool _weStartedIt;
    private int _stopped;

    private EmbeddedPostgres(string binDirectory, string root, int port, string password, bool deleteOnDispose, bool weStartedIt)
    {
        _binDirectory = binDirectory;
        RootDirectory = root;
        _dataDirectory = Path.Combine(root, "data");
        Port = port;
        _deleteOnDispose = deleteOnDispose;
        _weStartedIt = weStartedIt;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServiceUser,
            Password = password,
            Database = Database,
            // The cluster is ours alone; a modest pool keeps it within its max_connections on a small machine.
            MaxPoolSize = 40,
            // Marten opens and returns a pooled connection for every query of a session; resetting each one with
            // DISCARD ALL doubled a command's round trips. Nothing here keeps session state on a connection.
            NoResetOnClose = true,
        }.ConnectionString;
    }

    public string RootDirectory { get; }
    public int Port { get; }
    public string ConnectionString { get; }

    public static bool RunningAsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    /// <summary>Starts (initialising first if needed) the cluster kept in <paramref name="root"/>.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string root, string? binDirectory = null,
        bool deleteOnDispose = false, Action<string>? log = null, CancellationToken ct = default)
    {
        log ??= _ => { };
        var bin = FindBinaries(binDirectory);
        root = Path.GetFullPath(root);
        PrepareRoot(root);

        var data = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "password");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            log($"Initialising a private PostgreSQL cluster in {data}");
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
            await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), ct);
            ChownToServiceUser(passwordFile);
            await RunAsync(bin, "initdb", ct, "-D", data, "-U", ServiceUser, "-E", "UTF8", "--no-locale",
                "-A", "scram-sha-256", "--pwfile", passwordFile, "--no-sync");
        }

        var password = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();

        var runningPort = RunningPort(data);
        if (runningPort is { } existing && await CanConnectAsync(existing, password, ct))
        {
            log($"Reusing the PostgreSQL server already running on 127.0.0.1:{existing} ({data})");
            var reused = new EmbeddedPostgres(bin, root, existing, password, deleteOnDispose: false, weStartedIt: false);
            await reused.EnsureDatabaseAsync(ct);
            return reused;
        }

        // The server's Unix socket lives in the data directory; its path must fit the kernel's 107-byte limit.
        if (Path.Combine(data, ".s.PGSQL.65535").Length > 107)
        {
            throw new EmbeddedPostgresException(
                $"The PostgreSQL data folder {data} is too deep for the server's socket path (107 bytes at most). Choose a shorter folder.");
        }

        var port = FreePort();
        log($"Starting PostgreSQL on 127.0.0.1:{port} ({data})");
        await StartServerAsync(bin, root, data, port, ct);

        var pg = new EmbeddedPostgres(bin, root, port, password, deleteOnDispose, weStartedIt: true);
        await pg.EnsureDatabaseAsync(ct);
        return pg;
    }

    /// <summary>A throwaway cluster under the temp folder, deleted when disposed: one per test run.</summary>
    public static Task<EmbeddedPostgres> StartThrowawayAsync(string purpose, Action<string>? log = null, CancellationToken ct = default)
    {
        ReapOrphans(log);
        var root = Path.Combine(Path.GetTempPath(), $"programtracker-{purpose}-{Guid.NewGuid():N}"[..(16 + purpose.Length + 8)]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString());
        return StartAsync(root, deleteOnDispose: true, log: log, ct: ct);
    }

    /// <summary>
    /// Stops the server (fast shutdown: open sessions are cut) and starts it again on the same port, as an
    /// operator's restart or a failover would. Fault tests use it to check that the app recovers by itself.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime = default, CancellationToken ct = default)
    {
        if (!_weStartedIt) throw new EmbeddedPostgresException("Only a server this process started can be restarted.");
        await RunAsync(_binDirectory, "pg_ctl", ct, "-D", _dataDirectory, "-m", "fast", "-w", "-t", "30", "stop");
        if (downtime > TimeSpan.Zero) await Task.Delay(downtime, ct);
        await StartServerAsync(_binDirectory, RootDirectory, _dataDirectory, Port, ct);
    }

    private static Task StartServerAsync(string bin, string root, string data, int port, CancellationToken ct) =>
        RunAsync(bin, "pg_ctl", ct, "-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {port} -h 127.0.0.1 -k {data} -c max_connections=200 -c shared_buffers=128MB", "start");

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        if (_weStartedIt)
        {
            try
            {
                RunAsync(_binDirectory, "pg_ctl", CancellationToken.None, "-D", _dataDirectory, "-m", "fast", "-w", "-t", "30", "stop")
                    .GetAwaiter().GetResult();
            }
            catch (EmbeddedPostgresException)
            {
                // Already gone (the server was killed, or someone stopped it): nothing left to stop.
            }
        }

        if (_deleteOnDispose)
        {
            try { Directory.Delete(RootDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    public void Dispose() => Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", conn);
        exists.Parameters.AddWithValue("name", Database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database {Database}", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Looks for pg_ctl and initdb: an explicit folder (PG_BIN), then PATH, then the newest
    /// /usr/lib/postgresql/*/bin. Fails with one message that says how to fix it.
    /// </summary>
    public static string FindBinaries(string? explicitBin = null)
    {
        static bool Has(string dir) => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb"));

        explicitBin ??= Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(explicitBin))
        {
            return Has(explicitBin)
                ? explicitBin
                : throw new EmbeddedPostgresException(
                    $"PG_BIN is set to '{explicitBin}', but pg_ctl and initdb are not there. Point PG_BIN at a PostgreSQL 'bin' folder.");
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : []);

        return candidates.FirstOrDefault(Has) ?? throw new EmbeddedPostgresException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH, in PG_BIN or under /usr/lib/postgresql/*/bin. " +
            "Install them (Debian/Ubuntu: 'apt-get install -y postgresql'), set PG_BIN to their folder, " +
            "or use an existing server by setting ConnectionStrings__Marten.");
    }

    private static void PrepareRoot(string root)
    {
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsLinux() || !RunningAsRoot) return;

        // The server runs as 'postgres': it must be able to walk down to its data directory.
        for (var dir = Path.GetDirectoryName(root); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if ((mode & UnixFileMode.OtherExecute) == 0)
            {
                throw new EmbeddedPostgresException(
                    $"The PostgreSQL data folder {root} is under {dir}, which the 'postgres' user cannot enter (mode {Convert.ToString((int)mode, 8)}). " +
                    "Choose another folder with ProgramTracker:Postgres:DataDirectory (for example under /var/tmp), or set ConnectionStrings__Marten.");
            }
        }
        ChownToServiceUser(root);
    }

    private static void ChownToServiceUser(string path)
    {
        if (!RunningAsRoot) return;
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{ServiceUser}:", path]) { RedirectStandardError = true })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"Could not hand {path} to the '{ServiceUser}' user: {chown.StandardError.ReadToEnd().Trim()}. " +
                "As root the server must run as 'postgres'; create that user (it comes with the postgresql package).");
        }
    }

    private static async Task RunAsync(string bin, string tool, CancellationToken ct, params string[] args)
    {
        var exe = Path.Combine(bin, tool);
        var psi = RunningAsRoot
            ? new ProcessStartInfo("runuser", new[] { "-u", ServiceUser, "--", exe }.Concat(args))
            : new ProcessStartInfo(exe, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/";
        psi.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(psi) ?? throw new EmbeddedPostgresException($"Could not start {exe}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"{tool} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
        }
    }

    private static int? RunningPort(string data)
    {
        // postmaster.pid: line 1 is the pid, line 4 the port.
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<bool> CanConnectAsync(int port, string password, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = ServiceUser, Password = password, Database = "postgres",
            Pooling = false, Timeout = 3,
        };
        try
        {
            await using var conn = new NpgsqlConnection(cs.ConnectionString);
            await conn.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Stops and deletes throwaway clusters left by test runs whose process died before it could stop them
    /// (a killed test host), so orphaned servers never pile up.
    /// </summary>
    private static void ReapOrphans(Action<string>? log)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "programtracker-*"))
        {
            var ownerFile = Path.Combine(dir, "owner.pid");
            if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsAlive(owner)) continue;
            log?.Invoke($"Stopping an orphaned test cluster in {dir}");
            try
            {
                var bin = FindBinaries();
                if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                {
                    RunAsync(bin, "pg_ctl", CancellationToken.None, "-D", Path.Combine(dir, "data"), "-m", "immediate", "-w", "stop")
                        .GetAwaiter().GetResult();
                }
            }
            catch (EmbeddedPostgresException) { }
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
