using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Npgsql;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// What one command costs, counted rather than timed, so that a machine busy with other work does not change it:
/// database round trips (Npgsql commands and batches, each one network exchange), the statements they carry, bytes
/// sent to and read from PostgreSQL, and the bytes the process allocates. Npgsql reports commands through its
/// "Npgsql" meter (and, when listened to, its activity source: the statements); a transaction's BEGIN travels with its first command, its COMMIT is one more
/// round trip that neither reports, so writing transactions are counted from the transaction ids PostgreSQL hands out
/// (the async daemon's own writes meanwhile included: they are part of what a command costs).
/// </summary>
public sealed partial class CommandCost : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<string> _statements = new();
    private long _bytesWritten;
    private long _bytesRead;
    private long _commands;
    private long _spans;

    public CommandCost()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && (instrument.Name.Contains("bytes") || instrument.Name == "db.client.operation.npgsql.executing"))
                listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument, value));
        _meters.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument, value));
        _meters.Start();
    }

    /// <summary>
    /// Listens to Npgsql's "Npgsql" activity source, to list the statements. A listener makes Npgsql build an activity
    /// and the full text of every command and batch (the app's own tracer does not listen when nothing exports traces),
    /// so a count that compares CPU or allocations with production's is made without it.
    /// </summary>
    private ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (!Volatile.Read(ref _counting)) return;
                Interlocked.Increment(ref _spans);
                var sql = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                _statements.Enqueue(sql);
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private bool _counting;

    private void Add(Instrument instrument, long value)
    {
        if (!Volatile.Read(ref _counting)) return;
        if (instrument.Name == "db.client.operation.npgsql.executing") { if (value > 0) Interlocked.Add(ref _commands, value); }
        else if (instrument.Name.Contains("written")) Interlocked.Add(ref _bytesWritten, value);
        else if (instrument.Name.Contains("read")) Interlocked.Add(ref _bytesRead, value);
    }

    /// <summary>
    /// Runs <paramref name="commands"/> commands one after another and divides what they cost by their number. Round
    /// trips are counted from Npgsql's meter (each command or batch that starts executing); with
    /// <paramref name="statements"/> the activity source is listened to as well, to list the statements.
    /// </summary>
    public async Task<Cost> MeasureAsync(NpgsqlDataSource db, int commands, Func<int, Task> command, bool statements = true)
    {
        using var listener = statements ? Listen() : null;
        Interlocked.Exchange(ref _spans, 0);
        while (_statements.TryDequeue(out _)) { }
        var xidBefore = await TransactionIdAsync(db);
        Interlocked.Exchange(ref _bytesWritten, 0);
        Interlocked.Exchange(ref _bytesRead, 0);
        Interlocked.Exchange(ref _commands, 0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var postgresCpu = await PostgresCpu.OfServerAsync(db);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        Volatile.Write(ref _counting, true);
        for (var i = 0; i < commands; i++) await command(i);
        Volatile.Write(ref _counting, false);
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var postgresCpuMs = (await PostgresCpu.OfServerAsync(db) - postgresCpu)?.TotalMilliseconds;
        // Asking for the id takes one itself.
        var commits = await TransactionIdAsync(db) - xidBefore - 1;
        var listed = _statements.ToArray()
            .Select(Normalise)
            .GroupBy(s => s)
            .Select(g => (Statement: g.Key, PerCommand: g.Count() / (double)commands))
            .OrderByDescending(s => s.PerCommand)
            .ToList();
        return new Cost(Interlocked.Read(ref _commands) / (double)commands, commits / (double)commands,
            Interlocked.Read(ref _bytesWritten) / (double)commands, Interlocked.Read(ref _bytesRead) / (double)commands,
            allocatedBytes / (double)commands, cpuMs / commands, listed, postgresCpuMs / commands,
            statements ? Interlocked.Read(ref _spans) / (double)commands : null);
    }

    private static async Task<long> TransactionIdAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("select txid_current()");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Normalise(string sql)
    {
        var oneLine = Whitespace().Replace(sql, " ").Trim();
        return oneLine.Length > 160 ? oneLine[..160] + "…" : oneLine;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void Dispose()
    {
        _meters.Dispose();
    }
}

/// <param name="RoundTrips">Npgsql commands and batches per command (the COMMIT not included), from Npgsql's meter.</param>
/// <param name="Spans">Npgsql's command activities per command, when the statements were listed (equal to the round trips).</param>
/// <param name="Commits">Writing transactions per command (each one COMMIT round trip more).</param>
/// <param name="PostgresCpuMs">CPU of the PostgreSQL server per command (every backend and background process), where /proc tells.</param>
public sealed record Cost(double RoundTrips, double Commits, double BytesWritten, double BytesRead, double AllocatedBytes, double CpuMs,
    List<(string Statement, double PerCommand)> Statements, double? PostgresCpuMs = null, double? Spans = null)
{
    public string Describe() =>
        $"{RoundTrips:0.0} round trips + {Commits:0.0} writing transactions, {BytesWritten / 1024:0.0} KiB sent, {BytesRead / 1024:0.0} KiB read, " +
        $"{AllocatedBytes / 1024:0} KiB allocated, {CpuMs:0.00} ms CPU per command" +
        (PostgresCpuMs is { } server ? $" (PostgreSQL {server:0.00} ms)" : "");

    public string DescribeRead() =>
        $"{RoundTrips:0.0} round trips, {BytesRead / 1024:0.0} KiB read from PostgreSQL, {AllocatedBytes / 1024:0} KiB allocated, {CpuMs:0.00} ms CPU";
}

/// <summary>
/// The CPU time the whole PostgreSQL server has used so far: the postmaster, its live children (backends, WAL writer,
/// checkpointer) and the children it has already reaped, from /proc. Load on the machine does not change it much, so a
/// change to what the app asks of the database shows in it where timings cannot. Null where /proc does not tell.
/// </summary>
public static class PostgresCpu
{
    // USER_HZ: 100 on every Linux this runs on (the kernel's ABI fixes it for /proc).
    private const double TicksPerSecond = 100;

    public static async Task<TimeSpan?> OfServerAsync(NpgsqlDataSource db)
    {
        if (!OperatingSystem.IsLinux()) return null;
        await using var cmd = db.CreateCommand("select pg_backend_pid()");
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        try
        {
            var postmaster = Stat(backend).ParentId;
            var (_, own, reaped) = Stat(postmaster);
            var ticks = own + reaped;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == postmaster) continue;
                try
                {
                    var child = Stat(pid);
                    if (child.ParentId == postmaster) ticks += child.Own;
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Fields 4 (ppid), 14+15 (utime, stime) and 16+17 (reaped children's) of /proc/PID/stat.</summary>
    private static (int ParentId, long Own, long Reaped) Stat(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long F(int n) => long.Parse(fields[n - 3], System.Globalization.CultureInfo.InvariantCulture);
        return ((int)F(4), F(14) + F(15), F(16) + F(17));
    }
}
