using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Publishing.Quality.Admin;

/// <summary>内容质量: the platform's lists (platform admins edit them), the sites one runs, the check page.</summary>
public sealed class QualityIndexModel(SiteAccess access, QualityLists lists, SiteDirectory sites) : AdminPageModel(access)
{
    public sealed class NewListInput
    {
        public string Name { get; set; } = "";
        public QualityListKind Kind { get; set; } = QualityListKind.SensitiveWords;
        public QualitySeverity? Severity { get; set; }
    }

    [BindProperty]
    public NewListInput Input { get; set; } = new();

    public List<QualityList> PlatformLists { get; private set; } = [];
    public List<SiteInfo> MySites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Access.Unrestricted)
        {
            // The two single platform lists exist from the first visit, so there is always one to edit.
            await lists.PlatformListAsync(QualityListKind.SeriousErrorTerms, ct);
            await lists.PlatformListAsync(QualityListKind.InappropriatePhrases, ct);
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await lists.CreateAsync(null, Input.Kind, Input.Name, Input.Severity, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }
        Notice = $"已新建{QualityPageText.Kind(result.Value!.Kind)}“{result.Value.Name}”，请上传或填写词条";
        return Redirect($"/admin/quality/lists/{result.Value.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PlatformLists = await lists.VisibleAsync(null, null, ct);
        MySites = [.. sites.All.Where(s => Access.CanAdministerSite(s.Id)).OrderBy(s => s.Code, StringComparer.Ordinal).Take(200)];
    }
}
