using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Account;

/// <summary>
/// With an identity provider, sends the browser there. Without one (development), offers the demo users: a
/// click signs in as one of them, and the same page switches between them.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(AuthenticationSettings settings) : PageModel
{
    public bool Development => !settings.UsesIdentityProvider;
    public string ReturnUrl { get; private set; } = "/";

    public IActionResult OnGet(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!Development)
            return Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl }, Security.Configuration.OpenIdConnectScheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? user, string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!Development || DemoUsers.Find(user) is not { } demo)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            demo.Principal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(ReturnUrl);
    }
}
