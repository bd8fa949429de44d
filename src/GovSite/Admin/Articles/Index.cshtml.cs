using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin.Articles;

public sealed class ArticlesModel(SiteAccess access, GovSiteDb db, SiteDirectory directory) : AdminPageModel(access)
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Title, string ColumnName, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt);

    [FromRoute]
    public int Id { get; set; }

    public int? Column { get; private set; }
    public List<Row> Articles { get; private set; } = [];
    public List<SelectListItem> ColumnChoices { get; private set; } = [];
    public List<SelectListItem> StatusChoices { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanWrite => Access.CanEditContent(Id);

    public async Task<IActionResult> OnGetAsync(int? column, ArticleStatus? status, int? page, CancellationToken ct)
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
        var columns = await db.Columns.AsNoTracking().Where(c => c.SiteId == Id).ToListAsync(ct);
        var tree = ColumnTree.Flatten(columns);
        Column = column is int c && columns.Any(x => x.Id == c) ? c : null;
        ColumnChoices = ColumnTree.Options(tree);
        ColumnChoices.ForEach(o => o.Selected = o.Value == Column?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        StatusChoices = Labels.Options<ArticleStatus>(Labels.Of);
        StatusChoices.ForEach(o => o.Selected = o.Value == status?.ToString());

        var query = db.Articles.AsNoTracking().Where(a => a.SiteId == Id);
        if (Column is int selected)
        {
            // A column's list includes its sub-columns, as on the public site.
            var ids = ColumnService.WithDescendants(columns, selected);
            query = query.Where(a => ids.Contains(a.ColumnId));
        }
        if (status is ArticleStatus s)
        {
            query = query.Where(a => a.Status == s);
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/articles", Request.Query);
        var names = columns.ToDictionary(x => x.Id, x => x.Name);
        var rows = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(a => new { a.Id, a.Title, a.ColumnId, a.Status, a.PublishedAt, a.UpdatedAt })
            .ToListAsync(ct);
        Articles = [.. rows.Select(a => new Row(a.Id, a.Title, names.GetValueOrDefault(a.ColumnId, "—"), a.Status, a.PublishedAt, a.UpdatedAt))];
        return Page();
    }
}
