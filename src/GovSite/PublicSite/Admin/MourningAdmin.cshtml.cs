using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.PublicSite.Mourning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.Admin;

/// <summary>
/// Back office: 哀悼日 mode. Platform admins turn the whole platform or any region grey;
/// supervisors (region administrators) their own regions. One action, a period that ends by itself.
/// </summary>
public sealed class MourningAdminModel(SiteAccess access, GovSiteDb db, MourningService mourning, TimeProvider clock) : AdminPageModel(access)
{
    public sealed record Row(int Id, string Scope, DateTime StartsAt, DateTime EndsAt, string Reason, string CreatedBy, bool Running, bool Ended, bool CanEnd);

    [BindProperty]
    public MourningInput Input { get; set; } = new();

    public List<Row> Periods { get; private set; } = [];
    public List<SelectListItem> Scopes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted && Access.RegionIds.Length == 0)
        {
            return Forbid();
        }
        var now = GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        Input.EndsLocal = now.Date.AddDays(1).AddHours(0);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted && Access.RegionIds.Length == 0)
        {
            return Forbid();
        }
        ModelState.Clear();
        var result = await mourning.StartAsync(Input, ct);
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }
        Notice = $"已设置哀悼日模式：{GovSite.Common.ChinaTime.Format(result.Value!.StartsAt)} 至 {GovSite.Common.ChinaTime.Format(result.Value.EndsAt)}，到时自动恢复";
        return Redirect("/admin/mourning");
    }

    public async Task<IActionResult> OnPostEndAsync(int endId, CancellationToken ct)
    {
        var result = await mourning.EndAsync(endId, ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Forbidden)
        {
            return Forbid();
        }
        Notice = "哀悼日模式已结束，各网站已恢复原样";
        return Redirect("/admin/mourning");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(ct);
        if (Access.Unrestricted)
        {
            Scopes.Add(new SelectListItem("全平台所有网站", "", Input.RegionId is null));
        }
        Scopes.AddRange(regions.Where(r => mourning.CanSet(r.Id))
            .Select(r => new SelectListItem($"{r.Code} {r.Name}（含下级地区）", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Input.RegionId == r.Id)));
        var names = regions.ToDictionary(r => r.Id, r => r.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var periods = await db.MourningPeriods.AsNoTracking().OrderByDescending(p => p.StartsAt).Take(50).ToListAsync(ct);
        Periods = [.. periods.Where(p => p.RegionId is null || mourning.CanSet(p.RegionId) || Access.RegionIds.Contains(p.RegionId.Value))
            .Select(p => new Row(p.Id, p.RegionId is int id ? names.GetValueOrDefault(id, "") : "全平台", p.StartsAt, p.EndsAt, p.Reason, p.CreatedBy,
                p.StartsAt <= now && p.EndsAt > now, p.EndsAt <= now, p.EndsAt > now && mourning.CanSet(p.RegionId)))];
    }
}
