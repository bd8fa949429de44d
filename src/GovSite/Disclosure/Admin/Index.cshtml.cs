using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Disclosure.Admin;

/// <summary>
/// A site's 政府信息公开 in the back office: the guide's settings (each save a new version), the
/// statutory categories it must keep (empty or stale ones marked) and last year's late publications.
/// </summary>
public sealed class IndexModel(SiteAccess access, SiteDirectory directory, GuideService guides, StatutoryContent statutory, RequestService requests)
    : AdminPageModel(access)
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public GuideInput Input { get; set; } = new();

    public List<DisclosureGuide> Versions { get; private set; } = [];
    public List<CategoryCoverage> Coverage { get; private set; } = [];
    public Timeliness Timeliness { get; private set; } = null!;
    public bool CanEdit => Access.CanAdministerSite(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        Input = GuideInput.From(await guides.CurrentAsync(Id, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        var result = await guides.SaveAsync(Id, Input, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input");
            return Page();
        }
        Notice = $"已保存政府信息公开指南第 {result.Value!.Version} 版";
        return LocalRedirect($"/admin/sites/{Id}/disclosure");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        if (!Access.CanSee(Id))
        {
            return Forbid();
        }
        Versions = await guides.VersionsAsync(Id, ct);
        Coverage = await statutory.CoverageAsync(WorkingSite, ct);
        Timeliness = await statutory.TimelinessAsync(Id, requests.Today.Year - 1, ct);
        return null;
    }
}
