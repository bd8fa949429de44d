using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search.Admin;

/// <summary>
/// What citizens searched for and did not find (content gaps), and what they search for most,
/// for the sites the signed-in user works on; the platform page's log for platform admins.
/// </summary>
public sealed class SearchAdminModel(SiteAccess access, SiteDirectory sites, GovSiteDb db) : AdminPageModel(access)
{
    public sealed record Row(string Scope, string Query, int Searches, int Results, DateTime LastSearchedAt);

    public List<Row> ZeroResults { get; private set; } = [];
    public List<Row> Popular { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = Access.Unrestricted ? null : sites.All.Where(s => Access.CanSee(s.Id)).Select(s => s.Id).ToList();
        var log = db.SearchLog.AsNoTracking().Where(l => visible == null || visible.Contains(l.SiteId));
        ZeroResults = [.. (await log.Where(l => l.Results == 0).OrderByDescending(l => l.Searches).ThenByDescending(l => l.LastSearchedAt)
            .Take(100).ToListAsync(ct)).Select(ToRow)];
        Popular = [.. (await log.Where(l => l.Results > 0).OrderByDescending(l => l.Searches).Take(30).ToListAsync(ct)).Select(ToRow)];
    }

    private Row ToRow(SearchLogEntry l) =>
        new(l.SiteId == 0 ? "全平台搜索" : sites.FindById(l.SiteId)?.Name ?? $"网站 {l.SiteId}", l.Query, l.Searches, l.Results, l.LastSearchedAt);
}
