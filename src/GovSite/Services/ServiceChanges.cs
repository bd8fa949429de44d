using GovSite.Sites;

namespace GovSite.Services;

/// <summary>
/// What the public sees of services changed: the catalogue and guide pages of every site that
/// shows the item (its own site and the portals above it) are evicted on every node through
/// <see cref="SiteChanges"/>, exported sites are exported again, and the answer cards follow
/// (<see cref="ServiceAnswerFollower"/>, on every node).
/// Call after the change is committed.
/// </summary>
public sealed class ServiceChanges(SiteChanges changes, SiteDirectory directory)
{
    /// <summary>Every catalogue and guide page of a site.</summary>
    public static string SiteTag(int siteId) => $"services:{siteId}";

    /// <summary>The guide pages of one item, on whichever site shows them.</summary>
    public static string ItemTag(int itemId) => $"service:{itemId}";

    /// <summary>An item was published, changed, withdrawn or deleted.</summary>
    public async Task ItemChangedAsync(int siteId, CancellationToken ct = default)
    {
        foreach (var site in ShowingSites(siteId))
        {
            await changes.PagesChangedAsync(site, [SiteTag(site)], reExportSite: true, ct);
        }
    }

    /// <summary>Many items of these sites changed at once (an import): each site once.</summary>
    public async Task SitesChangedAsync(IEnumerable<int> siteIds, CancellationToken ct = default)
    {
        foreach (var site in siteIds.SelectMany(ShowingSites).Distinct())
        {
            await changes.PagesChangedAsync(site, [SiteTag(site)], reExportSite: true, ct);
        }
    }

    /// <summary>Only an item's figures changed (a rating): its guide pages, not the catalogue.</summary>
    public Task FiguresChangedAsync(int siteId, int itemId, CancellationToken ct = default) =>
        changes.PagesChangedAsync(siteId, [ItemTag(itemId)], ct);

    /// <summary>The item's own site and every site above it (portals show their departments' items).</summary>
    public IEnumerable<int> ShowingSites(int siteId)
    {
        var seen = new HashSet<int>();
        for (var site = directory.FindById(siteId); site is not null && seen.Add(site.Id) && seen.Count < 20;
             site = site.ParentId is int parent ? directory.FindById(parent) : null)
        {
            yield return site.Id;
        }
    }
}

/// <summary>Reloads the service answer cards when a site's services change, on every node.</summary>
public sealed class ServiceAnswerFollower(ServiceAnswerIndex answers) : ISiteChangeFollower
{
    public Task FollowAsync(SiteChange change, bool here, CancellationToken ct)
    {
        if (change.WholeSite || change.Tags.Any(t => t.StartsWith("services:", StringComparison.Ordinal)))
        {
            answers.Invalidate();
        }
        return Task.CompletedTask;
    }
}
