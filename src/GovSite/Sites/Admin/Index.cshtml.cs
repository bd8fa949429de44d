using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites.Admin;

public sealed class SitesModel(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Name, string Code, SiteType Type, SiteLevel Level, SiteStatus Status,
        string? MainDomain, string? CodeWarning, bool CanEdit);

    public string? Query { get; private set; }
    public List<Row> Sites { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanRegister => Access.Unrestricted || Access.RegionIds.Length > 0;

    public async Task OnGetAsync(string? q, int? page, CancellationToken ct)
    {
        Query = q?.Trim();
        var query = db.Sites.AsNoTracking();
        if (!Access.Unrestricted)
        {
            var ids = Access.SiteIds;
            query = query.Where(s => ids.Contains(s.Id));
        }
        if (!string.IsNullOrEmpty(Query))
        {
            query = query.Where(s => s.Name.Contains(Query) || s.Code.StartsWith(Query));
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), "/admin/sites", Request.Query);
        var rows = await query.OrderBy(s => s.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(s => new
            {
                s.Id, s.Name, s.Code, s.Type, s.Level, s.Status, s.RegionId, RegionCode = s.Region!.Code,
                MainDomain = s.Domains.Where(d => d.IsMain).Select(d => d.Host).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Sites = [.. rows.Select(s => new Row(s.Id, s.Name, s.Code, s.Type, s.Level, s.Status, s.MainDomain,
            SiteCode.Check(s.Code, s.RegionCode).Warning,
            Access.CanAdministerSite(s.Id) || Access.CanRegisterIn(s.RegionId)))];
    }
}
