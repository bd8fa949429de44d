using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Files;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Services.Admin;

/// <summary>A new guide, saved as a draft: incomplete is allowed here, and shown.</summary>
[RequestSizeLimit(60L * 1024 * 1024)]
public sealed class NewModel(SiteAccess access, GovSiteDb db, FileService files, SiteDirectory directory, ServiceEditor editor)
    : ServiceFormModel(access, db, files)
{
    [FromRoute]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        if (!editor.CanEdit(Id))
        {
            return Forbid();
        }
        Input = new ServiceGuideContent { Type = ServiceItemType.PublicService, ForPersons = true, Department = WorkingSite.HostUnitName };
        await PrepareAsync(Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        if (!editor.CanEdit(Id))
        {
            return Forbid();
        }
        ModelState.Clear();
        if (await TakeUploadAsync(Id, ct))
        {
            var result = await editor.CreateAsync(Id, Input, ct);
            if (Refusal(result) is { } refusal)
            {
                return refusal;
            }
            if (result.Succeeded)
            {
                var item = result.Value!;
                Notice = item.MissingCount > 0
                    ? $"已保存草稿“{item.Name}”。还缺 {item.MissingCount} 项要素，补全后才能提交审核"
                    : $"已保存草稿“{item.Name}”，可以提交审核";
                return Redirect($"/admin/services/{item.Id}");
            }
            AddErrors(result.Errors, nameof(Input));
        }
        await PrepareAsync(Id, ct);
        return Page();
    }
}
