using GovSite.PublicSite;

namespace GovSite.Services.Pages;

/// <summary>What the catalogue's pages share: the sites whose items this site shows, and their cache tags.</summary>
public abstract class ServicePageModel(CurrentSite current, SiteContent content, ServiceCatalogue catalogue) : PublicPageModel(current, content)
{
    protected ServiceCatalogue Catalogue => catalogue;

    public IReadOnlyList<int> Shown { get; private set; } = [];

    /// <summary>Loads the site; tags the page with every site whose items it shows, so a change on any of them evicts it.</summary>
    protected async Task<bool> LoadServicesAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return false;
        }
        Shown = catalogue.SitesShownOn(Site);
        CacheTags(ServiceChanges.SiteTag(Site.Id));
        AddMeta("ColumnName", "办事服务");
        AddMeta("ColumnDescription", $"{Site.Name}办事服务");
        AddMeta("ColumnKeywords", "办事服务,办事指南,网上办事");
        AddMeta("ColumnType", Sites.StandardColumns.Label(Publishing.ColumnType.Service));
        return true;
    }

    /// <summary>The address of a catalogue list: /services/theme/生育收养, page 2 as …/2.</summary>
    public string ListLink(string kind, string value, int page = 1) =>
        Link($"/services/{kind}/{Uri.EscapeDataString(value)}" + (page > 1 ? $"/{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : ""));

    public string GuideLink(string code) => Link($"/services/{code}");
}
