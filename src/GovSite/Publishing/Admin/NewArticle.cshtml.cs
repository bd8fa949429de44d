using GovSite.Accounts;
using GovSite.Admin;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Publishing.Admin;

/// <summary>写文章 is the library's new-item form: one write path, one form, new content a draft until someone publishes it.</summary>
public sealed class NewArticleModel(SiteAccess access) : AdminPageModel(access)
{
    public IActionResult OnGet(int id, int? column) =>
        LocalRedirect($"/admin/sites/{id}/library/new" + (column is int c ? $"?column={c}" : ""));
}
