using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>What the library's back-office pages share: the working site and its column choices.</summary>
public abstract class LibraryPageModel(SiteAccess access, GovSiteDb db, SiteDirectory directory) : AdminPageModel(access)
{
    protected GovSiteDb Db => db;
    protected SiteDirectory Directory => directory;

    protected IActionResult? UseSite(int siteId)
    {
        WorkingSite = directory.FindById(siteId);
        return WorkingSite is null ? NotFound() : !Access.CanSee(siteId) ? Forbid() : null;
    }

    protected async Task<List<SelectListItem>> ColumnChoicesAsync(int siteId, CancellationToken ct)
    {
        var columns = await db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => c.SiteId == siteId).ToListAsync(ct);
        return ColumnTree.Options(ColumnTree.Flatten(columns));
    }

    protected static string StatusName(ItemStatus status) => LibraryApi.StatusName(status);
}

/// <summary>The item form's fields and choices, shared by the new-item and item pages.</summary>
public abstract class ItemFormModel(SiteAccess access, GovSiteDb db, SiteDirectory directory) : LibraryPageModel(access, db, directory)
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public List<SelectListItem> ColumnChoices { get; private set; } = [];
    public List<SelectListItem> SubjectChoices { get; private set; } = [];
    public List<SelectListItem> GenreChoices { get; private set; } = [];
    public List<SelectListItem> PolicyChoices { get; private set; } = [];
    public virtual bool CanEdit => Access.CanEditContent(WorkingSite!.Id);

    protected async Task LoadChoicesAsync(int? itemId, CancellationToken ct)
    {
        var siteId = WorkingSite!.Id;
        ColumnChoices = await ColumnChoicesAsync(siteId, ct);
        var classes = await Db.Classifications.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        SubjectChoices = WithCurrent([.. classes.Where(c => c.Scheme == ClassificationScheme.Subject).Select(c => new SelectListItem(c.Name, c.Name))],
            Input.SubjectClass);
        GenreChoices = WithCurrent([.. classes.Where(c => c.Scheme == ClassificationScheme.Genre).Select(c => new SelectListItem(c.Name, c.Name))],
            Input.GenreClass);
        var current = Input.InterpretsItemId;
        PolicyChoices = [.. (await Db.LibraryItems.AsNoTracking()
                .Where(i => ((i.DocNumber != null || i.Issuer != null) && (i.OwnerSiteId == siteId || i.Status == ItemStatus.Published) && i.Id != (itemId ?? 0))
                    || i.Id == current)
                .OrderByDescending(i => i.Id).Take(200).Select(i => new { i.Id, i.Title, i.DocNumber }).ToListAsync(ct))
            .Select(i => new SelectListItem(i.DocNumber is null ? i.Title : $"{i.Title}（{i.DocNumber}）", i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        if (current is int policy && PolicyChoices.All(p => p.Value != policy.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            // The policy is out of reach of this list (another site's, since withdrawn): still shown, so saving keeps it.
            PolicyChoices.Insert(0, new SelectListItem($"条目 {policy}（当前所选，不在可选列表中）", policy.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var columnId = Input.ColumnId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Input.ColumnId != 0 && ColumnChoices.All(c => c.Value != columnId))
        {
            ColumnChoices.Insert(0, new SelectListItem($"栏目 {Input.ColumnId}（当前所在，已不在栏目树中）", columnId));
        }
    }

    /// <summary>
    /// A stored value the taxonomy no longer offers (主题分类 经济管理, say) is shown as it is and
    /// stays selected, so saving the form without touching it keeps it.
    /// </summary>
    private static List<SelectListItem> WithCurrent(List<SelectListItem> choices, string? current)
    {
        if (current is not null && choices.All(c => c.Value != current))
        {
            choices.Insert(0, new SelectListItem($"{current}（不在当前分类体系中）", current));
        }
        return choices;
    }
}
