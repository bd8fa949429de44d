using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Publishing.Quality.Admin;

/// <summary>A site's gate: block or warn per check, the near-duplicate threshold, and the site's own lists.</summary>
public sealed class QualitySiteSettingsModel(SiteAccess access, QualityLists lists, SiteDirectory sites) : AdminPageModel(access)
{
    public sealed class NewListInput
    {
        public string Name { get; set; } = "";
        public QualityListKind Kind { get; set; } = QualityListKind.SensitiveWords;
        public QualitySeverity? Severity { get; set; }
    }

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public QualitySettings Input { get; set; } = new();

    [BindProperty]
    public NewListInput NewList { get; set; } = new();

    public List<QualityList> SiteLists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        Input = await lists.SettingsAsync(Id, ct);
        SiteLists = await lists.VisibleAsync(null, Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        var result = await lists.SaveSettingsAsync(Id, Input, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            SiteLists = await lists.VisibleAsync(null, Id, ct);
            return Page();
        }
        Notice = "已保存质量检查设置";
        return Redirect($"/admin/sites/{Id}/quality");
    }

    public async Task<IActionResult> OnPostNewListAsync(CancellationToken ct)
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        var kind = NewList.Kind == QualityListKind.InappropriatePhrases ? QualityListKind.InappropriatePhrases : QualityListKind.SensitiveWords;
        var result = await lists.CreateAsync(Id, kind, NewList.Name, NewList.Severity, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(NewList));
            Input = await lists.SettingsAsync(Id, ct);
            SiteLists = await lists.VisibleAsync(null, Id, ct);
            return Page();
        }
        Notice = $"已新建“{result.Value!.Name}”，请上传或填写词条";
        return Redirect($"/admin/quality/lists/{result.Value.Id}");
    }

    private IActionResult? Load()
    {
        if (sites.FindById(Id) is not { } site)
        {
            return NotFound();
        }
        if (!Access.CanAdministerSite(Id))
        {
            return Forbid();
        }
        WorkingSite = site;
        return null;
    }
}
