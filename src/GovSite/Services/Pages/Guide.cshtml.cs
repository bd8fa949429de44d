using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.Services.Pages;

/// <summary>
/// 办事指南: one published item with its ten elements, written so that a checker reading the page
/// (ours, or the national one) finds every element under its own label; forms and samples, the
/// hall link while it works, 常见问题 and the item's 好差评 figures.
/// </summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class GuideModel(CurrentSite current, SiteContent content, ServiceCatalogue catalogue, Data.GovSiteDb db)
    : ServicePageModel(current, content, catalogue)
{
    public ServiceItem Item { get; private set; } = null!;
    public RatingSummary Ratings { get; private set; } = RatingSummary.Empty;
    public Dictionary<int, string> FileNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadServicesAsync(ct))
        {
            return NotFound();
        }
        if (await Catalogue.GuideAsync(Shown, code, ct) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        CacheTags(ServiceChanges.ItemTag(item.Id));
        Ratings = await Catalogue.RatingsAsync(item.Id, ct);
        FileNames = await ServicePages.FileNamesAsync(db, item, ct);
        PageTitle = $"{item.Name} - 办事指南 - {Site.Name}";
        AddMeta("ArticleTitle", item.Name);
        AddMeta("PubDate", GovSite.Common.ChinaTime.Format(item.ReviewedAt ?? item.PublishedAt));
        AddMeta("ContentSource", item.Department);
        AddMeta("Keywords", string.Join(",", new[] { item.Name }.Concat(ServiceTaxonomy.Split(item.Themes)).Concat(ServiceTaxonomy.Split(item.LifeEvents))));
        AddMeta("Description", $"{item.Name}办事指南：{ServiceTaxonomy.Label(item.Type)}，{item.Department}办理，承诺时限{ServiceTaxonomy.Days(item.PromisedDays)}");
        return Page();
    }

    public bool ShowsHall => Item.HallUrl is not null && !Item.HallBroken;

    public string DocumentUrl(ServiceDocument document) => ServicePages.DocumentUrl(Request.PathBase, Item.Code, document, FileNames);

    public static string Counts(ServiceMaterial m) => m.Form switch
    {
        MaterialForm.Original => $"原件{m.Originals}份",
        MaterialForm.Copy => $"复印件{m.Copies}份",
        MaterialForm.OriginalAndCopy => $"原件{m.Originals}份、复印件{m.Copies}份",
        _ => "电子材料",
    };
}
