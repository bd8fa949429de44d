using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin.Library;

/// <summary>信息资源库: a site's items by state, and the queue of items waiting for the caller's review.</summary>
public sealed class ItemsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory) : LibraryPageModel(access, db, directory)
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Title, string ColumnName, ItemStatus Status, int ReviewLevel, DateTime UpdatedAt, string? By);

    [FromRoute]
    public int Id { get; set; }

    public bool Queue { get; private set; }
    public List<Row> Items { get; private set; } = [];
    public List<SelectListItem> StatusChoices { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanWrite => Access.CanEditContent(Id);
    public int Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(ItemStatus? status, bool queue, int? page, CancellationToken ct)
    {
        if (UseSite(Id) is { } refused)
        {
            return refused;
        }
        Queue = queue;
        StatusChoices = Labels.Options<ItemStatus>(Labels.Of);
        StatusChoices.ForEach(o => o.Selected = o.Value == status?.ToString());
        var query = Db.LibraryItems.AsNoTracking().Where(i => i.OwnerSiteId == Id);
        var reviewable = ReviewableStates();
        if (queue)
        {
            // What this person can act on now: their review stage, or approved items for editors.
            query = query.Where(i => reviewable.Contains(i.Status) && i.CreatedById != Access.UserId && i.SubmittedById != Access.UserId);
        }
        else if (status is ItemStatus s)
        {
            query = query.Where(i => i.Status == s);
        }
        Waiting = await Db.LibraryItems.CountAsync(i => i.OwnerSiteId == Id && reviewable.Contains(i.Status)
            && i.CreatedById != Access.UserId && i.SubmittedById != Access.UserId, ct);
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/library", Request.Query);
        var columns = await Db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => c.SiteId == Id).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var rows = await query.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(i => new { i.Id, i.Title, i.HomeColumnId, i.Status, i.ReviewLevel, i.UpdatedAt, i.UpdatedById }).ToListAsync(ct);
        var userIds = rows.Select(r => r.UpdatedById).OfType<int>().Distinct().ToList();
        var users = await Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Items = [.. rows.Select(r => new Row(r.Id, r.Title, columns.GetValueOrDefault(r.HomeColumnId, "—"), r.Status, r.ReviewLevel, r.UpdatedAt,
            r.UpdatedById is int u ? users.GetValueOrDefault(u) : "系统"))];
        return Page();
    }

    private List<ItemStatus> ReviewableStates()
    {
        var states = new List<ItemStatus>();
        if (Access.HasRole(Id, Role.Reviewer) || Access.HasRole(Id, Role.SiteAdmin))
        {
            states.Add(ItemStatus.Submitted);
        }
        if (Access.HasRole(Id, Role.ConfidentialityReviewer) || Access.HasRole(Id, Role.SiteAdmin))
        {
            states.Add(ItemStatus.ConfidentialityReview);
        }
        if (Access.HasRole(Id, Role.Editor) || Access.HasRole(Id, Role.SiteAdmin))
        {
            states.Add(ItemStatus.Approved);
        }
        return states;
    }
}
