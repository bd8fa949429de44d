using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.Services.Pages;

/// <summary>One list of the catalogue: 个人办事 or 法人办事, a theme, a 人生事件 or 企业事件, a department.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ServiceListModel(CurrentSite current, SiteContent content, ServiceCatalogue catalogue)
    : ServicePageModel(current, content, catalogue)
{
    public string Kind { get; private set; } = "";
    public string Value { get; private set; } = "";
    public string Heading { get; private set; } = "";
    public string Trail { get; private set; } = "";
    public int PageNumber { get; private set; }
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + ServiceCatalogue.PageSize - 1) / ServiceCatalogue.PageSize);
    public List<CatalogueEntry> Items { get; private set; } = [];

    /// <summary>For 个人办事 and 法人办事: the themes and events to narrow by.</summary>
    public CatalogueFacets? Facets { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string value, int? pageNumber, CancellationToken ct)
    {
        if (!await LoadServicesAsync(ct))
        {
            return NotFound();
        }
        Kind = kind;
        Value = value;
        CatalogueFilter? filter = kind switch
        {
            "for" when value is CatalogueFilter.Persons or CatalogueFilter.Enterprises => new CatalogueFilter(Audience: value),
            "theme" when ServiceTaxonomy.AllThemes.Contains(value) => new CatalogueFilter(Theme: value),
            "life" when ServiceTaxonomy.LifeEvents.Contains(value) => new CatalogueFilter(Audience: CatalogueFilter.Persons, LifeEvent: value),
            "business" when ServiceTaxonomy.BusinessEvents.Contains(value) => new CatalogueFilter(Audience: CatalogueFilter.Enterprises, BusinessEvent: value),
            "department" when value.Length is > 0 and <= 200 => new CatalogueFilter(Department: value),
            _ => null,
        };
        if (filter is null)
        {
            return NotFound();
        }
        (Heading, Trail) = kind switch
        {
            "for" => (value == CatalogueFilter.Persons ? "个人办事" : "法人办事", value == CatalogueFilter.Persons ? "个人办事" : "法人办事"),
            "theme" => (value, $"主题：{value}"),
            "life" => ($"人生事件：{value}", $"人生事件：{value}"),
            "business" => ($"企业事件：{value}", $"企业事件：{value}"),
            _ => (value, $"部门：{value}"),
        };
        PageNumber = Math.Max(pageNumber ?? 1, 1);
        (Total, Items) = await Catalogue.ListAsync(Shown, filter, PageNumber, ct: ct);
        if (Total == 0 && kind == "department" || PageNumber > PageCount)
        {
            // A department with nothing here, or a page past the end, is not a page (the export deletes it).
            return NotFound();
        }
        if (kind == "for")
        {
            Facets = await Catalogue.FacetsAsync(Shown, ct);
        }
        PageTitle = (PageNumber > 1 ? $"{Heading}（第{PageNumber}页）" : Heading) + $" - 办事服务 - {Site.Name}";
        return Page();
    }
}
