using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public Marten.IDocumentStore Store => _factory!.Services.GetRequiredService<Marten.IDocumentStore>();

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium, and there is none at {chromium}. Install Debian's package " +
                $"('apt-get install chromium'; ./ops/test.sh does it for you) or set {ChromiumVariable} to a Chromium executable.");
        }

        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        _postgres = await EmbeddedPostgres.StartThrowawayAsync("tests-browser");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _postgres.Stop();

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ProgramTracker:Authentication:DemoSignIn", "true");
            web.UseSetting("ConnectionStrings:Marten", _postgres.ConnectionString);
            web.UseSetting("ProgramTracker:SampleData:LoadOnStart", "true");
            // Every test shares one caller; the rate limits themselves are tested in a host of their own.
            web.UseSetting("ProgramTracker:RateLimiting:WritesPerMinute", "10000000");
            web.UseSetting("ProgramTracker:RateLimiting:ReadsPerMinute", "10000000");
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            _factory.Services.GetRequiredService<DevelopmentTokens>().Issue(DemoUsers.Administrator));

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
        if (_factory is not null) await _factory.DisposeAsync();
        _postgres?.Stop();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln"))) return dir.FullName;
        }
        return AppContext.BaseDirectory;
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
