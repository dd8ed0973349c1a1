using System.Globalization;
using System.Text;
using System.Text.Json;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Wolverine;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Benchmarks;

// ProgramTracker against hand-written Npgsql, interleaved in one run, on a throwaway PostgreSQL with fsync on.
//   dotnet run -c Release --project tests/ProgramTracker.Benchmarks -- [--quick]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
// --only 2,8 runs just those scenarios (for profiling one of them).
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',').ToHashSet();
bool Runs(params string[] scenarios) => only is null || scenarios.Any(only.Contains);
// --npgsql "Max Auto Prepare=20" adds connection-string settings for the app (to measure Npgsql tuning).
var npgsqlExtra = args.SkipWhile(a => a != "--npgsql").Skip(1).FirstOrDefault();
// --fast-polling MS sets the async daemon's fast polling time in the in-process app (to measure scenario 4's tuning).
var fastPolling = args.SkipWhile(a => a != "--fast-polling").Skip(1).FirstOrDefault() is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms)) : (TimeSpan?)null;
// --listen-notify on|off overrides the app's LISTEN/NOTIFY wake-up of the async daemon (ProgramTracker:Projections:ListenNotify).
var listenNotify = args.SkipWhile(a => a != "--listen-notify").Skip(1).FirstOrDefault();
// --wake-on-commit on|off overrides the app's in-process wake-up of the async daemon (ProgramTracker:Projections:WakeOnCommit, on by default),
// --poll-spacing MS its least time between two high-water polls (ProgramTracker:Projections:PollSpacingMs).
var wakeOnCommit = args.SkipWhile(a => a != "--wake-on-commit").Skip(1).FirstOrDefault();
var pollSpacing = args.SkipWhile(a => a != "--poll-spacing").Skip(1).FirstOrDefault();
// --lag-compare: scenario 4 alternates, round by round in one app, between plain polling (before), the app's wake-up, and the
// wake-up with ProgramTracker:Projections:WakeWhenGapFills on (--lag-variants for other settings).
var lagCompare = args.Contains("--lag-compare");
var readWarmUp = args.SkipWhile(a => a != "--read-warmup").Skip(1).FirstOrDefault() != "off";
SwitchableWakeup? switchableWakeup = null;
var size = quick ? Size.Quick : Size.Full;
// --scale 1000,10000: scenario 5 at each of these portfolio sizes in turn (default 20 quick, 1,000 full).
var scales = (args.SkipWhile(a => a != "--scale").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse) ?? [size.Agreements]).Order().ToList();
// --settle on|off: after each portfolio size is loaded, VACUUM (ANALYZE) and CHECKPOINT before scenario 5 reads (on by default).
var settle = args.SkipWhile(a => a != "--settle").Skip(1).FirstOrDefault() != "off";
const int OfficerWorkstreams = 50;
// --events N: how many events scenario 6 rebuilds over (default 10,000 quick, 1,000,000 full).
// --rebuild-variants "batch=500;batch=2000,concurrent=1" [--rebuild-rounds N]: scenario 6 rebuilds once per variant per round.
if (args.SkipWhile(a => a != "--events").Skip(1).FirstOrDefault() is { } eventCount) size = size with { RebuildEvents = int.Parse(eventCount) };
// --cost-commands N: how many progress reports scenario 9 counts (default 20 quick, 400 full; more for a CPU profile).
if (args.SkipWhile(a => a != "--cost-commands").Skip(1).FirstOrDefault() is { } costCommands) size = size with { CostCommands = int.Parse(costCommands) };
// --reads N: how many reads each of scenario 5's 8 readers makes per round (default 10 quick, 60 full; more for a CPU profile).
if (args.SkipWhile(a => a != "--reads").Skip(1).FirstOrDefault() is { } readsPerReader) size = size with { Reads = int.Parse(readsPerReader) };
var rows = new List<Row>();
var started = DateTimeOffset.UtcNow;
ThreadPool.SetMinThreads(64, 64);

Console.WriteLine($"ProgramTracker benchmarks ({(quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, .NET {Environment.Version}");
await using var postgres = await EmbeddedPostgres.StartThrowawayAsync("tests-bench", log: m => Console.WriteLine($"  {m}"));
try
{
    await using var db = new NpgsqlDataSourceBuilder(postgres.ConnectionString).Build();
    string serverInfo;
    await using (var cmd = db.CreateCommand("select current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')"))
        serverInfo = (string)(await cmd.ExecuteScalarAsync())!;
    Console.WriteLine($"  PostgreSQL {serverInfo}");
    var appConnectionString = npgsqlExtra is null ? postgres.ConnectionString : $"{postgres.ConnectionString};{npgsqlExtra}";
    if (npgsqlExtra is not null) Console.WriteLine($"  app connection string adds: {npgsqlExtra}");
    var baseline = new Baseline(db);
    await baseline.CreateSchemaAsync();

    JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
    // WebApplicationFactory looks for the API's content root by convention (test projects get a manifest); tell it.
    var apiFolder = Path.GetDirectoryName(AppProcess.ApiDll)!;
    var contentRoot = Path.GetFullPath(Path.Combine(apiFolder, "..", "..", ".."));
    Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PROGRAMTRACKER_API", contentRoot);
    BulkEvents? template = null;
    if (Runs("1", "3", "4", "5", "6", "9"))
    // The load comes from one caller; the shared test settings keep the limiter on but never refusing.
    await using (var host = InProcessHost.Start(appConnectionString, "Staging", web =>
                 {
                     web.UseContentRoot(contentRoot);
                     web.UseSetting("ProgramTracker:Authentication:DevSigningKey", AppProcess.SigningKey);
                     web.UseSetting("Logging:LogLevel:Default", "Warning");
                     // Wolverine scans the process's entry assembly, which here is the benchmark, not the API.
                     web.ConfigureServices(services => services.ConfigureWolverine(o => o.ApplicationAssembly = typeof(ProgramTracker.Api.Common.CommandAccepted).Assembly));
                     if (listenNotify is not null) web.UseSetting("ProgramTracker:Projections:ListenNotify", listenNotify == "on" ? "true" : "false");
                     if (fastPolling is { } polling) web.ConfigureServices(services => services.ConfigureMarten(o => o.Projections.FastPollingTime = polling));
                     // --lag-compare compares against the wake-up, so it is on unless told otherwise.
                     if (wakeOnCommit is not null || lagCompare) web.UseSetting("ProgramTracker:Projections:WakeOnCommit", wakeOnCommit == "off" ? "false" : "true");
                     if (pollSpacing is not null) web.UseSetting("ProgramTracker:Projections:PollSpacingMs", pollSpacing);
                     // Scenario 4 wraps the daemon's wake-up to switch it off for --lag-compare's "before" rounds and to record the agent's waits.
                     if (Runs("4")) web.ConfigureServices(services => services.ConfigureMarten(o => o.Projections.Wakeup = switchableWakeup = new SwitchableWakeup(o.Projections.Wakeup)));
                 }))
    {
        var http = host.CreateClient();
        var store = host.Store;
        var agreement = await http.RegisteredAgreement();

        // 5. Reads over a loaded portfolio, at each --scale in turn (the store grows between them); the baseline reads the
        // same stored documents with the best hand-written query. First, so that the portfolio pages hold the loaded
        // agreements, not the later scenarios' agreements of hundreds of workstreams.
        if (Runs("5"))
        {
            var portfolio = new Portfolio([], [], []);
            var officer = host.CreateClient(ProgramTracker.Api.Security.DemoUsers.Officer);
            // The officer's agreements and a template are written through Marten; the rest are copies of the template, made
            // in SQL (PortfolioClone), checked through the API against it, and once (at the first scale) by a rebuild.
            var officerAgreements = OfficerWorkstreams / 5;
            var templateSize = quick ? 2 : 10;
            Portfolio? seed = null;
            var templateCode = "";
            var copies = 0;
            foreach (var scale in scales)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var before = portfolio.Agreements.Count;
                if (seed is null)
                {
                    portfolio.Add(await Commands.LoadPortfolioAsync(store, officerAgreements, 0, ProgramTracker.Api.Security.DemoUsers.Officer.PersonId, OfficerWorkstreams));
                    seed = await Commands.LoadPortfolioAsync(store, templateSize, officerAgreements, tail: PortfolioClone.TemplateTail);
                    portfolio.Add(seed);
                    await using (var session = store.QuerySession())
                        templateCode = (await session.LoadAsync<ProgramTracker.Api.Agreements.Agreement>(seed.Agreements[0]))!.Code;
                    await host.WaitForProjectionsAsync(TimeSpan.FromMinutes(5));
                }
                var throughMarten = clock.Elapsed;
                var more = Math.Max(0, (int)Math.Ceiling((scale - portfolio.Agreements.Count) / (double)templateSize));
                var last = TimeSpan.Zero;
                IReadOnlyList<(string Table, long Rows)> copied = more == 0 ? [] : await PortfolioClone.CopyAsync(host.Services, db, copies + 1, copies + more, message =>
                {
                    if (clock.Elapsed - last < TimeSpan.FromSeconds(10)) return;
                    last = clock.Elapsed;
                    Console.WriteLine($"  {message}");
                });
                for (var copy = copies + 1; copy <= copies + more; copy++)
                {
                    portfolio.Agreements.AddRange(seed.Agreements.Select(id => PortfolioClone.IdOf(id, copy)));
                    portfolio.Workstreams.AddRange(seed.Workstreams.Select(id => PortfolioClone.IdOf(id, copy)));
                    portfolio.Committees.AddRange(seed.Committees.Select(id => PortfolioClone.IdOf(id, copy)));
                }
                var copiedIn = clock.Elapsed - throughMarten;
                await host.WaitForProjectionsAsync(TimeSpan.FromMinutes(5));
                var events = await BulkEvents.CountAsync(db);
                var loaded = $"{portfolio.Agreements.Count - before:N0} agreements × (5 workstreams × 10 milestones + a committee of 4) in {clock.Elapsed.TotalSeconds:0} s: " +
                             (before == 0 ? $"{officerAgreements + templateSize} through Marten ({throughMarten.TotalSeconds:0} s, async daemon caught up), " : "") +
                             $"{more * templateSize:N0} as {more:N0} copies of a template of {templateSize} in SQL ({copiedIn.TotalSeconds:0} s: " +
                             string.Join(", ", copied.Select(c => $"{c.Table} {c.Rows:N0}")) + $"); {events:N0} events in the store";
                Console.WriteLine($"  5. loaded {loaded}; load average {LoadAverage()}");
                if (more > 0)
                {
                    var reads = await PortfolioClone.VerifyAsync(http, seed, templateCode, new[] { copies + 1, copies + more }.Distinct());
                    Console.WriteLine($"  5. {reads} reads of copies (API and pages) matched the template's");
                }
                copies += more;
                var check = "";
                // The rebuild check takes most of a quick run's scenario 5 (about 50 s on 2 cores), so the CI smoke run
                // checks the copies through the API only; every full run also rebuilds and compares.
                if (scale == scales[0] && !quick)
                {
                    check = "; " + await PortfolioClone.RebuildMatchesAsync(host.Services, db, postgres.ConnectionString);
                    Console.WriteLine($"  5. {check[2..]}");
                }
                rows.Add(new Row("5", $"load of {scale:N0} agreements", loaded + check, "", null, "", null,
                    new() { ["seconds"] = clock.Elapsed.TotalSeconds, ["copySeconds"] = copiedIn.TotalSeconds, ["events"] = events })
                    { Note = "setup" });
                // The load wrote every table in bulk: finish it as any bulk load would (vacuum, statistics, a checkpoint),
                // so that scenario 5 reads a settled store, not one that autovacuum and the checkpointer are still working on.
                if (settle) Console.WriteLine($"  5. settled the store after the load of {scale:N0}: {await PortfolioPlan.SettleAsync(db)}");
                var portfolioPlan = await PortfolioPlan.ExplainAsync(db, scale, ProgramTracker.Api.Security.DemoUsers.Officer.PersonId!,
                    host.Services.GetRequiredService<ProgramTracker.Api.Dashboards.PortfolioTotals>().Shard);
                Console.WriteLine($"  5. the portfolio page's statements at {scale:N0} agreements:\n{portfolioPlan}");
                rows.Add(new Row("5", $"a portfolio page's statement (the total and the lines: a middle page of {scale:N0} with the total counted and kept, the last page, the officer's page; then the ids with the total as a window, as before), EXPLAIN ANALYZE", PortfolioPlan.ExecutionTimes(portfolioPlan),
                    "", null, "", null, new()));
                Report(rows[^1]);
                var (withIndex, withoutIndex) = await AccessPlan.ExplainAsync(db, ProgramTracker.Api.Security.DemoUsers.Officer.PersonId!);
                Console.WriteLine($"  5. an officer's workstreams at {scale:N0} agreements, with the officers index:\n{withIndex}     and without it:\n{withoutIndex}");
                rows.Add(new Row("5", $"an officer's access (50 of {scale * 5:N0} workstreams), EXPLAIN ANALYZE", $"with the officers index {AccessPlan.ExecutionTime(withIndex)}",
                    $"without it {AccessPlan.ExecutionTime(withoutIndex)}", null, "", null, new()));
                Report(rows[^1]);
                var (reviewersNow, reviewersBefore) = await AccessPlan.ExplainReviewersAsync(db, ProgramTracker.Api.Security.DemoUsers.Officer.PersonId!);
                Console.WriteLine($"  5. a user's reviewing at {scale:N0} agreements, as sent now:\n{reviewersNow}     and as LINQ sent it before:\n{reviewersBefore}");
                rows.Add(new Row("5", $"a user's agreements to review ({scale:N0} agreements), EXPLAIN ANALYZE", $"data -> 'Reviewers' @> (now) {AccessPlan.ExecutionTime(reviewersNow)}",
                    $"data @> {{Reviewers}} (before) {AccessPlan.ExecutionTime(reviewersBefore)}", null, "", null, new()));
                Report(rows[^1]);
                var background = await PortfolioPlan.BackgroundAsync(db);
                await ReadsAsync(db, scale, portfolio, http, officer, host.Services.GetRequiredService<ProgramTracker.Api.Dashboards.PortfolioTotals>().Shard);
                Console.WriteLine($"  5. while scenario 5 read at {scale:N0} agreements{(settle ? "" : " (not settled)")}: " +
                                  PortfolioPlan.Describe(background, await PortfolioPlan.BackgroundAsync(db)));
            }
        }

        // 9. What one progress report costs, counted: round trips, statements, bytes, allocations (see CommandCost).
        if (Runs("9"))
        {
            var (workstream, milestone) = await Commands.WorkstreamAsync(http, agreement);
            using var counter = new CommandCost();
            await counter.MeasureAsync(db, 5, i => Commands.RecordProgressAsync(http, workstream, milestone, i));
            // A count that includes a catch-up of the audit chain measures the catch-up, not the command.
            Console.WriteLine($"  9. before counting: {await ChainBehindAsync(db)}");
            // Counted without listening to Npgsql's activities, as production runs when nothing exports traces (a
            // listener makes Npgsql build every command's activity and text); the statements are listed by a shorter
            // count that listens.
            var cost = await counter.MeasureAsync(db, size.CostCommands, i => Commands.RecordProgressAsync(http, workstream, milestone, i), statements: false);
            Console.WriteLine($"  9. after counting: {await ChainBehindAsync(db)}");
            var stored = await Commands.StoredSizesAsync(db, workstream);
            var listed = Math.Min(size.CostCommands, 100);
            var traced = await counter.MeasureAsync(db, listed, i => Commands.RecordProgressAsync(http, workstream, milestone, i));
            Console.WriteLine($"  9. statements per progress report ({listed} in a row, one writer, Npgsql's activities listened to: {traced.Spans:0.00} a command; round trips {traced.RoundTrips:0.00}; {traced.AllocatedBytes / 1024:0} KiB allocated, {traced.CpuMs:0.00} ms CPU):");
            foreach (var (statement, perCommand) in traced.Statements) Console.WriteLine($"     {perCommand:0.00} × {statement}");
            rows.Add(new Row("9", "cost of one progress report, in process, counted", cost.Describe() + $"; {stored.Describe()}", "", null, "", null, new()
            {
                ["roundTrips"] = cost.RoundTrips, ["writingTransactions"] = cost.Commits, ["bytesSent"] = cost.BytesWritten, ["bytesRead"] = cost.BytesRead,
                ["allocatedBytes"] = cost.AllocatedBytes, ["cpuMs"] = cost.CpuMs, ["snapshotBytes"] = stored.Snapshot, ["eventDataBytes"] = stored.EventData,
                ["eventHeadersBytes"] = stored.EventHeaders,
            }));
            if (cost.PostgresCpuMs is { } postgresCpuMs) rows[^1].Numbers["postgresCpuMs"] = postgresCpuMs;
            Report(rows[^1]);

            // The same with the async daemon paused: what the request itself costs. The daemon's share grows with the
            // time a command takes (it polls per unit of time), so on a busy machine only this row compares two builds.
            var coordinator = host.Services.GetRequiredService<JasperFx.Events.Daemon.IProjectionCoordinator>();
            await coordinator.PauseAsync();
            Cost alone;
            try
            {
                await counter.MeasureAsync(db, 5, i => Commands.RecordProgressAsync(http, workstream, milestone, i));
                alone = await counter.MeasureAsync(db, size.CostCommands, i => Commands.RecordProgressAsync(http, workstream, milestone, i), statements: false);
            }
            finally
            {
                await coordinator.ResumeAsync();
            }
            rows.Add(new Row("9", "cost of one progress report, in process, counted, async daemon paused", alone.Describe(), "", null, "", null, new()
            {
                ["roundTrips"] = alone.RoundTrips, ["writingTransactions"] = alone.Commits, ["bytesSent"] = alone.BytesWritten, ["bytesRead"] = alone.BytesRead,
                ["allocatedBytes"] = alone.AllocatedBytes, ["cpuMs"] = alone.CpuMs,
            }));
            if (alone.PostgresCpuMs is { } aloneServer) rows[^1].Numbers["postgresCpuMs"] = aloneServer;
            Report(rows[^1]);
        }

        // 1. Record a milestone's progress through Wolverine + Marten, in process (TestServer: the whole pipeline, no sockets).
        double? peak = null;
        if (Runs("1")) Console.WriteLine($"  1. before the writers: {await ChainBehindAsync(db)}");
        foreach (var writers in Runs("1") ? new[] { 1, 8, 32 } : Runs("4") && !args.Contains("--lag-rate") ? [8] : [])
        {
            var each = size.CommandsPerWriter(writers);
            var pt = await StreamsAsync(writers, () => Commands.WorkstreamAsync(http, agreement));
            var bl = await StreamsAsync(writers, async () => (await baseline.NewStreamAsync(), Guid.Empty));
            var (mine, theirs) = await InterleavedAsync(size.Rounds,
                () => Measure.RunAsync(writers, each, (w, i) => { var s = pt[w][i % pt[w].Length]; return Commands.RecordProgressAsync(http, s.Workstream, s.Milestone, i); }),
                () => Measure.RunAsync(writers, each, (w, i) => baseline.RecordProgressAsync(bl[w][i % bl[w].Length].Workstream, i)));
            rows.Add(Row.Throughput("1", $"record progress, in process, {writers} writer{(writers > 1 ? "s" : "")}", mine, theirs,
                writers == 8 ? "ratio ≥ 0.45" : "", writers == 8 ? mine.PerSecond / theirs.PerSecond >= 0.45 : null));
            Report(rows[^1]);
            peak = Math.Max(peak ?? 0, mine.PerSecond);
        }
        if (Runs("1")) Console.WriteLine($"  1. after the writers: {await ChainBehindAsync(db)}");

        // 4. Projection lag: progress reports at half of scenario 1's peak, until the agreement dashboard (async) shows each.
        if (Runs("4"))
        {
            var lagAgreement = await http.RegisteredAgreement();
            var streams = new (Guid, Guid)[8];
            for (var i = 0; i < streams.Length; i++) streams[i] = await Commands.WorkstreamAsync(http, lagAgreement);
            // --lag-rate N fixes the rate, so runs with different settings send the same load.
            var rate = args.SkipWhile(a => a != "--lag-rate").Skip(1).FirstOrDefault() is { } fixedRate ? double.Parse(fixedRate) : peak!.Value / 2;
            var daemon = host.Services.GetRequiredService<JasperFx.Events.Daemon.IProjectionCoordinator>().DaemonForMainDatabase();
            var duration = args.SkipWhile(a => a != "--lag-seconds").Skip(1).FirstOrDefault() is { } seconds ? TimeSpan.FromSeconds(double.Parse(seconds)) : size.LagDuration;
            Task<(Sample Lag, Sample Commands, ProjectionLag.Stages Stages)> Lag() => ProjectionLag.MeasureAsync(http, store, db, daemon, lagAgreement, streams, rate, duration, switchableWakeup?.Waits);
            var rateLabel = args.Contains("--lag-rate") ? "fixed" : "half of scenario 1's peak";
            var wakeupLabel = listenNotify == "on" ? "LISTEN/NOTIFY on" : wakeOnCommit == "off" && !lagCompare ? "polling only" : $"woken on commit{(pollSpacing is null ? "" : $", polls ≥ {pollSpacing} ms apart")}";
            void LagRow(string scenario, string how, (Sample Lag, Sample Commands, ProjectionLag.Stages Stages) run)
            {
                var (lag, sent, stages) = run;
                rows.Add(new Row(scenario, $"projection lag, append → agreement dashboard, at {rate:0} commands/s ({rateLabel}, {how}, load {LoadAverage()})",
                    $"p50 {lag.P50:0} ms, p99 {lag.P99:0} ms ({lag.Operations} commands, sent at {sent.PerSecond:0}/s, commands p50 {sent.P50:0} ms); {stages.Describe()}", "", null, "p99 ≤ 500 ms", lag.P99 <= 500,
                    new() { ["p50Ms"] = lag.P50, ["p99Ms"] = lag.P99, ["targetPerSecond"] = rate, ["sentPerSecond"] = sent.PerSecond, ["commands"] = lag.Operations,
                        ["commandP50Ms"] = sent.P50, ["commandP99Ms"] = sent.P99,
                        ["toHighWaterP50Ms"] = stages.ToHighWater.P50, ["toHighWaterP99Ms"] = stages.ToHighWater.P99,
                        ["highWaterToShardP50Ms"] = stages.HighWaterToShard.P50, ["highWaterToShardP99Ms"] = stages.HighWaterToShard.P99,
                        ["shardToReadP50Ms"] = stages.ShardToRead.P50, ["shardToReadP99Ms"] = stages.ShardToRead.P99, ["highWaterAdvances"] = stages.Polls }));
                Report(rows[^1]);
                // --lag-trace N: the N slowest events' timelines as well (offsets in ms from the event's acknowledgement).
                var examples = args.SkipWhile(a => a != "--lag-trace").Skip(1).FirstOrDefault() is { } n ? int.Parse(n) : 0;
                Console.WriteLine($"     why: {LagTrace.Summarise(stages.Slow, stages.ToHighWater.Operations, ProjectionLag.Stages.SlowMs, examples)}");
            }
            // --lag-variants "wake=off;spacing=250,gapwake=off;gapwake=on": scenario 4 alternates these settings round by round in one
            // app (rotating which goes first), as --lag-compare does for polling only against the wake-up ("wake=off;wake=on").
            var variants = args.SkipWhile(a => a != "--lag-variants").Skip(1).FirstOrDefault()?.Split(';') ?? (lagCompare ? ["wake=off", "wake=on", "gapwake=on"] : null);
            // --idle S: before the lag rounds, the app's CPU time, the agent's polls and PostgreSQL's transactions while nothing is
            // sent, S seconds in each mode (polling only, then the wake-up, or each of --lag-variants), so a cheaper lag is not
            // bought with a busier idle node.
            if (args.SkipWhile(a => a != "--idle").Skip(1).FirstOrDefault() is { } idleSeconds && switchableWakeup is { } idleSwitch)
            {
                var idleFor = TimeSpan.FromSeconds(double.Parse(idleSeconds));
                foreach (var variant in variants ?? ["wake=off", "wake=on"])
                {
                    LagVariant.Apply(variant, idleSwitch, (DocumentStore)store);
                    var from = System.Diagnostics.Stopwatch.GetTimestamp();
                    var (cpu, transactions) = await IdleAsync(db, idleFor);
                    var polls = idleSwitch.Waits.Since(from).Count;
                    Console.WriteLine($"  4. idle {idleSeconds} s, {variant}: app CPU {cpu.TotalMilliseconds:0} ms " +
                                      $"({cpu.TotalMilliseconds / idleFor.TotalSeconds / 10:0.00}% of a core), {polls / (idleFor.TotalSeconds + 2):0.0} high-water polls/s, " +
                                      $"PostgreSQL transactions {transactions / idleFor.TotalSeconds:0.0}/s; load {LoadAverage()}");
                }
                LagVariant.Apply("", idleSwitch, (DocumentStore)store);
            }
            if (variants is not null && switchableWakeup is { } switchable)
            {
                var results = variants.ToDictionary(v => v, _ => new List<(Sample, Sample, ProjectionLag.Stages)>());
                for (var r = 0; r < Math.Max(2, size.Rounds * 2); r++)
                {
                    foreach (var variant in variants.Skip(r % variants.Length).Concat(variants.Take(r % variants.Length)))
                    {
                        LagVariant.Apply(variant, switchable, (DocumentStore)store);
                        results[variant].Add(await Lag());
                    }
                }
                LagVariant.Apply("", switchable, (DocumentStore)store);
                static (Sample, Sample, ProjectionLag.Stages) Combined(List<(Sample Lag, Sample Commands, ProjectionLag.Stages Stages)> runs) =>
                    (Sample.Combine(runs.Select(x => x.Lag)), Sample.Combine(runs.Select(x => x.Commands)), ProjectionLag.Stages.Combine(runs.Select(x => x.Stages)));
                foreach (var variant in variants)
                {
                    var how = lagCompare && variant == "wake=off" ? $"before: polling only, {results[variant].Count} rounds"
                        : lagCompare && variant == "wake=on" ? $"after: {wakeupLabel}, {results[variant].Count} rounds interleaved"
                        : lagCompare && variant == "gapwake=on" ? $"after: {wakeupLabel}, and at once when an append a poll was held behind commits, {results[variant].Count} rounds interleaved"
                        : $"{variant}, {results[variant].Count} rounds interleaved";
                    LagRow("4", how, Combined(results[variant]));
                }
            }
            else
            {
                LagRow("4", wakeupLabel, await Lag());
            }
        }

        // 3. Command latency on a short and a long stream: snapshots, not replays, keep them alike.
        if (Runs("3"))
        {
            var shortStream = await Commands.WorkstreamAsync(http, agreement);
            var longStream = await Commands.WorkstreamAsync(http, agreement);
            await Commands.GrowStreamAsync(store, shortStream.Workstream, agreement, shortStream.Milestone, 10);
            await Commands.GrowStreamAsync(store, longStream.Workstream, agreement, longStream.Milestone, size.LongStream);
            var (shortSample, longSample) = await InterleavedAsync(size.Rounds,
                () => Measure.RunAsync(1, size.LatencyCommands, (_, i) => Commands.RecordProgressAsync(http, shortStream.Workstream, shortStream.Milestone, i)),
                () => Measure.RunAsync(1, size.LatencyCommands, (_, i) => Commands.RecordProgressAsync(http, longStream.Workstream, longStream.Milestone, i)));
            var ratio = longSample.P50 / shortSample.P50;
            rows.Add(new Row("3", $"command on a stream of {size.LongStream:N0} vs 10 events", $"p50 {longSample.P50:0.0} ms vs {shortSample.P50:0.0} ms",
                "", ratio, "p50 ratio ≤ 1.2", ratio <= 1.2, new() { ["longP50"] = longSample.P50, ["shortP50"] = shortSample.P50, ["longP99"] = longSample.P99, ["shortP99"] = shortSample.P99 }));
            Report(rows[^1]);
        }

        // 6's template: one agreement written through Marten, copied later when no app is running (no daemon to chase it).
        if (Runs("6")) template = await BulkEvents.TemplateAsync(store, db);
    }

    // 7. Cold start: process start to the first 200 from /health/ready, on a cluster and schema that already exist (an
    // untimed start first makes sure of that), then the first command, the first request through a Wolverine endpoint.
    // The goal row is what production runs (ops/Dockerfile, docker-compose): ops/publish.sh's self-contained composite
    // ReadyToRun publish, made here first, of the pre-generated code, started as its own executable, with the schema
    // applied by db-apply (ProgramTracker:Database:AutoMigrate=false). --quick makes the framework-dependent ReadyToRun
    // publish instead (minutes less of crossgen for the CI smoke run), and its row says so. For
    // comparison, the build output (bin/Release, what scenario 7 used to start) with the defaults, and the same
    // generating and compiling its code as it runs (Dynamic), how every node started before. The modes alternate, so a
    // busy moment of the machine falls on all alike, and the app's CPU time is reported beside the wall-clock time: on a
    // shared machine it is the steadier of the two. --published DIR starts an existing publish instead of making one.
    if (Runs("7"))
    {
        var publishedDll = await Published.ReadyToRunAsync(args.SkipWhile(a => a != "--published").Skip(1).FirstOrDefault(), quick);
        var publishedLabel = AppProcess.SelfContainedExecutable(publishedDll) is null
            ? "framework-dependent ReadyToRun publish (NOT the image's composite one; --quick makes this), pre-generated code, schema applied by db-apply"
            : "self-contained composite ReadyToRun publish as in production (ops/publish.sh), pre-generated code, schema applied by db-apply";
        (await StartChildAsync(appConnectionString)).App.Dispose();
        var modes = new (string Key, string Label, string Dll, Dictionary<string, string> Settings)[]
        {
            ("published", publishedLabel, publishedDll,
                new() { ["ProgramTracker__Database__AutoMigrate"] = "false" }),
            ("Static", "build output, pre-generated code, schema checked at start (the defaults)", AppProcess.ApiDll,
                new() { ["ProgramTracker__CodeGeneration__TypeLoadMode"] = "Static" }),
            ("Dynamic", "build output, code generated at run time, as before", AppProcess.ApiDll,
                new() { ["ProgramTracker__CodeGeneration__TypeLoadMode"] = "Dynamic" }),
        };
        var samples = modes.ToDictionary(m => m.Key, _ => new List<ColdStart>());
        for (var i = 0; i < size.ColdStarts; i++)
        {
            foreach (var (mode, _, dll, settings) in modes)
            {
                var (app, readyAfter) = await StartChildAsync(appConnectionString, settings, dll);
                using (app)
                {
                    var readyCpu = app.CpuTime();
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    await app.Http.RegisteredAgreement();
                    var assemblies = app.LoadedAssemblies();
                    samples[mode].Add(new(readyAfter.TotalSeconds, readyCpu.TotalSeconds, clock.Elapsed.TotalMilliseconds,
                        (app.CpuTime() - readyCpu).TotalMilliseconds, app.Memory().Rss, assemblies.Count,
                        assemblies.Count(dll => dll.StartsWith("Microsoft.CodeAnalysis"))));
                }
            }
        }
        foreach (var (mode, label, _, _) in modes)
        {
            double Median(Func<ColdStart, double> of) => samples[mode].Select(of).Order().ElementAt(samples[mode].Count / 2);
            var (ready, readyCpu, command, commandCpu) = (Median(x => x.Ready), Median(x => x.ReadyCpu), Median(x => x.Command), Median(x => x.CommandCpu));
            var (rss, assemblies, compiler) = (Median(x => x.RssMb), Median(x => x.Assemblies), Median(x => x.CompilerAssemblies));
            var goal = mode == "published";
            rows.Add(new Row("7", $"cold start to first ready 200, {label} (median of {samples[mode].Count})",
                $"{ready:0.00} s (app CPU {readyCpu:0.00} s), then the first command {command:0} ms (CPU {commandCpu:0} ms); " +
                $"then RSS {rss:0} MB, {assemblies:0} assemblies loaded, {compiler:0} of them Roslyn's", "", null,
                goal ? "≤ 1.0 s" : "", goal ? ready <= 1.0 : null,
                new()
                {
                    ["seconds"] = ready, ["cpuSeconds"] = readyCpu, ["firstCommandMs"] = command, ["firstCommandCpuMs"] = commandCpu,
                    ["rssMb"] = rss, ["assemblies"] = assemblies, ["compilerAssemblies"] = compiler,
                })
                { Note = goal ? null : "for comparison" });
            Report(rows[^1]);
        }
    }

    // 2 and 8. The same command over HTTP on loopback Kestrel, 8 writers, and the app's memory meanwhile.
    if (Runs("2", "8"))
    {
        var (app, _) = await StartChildAsync(appConnectionString);
        using (app)
        {
            var agreement = await app.Http.RegisteredAgreement();
            var pt = await StreamsAsync(8, () => Commands.WorkstreamAsync(app.Http, agreement));
            var bl = await StreamsAsync(8, async () => (await baseline.NewStreamAsync(), Guid.Empty));
            double peakRss = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakRss = Math.Max(peakRss, app.Memory().Rss);
                    try { await Task.Delay(100, sampling.Token); } catch (OperationCanceledException) { }
                }
            });
            var each = size.CommandsPerWriter(8);
            var appCpu = TimeSpan.Zero;
            var appCommands = 0;
            var (mine, theirs) = await InterleavedAsync(size.Rounds,
                async () =>
                {
                    var cpu = app.CpuTime();
                    var sample = await Measure.RunAsync(8, each, (w, i) => { var s = pt[w][i % pt[w].Length]; return Commands.RecordProgressAsync(app.Http, s.Workstream, s.Milestone, i); });
                    appCpu += app.CpuTime() - cpu;
                    appCommands += sample.Operations;
                    return sample;
                },
                () => Measure.RunAsync(8, each, (w, i) => baseline.RecordProgressAsync(bl[w][i % bl[w].Length].Workstream, i)));
            await sampling.CancelAsync();
            await sampler;
            var (rssNow, hwm) = app.Memory();
            var cpuPerCommand = appCpu.TotalMilliseconds / appCommands;
            rows.Add(Row.Throughput("2", "record progress, HTTP on loopback, 8 writers", mine, theirs, "ratio ≥ 0.35", mine.PerSecond / theirs.PerSecond >= 0.35)
                with { ProgramTracker = Row.Describe(mine) + $", app CPU {cpuPerCommand:0.0} ms/command" });
            rows[^1].Numbers["appCpuMsPerCommand"] = cpuPerCommand;
            Report(rows[^1]);
            rows.Add(new Row("8", "app memory under scenario 2", $"RSS peak {Math.Max(peakRss, rssNow):0} MB (VmHWM {hwm:0} MB), at end {rssNow:0} MB", "", null,
                "RSS ≤ 250 MB", Math.Max(peakRss, rssNow) <= 250, new() { ["peakRssMb"] = Math.Max(peakRss, rssNow), ["vmHwmMb"] = hwm, ["endRssMb"] = rssNow }));
            Report(rows[^1]);
        }
    }

    // 6. Rebuild every projection (inline and async) over a large event store, with the app's own command.
    if (template is not null)
    {
        // The store is a database of its own on the same cluster, holding only the template's copies, so that a full
        // run rebuilds the same store as --only 6. In the shared database a full run's store had been mostly scenario
        // 5's portfolio and the earlier scenarios' commands (773,679 of 1,000,082 events): 2.4 times the documents to
        // write per event, a different rebuild from the one described (README, Performance, scenario 6).
        // --rebuild-shared-store rebuilds the shared database instead, whatever it holds.
        var sharedStore = args.Contains("--rebuild-shared-store");
        var rebuildConnection = sharedStore ? postgres.ConnectionString : await ProgramTracker.Testing.TestPostgres.NewDatabaseAsync(postgres.ConnectionString, "rebuild");
        if (!sharedStore)
        {
            var (applied, output) = await AppProcess.RunAsync(["db-apply"], new Dictionary<string, string>
            {
                ["ConnectionStrings__Marten"] = rebuildConnection,
                ["Logging__LogLevel__Default"] = "Warning",
            }, TimeSpan.FromMinutes(5));
            if (applied != 0) throw new InvalidOperationException($"db-apply on scenario 6's database exited with {applied}:\n{output}");
        }
        await using var ownStore = sharedStore ? null : new NpgsqlDataSourceBuilder(rebuildConnection).Build();
        var rebuildDb = ownStore ?? db;
        var copies = (int)Math.Ceiling(Math.Max(0, size.RebuildEvents - await BulkEvents.CountAsync(rebuildDb)) / (double)template.EventsPerCopy);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        await template.CopyAsync(rebuildDb, copies, 2, message =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(10)) return;
            last = clock.Elapsed;
            Console.WriteLine($"  {message}");
        });
        foreach (var vacuumed in new[] { "mt_events", "mt_streams" })
        {
            await using var vacuum = rebuildDb.CreateCommand($"vacuum analyze {MartenSetup.Schema}.{vacuumed}");
            await vacuum.ExecuteNonQueryAsync();
        }
        var events = await BulkEvents.CountAsync(rebuildDb);
        // What else the store holds (in a full run, scenario 5's portfolio and the earlier scenarios' commands): the
        // rebuild's cost depends on the streams and documents, not only on the events.
        var streamCount = await BulkEvents.StreamCountAsync(rebuildDb);
        Console.WriteLine($"  {events:N0} events on {streamCount:N0} streams in the store ({(long)copies * template.EventsPerCopy:N0} of them as {copies:N0} copies of {template.EventsPerCopy} events " +
                          $"on {template.StreamsPerCopy} streams written by COPY in {clock.Elapsed.TotalSeconds:0} s); rebuilding");
        // --rebuild-variants "batch=500;batch=5000" [--rebuild-rounds N]: the rebuild runs once per variant per round over
        // the same store, alternating, each with its CPU, per-projection times and PostgreSQL's counts (the row is the first).
        var rebuildVariants = args.SkipWhile(a => a != "--rebuild-variants").Skip(1).FirstOrDefault()?.Split(';') ?? ["default"];
        var rebuildRounds = int.Parse(args.SkipWhile(a => a != "--rebuild-rounds").Skip(1).FirstOrDefault() ?? "1");
        TimeSpan took = default;
        double peakRss = 0;
        long written = 0;
        for (var round = 0; round < rebuildRounds; round++)
        {
            foreach (var variant in rebuildVariants)
            {
                var (settings, flags) = RebuildCommand.Variant(variant);
                var before = await DatabaseCountsAsync(rebuildDb);
                var result = await RebuildCommand.RunAsync(rebuildConnection, TimeSpan.FromMinutes(30), settings, flags);
                // Backends report their counts to pg_stat_database about once a second.
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                var after = await DatabaseCountsAsync(rebuildDb);
                if (took == default) (took, peakRss, written) = (result.Elapsed, result.PeakRssMb, after.Written - before.Written);
                // Printed in every run, so that a full run's log says what its rebuild read and wrote.
                {
                    Console.WriteLine($"  rebuild [{variant}] round {round + 1}: {events / result.Elapsed.TotalSeconds:N0} events/s ({result.Elapsed.TotalSeconds:0.0} s), " +
                                      $"app CPU {result.Cpu.TotalSeconds:0.0} s ({result.Cpu.TotalMilliseconds * 1000 / events:0.0} µs/event), peak RSS {result.PeakRssMb:0} MB, " +
                                      $"PostgreSQL: {after.Transactions - before.Transactions:N0} transactions, {after.Returned - before.Returned:N0} rows returned, " +
                                      $"{after.Fetched - before.Fetched:N0} fetched, {after.Blocks - before.Blocks:N0} blocks, {after.Written - before.Written:N0} rows written; load {LoadAverage()}");
                    Console.WriteLine("    " + string.Join(", ", result.Projections.Select(p => $"{p.Projection} {p.Ms / 1000.0:0.0} s")));
                    Console.WriteLine($"    runtime: {result.RuntimeCounts}");
                }
            }
        }
        var perSecond = events / took.TotalSeconds;
        rows.Add(new Row("6", $"rebuild all projections over {events:N0} events (`projections rebuild`, its own process)",
            $"{perSecond:N0} events/s ({took.TotalSeconds:0} s, process start included), peak RSS {peakRss:0} MB; {streamCount:N0} streams, " +
            $"{written:N0} rows written{(sharedStore ? ", the benchmark's shared database" : "")}", "", null,
            "≥ 20,000 events/s, RSS ≤ 1 GiB", perSecond >= 20_000 && peakRss <= 1024,
            new() { ["events"] = events, ["seconds"] = took.TotalSeconds, ["eventsPerSecond"] = perSecond, ["peakRssMb"] = peakRss, ["streams"] = streamCount, ["rowsWritten"] = written }));
        Report(rows[^1]);
    }

    var table = Table(rows, serverInfo, quick, DateTimeOffset.UtcNow - started);
    Console.WriteLine();
    Console.WriteLine(table);
    if (!quick) Save(rows, serverInfo, table);
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Benchmark failed: {e}");
    return 1;
}
finally
{
    postgres.Stop();
}

// How far the audit chain is behind the store: events it has still to chain, which its subscription does at the next write.
static async Task<string> ChainBehindAsync(NpgsqlDataSource db)
{
    await using var cmd = db.CreateCommand(
        $"select (select coalesce(max(seq_id), 0) from {MartenSetup.Schema}.mt_events) - (select coalesce(max(seq_id), 0) from {MartenSetup.Schema}.{ProgramTracker.Api.Audit.AuditChain.Table})");
    return $"the audit chain is {(long)(await cmd.ExecuteScalarAsync())!:N0} events behind the store";
}

// Scenario 5 at one scale: the API reads and the pages people open, against the best raw query for the same content.
async Task ReadsAsync(NpgsqlDataSource db, int scale, Portfolio portfolio, HttpClient http, HttpClient officer, string dashboardShard)
{
    var schema = MartenSetup.Schema;
    var pages = Enumerable.Range(1, Math.Max(1, scale / 20)).Select(p => (object)p).ToList();
    var agreements = portfolio.Agreements.Select(g => (object)g).ToList();
    var workstreams = portfolio.Workstreams.Select(g => (object)g).ToList();
    var committees = portfolio.Committees.Select(g => (object)g).ToList();
    // The best hand-written query for a portfolio page: the page's ids from the code index (offset, because people
    // jump to any page), the total from the same index, and only those agreements' stored portfolio lines; then, as
    // the app does, the titles of the milestones the page names as next due, by id (PortfolioRawAsync). The total is
    // counted again only when the dashboard projection's progression row has moved since it was last counted, as the
    // app does (PortfolioTotals): $2 the row's name, $3..$5 the position, last_updated and total last counted.
    var portfolioSql = $"""
        with progression as (select max(last_seq_id) as at, max(last_updated) as updated from {schema}.mt_event_progression where name = $2),
        page as (select id, code from {schema}.mt_doc_agreement_dashboard where code <> '' order by code limit 20 offset ($1::int - 1) * 20)
        select case when progression.at = $3 and progression.updated = $4 then $5::bigint
                    else (select count(*) from {schema}.mt_doc_agreement_dashboard where code <> '') end,
               (d.data -> 'Portfolio')::text, progression.at, progression.updated
        from progression, page join {schema}.mt_doc_agreement_dashboard d using (id) order by page.code
        """;
    var rawTotal = ProgramTracker.Api.Dashboards.PortfolioTotals.Kept.None;
    var rawTotalLock = new object();
    // The same page as an officer: the officer's agreements from the officers index, in the same statement.
    var officerPortfolioSql = $"""
        with visible as (select agreement_id from {schema}.mt_doc_workstream where data -> 'Officers' @> $2::jsonb),
        page as (select id, code from {schema}.mt_doc_agreement_dashboard where code <> '' and id in (select agreement_id from visible)
                 order by code limit 20 offset ($1::int - 1) * 20)
        select (select count(*) from {schema}.mt_doc_agreement_dashboard where code <> '' and id in (select agreement_id from visible)),
               (d.data -> 'Portfolio')::text
        from page join {schema}.mt_doc_agreement_dashboard d using (id) order by page.code
        """;
    var officerContainment = $$"""[{"PersonId":"{{ProgramTracker.Api.Security.DemoUsers.Officer.PersonId}}"}]""";
    var agreementSql = $"""
        select data::text from {schema}.mt_doc_agreement where id = $1
        union all select data::text from {schema}.mt_doc_workstream where agreement_id = $1
        union all select data::text from {schema}.mt_doc_committee where CAST(data ->> 'AgreementId' as uuid) = $1
        """;
    var reads = new (string Name, HttpClient Client, string Url, List<object> Keys, string Sql, bool Page)[]
    {
        ("GET /api/workstreams/{id}", http, "/api/workstreams/{0}", workstreams, $"select data::text from {schema}.mt_doc_workstream where id = $1", false),
        ("GET /api/agreements/{id}", http, "/api/agreements/{0}", agreements, $"select data::text from {schema}.mt_doc_agreement where id = $1", false),
        ("GET /api/agreements/{id}/dashboard", http, "/api/agreements/{0}/dashboard", agreements, agreementSql, false),
        ("GET /api/agreements?page=N (20 a page)", http, "/api/agreements?page={0}&pageSize=20", pages, portfolioSql, false),
        ("GET /api/agreements?page=N as an officer of 50 workstreams", officer, "/api/agreements?page=1&pageSize=20", [1], officerPortfolioSql, false),
        ("page / (portfolio, page N)", http, "/?page={0}", pages, portfolioSql, true),
        ("page /agreements/{id}", http, "/agreements/{0}", agreements, agreementSql, true),
        ("page /workstreams/{id}", http, "/workstreams/{0}", workstreams, $"select data::text from {schema}.mt_doc_workstream where id = $1", true),
        ("page /committees/{id}", http, "/committees/{0}", committees, $"select data::text from {schema}.mt_doc_committee where id = $1", true),
    };
    // The raw portfolio page: the lines (each workstream's open milestones as ids and due day numbers, in plan order;
    // a null id for one overdue before the workstream's latest event), then the title of each workstream's next due
    // milestone (the earliest due on or after today, the first planned on a tie) in one statement by id.
    var titlesSql = $"select id, (data -> 'Title')::text from {schema}.mt_doc_scheduled_milestone where id = ANY($1)";
    async Task PortfolioRawAsync(string sql, object key)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;
        var next = new List<Guid>();
        await using (var cmd = db.CreateCommand(sql))
        {
            cmd.Parameters.AddWithValue(key);
            var known = ProgramTracker.Api.Dashboards.PortfolioTotals.Kept.None;
            if (ReferenceEquals(sql, officerPortfolioSql)) cmd.Parameters.AddWithValue(officerContainment);
            else
            {
                lock (rawTotalLock) known = rawTotal;
                cmd.Parameters.AddWithValue(dashboardShard);
                cmd.Parameters.AddWithValue(known.Position);
                cmd.Parameters.AddWithValue(known.Updated);
                cmd.Parameters.AddWithValue(known.Total);
            }
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!ReferenceEquals(sql, officerPortfolioSql) && !reader.IsDBNull(2)
                    && new ProgramTracker.Api.Dashboards.PortfolioTotals.Kept(reader.GetInt64(2), reader.GetDateTime(3), reader.GetInt64(0)) is var counted && counted != known)
                    lock (rawTotalLock) rawTotal = counted;
                using var line = JsonDocument.Parse(reader.GetString(1));
                foreach (var w in line.RootElement.GetProperty("Workstreams").EnumerateArray())
                {
                    var (ids, due, best) = (w.GetProperty("OpenIds"), w.GetProperty("OpenDue"), -1);
                    for (int d = 0, n = due.GetArrayLength(), bestDue = int.MaxValue; d < n; d++)
                        if (due[d].GetInt32() is var day && day >= today && day < bestDue) (best, bestDue) = (d, day);
                    if (best >= 0 && ids[best].ValueKind == JsonValueKind.String) next.Add(ids[best].GetGuid());
                }
            }
        }
        if (next.Count == 0) return;
        await using var titles = db.CreateCommand(titlesSql);
        titles.Parameters.AddWithValue(next.ToArray());
        await using var titleReader = await titles.ExecuteReaderAsync();
        while (await titleReader.ReadAsync()) titleReader.GetValue(1);
    }

    using var counter = new CommandCost();
    foreach (var (name, client, url, keys, sql, page) in reads)
    {
        async Task Read(int i)
        {
            // The body is read as a browser reads it, streamed, not buffered: buffered, HttpClient put each page over 85 KB
            // (the agreement page) in a new array on the large object heap of this process, which is also the app's,
            // and those arrays set off a gen2 collection every quarter second (dotnet-trace, GC AllocationTick and
            // GCStart: 23 of 41 collections in 12 s were gen2 for AllocLarge, every large array HttpClient's).
            using var response = await client.GetAsync(string.Format(url, keys[Random.Shared.Next(keys.Count)]), HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
        }
        async Task Raw(int i)
        {
            if (ReferenceEquals(sql, portfolioSql) || ReferenceEquals(sql, officerPortfolioSql)) { await PortfolioRawAsync(sql, keys[Random.Shared.Next(keys.Count)]); return; }
            await using var cmd = db.CreateCommand(sql);
            cmd.Parameters.AddWithValue(keys[Random.Shared.Next(keys.Count)]);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) reader.GetValue(reader.FieldCount - 1);
        }
        // Warmed up until the JIT is done with this read (--read-warmup off: 3 reads, as before), counted (one reader,
        // nothing else running), then timed: one reader (what one person waits), then 8 at once.
        if (readWarmUp)
        {
            var (runs, compiled) = await Measure.UntilCompiledAsync(Read);
            Console.WriteLine($"  5. {name} at {scale:N0}: warmed up with {runs} reads, {compiled} methods JIT-compiled meanwhile");
        }
        else await counter.MeasureAsync(db, 3, Read);
        var cost = await counter.MeasureAsync(db, Math.Max(5, size.CostCommands / 8), Read);
        Console.WriteLine($"  5. {name} at {scale:N0}: statements per request:");
        foreach (var (statement, perRequest) in cost.Statements) Console.WriteLine($"     {perRequest:0.00} × {statement}");
        // Issue 18's goals: a portfolio page of 20 (the API) at 1,000 agreements p99 ≤ 25 ms; every page (the four HTML
        // pages and the portfolio API) at 10,000 p99 ≤ 50 ms. The other API reads have no goal of their own.
        var portfolioApi = url.StartsWith("/api/agreements?");
        int? goal = scale >= 10_000 ? (page || portfolioApi ? 50 : null) : portfolioApi ? 25 : null;
        foreach (var readers in new[] { 1, 8 })
        {
            var each = readers == 1 ? size.SingleReads : size.Reads;
            var (mine, theirs) = await InterleavedAsync(size.Rounds,
                () => Measure.RunAsync(readers, each, (w, i) => Read(i)),
                () => Measure.RunAsync(readers, each, (w, i) => Raw(i)));
            rows.Add(Row.Throughput("5", $"{name}, {scale:N0} agreements loaded, in process, {(readers == 1 ? "1 reader" : "8 readers")} (load {LoadAverage()})", mine, theirs,
                goal is { } g ? $"p99 ≤ {g} ms" : "", goal is { } limit ? mine.P99 <= limit : null) with
                {
                    ProgramTracker = Row.Describe(mine) + (readers == 8 ? $"; per request {cost.DescribeRead()}; {mine.Gc.Describe(mine.Elapsed)}" : ""),
                    Baseline = Row.Describe(theirs) + (readers == 8 ? $"; {theirs.Gc.Describe(theirs.Elapsed)}" : ""),
                });
            rows[^1].Numbers["readers"] = readers;
            rows[^1].Numbers["roundTrips"] = cost.RoundTrips;
            rows[^1].Numbers["bytesRead"] = cost.BytesRead;
            rows[^1].Numbers["allocatedBytes"] = cost.AllocatedBytes;
            rows[^1].Numbers["cpuMs"] = cost.CpuMs;
            rows[^1].Numbers["gcPauseMs"] = mine.Gc.Paused.TotalMilliseconds;
            rows[^1].Numbers["baselineGcPauseMs"] = theirs.Gc.Paused.TotalMilliseconds;
            Report(rows[^1]);
        }
    }
}

static async Task<(long Transactions, long Returned, long Fetched, long Blocks, long Written)> DatabaseCountsAsync(NpgsqlDataSource db)
{
    await using var cmd = db.CreateCommand("select xact_commit + xact_rollback, tup_returned, tup_fetched, blks_hit + blks_read, tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = current_database()");
    await using var reader = await cmd.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

// Each writer writes to streams of its own (the benchmark measures throughput, the fault tests contention), about
// 16 commands per stream over the whole run.
async Task<(Guid Workstream, Guid Milestone)[][]> StreamsAsync(int writers, Func<Task<(Guid, Guid)>> create)
{
    var streams = new (Guid, Guid)[writers][];
    var perWriter = (int)Math.Ceiling(size.CommandsPerWriter(writers) * (size.Rounds + 1) / 16.0);
    for (var w = 0; w < writers; w++)
    {
        streams[w] = new (Guid, Guid)[perWriter];
        for (var s = 0; s < streams[w].Length; s++) streams[w][s] = await create();
    }
    return streams;
}

// Alternates which side goes first each round, after one untimed warm-up of each.
// The built app as its own process on loopback Kestrel, for HTTP load, cold start and its memory: process start to the
// first 200 from /health/ready. Requests carry a bearer token that the app validates as it would an OIDC one.
static async Task<(AppProcess App, TimeSpan ReadyAfter)> StartChildAsync(string connectionString, Dictionary<string, string>? settings = null, string? dll = null)
{
    var environment = new Dictionary<string, string>(settings ?? [])
    {
        ["ConnectionStrings__Marten"] = connectionString,
        ["Logging__LogLevel__Default"] = "Warning",
    };
    foreach (var name in new[] { "DOTNET_gcServer", "DOTNET_GCgen0size", "OTEL_SDK_DISABLED", "DOTNET_TieredPGO", "DOTNET_TieredCompilation", "DOTNET_TC_QuickJitForLoops", "DOTNET_ReadyToRun" })
    {
        if (Environment.GetEnvironmentVariable("BENCH_APP_" + name) is { } value) environment[name] = value;
    }
    var app = new AppProcess("app", environment) { Dll = dll ?? AppProcess.ApiDll };
    try
    {
        // A start on a loaded machine takes many times a quiet one's: the bound only catches an app that never gets ready.
        return (app, await app.StartAsync(TimeSpan.FromSeconds(300)));
    }
    catch
    {
        app.Dispose();
        throw;
    }
}

static async Task<(TimeSpan Cpu, long Transactions)> IdleAsync(NpgsqlDataSource db, TimeSpan duration)
{
    async Task<long> TransactionsAsync()
    {
        await using var cmd = db.CreateCommand("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
    // Backends report to pg_stat_database about once a second: the count trails by up to a second at both ends alike.
    await Task.Delay(TimeSpan.FromSeconds(2));
    var process = System.Diagnostics.Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var before = await TransactionsAsync();
    await Task.Delay(duration);
    process.Refresh();
    return (process.TotalProcessorTime - cpuBefore, await TransactionsAsync() - before - 1);
}

static async Task<(Sample First, Sample Second)> InterleavedAsync(int rounds, Func<Task<Sample>> first, Func<Task<Sample>> second)
{
    await first();
    await second();
    var a = new List<Sample>();
    var b = new List<Sample>();
    for (var r = 0; r < rounds; r++)
    {
        if (r % 2 == 0) { a.Add(await first()); b.Add(await second()); }
        else { b.Add(await second()); a.Add(await first()); }
    }
    return (Sample.Combine(a), Sample.Combine(b));
}

static void Report(Row row) =>
    Console.WriteLine($"  {row.Scenario}. {row.Name}: {row.ProgramTracker}{(row.Baseline.Length > 0 ? $" | baseline {row.Baseline}" : "")}" +
                      $"{(row.Ratio is { } r ? $" | ratio {r:0.00}" : "")}{(row.Met is { } m ? m ? " (goal met)" : " (goal MISSED)" : "")}");

static string Table(List<Row> rows, string server, bool quick, TimeSpan took)
{
    var md = new StringBuilder();
    md.AppendLine($"Machine: {Environment.ProcessorCount} cores, PostgreSQL {server}, .NET {Environment.Version}; {(quick ? "quick" : "full")} run, {took.TotalSeconds:0} s, {DateTimeOffset.UtcNow:yyyy-MM-dd}.");
    md.AppendLine();
    md.AppendLine("| # | scenario | ProgramTracker | raw Npgsql baseline | ratio | goal | met |");
    md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
    foreach (var r in rows.OrderBy(r => r.Scenario))
    {
        md.AppendLine($"| {r.Scenario} | {r.Name} | {r.ProgramTracker} | {r.Baseline} | {(r.Ratio is { } x ? x.ToString("0.00") : "")} | {r.Goal} | " +
                      $"{(r.Met is { } m ? m ? "yes" : "**no**" : r.Note ?? "")} |");
    }
    return md.ToString();
}

static void Save(List<Row> rows, string server, string table)
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln"))) dir = dir.Parent;
    var folder = Path.Combine(dir?.FullName ?? ".", "artifacts", "benchmarks");
    Directory.CreateDirectory(folder);
    var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss");
    var json = Path.Combine(folder, $"results-{stamp}.json");
    File.WriteAllText(json, JsonSerializer.Serialize(new { machine = new { cores = Environment.ProcessorCount, postgres = server, dotnet = Environment.Version.ToString() }, rows },
        new JsonSerializerOptions { WriteIndented = true }));
    File.WriteAllText(Path.Combine(folder, $"results-{stamp}.md"), table);
    Console.WriteLine($"Results written to {json}");
}

internal sealed record Row(string Scenario, string Name, string ProgramTracker, string Baseline, double? Ratio, string Goal, bool? Met,
    Dictionary<string, double> Numbers)
{
    public string? Note { get; init; }

    public static Row Throughput(string scenario, string name, Sample mine, Sample theirs, string goal, bool? met) =>
        new(scenario, name, Describe(mine), Describe(theirs), mine.PerSecond / theirs.PerSecond, goal, met, new()
        {
            ["perSecond"] = mine.PerSecond, ["p50Ms"] = mine.P50, ["p99Ms"] = mine.P99, ["operations"] = mine.Operations,
            ["baselinePerSecond"] = theirs.PerSecond, ["baselineP50Ms"] = theirs.P50, ["baselineP99Ms"] = theirs.P99,
        });

    public static string Describe(Sample s) => $"{s.PerSecond:0}/s, p50 {s.P50:0.0} ms, p99 {s.P99:0.0} ms";
}

/// <summary>One cold start of scenario 7: to ready, then the first command, then what the app holds.</summary>
internal sealed record ColdStart(double Ready, double ReadyCpu, double Command, double CommandCpu, double RssMb, double Assemblies, double CompilerAssemblies);

internal sealed record Size(int Rounds, int Total, int LongStream, int LatencyCommands, int Agreements, int Reads, int SingleReads, int ColdStarts,
    TimeSpan LagDuration, int RebuildEvents, int CostCommands)
{
    public static readonly Size Quick = new(Rounds: 1, Total: 64, LongStream: 1_000, LatencyCommands: 20, Agreements: 20, Reads: 10, SingleReads: 10, ColdStarts: 1,
        LagDuration: TimeSpan.FromSeconds(2), RebuildEvents: 10_000, CostCommands: 20);
    public static readonly Size Full = new(Rounds: 3, Total: 480, LongStream: 10_000, LatencyCommands: 120, Agreements: 1_000, Reads: 60, SingleReads: 150, ColdStarts: 3,
        LagDuration: TimeSpan.FromSeconds(20), RebuildEvents: 1_000_000, CostCommands: 400);

    /// <summary>About the same number of commands per round whatever the writer count, but at least a few per writer.</summary>
    public int CommandsPerWriter(int writers) => Math.Max(4, Total / writers);
}
