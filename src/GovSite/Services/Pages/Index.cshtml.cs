using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.Services.Pages;

/// <summary>办事服务: the catalogue's front page (个人办事, 法人办事, 热门服务, themes, events, departments) and its name search.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ServicesIndexModel(CurrentSite current, SiteContent content, ServiceCatalogue catalogue)
    : ServicePageModel(current, content, catalogue)
{
    public CatalogueFacets Facets { get; private set; } = null!;
    public List<CatalogueEntry> Hot { get; private set; } = [];
    public string? Query { get; private set; }
    public int Total { get; private set; }
    public List<CatalogueEntry> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (!await LoadServicesAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"办事服务 - {Site.Name}";
        Facets = await Catalogue.FacetsAsync(Shown, ct);
        Hot = await Catalogue.HotAsync(Shown, 10, ct);
        Query = q?.Trim() is { Length: > 0 } words ? words.Length > 64 ? words[..64] : words : null;
        if (Query is not null)
        {
            (Total, Found) = await Catalogue.ListAsync(Shown, new CatalogueFilter(Query: Query), 1, 100, ct);
        }
        return Page();
    }
}
