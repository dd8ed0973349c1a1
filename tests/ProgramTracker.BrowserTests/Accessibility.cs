using Deque.AxeCore.Playwright;

namespace ProgramTracker.BrowserTests;

public static class Accessibility
{
    /// <summary>Runs axe-core in the page as it is now; fails on any serious or critical violation, naming each.</summary>
    public static async Task ExpectNoSeriousViolations(this IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty(string.Join(Environment.NewLine, serious));
    }
}
