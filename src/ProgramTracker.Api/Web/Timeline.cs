using System.Globalization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web;

/// <summary>
/// The geometry of the milestone timeline: one row per milestone, grouped by workstream, with the baseline and
/// the current due date on one time axis, so a slip shows as the distance between the two marks.
/// </summary>
public sealed record Timeline(
    int Width,
    int Height,
    double TodayX,
    IReadOnlyList<Timeline.Tick> Ticks,
    IReadOnlyList<Timeline.Group> Groups)
{
    public const int Left = 16;
    public const int Right = 16;
    public const int AxisHeight = 28;
    public const int GroupHeaderHeight = 26;
    public const int RowHeight = 34;

    public sealed record Tick(double X, string Label);

    public sealed record Group(double Y, LocalizedText Title, IReadOnlyList<Row> Rows);

    public sealed record Row(double Y, DashboardMilestoneView Milestone, double BaselineX, double DueX);

    public bool IsEmpty => Groups.All(g => g.Rows.Count == 0);

    public static Timeline For(IReadOnlyList<WorkstreamDashboardView> workstreams, DateOnly today, int width = 960)
    {
        var dates = workstreams.SelectMany(w => w.Milestones ?? []).SelectMany(m => new[] { m.BaselineDueDate, m.DueDate }).Append(today).ToList();
        var start = new DateOnly(dates.Min().Year, dates.Min().Month, 1);
        var last = dates.Max();
        var end = new DateOnly(last.Year, last.Month, 1).AddMonths(1);
        var span = Math.Max(1, end.DayNumber - start.DayNumber);
        var plot = width - Left - Right;
        double X(DateOnly d) => Left + plot * (double)(d.DayNumber - start.DayNumber) / span;

        var groups = new List<Group>();
        double y = AxisHeight;
        foreach (var w in workstreams.Where(w => w.Milestones is { Count: > 0 }))
        {
            var groupY = y;
            y += GroupHeaderHeight;
            var rows = new List<Row>();
            foreach (var m in w.Milestones!.OrderBy(m => m.DueDate))
            {
                rows.Add(new Row(y, m, X(m.BaselineDueDate), X(m.DueDate)));
                y += RowHeight;
            }
            groups.Add(new Group(groupY, w.Title, rows));
        }

        return new Timeline(width, (int)Math.Ceiling(y) + 8, X(today), TicksBetween(start, end, X), groups);
    }

    /// <summary>Years on a long axis, quarters on a shorter one, months on a short one.</summary>
    private static List<Tick> TicksBetween(DateOnly start, DateOnly end, Func<DateOnly, double> x)
    {
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        var step = months > 36 ? 12 : months > 12 ? 3 : 1;
        var ticks = new List<Tick>();
        for (var d = start; d <= end; d = d.AddMonths(1))
        {
            if (step == 12 && d.Month != 1) continue;
            if (step == 3 && (d.Month - 1) % 3 != 0) continue;
            var label = step == 12 ? d.Year.ToString(CultureInfo.CurrentCulture)
                : $"{CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedMonthName(d.Month)} {d.Year.ToString(CultureInfo.CurrentCulture)}";
            ticks.Add(new Tick(x(d), label));
        }
        return ticks;
    }
}
