using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin.Library;

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
        SubjectChoices = [.. classes.Where(c => c.Scheme == ClassificationScheme.Subject).Select(c => new SelectListItem(c.Name, c.Name))];
        GenreChoices = [.. classes.Where(c => c.Scheme == ClassificationScheme.Genre).Select(c => new SelectListItem(c.Name, c.Name))];
        PolicyChoices = [.. (await Db.LibraryItems.AsNoTracking()
                .Where(i => (i.DocNumber != null || i.Issuer != null) && (i.OwnerSiteId == siteId || i.Status == ItemStatus.Published) && i.Id != (itemId ?? 0))
                .OrderByDescending(i => i.Id).Take(200).Select(i => new { i.Id, i.Title, i.DocNumber }).ToListAsync(ct))
            .Select(i => new SelectListItem(i.DocNumber is null ? i.Title : $"{i.Title}（{i.DocNumber}）", i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
