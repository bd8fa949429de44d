using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Accounts.Admin;

/// <summary>The second step of a sign-in: the password was right, now the authenticator's code (or a recovery code).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignInCodeModel(SiteAccess access, AccountService accounts, SecondFactor secondFactor) : GovSite.Admin.AdminPageModel(access)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await PendingAsync(ct);
        if (user is null)
        {
            return Restart();
        }
        return user.HasSecondFactor ? Page() : LocalRedirect($"/admin/login/two-factor?ReturnUrl={Uri.EscapeDataString(LocalOr(ReturnUrl, "/admin"))}");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await PendingAsync(ct);
        if (user is null || !user.HasSecondFactor)
        {
            return Restart();
        }
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "请填写验证码");
            return Page();
        }
        var verdict = await secondFactor.VerifyAsync(user, Code, ct);
        if (verdict is CodeVerdict.Wrong or CodeVerdict.AlreadyUsed)
        {
            var failed = await accounts.RecordFailedAttemptAsync(user, verdict == CodeVerdict.AlreadyUsed ? "验证码已使用过" : "验证码错误", ct);
            if (failed.Outcome == SignInOutcome.LockedOut)
            {
                await HttpContext.SignOutAsync(SecondFactor.PendingScheme);
                ModelState.AddModelError(string.Empty, failed.Message);
                return Page();
            }
            ModelState.AddModelError(nameof(Code), AccountsSetup.CodeMessage(verdict));
            return Page();
        }
        await accounts.CompleteSignInAsync(user, ct);
        await HttpContext.SignOutAsync(SecondFactor.PendingScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        if (verdict == CodeVerdict.AcceptedRecoveryCode)
        {
            Notice = $"已使用一个恢复码登录，还剩 {SecondFactor.RecoveryCodesLeft(user)} 个。手机丢失时请尽快在“两步验证”页重新绑定验证器。";
        }
        return LocalRedirect(LocalOr(ReturnUrl, "/admin"));
    }

    private async Task<User?> PendingAsync(CancellationToken ct)
    {
        var pending = await HttpContext.AuthenticateAsync(SecondFactor.PendingScheme);
        return await secondFactor.PendingUserAsync(pending.Succeeded ? pending.Principal : null, ct);
    }

    private IActionResult Restart() => LocalRedirect($"/admin/login?ReturnUrl={Uri.EscapeDataString(LocalOr(ReturnUrl, "/admin"))}");
}
