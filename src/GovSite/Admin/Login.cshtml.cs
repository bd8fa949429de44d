using GovSite.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Admin;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class LoginModel(SiteAccess access, AccountService accounts, SecondFactor secondFactor) : AdminPageModel(access)
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
        var user = result.User!;
        var returnUrl = LocalOr(ReturnUrl, "/admin");
        if (user.HasSecondFactor || await secondFactor.IsRequiredAsync(user, ct))
        {
            // The password alone opens only the code page (or, before enrolment, the enrolment page).
            await HttpContext.SignInAsync(SecondFactor.PendingScheme, SecondFactor.PendingPrincipal(user));
            var next = user.HasSecondFactor ? "/admin/login/code" : "/admin/login/two-factor";
            return LocalRedirect($"{next}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(returnUrl);
    }
}
