using GovSite.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Accounts.Admin;

/// <summary>
/// 两步验证: enrolment (QR code and the secret as text, confirmed with a first code) and, once
/// enrolled, new recovery codes or (where the role does not require it) turning it off. Reached
/// signed in, or right after the password by a platform administrator or supervisor who has not
/// enrolled yet: for them the back office opens only after this page.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class TwoFactorModel(SiteAccess access, GovSiteDb db, AccountService accounts, SecondFactor secondFactor) : GovSite.Admin.AdminPageModel(access)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string UserName { get; private set; } = "";
    public bool Enrolled { get; private set; }
    public bool Required { get; private set; }

    /// <summary>True when only the password has been given (the pending cookie), not a full sign-in.</summary>
    public bool Pending { get; private set; }
    public string? Secret { get; private set; }
    public string? QrSvg { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after they were made.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string Continue => LocalOr(ReturnUrl, "/admin");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        if (user is null)
        {
            return Restart();
        }
        if (Pending && user.HasSecondFactor)
        {
            return LocalRedirect($"/admin/login/code?ReturnUrl={Uri.EscapeDataString(Continue)}");
        }
        await ShowAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        if (user is null || user.HasSecondFactor)
        {
            return user is null ? Restart() : RedirectToPage();
        }
        var codes = string.IsNullOrWhiteSpace(Code) ? null : await secondFactor.ConfirmEnrolmentAsync(user, Code, ct);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), string.IsNullOrWhiteSpace(Code)
                ? "请填写验证器显示的 6 位验证码"
                : "验证码不正确：请确认已扫描本页二维码（或输入了本页的密钥），并输入验证器当前显示的 6 位数字");
            await ShowAsync(user, ct);
            return Page();
        }
        if (Pending)
        {
            await accounts.CompleteSignInAsync(user, ct);
            await HttpContext.SignOutAsync(SecondFactor.PendingScheme);
        }
        // Enrolling ended every other session (new stamp); this one carries on with the new stamp.
        await SignInAgainAsync(user);
        NewRecoveryCodes = codes;
        await ShowAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        if (user is null || Pending || !user.HasSecondFactor)
        {
            return user is null ? Restart() : RedirectToPage();
        }
        NewRecoveryCodes = await secondFactor.RenewRecoveryCodesAsync(user, ct);
        await ShowAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        if (user is null || Pending || !user.HasSecondFactor)
        {
            return user is null ? Restart() : RedirectToPage();
        }
        if (await secondFactor.IsRequiredAsync(user, ct))
        {
            ModelState.AddModelError(string.Empty, "平台管理员和监管人员必须使用两步验证，不能关闭；更换手机可用“重新生成恢复码”保管好新码，手机丢失且恢复码用完时由运维人员执行 govsite reset-second-factor 用户名 后重新绑定");
            await ShowAsync(user, ct);
            return Page();
        }
        await secondFactor.RemoveAsync(user, "关闭两步验证", ct);
        await SignInAgainAsync(user);
        Notice = "已关闭两步验证";
        return RedirectToPage();
    }

    private async Task ShowAsync(User user, CancellationToken ct)
    {
        UserName = user.UserName;
        Enrolled = user.HasSecondFactor;
        Required = await secondFactor.IsRequiredAsync(user, ct);
        RecoveryCodesLeft = SecondFactor.RecoveryCodesLeft(user);
        if (!Enrolled)
        {
            Secret = await secondFactor.BeginEnrolmentAsync(user, ct);
            QrSvg = GovSite.PublicSite.Extras.QrCode.Encode(SecondFactor.OtpAddress(Secret, user.UserName)).ToSvg("用验证器扫描此二维码");
        }
    }

    /// <summary>The signed-in user, or the one who has just given the password; null when neither.</summary>
    private async Task<User?> CurrentAsync(CancellationToken ct)
    {
        if (Access.UserId is int id)
        {
            return await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        }
        var pending = await HttpContext.AuthenticateAsync(SecondFactor.PendingScheme);
        var user = await secondFactor.PendingUserAsync(pending.Succeeded ? pending.Principal : null, ct);
        Pending = user is not null;
        return user;
    }

    private Task SignInAgainAsync(User user) =>
        HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));

    private IActionResult Restart() => LocalRedirect($"/admin/login?ReturnUrl={Uri.EscapeDataString(Continue)}");
}
