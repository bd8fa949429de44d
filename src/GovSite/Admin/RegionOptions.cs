using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin;

public enum RegionOptionKind
{
    /// <summary>Regions that can have regions below them (townships cannot).</summary>
    Parents,

    /// <summary>Every region a site or organisation can belong to.</summary>
    All,
}

/// <summary>Region choices for selects, limited to where the user may register things.</summary>
public static class RegionOptions
{
    public static async Task<List<SelectListItem>> ForAsync(GovSiteDb db, SiteAccess access, RegionOptionKind kind,
        CancellationToken ct, params string?[] alwaysInclude)
    {
        var query = db.Regions.AsNoTracking();
        if (kind == RegionOptionKind.Parents)
        {
            query = query.Where(r => r.Level != RegionLevel.Township);
        }
        if (!access.Unrestricted)
        {
            var allowed = access.RegionIds;
            var keep = alwaysInclude.OfType<string>().ToArray();
            query = query.Where(r => allowed.Contains(r.Id) || keep.Contains(r.Code));
        }
        return await query.OrderBy(r => r.Code)
            .Select(r => new SelectListItem(r.Code + " " + r.Name, r.Code))
            .ToListAsync(ct);
    }
}
