using GovSite.Sites;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// Pages of other features that belong in a site's static export (the services catalogue and
/// its guides): their addresses, rendered through the pipeline like any page the exporter does
/// not write itself. A full export lists them; a feature whose pages change exports the site again.
/// </summary>
public interface IExportedPages
{
    Task<IReadOnlyCollection<string>> PathsAsync(SiteInfo site, CancellationToken ct);
}
