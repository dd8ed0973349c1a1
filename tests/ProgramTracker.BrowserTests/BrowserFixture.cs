using Microsoft.AspNetCore.Hosting;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The real app on Kestrel at a 127.0.0.1 port, on its own throwaway PostgreSQL, and one headless Chromium
/// (Debian's, since Playwright cannot download its own browser here) for the whole run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "PROGRAMTRACKER_CHROMIUM";

    private EmbeddedPostgres? _postgres;
    private InProcessHost? _host;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    /// <summary>An API client signed in as this demo user (<see cref="Api"/> is the administrator).</summary>
    public HttpClient ApiAs(DemoUser user) => _host!.CreateClient(user);
    public Marten.IDocumentStore Store => _host!.Store;
    public IServiceProvider Services => _host!.Services;

    /// <summary>
    /// Waits until the async projections have caught up with every event appended so far: the portfolio pages on the
    /// projected dashboards' index, as GET /api/agreements does, so an agreement registered a moment ago lists after that.
    /// </summary>
    public Task WaitForProjectionsAsync() => _host!.WaitForProjectionsAsync();

    public static string ScreenshotDirectory { get; } = Repository.File("artifacts", "screenshots");

    /// <summary>
    /// How long an expectation (<c>Assertions.Expect(...)</c>) waits for what it expects, unless it says otherwise. Playwright's
    /// default, 5 s, was exceeded by pages that were only slow: in CI the browser tests share two cores with the other
    /// test projects for their whole run. A longer wait asks for the same thing and costs nothing when the page is on time.
    /// </summary>
    public const float ExpectTimeoutMilliseconds = 15_000;

    /// <summary>
    /// How long an expectation waits for what follows a write: a form's answer, or a page brought up to date once the
    /// projections have the new event. Under CI's load the async daemon may be seconds behind; what such a test asks
    /// (the answer in words, the page updated in place) is the same however long it waits.
    /// </summary>
    public const float AfterWriteTimeoutMilliseconds = 30_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMilliseconds);
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium, and there is none at {chromium}. Install Debian's package " +
                $"('apt-get install chromium'; ./ops/test.sh does it for you) or set {ChromiumVariable} to a Chromium executable.");
        }

        _postgres = await TestPostgres.StartAsync("tests-browser");
        _host = InProcessHost.Start(_postgres.ConnectionString,
            configure: web => web.UseSetting("ProgramTracker:SampleData:LoadOnStart", "true"), kestrel: true);
        BaseAddress = _host.ServerAddress!;
        Api = _host.CreateClient();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keep it from calling out of this closed network.
            Args =
            [
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// A fresh browser profile with the given browser language and a laptop or phone screen, signed in as the user
    /// (through the development sign-in page, once per user for the run) or not signed in at all.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "en-US", bool phone = false, DemoUser? signedInAs = null) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            StorageState = signedInAs is null ? null : await SessionOfAsync(signedInAs),
        });

    private readonly Dictionary<string, string> _sessions = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);

    private async Task<string> SessionOfAsync(DemoUser user)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (_sessions.TryGetValue(user.Key, out var known)) return known;
            await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/sign-in");
            await page.GetByTestId($"sign-in-{user.Key}").ClickAsync();
            await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(user.Name);
            return _sessions[user.Key] = await context.StorageStateAsync();
        }
        finally
        {
            _signingIn.Release();
        }
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        _postgres?.Stop();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture app) : IAsyncLifetime
{
    protected BrowserFixture App { get; } = app;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    protected virtual string Locale => "en-US";

    /// <summary>Most tests are about what the pages show, so they look as the administrator, who may see everything.</summary>
    protected virtual DemoUser? SignedInAs => DemoUsers.Administrator;

    public async Task InitializeAsync()
    {
        Context = await App.NewContextAsync(Locale, signedInAs: SignedInAs);
        Page = await Context.NewPageAsync();
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();

    /// <summary>Keeps a full-page picture of what the test saw, in artifacts/screenshots (git ignores it).</summary>
    protected Task Screenshot(string name, IPage? page = null) =>
        (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });
}
