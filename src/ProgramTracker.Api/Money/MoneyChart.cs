using System.Globalization;

namespace ProgramTracker.Api.Money;

/// <summary>
/// The geometry of the budget-against-spending chart, drawn on the server as SVG: the months across, the cumulative
/// spending, the planned value and the current budget up. The page gives it a title, a description and the same
/// figures as a table, so it says nothing a screen reader cannot read.
/// </summary>
public sealed record MoneyChart(
    int Width,
    int Height,
    string SpentPoints,
    string? PlannedPoints,
    double? BudgetY,
    IReadOnlyList<(double X, string Label)> MonthTicks,
    IReadOnlyList<(double Y, decimal Value)> ValueTicks)
{
    public const int Left = 64;
    public const int Right = 12;
    public const int Top = 12;
    public const int Bottom = 28;

    public static MoneyChart? Of(IReadOnlyList<MonthOfMoney> months, decimal budget, int width = 640, int height = 240)
    {
        if (months.Count == 0) return null;
        var top = Math.Max(budget, months.Max(m => Math.Max(m.CumulativeSpent, m.PlannedValue ?? 0)));
        if (top <= 0) top = 1;
        var plotW = width - Left - Right;
        var plotH = height - Top - Bottom;
        double X(int i) => Left + (months.Count == 1 ? plotW / 2.0 : plotW * i / (double)(months.Count - 1));
        double Y(decimal v) => Top + plotH * (1 - (double)(v / top));
        static string P(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        string Points(Func<MonthOfMoney, decimal> value) => string.Join(' ', months.Select((m, i) => $"{P(X(i))},{P(Y(value(m)))}"));

        var every = Math.Max(1, (int)Math.Ceiling(months.Count / 6.0));
        return new MoneyChart(width, height,
            Points(m => m.CumulativeSpent),
            months.Any(m => m.PlannedValue is not null) ? Points(m => m.PlannedValue ?? 0) : null,
            budget > 0 ? Y(budget) : null,
            [.. months.Select((m, i) => (i, m)).Where(x => x.i % every == 0 || x.i == months.Count - 1).Select(x => (X(x.i), x.m.Month))],
            [.. new[] { 0m, top / 2, top }.Select(v => (Y(v), v))]);
    }

    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
