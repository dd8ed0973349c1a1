using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramTracker.Api.Web.Pages;

/// <summary>Remembers the chosen language for a year in the standard culture cookie (and in a signed-in person's profile), then goes back.</summary>
[AllowAnonymous]
public sealed class LanguageModel(Marten.IDocumentStore store) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (culture is not null && Configuration.Languages.Contains(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
            // The language a signed-in person last used is the one their messages are written in, unless they chose one.
            await Notifications.People.Profiles.RecordLanguageAsync(store, User, culture, HttpContext.RequestAborted);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
