using System.Globalization;
using GovSite.Data;
using GovSite.PublicSite;
using GovSite.PublicSite.StaticExport;
using GovSite.Publishing.Files;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

/// <summary>The catalogue's addresses outside Razor: form downloads, and the pages a static export holds.</summary>
public static class ServicePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/services/{code}/documents/{id:int}/{name}", DocumentAsync).ExcludeFromDescription();
        app.MapGet(ServiceFeed.Path, ServiceFeed.GetAsync).CacheOutput(PublicPageCachePolicy.Name).ExcludeFromDescription();
    }

    /// <summary>
    /// An uploaded form's address under the guide, ending in the file's own name (so the export
    /// copies it as a file of that type), or the address the form was given.
    /// </summary>
    public static string DocumentUrl(string pathBase, string code, ServiceDocument document, IReadOnlyDictionary<int, string> fileNames) =>
        document.FileId is int fileId
            ? string.Create(CultureInfo.InvariantCulture, $"{pathBase}/services/{code}/documents/{document.Id}/{Uri.EscapeDataString(fileNames.GetValueOrDefault(fileId, "file"))}")
            : document.Url ?? "";

    /// <summary>The names of the files an item's forms are, for their addresses.</summary>
    public static async Task<Dictionary<int, string>> FileNamesAsync(GovSiteDb db, ServiceItem item, CancellationToken ct)
    {
        var ids = item.Documents.Select(d => d.FileId).OfType<int>().ToList();
        return ids.Count == 0 ? [] : await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id) && f.SiteId == item.SiteId)
            .ToDictionaryAsync(f => f.Id, f => f.FileName, ct);
    }

    /// <summary>A form or sample of a published guide shown on this site, as the file endpoint sends files.</summary>
    private static async Task<IResult> DocumentAsync(string code, int id, CurrentSite current, GovSiteDb db, ServiceCatalogue catalogue, FileStore store,
        CancellationToken ct)
    {
        if (current.Site is not { } site)
        {
            return Results.NotFound();
        }
        var shown = catalogue.SitesShownOn(site);
        var document = await db.ServiceDocuments.AsNoTracking()
            .Where(d => d.Id == id && d.FileId != null)
            .Join(catalogue.Published(shown).Where(i => i.Code == code), d => d.ItemId, i => i.Id, (d, i) => new { d.FileId, i.SiteId })
            .FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return Results.NotFound();
        }
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == document.FileId && f.SiteId == document.SiteId, ct);
        if (file is null || store.PathOf(file.StoredName) is var path && !File.Exists(path))
        {
            return Results.NotFound();
        }
        return Results.File(path, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}

/// <summary>The catalogue and every guide a site shows, for its static export.</summary>
public sealed class ServiceExportPages(ServiceCatalogue catalogue) : IExportedPages
{
    public async Task<IReadOnlyCollection<string>> PathsAsync(SiteInfo site, CancellationToken ct)
    {
        var shown = catalogue.SitesShownOn(site);
        var codes = await catalogue.Published(shown).Select(i => i.Code).ToListAsync(ct);
        if (codes.Count == 0)
        {
            return [];
        }
        var facets = await catalogue.FacetsAsync(shown, ct);
        var paths = new List<string> { "/services", ServiceFeed.Path };
        paths.AddRange(codes.Select(c => $"/services/{c}"));
        // Unescaped: the exporter renders an address as a request's (decoded) path, and names its file from it.
        string List(string kind, string value) => $"/services/{kind}/{value}";
        void Lists(string kind, IEnumerable<CatalogueFacet> facets)
        {
            foreach (var facet in facets)
            {
                paths.Add(List(kind, facet.Name));
                var pages = (facet.Count + ServiceCatalogue.PageSize - 1) / ServiceCatalogue.PageSize;
                for (var n = 2; n <= pages; n++)
                {
                    paths.Add(List(kind, facet.Name) + "/" + n.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        Lists("for", [new CatalogueFacet(CatalogueFilter.Persons, facets.ForPersons), new CatalogueFacet(CatalogueFilter.Enterprises, facets.ForEnterprises)]);
        Lists("theme", facets.Themes);
        Lists("life", facets.LifeEvents);
        Lists("business", facets.BusinessEvents);
        // A name with a slash or a dot cannot be a folder of the export (nor a route value): its list stays dynamic.
        Lists("department", facets.Departments.Where(f => !f.Name.Contains('/') && !f.Name.Contains('.')));
        return paths.Distinct().ToList();
    }
}
