using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>注册: a person or an enterprise, with the code sent to the mobile; a failed step keeps everything typed.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.CitizenSignIn, KeyField = "Mobile", KeyBucket = GovSite.Security.RateLimitOptions.CitizenSignInPerNumber)]
public sealed class RegisterModel(CurrentSite current, SiteContent content, PersonalPage personal, CitizenAccounts accounts)
    : CitizenPageModel(current, content, personal)
{
    [BindProperty]
    public CitizenKind? Kind { get; set; } = CitizenKind.Person;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? CreditCode { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool CodeSent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync("注册", ct) ? Page() : NotFound();

    /// <summary>获取验证码: the rest of the form comes back as typed.</summary>
    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        if (!await LoadAsync("注册", ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var errors = await accounts.SendCodeAsync(Mobile, ct);
        errors.CopyTo(ModelState, "", Fields);
        CodeSent = errors.IsValid;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync("注册", ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var result = await accounts.RegisterAsync(new RegistrationInput(Kind, Name, Mobile, CreditCode, Code, Password, Email), ct);
        if (result.Value is not { } citizen)
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
        ["kind"] = nameof(Kind), ["name"] = nameof(Name), ["mobile"] = nameof(Mobile), ["creditCode"] = nameof(CreditCode),
        ["code"] = nameof(Code), ["password"] = nameof(Password), ["email"] = nameof(Email), ["form"] = "",
    };
}
