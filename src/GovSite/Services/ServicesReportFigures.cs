using System.Globalization;
using GovSite.AnnualReports;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

/// <summary>
/// 办事服务 figures of the 政府网站工作年度报表. Items are those the site shows (a department its own,
/// a portal its own and every site's below it: the region's catalogue) that were in service at the
/// end of the year: published before it and not withdrawn before it. 好差评 counts the ratings given
/// in the year on the site's own items; 差评 are 不满意 and 非常不满意, as in the national 好差评 system.
/// 办件量 stays entered: cases are handled in the provincial hall, not here.
/// </summary>
public sealed class ServicesReportFigures(GovSiteDb db, SiteDirectory directory) : IAnnualReportFigures
{
    public IReadOnlyCollection<string> Keys { get; } =
    [
        "services.catalogue", "services.users", "services.items", "services.online",
        "services.ratings", "services.badRatings", "services.badFollowedUp", "innovation.personal",
    ];

    public async Task<IReadOnlyDictionary<string, string>> ComputeAsync(ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        var shown = ServiceCatalogue.ShownOn(directory, period.Site).ToArray();
        var inService = db.ServiceItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => shown.Contains(i.SiteId) && (i.Status == ServiceItemStatus.Published || i.Status == ServiceItemStatus.Withdrawn)
                && i.PublishedAt < end && (i.WithdrawnAt == null || i.WithdrawnAt >= end));
        var items = await inService.CountAsync(ct);
        var online = await inService.CountAsync(i => i.OnlineDepth == OnlineDepth.FullyOnline, ct);
        var ratings = db.ServiceRatings.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.SiteId == period.Site.Id && r.CreatedAt >= start && r.CreatedAt < end);
        var bad = ratings.Where(r => r.Level == RatingLevel.Dissatisfied || r.Level == RatingLevel.VeryDissatisfied);
        var values = new Dictionary<string, string>
        {
            ["services.catalogue"] = items > 0 ? "是" : "否",
            ["services.items"] = Number(items),
            ["services.online"] = Number(online),
            ["services.ratings"] = Number(await ratings.CountAsync(ct)),
            ["services.badRatings"] = Number(await bad.CountAsync(ct)),
            ["services.badFollowedUp"] = Number(await bad.CountAsync(r => r.FollowedUpAt != null, ct)),
            // Every public site on GovSite offers citizens and enterprises their own page (Citizens/).
            ["innovation.personal"] = "是",
        };
        // Citizen accounts belong to the platform, whose public face is the portal: the portal reports
        // the accounts registered by the end of the year; a department site has none of its own (entered).
        if (period.Site.Type == SiteType.Portal)
        {
            values["services.users"] = Number(await db.Citizens.AsNoTracking().CountAsync(c => c.CreatedAt < end, ct));
        }
        return values;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
