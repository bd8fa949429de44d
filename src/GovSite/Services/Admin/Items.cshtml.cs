using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services.Admin;

/// <summary>A site's service items, with what needs doing: incomplete guides, vague wording, hall links missing or broken, reviews waiting.</summary>
public sealed class ItemsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory) : AdminPageModel(access)
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Code, string Name, string Department, ServiceItemStatus Status, RevisionStatus? Revision, int Missing,
        int Vague, string? HallUrl, bool HallBroken, DateTime? HallCheckedAt, OnlineDepth Depth, bool Imported, DateTime UpdatedAt);

    /// <summary>What the site's guides need, counted over all of them.</summary>
    public sealed record Figures(int Total, int Published, int Incomplete, int Vague, int AwaitingReview, int MissingHall, int BrokenHall);

    [FromRoute]
    public int Id { get; set; }

    [FromQuery]
    public string? Filter { get; set; }

    [FromQuery]
    public string? Q { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public Figures Counts { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;
    public List<SelectListItem> FilterChoices { get; private set; } = [];
    public bool CanEdit => Access.CanEditContent(Id);

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
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
        var all = db.ServiceItems.AsNoTracking().Where(i => i.SiteId == Id);
        var live = all.Where(i => i.Status != ServiceItemStatus.Withdrawn);
        Counts = new Figures(
            await live.CountAsync(ct),
            await all.CountAsync(i => i.Status == ServiceItemStatus.Published, ct),
            await live.CountAsync(i => i.MissingCount > 0, ct),
            await live.CountAsync(i => i.VagueCount > 0, ct),
            await all.CountAsync(i => i.Status == ServiceItemStatus.Submitted || i.RevisionStatus == RevisionStatus.Submitted, ct),
            await live.CountAsync(i => i.HallUrl == null, ct),
            await live.CountAsync(i => i.HallBroken, ct));
        FilterChoices =
        [
            new("全部（不含已撤下）", ""), new("要素不全", "incomplete"), new("有模糊表述", "vague"), new("待审核", "review"),
            new("缺少办事大厅链接", "nohall"), new("办事大厅链接失效", "brokenhall"), new("已发布", "published"), new("草稿", "draft"), new("已撤下", "withdrawn"),
        ];
        FilterChoices.ForEach(f => f.Selected = f.Value == (Filter ?? ""));
        var query = Filter switch
        {
            "incomplete" => live.Where(i => i.MissingCount > 0),
            "vague" => live.Where(i => i.VagueCount > 0),
            "review" => all.Where(i => i.Status == ServiceItemStatus.Submitted || i.RevisionStatus == RevisionStatus.Submitted),
            "nohall" => live.Where(i => i.HallUrl == null),
            "brokenhall" => live.Where(i => i.HallBroken),
            "published" => all.Where(i => i.Status == ServiceItemStatus.Published),
            "draft" => all.Where(i => i.Status == ServiceItemStatus.Draft),
            "withdrawn" => all.Where(i => i.Status == ServiceItemStatus.Withdrawn),
            _ => live,
        };
        if (Q?.Trim() is { Length: > 0 } q)
        {
            query = query.Where(i => i.Name.Contains(q) || i.Code.Contains(q) || i.Department.Contains(q));
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/services", Request.Query);
        Rows = await query.OrderByDescending(i => i.MissingCount).ThenBy(i => i.Department).ThenBy(i => i.Name).ThenBy(i => i.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(i => new Row(i.Id, i.Code, i.Name, i.Department, i.Status, i.RevisionStatus, i.MissingCount, i.VagueCount, i.HallUrl, i.HallBroken,
                i.HallCheckedAt, i.OnlineDepth, i.SourceId != null, i.UpdatedAt))
            .ToListAsync(ct);
        return Page();
    }
}
