using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>登录 with a password or a one-time code; locked like staff accounts after repeated failures.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.CitizenSignIn, KeyField = "Mobile", KeyBucket = GovSite.Security.RateLimitOptions.CitizenSignInPerNumber)]
public sealed class SignInModel(CurrentSite current, SiteContent content, PersonalPage personal, CitizenAccounts accounts)
    : CitizenPageModel(current, content, personal)
{
    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool CodeSent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync("登录", ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SignInAsync(byCode: false, ct);

    public Task<IActionResult> OnPostWithCodeAsync(CancellationToken ct) => SignInAsync(byCode: true, ct);

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        if (!await LoadAsync("登录", ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var errors = await accounts.SendCodeAsync(Mobile, ct);
        errors.CopyTo(ModelState, "", Fields);
        CodeSent = errors.IsValid;
        return Page();
    }

    private async Task<IActionResult> SignInAsync(bool byCode, CancellationToken ct)
    {
        if (!await LoadAsync("登录", ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var result = await accounts.SignInAsync(Mobile, byCode ? null : Password ?? "", byCode ? Code ?? "" : null, ct);
        if (result.Citizen is not { } citizen)
        {
            result.Errors.CopyTo(ModelState, "", Fields);
            Code = null;
            return Page();
        }
        await CitizensSetup.SignInAsync(HttpContext, citizen);
        return Redirect(SafeReturn(ReturnUrl));
    }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["mobile"] = nameof(Mobile), ["password"] = nameof(Password), ["code"] = nameof(Code), ["form"] = "",
    };
}
