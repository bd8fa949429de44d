using GovSite.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Admin;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class LoginModel(SiteAccess access, AccountService accounts) : AdminPageModel(access)
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        Access.UserId is not null ? LocalRedirect(LocalOr(ReturnUrl, "/admin")) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), "请填写用户名");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "请填写密码");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await accounts.SignInAsync(UserName!, Password!, ct);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            // One message for both fields: saying which was wrong would help a guesser.
            ModelState.AddModelError(string.Empty, result.Message);
            Password = null;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.Principal(result.User!, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(LocalOr(ReturnUrl, "/admin"));
    }
}
