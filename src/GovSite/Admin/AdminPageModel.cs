using GovSite.Accounts;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovSite.Admin;

/// <summary>What every back-office page shares: the caller's access and the site it is working on.</summary>
public abstract class AdminPageModel(SiteAccess access) : PageModel
{
    public SiteAccess Access => access;

    /// <summary>Set by pages inside one site; the layout shows that site's sub-navigation.</summary>
    public SiteInfo? WorkingSite { get; protected set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>
    /// Puts a service's field errors into ModelState under the form's field names, so each
    /// message shows beside its field and in the summary at the top.
    /// </summary>
    protected void AddErrors(ValidationErrors errors, string prefix, IReadOnlyDictionary<string, string>? renamed = null) =>
        errors.CopyTo(ModelState, prefix, renamed);

    /// <summary>Maps a refused save to 403/404; null when the caller should show field errors or carry on.</summary>
    protected IActionResult? Refusal<T>(SaveResult<T> result) where T : class =>
        result.NotFound ? NotFound() : result.Forbidden ? Forbid() : null;

    /// <summary>Only local addresses, so a crafted link cannot send people off-site after an action.</summary>
    protected string LocalOr(string? url, string fallback) => url is not null && Url.IsLocalUrl(url) ? url : fallback;
}
