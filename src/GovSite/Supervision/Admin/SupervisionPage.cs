using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>What the supervision pages share: who supervises what, and the region being looked at.</summary>
public abstract class SupervisionPage(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    protected GovSiteDb Db => db;

    /// <summary>Platform admins and supervisors: the people these pages are for.</summary>
    public bool IsSupervisor => Access.Unrestricted || Access.RegionIds.Length > 0;

    public List<Region> Regions { get; private set; } = [];
    public Region? Region { get; private set; }
    public List<SelectListItem> RegionChoices => [.. Regions.Select(r => new SelectListItem($"{r.Code} {r.Name}", r.Code, r.Id == Region?.Id))];

    /// <summary>The caller's regions and the one asked for (else the highest they supervise).</summary>
    protected async Task LoadRegionsAsync(string? code, CancellationToken ct)
    {
        var all = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        Regions = Access.Unrestricted ? all : [.. all.Where(r => Access.RegionIds.Contains(r.Id))];
        var visible = Regions.Select(r => r.Id).ToHashSet();
        Region = code is { Length: > 0 } ? Regions.FirstOrDefault(r => r.Code == code) : null;
        Region ??= Regions.FirstOrDefault(r => r.ParentId is null || !visible.Contains(r.ParentId.Value));
    }

    public static string Percent(double share) => (share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Number(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
