using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Participation.Admin;

/// <summary>
/// Back-office pages of one site's consultations, surveys and interviews. Sign-in is required
/// by the folder convention in ParticipationSetup and again here, in case the page moves.
/// </summary>
public abstract class ParticipationAdminPage(SiteAccess access, SiteDirectory directory) : AdminPageModel(access)
{
    [FromRoute]
    public int SiteId { get; set; }

    public bool CanModerate => Access.CanModerate(SiteId);

    /// <summary>404 for an unknown site, 403 for a site this user has no part in.</summary>
    protected IActionResult? UseSite()
    {
        WorkingSite = directory.FindById(SiteId);
        return WorkingSite is null ? NotFound() : !Access.CanSee(SiteId) ? Forbid() : null;
    }

    protected string Base => $"/admin/sites/{SiteId}";

    protected IActionResult? Refused<T>(SaveResult<T> result, string prefix) where T : class
    {
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, prefix);
        }
        return null;
    }
}
