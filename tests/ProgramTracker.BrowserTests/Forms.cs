using System.Text.RegularExpressions;

namespace ProgramTracker.BrowserTests;

/// <summary>Finds a form's controls by the JSON path they are named after, as the forms infrastructure names them.</summary>
public static class Forms
{
    public static ILocator Field(this IPage page, string form, string name) =>
        page.Locator($"form#{form} [name='{name}']");

    /// <summary>The part (precision, day, month, year) of a partial-date field.</summary>
    public static ILocator DatePart(this IPage page, string form, string name, string part) =>
        page.Locator($"form#{form} [data-partial-date='{name}'] [data-part={part}]");

    public static ILocator ErrorFor(this IPage page, string form, string name) =>
        page.Locator($"form#{form} [data-error-for='{name}']");

    /// <summary>
    /// Waits for the notice a write comes back with. The first write of a kind waits for Wolverine to compile its
    /// endpoint, which on a busy machine takes longer than Playwright's 5 s default.
    /// </summary>
    public static Task ExpectDone(this IPage page, string words) =>
        Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync(words, new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });

    public static Guid IdIn(string url, string segment) =>
        Guid.Parse(Regex.Match(url, $"/{segment}/([0-9a-f-]{{36}})").Groups[1].Value);
}
