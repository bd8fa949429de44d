using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.Disclosure.Pages;

/// <summary>政府信息公开: the five parts every department site keeps, and the newest 主动公开 entries.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class DisclosureIndexModel(CurrentSite current, SiteContent content, Catalogue catalogue, Sites.SiteDirectory sites)
    : PublicPageModel(current, content)
{
    public List<CatalogueEntry> Latest { get; private set; } = [];
    public int Total { get; private set; }
    public string? MailboxUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"政府信息公开 - {Site.Name}";
        AddMeta("ColumnName", "政府信息公开");
        AddMeta("ColumnType", "信息公开");
        CacheTags(CatalogueObserver.PageTag(Site.Id));
        var page = await catalogue.PageAsync(Site, new CatalogueQuery(), ct);
        Latest = [.. page.Items.Take(10)];
        Total = page.Total;
        MailboxUrl = Columns.FirstOrDefault(c => c.Name == "政府信息公开意见箱") is { } box ? Link($"/columns/{box.Id}") : null;
        return Page();
    }

    public string EntryLink(CatalogueEntry e) => CataloguePageModel.EntryLink(this, sites, e);
}
