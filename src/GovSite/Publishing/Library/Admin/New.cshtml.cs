using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Publishing.Library.Admin;

/// <summary>A new item: it enters the library as a draft of this site, written for one of its columns.</summary>
public sealed class NewItemModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, LibraryService library)
    : ItemFormModel(access, db, directory)
{
    public async Task<IActionResult> OnGetAsync(int siteId, int? column, CancellationToken ct)
    {
        if (UseSite(siteId) is { } refused)
        {
            return refused;
        }
        Input.ColumnId = column ?? 0;
        await LoadChoicesAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int siteId, CancellationToken ct)
    {
        if (UseSite(siteId) is { } refused)
        {
            return refused;
        }
        var result = await library.CreateAsync(siteId, Input, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadChoicesAsync(null, ct);
            return Page();
        }
        Notice = "稿件已存入资源库（草稿）";
        return LocalRedirect($"/admin/library/{result.Value!.Id}");
    }

}
