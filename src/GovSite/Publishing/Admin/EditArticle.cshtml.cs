using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Admin;

/// <summary>An article is edited as its library item, where the column's workflow and revisions apply.</summary>
public sealed class EditArticleModel(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    /// <summary>The query filter hides other sites' drafts (404); a published article of a site this user has no part in is 403.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.SiteId, a.ItemId }).FirstOrDefaultAsync(ct);
        if (article?.ItemId is not int item)
        {
            return NotFound();
        }
        return Access.CanSee(article.SiteId) ? LocalRedirect($"/admin/library/{item}") : Forbid();
    }
}
