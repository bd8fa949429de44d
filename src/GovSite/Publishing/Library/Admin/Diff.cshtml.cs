using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>What changed between two versions of an item, title and body text.</summary>
public sealed class DiffModel(SiteAccess access, GovSiteDb db, SiteDirectory directory) : LibraryPageModel(access, db, directory)
{
    public LibraryItem Item { get; private set; } = null!;
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<TextDiff.Piece> Title { get; private set; } = [];
    public IReadOnlyList<TextDiff.Piece> Body { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int from, int to, CancellationToken ct)
    {
        var item = await Db.LibraryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }
        if (UseSite(item.OwnerSiteId) is { } refused)
        {
            return refused;
        }
        var versions = await Db.ItemVersions.AsNoTracking().Where(v => v.ItemId == id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Number == from) is not { } a || versions.FirstOrDefault(v => v.Number == to) is not { } b)
        {
            return NotFound();
        }
        (Item, From, To) = (item, from, to);
        Title = TextDiff.Compare(a.Title, b.Title);
        Body = TextDiff.Compare(HtmlSanitiser.ToPlainText(a.Body), HtmlSanitiser.ToPlainText(b.Body));
        return Page();
    }
}
