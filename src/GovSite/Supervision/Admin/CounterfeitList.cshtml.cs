using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Supervision.Admin;

/// <summary>假冒网站: the region's cases, reporting one, and the look-alike names of a site (looked up only when turned on).</summary>
public sealed class CounterfeitListModel(SiteAccess access, GovSiteDb db, Counterfeits counterfeits, SiteDirectory directory,
    IOptions<SupervisionOptions> options) : SupervisionPage(access, db)
{
    public List<CounterfeitCase> Cases { get; private set; } = [];
    public List<Site> Sites { get; private set; } = [];
    public SiteInfo? LookAlikeSite { get; private set; }
    public List<LookAlike> LookAlikes { get; private set; } = [];
    public bool LookupEnabled => options.Value.LookupEnabled;

    [BindProperty]
    public CounterfeitInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? region, string? site, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        await LoadAsync(region, site, ct);
        return Page();
    }

    private async Task LoadAsync(string? region, string? site, CancellationToken ct)
    {
        await LoadRegionsAsync(region, ct);
        var scope = Region is null ? [] : await RegionScope.WithDescendantsAsync(Db, Region.Id, ct);
        Cases = await Db.CounterfeitCases.AsNoTracking().Where(c => scope.Contains(c.RegionId)).OrderByDescending(c => c.ReportedAt).Take(500).ToListAsync(ct);
        Sites = await Db.Sites.AsNoTracking().Where(s => scope.Contains(s.RegionId) && s.Status == SiteStatus.Online).OrderBy(s => s.Code).ToListAsync(ct);
        if (site is { Length: > 0 } && directory.FindByCode(site) is { } info && Sites.Any(s => s.Id == info.Id))
        {
            LookAlikeSite = info;
            LookAlikes = counterfeits.LookAlikesOf(info);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await counterfeits.ReportAsync(Input, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadAsync(Input.Region, null, ct);
            return Page();
        }
        Notice = "已登记假冒网站案件。";
        return LocalRedirect($"/admin/supervision/counterfeits/{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostScanAsync(string site, CancellationToken ct)
    {
        if (directory.FindByCode(site) is not { } info)
        {
            return NotFound();
        }
        var result = await counterfeits.ScanAsync(info.Id, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "", new Dictionary<string, string> { ["Lookup"] = "" });
            await LoadAsync(null, site, ct);
            return Page();
        }
        Notice = $"已探测 {result.Value!.Checked} 个仿冒域名，其中 {result.Value.Resolved} 个能够解析，新立案 {result.Value.NewCases.Count} 件。";
        return LocalRedirect($"/admin/supervision/counterfeits?site={Uri.EscapeDataString(site)}");
    }
}
