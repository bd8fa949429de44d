using System.Globalization;
using System.Text;
using GovSite.Common;
using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

/// <summary>
/// The RSS 2.0 feed of a site's service items (<c>/services/rss.xml</c>): the guides it shows
/// (its own and, on a portal, its departments'), newest publication or change first, each with
/// its department and address. A changed guide comes back as a new entry (its guid carries the
/// time of the change), so a reader shows the change. Cached like the catalogue and dropped with
/// it (<see cref="ServiceChanges.SiteTag"/>); the static export writes it beside the catalogue.
/// </summary>
public static class ServiceFeed
{
    public const string Path = "/services/rss.xml";
    public const int Entries = 50;

    public static async Task<IResult> GetAsync(CurrentSite current, ServiceCatalogue catalogue, HttpRequest request, CancellationToken ct)
    {
        if (current.Site is not { } site)
        {
            return Results.NotFound();
        }
        PageTags.Add(request.HttpContext, ServiceChanges.SiteTag(site.Id));
        return Results.Text(await WriteAsync(catalogue, site, PublicSiteSetup.BaseUrl(request), ct), "application/rss+xml", Encoding.UTF8);
    }

    public static async Task<string> WriteAsync(ServiceCatalogue catalogue, SiteInfo site, string baseUrl, CancellationToken ct)
    {
        var items = await catalogue.Published(catalogue.SitesShownOn(site))
            .OrderByDescending(i => i.ReviewedAt ?? i.PublishedAt).ThenByDescending(i => i.Id).Take(Entries)
            .Select(i => new { i.Code, i.Name, i.Department, i.Type, i.OnlineDepth, i.PublishedAt, i.ReviewedAt })
            .ToListAsync(ct);
        return SiteFeeds.Rss(new SiteFeeds.RssChannel($"办事服务 - {site.Name}", $"{baseUrl}/services", $"{site.Name}办事服务事项的新增和更新"),
            items.Select(item =>
            {
                var link = $"{baseUrl}/services/{Uri.EscapeDataString(item.Code)}";
                var at = item.ReviewedAt ?? item.PublishedAt;
                // A change more than a minute after the first publication is an update, not the item's arrival.
                var changed = item.ReviewedAt is { } reviewed && item.PublishedAt is { } first && reviewed - first > TimeSpan.FromMinutes(1);
                return new SiteFeeds.RssEntry(changed ? $"{item.Name}（办事指南已更新）" : item.Name, link,
                    $"{(changed ? "办事指南已更新" : "新发布事项")}。办理机构：{item.Department}；事项类型：{ServiceTaxonomy.Label(item.Type)}；在线办理深度：{ServiceTaxonomy.Label(item.OnlineDepth)}。",
                    at, Id: string.Create(CultureInfo.InvariantCulture, $"{link}#{at?.Ticks ?? 0}"), Category: item.Department);
            }));
    }
}
