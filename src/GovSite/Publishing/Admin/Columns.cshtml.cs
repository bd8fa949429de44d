using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Admin;

public sealed class ColumnsModel(SiteAccess access, GovSiteDb db, ColumnService columns, SiteDirectory directory) : AdminPageModel(access)
{
    private Dictionary<int, int> _counts = [];

    [FromRoute]
    public int Id { get; set; }

    [FromRoute]
    public int? ColumnId { get; set; }

    [BindProperty]
    public ColumnInput Input { get; set; } = new();

    public List<ColumnTree.Node> Tree { get; private set; } = [];
    public List<SelectListItem> ParentChoices { get; private set; } = [];
    public string? EditingName { get; private set; }
    public bool CanAdminister => Access.CanAdministerSite(Id);

    public int ArticleCount(int columnId) => _counts.GetValueOrDefault(columnId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        if (ColumnId is int columnId)
        {
            if (Tree.FirstOrDefault(n => n.Column.Id == columnId)?.Column is not { } column)
            {
                return NotFound();
            }
            Input = new ColumnInput
            {
                Name = column.Name,
                Type = column.Type,
                ParentId = column.ParentId,
                SortOrder = column.SortOrder,
                IsVisible = column.IsVisible,
                Description = column.Description,
                Keywords = column.Keywords,
            };
        }
        else
        {
            Input.SortOrder = (Tree.Where(n => n.Depth == 0).Select(n => n.Column.SortOrder).DefaultIfEmpty(0).Max() / 10 + 1) * 10;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }
        Input.Name ??= "";
        if (ModelState.IsValid)
        {
            var result = await columns.SaveAsync(Id, ColumnId, Input, ct);
            if (Refusal(result) is { } denied)
            {
                return denied;
            }
            if (result.Succeeded)
            {
                Notice = $"已保存栏目：{result.Value!.Name}";
                return LocalRedirect($"/admin/sites/{Id}/columns");
            }
            AddErrors(result.Errors, nameof(Input));
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>404 for an unknown site, 403 for one this user has no part in.</summary>
    private IActionResult? Refuse()
    {
        WorkingSite = directory.FindById(Id);
        return WorkingSite is null ? NotFound() : !Access.CanSee(Id) ? Forbid() : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var siteColumns = await db.Columns.AsNoTracking().Where(c => c.SiteId == Id).ToListAsync(ct);
        Tree = ColumnTree.Flatten(siteColumns);
        _counts = await db.Articles.AsNoTracking().Where(a => a.SiteId == Id)
            .GroupBy(a => a.ColumnId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // A column cannot move below itself or its own descendants.
        var excluded = ColumnId is int self ? ColumnService.WithDescendants(siteColumns, self).ToHashSet() : [];
        ParentChoices = ColumnTree.Options(Tree, c => !excluded.Contains(c.Id));
        EditingName = ColumnId is int editing ? siteColumns.FirstOrDefault(c => c.Id == editing)?.Name : null;
    }
}
