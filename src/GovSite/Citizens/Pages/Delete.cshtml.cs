using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>注销账号: the owner deletes the account and everything personal in it, after one confirmation.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.CitizenPosts, PerCitizen = true, KeyBucket = GovSite.Security.RateLimitOptions.CitizenPostsPerAccount)]
public sealed class DeleteModel(CurrentSite current, SiteContent content, PersonalPage personal, CitizenAccounts accounts)
    : CitizenPageModel(current, content, personal)
{
    [BindProperty]
    public bool Confirm { get; set; }

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync("注销账号", ct))
        {
            return NotFound();
        }
        return Me is null ? ToSignIn() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync("注销账号", ct))
        {
            return NotFound();
        }
        if (Me is null)
        {
            return ToSignIn();
        }
        ModelState.Clear();
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "请勾选“我确认注销账号”");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await accounts.DeleteAsync(Me.Id, ct);
        await CitizensSetup.SignOutAsync(HttpContext);
        Deleted = true;
        return Page();
    }
}
