using System.Diagnostics;
using Marten;
using Npgsql;
using NpgsqlTypes;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// Scenario 6's event store: one agreement (5 workstreams × 10 milestones, 30 progress reports each) written
/// through Marten, then copied with fresh ids straight into mt_streams and mt_events with PostgreSQL COPY. The
/// copies are byte for byte what Marten wrote, so the rebuild reads real events.
/// </summary>
public sealed class BulkEvents
{
    private sealed record StreamRow(Guid Id, string Type, long Version);
    private sealed record EventRow(Guid StreamId, long Version, string Type, string DotNetType, string Data, Guid[] IdsInData);

    private readonly Guid[] _ids;
    private readonly string _code;
    private readonly List<StreamRow> _streams;
    private readonly List<EventRow> _events;

    private BulkEvents(Guid[] ids, string code, List<StreamRow> streams, List<EventRow> events) =>
        (_ids, _code, _streams, _events) = (ids, code, streams, events);

    public int EventsPerCopy => _events.Count;
    public int StreamsPerCopy => _streams.Count;

    public static async Task<BulkEvents> TemplateAsync(IDocumentStore store, NpgsqlDataSource db)
    {
        var (agreements, workstreams, _) = await Commands.LoadPortfolioAsync(store, 1);
        var ids = new List<Guid> { agreements[0] };
        foreach (var id in workstreams)
        {
            Workstream workstream;
            await using (var session = store.QuerySession()) workstream = (await session.LoadAsync<Workstream>(id))!;
            await Commands.GrowStreamAsync(store, id, agreements[0], workstream.Milestones[0].Id, 41);
            ids.Add(id);
            ids.AddRange(workstream.Milestones.Select(m => m.Id));
        }

        var streams = new List<StreamRow>();
        await using (var cmd = db.CreateCommand($"select id, type, version from {MartenSetup.Schema}.mt_streams where id = any($1)"))
        {
            cmd.Parameters.AddWithValue(ids.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) streams.Add(new StreamRow(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
        }
        var events = new List<EventRow>();
        await using (var cmd = db.CreateCommand(
                         $"select stream_id, version, type, mt_dotnet_type, data::text from {MartenSetup.Schema}.mt_events where stream_id = any($1) order by seq_id"))
        {
            cmd.Parameters.AddWithValue(ids.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var data = reader.GetString(4);
                events.Add(new EventRow(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), data,
                    ids.Where(id => data.Contains(id.ToString(), StringComparison.Ordinal)).ToArray()));
            }
        }
        string code;
        await using (var session = store.QuerySession()) code = (await session.LoadAsync<Agreement>(agreements[0]))!.Code;
        return new BulkEvents(ids.ToArray(), code, streams, events);
    }

    /// <summary>Copies the template <paramref name="copies"/> times, over <paramref name="connections"/> connections at once.</summary>
    public async Task CopyAsync(NpgsqlDataSource db, int copies, int connections, Action<string> progress)
    {
        var done = 0;
        var quotedCode = $"\"{_code}\"";
        var clock = Stopwatch.StartNew();
        // COPY cannot call nextval(): reserve the sequence numbers up front, one block per copy.
        long first;
        await using (var reserve = db.CreateCommand($"select nextval('{MartenSetup.Schema}.mt_events_sequence')"))
            first = (long)(await reserve.ExecuteScalarAsync())!;
        await using (var reserve = db.CreateCommand($"select setval('{MartenSetup.Schema}.mt_events_sequence', $1)"))
        {
            reserve.Parameters.AddWithValue(first + (long)copies * _events.Count - 1);
            await reserve.ExecuteNonQueryAsync();
        }
        var start = DateTime.UtcNow.AddDays(-1);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, copies).Where(i => i % connections == c).ToList();
            foreach (var chunk in mine.Chunk(500))
            {
                var maps = chunk.Select(copy => (Seq: first + (long)copy * _events.Count, Code: $"\"R-{copy}\"", Ids: _ids.ToDictionary(id => id, _ => Guid.CreateVersion7()))).ToList();
                await using var conn = await db.OpenConnectionAsync();
                await using var tx = await conn.BeginTransactionAsync();
                await using (var streams = await conn.BeginBinaryImportAsync(
                                 $"copy {MartenSetup.Schema}.mt_streams (id, type, version) from stdin (format binary)"))
                {
                    foreach (var (_, _, map) in maps)
                    {
                        foreach (var s in _streams)
                        {
                            await streams.StartRowAsync();
                            await streams.WriteAsync(map[s.Id], NpgsqlDbType.Uuid);
                            await streams.WriteAsync(s.Type, NpgsqlDbType.Varchar);
                            await streams.WriteAsync(s.Version, NpgsqlDbType.Bigint);
                        }
                    }
                    await streams.CompleteAsync();
                }
                await using (var events = await conn.BeginBinaryImportAsync(
                                 $"copy {MartenSetup.Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) from stdin (format binary)"))
                {
                    var tick = 0;
                    foreach (var (seq, code, map) in maps)
                    {
                        for (var n = 0; n < _events.Count; n++)
                        {
                            var e = _events[n];
                            var data = e.Data;
                            foreach (var id in e.IdsInData) data = data.Replace(id.ToString(), map[id].ToString(), StringComparison.Ordinal);
                            // Agreement codes are unique.
                            data = data.Replace(quotedCode, code, StringComparison.Ordinal);
                            await events.StartRowAsync();
                            await events.WriteAsync(seq + n, NpgsqlDbType.Bigint);
                            await events.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                            await events.WriteAsync(map[e.StreamId], NpgsqlDbType.Uuid);
                            await events.WriteAsync(e.Version, NpgsqlDbType.Bigint);
                            await events.WriteAsync(data, NpgsqlDbType.Jsonb);
                            await events.WriteAsync(e.Type, NpgsqlDbType.Varchar);
                            await events.WriteAsync(start.AddMilliseconds(tick++), NpgsqlDbType.TimestampTz);
                            await events.WriteAsync(e.DotNetType, NpgsqlDbType.Varchar);
                        }
                    }
                    await events.CompleteAsync();
                }
                await tx.CommitAsync();
                var total = Interlocked.Add(ref done, chunk.Length);
                progress($"{(long)total * _events.Count:N0} events copied ({total * _events.Count / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        })));
    }

    public static async Task<long> StreamCountAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand($"select count(*) from {MartenSetup.Schema}.mt_streams");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand($"select count(*) from {MartenSetup.Schema}.mt_events");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}

/// <summary>Scenario 6's rebuild: the app's own <c>projections rebuild</c> command as a child process, its peak RSS sampled.</summary>
public static class RebuildCommand
{
    /// <summary>One rebuild's figures: wall-clock time, peak RSS, the command's CPU and each projection's time as it logged it.</summary>
    public sealed record Result(TimeSpan Elapsed, double PeakRssMb, TimeSpan Cpu, IReadOnlyList<(string Projection, long Ms)> Projections, string RuntimeCounts);

    public static async Task<(TimeSpan Elapsed, double PeakRssMb)> RunAsync(string connectionString, TimeSpan timeout)
    {
        var result = await RunAsync(connectionString, timeout, new Dictionary<string, string>());
        return (result.Elapsed, result.PeakRssMb);
    }

    /// <summary>
    /// --rebuild-variants "batch=500;batch=5000": environment settings for the command, one variant per entry. A key with
    /// "__" is an environment variable as is; "batch" is ProgramTracker__Projections__BatchSize, "concurrent" the
    /// command's --max-concurrent flag, "timeout" its --shard-timeout (each projection's bound, 5 minutes by default: "20m").
    /// </summary>
    public static (Dictionary<string, string> Environment, string[] Flags) Variant(string variant)
    {
        var environment = new Dictionary<string, string>();
        var flags = new List<string>();
        foreach (var setting in variant.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (setting.Split('=')[0], setting[(setting.IndexOf('=') + 1)..]);
            switch (key)
            {
                case "batch": environment["ProgramTracker__Projections__BatchSize"] = value; break;
                case "concurrent": flags.AddRange(["--max-concurrent", value]); break;
                case "timeout": flags.AddRange(["--shard-timeout", value]); break;
                case "default": break;
                default:
                    // DOTNET_* passes the runtime's own settings, e.g. DOTNET_DiagnosticPorts=/tmp/rebuild.sock to profile the command.
                    if (!key.Contains("__") && !key.StartsWith("DOTNET_", StringComparison.Ordinal))
                        throw new ArgumentException($"Unknown rebuild variant setting '{key}' (batch, concurrent, or an environment variable with __ or DOTNET_).");
                    environment[key] = value;
                    break;
            }
        }
        return (environment, flags.ToArray());
    }

    /// <summary>
    /// How README (Operations, rebuilding projections) tells operators to run the command: with a 64 MB gen0 budget
    /// (hexadecimal, as the runtime reads it). On this machine's default budget (about 16 MB) a rebuild of 200,034 events
    /// ran 174–177 gen0 and 51–121 gen1 collections; with 64 MB 43–44 and 1–20 (README, Performance, scenario 6). The
    /// runtime takes it from the environment only (not from runtimeconfig.json), and serving nodes keep their default.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RecommendedEnvironment = new Dictionary<string, string>
    {
        ["DOTNET_GCgen0size"] = "4000000",
    };

    public static async Task<Result> RunAsync(string connectionString, TimeSpan timeout, Dictionary<string, string> settings, string[]? flags = null)
    {
        var clock = Stopwatch.StartNew();
        var environment = new Dictionary<string, string>(RecommendedEnvironment);
        foreach (var (key, value) in settings) environment[key] = value;
        environment["ConnectionStrings__Marten"] = connectionString;
        environment["Logging__LogLevel__Default"] = "Warning";
        // A variant's "NAME=" (empty) leaves that variable unset: DOTNET_GCgen0size= runs the command on the runtime's defaults.
        foreach (var key in environment.Where(e => e.Value.Length == 0).Select(e => e.Key).ToList()) environment.Remove(key);
        await using var rebuild = AppProcess.StartCommand(["projections", "rebuild", .. flags ?? []], environment);
        double peak = 0;
        var cpu = TimeSpan.Zero;
        // Each probe samples the peak resident set (VmHWM) and the CPU so far until the command exits.
        var ended = await PollUntil(() =>
        {
            try
            {
                peak = Math.Max(peak, rebuild.Memory().Peak);
                cpu = rebuild.CpuTime();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException) { }
            return Task.FromResult(rebuild.HasExited);
        }, timeout, TimeSpan.FromMilliseconds(50));
        if (!ended) throw new TimeoutException($"projections rebuild took longer than {timeout.TotalMinutes:0} minutes.");
        await rebuild.WaitForExitAsync(TimeSpan.FromSeconds(10));
        clock.Stop();
        if (rebuild.ExitCode != 0)
        {
            var log = Path.Combine(Path.GetTempPath(), $"programtracker-rebuild-{DateTime.UtcNow:HHmmss}.log");
            File.WriteAllText(log, rebuild.Output);
            throw new InvalidOperationException($"projections rebuild exited with {rebuild.ExitCode}; its output is in {log}");
        }
        // JasperFx's command writes "Finished rebuilding <name> in <n> ms" for each projection.
        var projections = System.Text.RegularExpressions.Regex.Matches(rebuild.Output, @"Finished rebuilding (\S+) in (\d+) ms")
            .Select(m => (m.Groups[1].Value, long.Parse(m.Groups[2].Value))).ToList();
        // The command's last line: its collections, bytes allocated and GC pauses (ProgramTracker.Api.Hosting.RuntimeCounts).
        var counts = rebuild.Output.Split('\n').LastOrDefault(l => l.StartsWith(ProgramTracker.Api.Hosting.RuntimeCounts.Prefix, StringComparison.Ordinal))?
            [ProgramTracker.Api.Hosting.RuntimeCounts.Prefix.Length..].Trim() ?? "";
        return new Result(clock.Elapsed, peak, cpu, projections, counts);
    }
}
