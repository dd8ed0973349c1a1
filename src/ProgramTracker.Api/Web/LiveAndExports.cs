using System.Globalization;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.Api.Web;

/// <summary>
/// The two things the pages serve that are not pages: the live feeds an open agreement or workstream page listens
/// to, and CSV exports of what the pages show, in the chosen language.
/// </summary>
public static class LiveAndExports
{
    /// <summary>How long one live connection lasts; the browser's EventSource reconnects by itself.</summary>
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(10);

    public static WebApplication MapLiveAndExports(this WebApplication app)
    {
        app.MapGet("/agreements/{id:guid}/live", AgreementLive).RequireAuthorization(Policies.ReadAgreement).ExcludeFromDescription();
        app.MapGet("/workstreams/{id:guid}/live", WorkstreamLive).RequireAuthorization(Policies.ReadWorkstream).ExcludeFromDescription();
        app.MapGet("/agreements/{id:guid}/dashboard.csv", DashboardCsv).RequireAuthorization(Policies.ReadAgreement).ExcludeFromDescription();
        app.MapGet("/milestones/overdue.csv", OverdueCsv).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Server-sent events: checks the agreement's version (its stream's, its workstreams' and its committees', from the
    /// inline snapshots the dashboard is read from) every second and sends a "changed" event with the new version when it moves.
    /// </summary>
    private static Task AgreementLive(Guid id, HttpContext http, IDocumentStore store, IHostApplicationLifetime lifetime) =>
        Follow(http, store, lifetime, (session, ct) => Reads.AgreementVersionAsync(session, id, ct));

    /// <summary>Server-sent events: the same for one workstream, from its inline snapshot's version.</summary>
    private static Task WorkstreamLive(Guid id, HttpContext http, IDocumentStore store, IHostApplicationLifetime lifetime) =>
        Follow(http, store, lifetime, (session, ct) => Reads.WorkstreamVersionAsync(session, id, ct));

    /// <summary>
    /// Follows a version until the page closes. An id that names nothing is a 404 before the stream starts (an
    /// EventSource gives up on it instead of reconnecting every two seconds), and one user holds at most
    /// ProgramTracker:Live:MaxConnectionsPerUser connections on a node at once (429 beyond).
    /// </summary>
    private static async Task Follow(HttpContext http, IDocumentStore store, IHostApplicationLifetime lifetime,
        Func<IQuerySession, CancellationToken, Task<long?>> versionOf)
    {
        long? first;
        await using (var session = store.QuerySession()) first = await versionOf(session, http.RequestAborted);
        if (first is null)
        {
            await Common.Problems.Status(StatusCodes.Status404NotFound, "Not found.", "Nothing with this id exists that you may see.", "not-found")
                .ExecuteAsync(http);
            return;
        }

        var connections = http.RequestServices.GetRequiredService<LiveConnections>();
        using var slot = connections.TryOpen(Common.Actor.From(http.User).Id);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = "60";
            await Common.Problems.Status(StatusCodes.Status429TooManyRequests, "Too many live pages open.",
                $"You already follow {connections.MaxPerUser} pages live. Close one and reload this page.", "too-many-live-connections")
                .ExecuteAsync(http);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        stop.CancelAfter(ConnectionLifetime);
        var ct = stop.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        long? sent = null;
        try
        {
            await http.Response.WriteAsync("retry: 2000\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                long? version;
                await using (var session = store.QuerySession()) version = await versionOf(session, ct);
                if (version is null) return;
                if (version != sent)
                {
                    await http.Response.WriteAsync($"event: changed\ndata: {version}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    sent = version;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page closed, the connection's time is up, or the app is stopping.
        }
    }

    /// <summary>The dashboard GET /api/agreements/{id}/dashboard answers, one row per workstream.</summary>
    private static async Task<IResult> DashboardCsv(Guid id, DateOnly? asOf, Reads reads, IStringLocalizer<Strings> l, HttpContext http)
    {
        if (await reads.AgreementAsync(id, asOf, http.RequestAborted) is not { View: var dashboard }) return Results.NotFound();

        var csv = new Csv();
        csv.Row(l["Col_Agreement"], l["Col_Workstream"], l["Col_Code"], l["Progress"], l["Rag"], l["Col_MilestonesDone"], l["Col_MilestonesTotal"],
            l["OverdueBadge"], l["NextDue"], l["Col_LastUpdate"], l["Col_Stale"], l["Col_AsOf"]);
        foreach (var w in dashboard.Workstreams)
        {
            csv.Row(dashboard.Code, Display.Plain(w.Title), w.Code, Invariant(w.PercentComplete), w.Rag?.ToString().ToLowerInvariant() ?? "",
                Invariant(w.MilestonesDone), Invariant(w.MilestonesTotal), Invariant(w.OverdueCount), Iso(w.NextDue?.DueDate),
                w.LastUpdatedAt.ToString("o", CultureInfo.InvariantCulture), w.Stale ? "yes" : "no", Iso(dashboard.AsOf));
        }
        return csv.File($"{dashboard.Code}-dashboard-{dashboard.AsOf:yyyy-MM-dd}.csv");
    }

    /// <summary>
    /// The overdue milestones GET /api/milestones/overdue answers, across the agreements the user may see, earliest due
    /// first; statuses written as the API writes them (planned, inProgress, blocked).
    /// </summary>
    private static async Task<IResult> OverdueCsv(Reads reads, IStringLocalizer<Strings> l, HttpContext http)
    {
        var access = await http.AccessAsync();
        var overdue = await reads.OverdueAsync(null, access.VisibleAgreements, http.RequestAborted);
        var csv = new Csv();
        csv.Row(l["Col_Agreement"], l["Col_Workstream"], l["Col_Milestone"], l["Col_Baseline"], l["Col_Due"], l["Col_DaysOverdue"], l["Col_Status"],
            l["Col_Percent"]);
        foreach (var m in overdue)
        {
            csv.Row(m.AgreementCode, $"{m.WorkstreamCode} {Display.Plain(m.WorkstreamTitle)}", Display.Plain(m.Title), Iso(m.BaselineDueDate), Iso(m.DueDate),
                Invariant(m.DaysOverdue), JsonNamingPolicy.CamelCase.ConvertName(m.Status.ToString()), Invariant(m.Percent));
        }
        return csv.File($"overdue-milestones-{reads.Today:yyyy-MM-dd}.csv");
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: comma separated, CRLF lines, quoted when needed; UTF-8 with a byte-order mark so spreadsheets read Lao and Thai.</summary>
    private sealed class Csv
    {
        private readonly StringBuilder _text = new();

        public void Row(params object?[] cells) =>
            _text.Append(string.Join(',', cells.Select(c => Quote(SpreadsheetCells.Text(c?.ToString() ?? ""))))).Append("\r\n");

        private static string Quote(string cell) =>
            cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

        public IResult File(string name) =>
            Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())], "text/csv; charset=utf-8", name);
    }
}

/// <summary>
/// A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula. Text someone
/// typed (a title, a code) is written with a leading apostrophe instead, so every reader sees it as text (OWASP's
/// CSV injection guidance); a number, negative ones included, is left as it is.
/// </summary>
/// <summary>The live connections each user holds open on this node.</summary>
public sealed class LiveConnections(IConfiguration configuration)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _open = new();

    public int MaxPerUser { get; } = configuration.GetValue("ProgramTracker:Live:MaxConnectionsPerUser", 10);

    /// <summary>A slot to hold while the connection is open, or null when the user holds all theirs.</summary>
    public IDisposable? TryOpen(string user)
    {
        var now = _open.AddOrUpdate(user, 1, (_, n) => n + 1);
        if (now <= MaxPerUser) return new Slot(this, user);
        Close(user);
        return null;
    }

    private void Close(string user)
    {
        if (_open.AddOrUpdate(user, 0, (_, n) => n - 1) <= 0) _open.TryRemove(new KeyValuePair<string, int>(user, 0));
    }

    private sealed class Slot(LiveConnections owner, string user) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) owner.Close(user);
        }
    }
}

public static class SpreadsheetCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Text(string cell) =>
        cell.Length > 0 && FormulaStarts.Contains(cell[0])
        && !decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
}
