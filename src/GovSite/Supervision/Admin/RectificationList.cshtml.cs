using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Supervision.Admin;

/// <summary>整改: a region's orders (supervisors) or a site's own (its administrators), by state.</summary>
public sealed class RectificationListModel(SiteAccess access, GovSiteDb db, Rectifications rectifications) : SupervisionPage(access, db)
{
    public List<RectificationOrder> Orders { get; private set; } = [];
    public string? State { get; private set; }
    public DateOnly Today => rectifications.Today;

    public async Task<IActionResult> OnGetAsync(string? region, string? state, CancellationToken ct)
    {
        await LoadRegionsAsync(region, ct);
        State = state is "open" or "submitted" or "closed" or "late" ? state : null;
        // Site administrators see their sites' orders through the query filter; supervisors their region's.
        Orders = await rectifications.ListAsync(IsSupervisor ? Region?.Code : null, State, ct) ?? [];
        return Page();
    }
}
