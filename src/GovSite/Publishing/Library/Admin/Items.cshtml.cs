using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>
/// 信息资源库: a site's items, found by keyword, 文号, 索引号, status, column, author and date;
/// the queue of what waits for the caller (items and revisions at their review stage); bulk
/// submit, publish, withdraw and move, each item checked on its own.
/// </summary>
public sealed class ItemsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, BulkActions bulk) : LibraryPageModel(access, db, directory)
{
    public const int PageSize = 20;

    /// <summary>The status filter's extra choice: published items with a revision waiting.</summary>
    public const string RevisionFilter = "Revision";

    public sealed record Row(int Id, string Title, string ColumnName, ItemStatus Status, int ReviewLevel, ItemStatus? Revision, RevisionKind? RevisionKind,
        int RevisionLevel, DateTime UpdatedAt, string? By, string? DocNumber, string? Author);

    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContentFilter Filter { get; set; } = new();

    public bool Queue { get; private set; }
    public List<Row> Items { get; private set; } = [];
    public List<SelectListItem> StatusChoices { get; private set; } = [];
    public List<SelectListItem> ColumnChoices { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanWrite => Access.CanEditContent(Id);
    public int Waiting { get; private set; }
    public List<BulkOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool queue, int? page, CancellationToken ct)
    {
        if (UseSite(Id) is { } refused)
        {
            return refused;
        }
        Queue = queue;
        await LoadAsync(page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBulkAsync(List<int> selected, BulkAction action, int? moveTo, CancellationToken ct)
    {
        if (UseSite(Id) is { } refused)
        {
            return refused;
        }
        // Only this site's items: the list shows nothing else, and a forged id of another site's item is not acted on here.
        var ids = await Db.LibraryItems.Where(i => selected.Contains(i.Id) && i.OwnerSiteId == Id).Select(i => i.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            Notice = "请先勾选要处理的稿件";
            return LocalRedirect($"/admin/sites/{Id}/library");
        }
        Outcomes = await bulk.RunAsync(ids, action, moveTo, ct);
        await LoadAsync(1, ct);
        return Page();
    }

    private async Task LoadAsync(int? page, CancellationToken ct)
    {
        StatusChoices = Labels.Options<ItemStatus>(Labels.Of);
        StatusChoices.Add(new SelectListItem("已发布，有待审修订", RevisionFilter));
        StatusChoices.ForEach(o => o.Selected = o.Value == Filter.Status);
        var columns = await Db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => c.SiteId == Id).ToListAsync(ct);
        ColumnChoices = ColumnTree.Options(ColumnTree.Flatten(columns));
        ColumnChoices.ForEach(o => o.Selected = o.Value == Filter.Column?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var query = Db.LibraryItems.AsNoTracking().Where(i => i.OwnerSiteId == Id);
        var reviewable = ReviewableStates();
        var me = Access.UserId;
        // What this person can act on now: their review stage (of an item or of a revision), or approved ones for editors.
        var waiting = Db.LibraryItems.Where(i => i.OwnerSiteId == Id && (
            (i.RevisionStatus == null && reviewable.Contains(i.Status) && i.CreatedById != me && i.SubmittedById != me) ||
            (i.RevisionStatus != null && reviewable.Contains(i.RevisionStatus.Value) && i.RevisedById != me && i.RevisionSubmittedById != me)));
        if (Queue)
        {
            query = waiting.AsNoTracking();
        }
        else
        {
            query = await FilterAsync(query, columns, ct);
        }
        Waiting = await waiting.CountAsync(ct);
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/library", Request.Query);
        var names = columns.ToDictionary(c => c.Id, c => c.Name);
        var rows = await query.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(i => new
            {
                i.Id, i.Title, i.HomeColumnId, i.Status, i.ReviewLevel, i.RevisionStatus, i.RevisionKind, i.RevisionLevel, i.UpdatedAt, i.UpdatedById,
                i.DocNumber, i.Author,
            }).ToListAsync(ct);
        var userIds = rows.Select(r => r.UpdatedById).OfType<int>().Distinct().ToList();
        var users = await Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Items = [.. rows.Select(r => new Row(r.Id, r.Title, names.GetValueOrDefault(r.HomeColumnId, "—"), r.Status, r.ReviewLevel, r.RevisionStatus,
            r.RevisionKind, r.RevisionLevel, r.UpdatedAt, r.UpdatedById is int u ? users.GetValueOrDefault(u) : "系统", r.DocNumber, r.Author))];
    }

    private async Task<IQueryable<LibraryItem>> FilterAsync(IQueryable<LibraryItem> query, List<Publishing.Column> columns, CancellationToken ct)
    {
        if (Filter.Status == RevisionFilter)
        {
            query = query.Where(i => i.RevisionStatus != null);
        }
        else if (Enum.TryParse<ItemStatus>(Filter.Status, out var status))
        {
            query = query.Where(i => i.Status == status);
        }
        if (Filter.Column is int column && columns.Any(c => c.Id == column))
        {
            var ids = Publishing.ColumnService.WithDescendants(columns, column);
            query = query.Where(i => ids.Contains(i.HomeColumnId) || Db.Articles.Any(a => a.ItemId == i.Id && ids.Contains(a.ColumnId)));
        }
        if (Filter.Q is { } q)
        {
            query = query.Where(i => i.Title.Contains(q) || (i.Summary != null && i.Summary.Contains(q)) || (i.Keywords != null && i.Keywords.Contains(q)));
        }
        if (Filter.Doc is { } doc)
        {
            query = query.Where(i => i.DocNumber != null && i.DocNumber.Contains(doc));
        }
        if (Filter.Index is { } index)
        {
            query = query.Where(i => Db.Articles.Any(a => a.ItemId == i.Id && a.IndexNumber != null && a.IndexNumber.Contains(index)));
        }
        if (Filter.Who is { } who)
        {
            var writers = await Db.Users.AsNoTracking().Where(u => u.DisplayName.Contains(who) || u.UserName.Contains(who)).Select(u => (int?)u.Id).ToListAsync(ct);
            query = query.Where(i => (i.Author != null && i.Author.Contains(who)) || writers.Contains(i.CreatedById));
        }
        if (Filter.FromUtc is DateTime from)
        {
            query = query.Where(i => i.UpdatedAt >= from);
        }
        if (Filter.ToUtc is DateTime to)
        {
            query = query.Where(i => i.UpdatedAt <= to);
        }
        return query;
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
