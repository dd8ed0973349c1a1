using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;

namespace ProgramTracker.Api.Web;

/// <summary>
/// The web dashboard: server-rendered Razor Pages under Web/Pages, static files under Web/wwwroot, interface
/// strings from Web/Resources in the four languages ProgramTracker serves.
/// </summary>
public static class Configuration
{
    public static readonly string[] Languages = ["en", "vi", "lo", "th"];

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<CachedStrings>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Web/Pages")
            .AddViewLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Select(CultureFor).ToList();
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The cookie the language switcher sets wins over the browser's Accept-Language; no query string.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(StaticFilesRoot(app.Environment)),
            OnPrepareResponse = files => files.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRequestLocalization();
        app.MapRazorPages();
        app.MapLiveAndExports();
        return app;
    }

    /// <summary>The project's Web/wwwroot under `dotnet run`; the copy beside the assembly when run from its build output.</summary>
    private static string StaticFilesRoot(IWebHostEnvironment environment)
    {
        var fromContentRoot = Path.Combine(environment.ContentRootPath, "Web", "wwwroot");
        return Directory.Exists(fromContentRoot) ? fromContentRoot : Path.Combine(AppContext.BaseDirectory, "Web", "wwwroot");
    }

    /// <summary>
    /// Thai dates use the Gregorian calendar: agreements, validity periods and milestone dates are compared across
    /// countries, and a Buddhist-era year beside a Vietnamese Gregorian one would mislead.
    /// </summary>
    public static CultureInfo CultureFor(string language)
    {
        var culture = new CultureInfo(language);
        // English "5/23/2025" reads two ways across the region; "23 May 2025" reads one.
        if (language == "en") culture.DateTimeFormat.ShortDatePattern = "d MMM yyyy";
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
            culture.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().First();
        return culture;
    }
}
