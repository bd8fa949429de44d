using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin;

public sealed class DashboardModel(SiteAccess access, SiteDirectory directory, GovSiteDb db) : AdminPageModel(access)
{
    public const int PageSize = 30;

    public sealed record SiteCard(SiteInfo Site, int Published, int Drafts);

    public List<SiteCard> Sites { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanRegister => Access.Unrestricted || Access.RegionIds.Length > 0;

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        var mine = Access.Unrestricted
            ? directory.All
            : [.. Access.SiteIds.Select(directory.FindById).OfType<SiteInfo>().OrderBy(s => s.Id)];
        Pager = new Pager(Pager.Clamp(page), PageSize, mine.Count, "/admin", Request.Query);
        var shown = mine.Skip(Pager.Skip).Take(PageSize).ToList();
        var ids = shown.Select(s => s.Id).ToList();
        var counts = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.SiteId))
            .GroupBy(a => new { a.SiteId, a.Status })
            .Select(g => new { g.Key.SiteId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        Sites = [.. shown.Select(s => new SiteCard(s,
            counts.Where(c => c.SiteId == s.Id && c.Status == ArticleStatus.Published).Sum(c => c.Count),
            counts.Where(c => c.SiteId == s.Id && c.Status == ArticleStatus.Draft).Sum(c => c.Count)))];
    }
}
