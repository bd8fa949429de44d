using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Admin;

/// <summary>
/// 文章: what this site shows, placement by placement (its own items and reprints), found by
/// keyword, 文号, 索引号, status, column, author and date, and acted on in bulk. Writing and editing
/// happen in the library (one write path); each row links to its item.
/// </summary>
public sealed class ArticlesModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, BulkActions bulk, ArticleService articles)
    : AdminPageModel(access)
{
    public const int PageSize = 20;

    public sealed record Row(int Id, int? ItemId, string Title, string ColumnName, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt,
        string? DocNumber, string? IndexNumber, string? Author, bool Reprint, bool PendingRevision);

    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContentFilter Filter { get; set; } = new();

    public List<Row> Articles { get; private set; } = [];
    public List<SelectListItem> ColumnChoices { get; private set; } = [];
    public List<SelectListItem> StatusChoices { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanWrite => Access.CanEditContent(Id);
    public List<BulkOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }
        await LoadAsync(page, ct);
        return Page();
    }

    /// <summary>Bulk actions: each article's item goes through its own workflow step with this person's rights on it.</summary>
    public async Task<IActionResult> OnPostBulkAsync(List<int> selected, BulkAction action, int? moveTo, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }
        var placements = await db.Articles.AsNoTracking().Where(a => selected.Contains(a.Id) && a.SiteId == Id)
            .Select(a => new { a.Id, a.ItemId, a.Title, Owner = a.Item!.OwnerSiteId }).ToListAsync(ct);
        if (placements.Count == 0)
        {
            Notice = "请先勾选要处理的文章";
            return LocalRedirect(Request.Path + Request.QueryString);
        }
        var own = placements.Where(p => p.Owner == Id && p.ItemId is not null).Select(p => p.ItemId!.Value).ToList();
        Outcomes = await bulk.RunAsync(own, action, moveTo, ct);
        foreach (var reprint in placements.Where(p => p.Owner != Id))
        {
            if (action == BulkAction.Withdraw)
            {
                var done = await articles.WithdrawAsync(Id, reprint.Id, ct);
                Outcomes.Add(new(reprint.ItemId ?? 0, reprint.Title, done.Succeeded, done.Succeeded ? "已从本网站撤下转载" : "无权操作"));
            }
            else
            {
                Outcomes.Add(new(reprint.ItemId ?? 0, reprint.Title, false, "转载稿件由原网站编辑处理，本网站只能撤下"));
            }
        }
        await LoadAsync(1, ct);
        return Page();
    }

    private IActionResult? Refuse()
    {
        WorkingSite = directory.FindById(Id);
        return WorkingSite is null ? NotFound() : !Access.CanSee(Id) ? Forbid() : null;
    }

    private async Task LoadAsync(int? page, CancellationToken ct)
    {
        var columns = await db.Columns.AsNoTracking().Where(c => c.SiteId == Id).ToListAsync(ct);
        var tree = ColumnTree.Flatten(columns);
        var column = Filter.Column is int c && columns.Any(x => x.Id == c) ? c : (int?)null;
        ColumnChoices = ColumnTree.Options(tree);
        ColumnChoices.ForEach(o => o.Selected = o.Value == column?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        StatusChoices = Labels.Options<ArticleStatus>(Labels.Of);
        StatusChoices.ForEach(o => o.Selected = o.Value == Filter.Status);

        var query = db.Articles.AsNoTracking().Where(a => a.SiteId == Id);
        if (column is int selected)
        {
            // A column's list includes its sub-columns, as on the public site.
            var ids = ColumnService.WithDescendants(columns, selected);
            query = query.Where(a => ids.Contains(a.ColumnId));
        }
        if (Enum.TryParse<ArticleStatus>(Filter.Status, out var status))
        {
            query = query.Where(a => a.Status == status);
        }
        if (Filter.Q is { } q)
        {
            query = query.Where(a => a.Title.Contains(q) || (a.Summary != null && a.Summary.Contains(q)) || (a.Keywords != null && a.Keywords.Contains(q)));
        }
        if (Filter.Doc is { } doc)
        {
            query = query.Where(a => a.DocNumber != null && a.DocNumber.Contains(doc));
        }
        if (Filter.Index is { } index)
        {
            query = query.Where(a => a.IndexNumber != null && a.IndexNumber.Contains(index));
        }
        if (Filter.Who is { } who)
        {
            var writers = await db.Users.AsNoTracking().Where(u => u.DisplayName.Contains(who) || u.UserName.Contains(who)).Select(u => (int?)u.Id).ToListAsync(ct);
            query = query.Where(a => (a.Author != null && a.Author.Contains(who)) || writers.Contains(a.CreatedById));
        }
        if (Filter.FromUtc is DateTime from)
        {
            query = query.Where(a => (a.PublishedAt ?? a.UpdatedAt) >= from);
        }
        if (Filter.ToUtc is DateTime to)
        {
            query = query.Where(a => (a.PublishedAt ?? a.UpdatedAt) <= to);
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/articles", Request.Query);
        var names = columns.ToDictionary(x => x.Id, x => x.Name);
        var rows = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.ItemId, a.Title, a.ColumnId, a.Status, a.PublishedAt, a.UpdatedAt, a.DocNumber, a.IndexNumber, a.Author,
                Reprint = a.ReprintedFromSiteId != null, Revision = a.Item != null && a.Item.RevisionStatus != null,
            })
            .ToListAsync(ct);
        Articles = [.. rows.Select(a => new Row(a.Id, a.ItemId, a.Title, names.GetValueOrDefault(a.ColumnId, "—"), a.Status, a.PublishedAt, a.UpdatedAt,
            a.DocNumber, a.IndexNumber, a.Author, a.Reprint, a.Revision))];
    }
}
