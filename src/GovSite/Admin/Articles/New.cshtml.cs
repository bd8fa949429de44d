using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Admin.Articles;

public sealed class NewArticleModel(SiteAccess access, GovSiteDb db, ArticleService articles, SiteDirectory directory, TimeProvider clock)
    : ArticleFormModel(access, db, articles, directory, clock)
{
    public async Task<IActionResult> OnGetAsync(int id, int? column, CancellationToken ct)
    {
        if (UseSite(id) is { } refused)
        {
            return refused;
        }
        if (!CanWrite)
        {
            return Forbid();
        }
        Input.ColumnId = column ?? 0;
        await LoadChoicesAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        UseSite(id) ?? await SaveAsync(null, ct);
}
