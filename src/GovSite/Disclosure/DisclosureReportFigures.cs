using System.Globalization;
using GovSite.AnnualReports;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure;

/// <summary>
/// 信息公开目录信息更新量 of the 政府网站工作年度报表: the site's own items marked 主动公开 and first
/// published in the year and still published — the entries it added to its 政府信息公开目录. Counted
/// on the site's own items (not a portal's departments'), so it stays a part of 信息发布总数.
/// </summary>
public sealed class DisclosureReportFigures(GovSiteDb db) : IAnnualReportFigures
{
    public IReadOnlyCollection<string> Keys { get; } = ["info.disclosure"];

    public async Task<IReadOnlyDictionary<string, string>> ComputeAsync(ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        var count = await db.Articles.IgnoreQueryFilters().AsNoTracking().CountAsync(a => a.SiteId == period.Site.Id
            && a.Disclosure == DisclosureMode.Proactive && a.Status == ArticleStatus.Published && a.PublishedAt >= start && a.PublishedAt < end, ct);
        return new Dictionary<string, string> { ["info.disclosure"] = count.ToString(CultureInfo.InvariantCulture) };
    }
}
