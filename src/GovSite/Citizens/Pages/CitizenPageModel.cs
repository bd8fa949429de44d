using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>
/// What the account pages share: the site they are shown on and the signed-in citizen. None of
/// them is cached (they are personal, and their forms carry antiforgery tokens).
/// </summary>
public abstract class CitizenPageModel(CurrentSite current, SiteContent content, PersonalPage personal) : PublicPageModel(current, content)
{
    protected PersonalPage Personal => personal;

    /// <summary>The signed-in citizen, or null.</summary>
    public Citizen? Me { get; private set; }

    /// <summary>Loads the site and the citizen; false when the request names no site.</summary>
    protected async Task<bool> LoadAsync(string title, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return false;
        }
        PageTitle = $"{title} - {Site.Name}";
        AddMeta("ColumnName", "个人中心");
        // A cookie of a deleted account is simply no account.
        Me = await personal.FindAsync(await CitizensSetup.CitizenIdAsync(HttpContext), ct);
        return true;
    }

    /// <summary>Where a page that needs an account sends someone who is not signed in, coming back here afterwards.</summary>
    protected IActionResult ToSignIn() =>
        Redirect(Link("/account/signin") + "?returnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString));

    /// <summary>Only addresses inside this site are followed after sign-in (no open redirect).</summary>
    protected string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && Url.IsLocalUrl(returnUrl)
            ? returnUrl
            : Link("/account");
}
