using System.Globalization;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Publishing.Quality.Admin;

/// <summary>Labels and choices the quality pages share.</summary>
public static class QualityPageText
{
    public static string Kind(QualityListKind kind) => kind switch
    {
        QualityListKind.SensitiveWords => "敏感词库",
        QualityListKind.SeriousErrorTerms => "规范表述词典",
        _ => "不当用语",
    };

    public static string Severity(QualitySeverity? severity) => severity switch
    {
        QualitySeverity.Block => "拦截（不能发布）",
        QualitySeverity.Warn => "提醒（可以发布）",
        _ => "按网站设置",
    };

    public static List<SelectListItem> SeverityOptions(QualitySeverity? selected, bool allowSiteDefault) =>
    [
        .. allowSiteDefault ? [new SelectListItem("按网站设置", "", selected is null)] : Array.Empty<SelectListItem>(),
        new SelectListItem("拦截（不能发布）", nameof(QualitySeverity.Block), selected == QualitySeverity.Block),
        new SelectListItem("提醒（可以发布）", nameof(QualitySeverity.Warn), selected == QualitySeverity.Warn),
    ];

    public static List<SelectListItem> SiteOptions(SiteDirectory sites, Func<int, bool> allowed, int? selected) =>
    [
        .. sites.All.Where(s => allowed(s.Id)).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new SelectListItem($"{s.Name}（{s.Code}）", s.Id.ToString(CultureInfo.InvariantCulture), s.Id == selected)),
    ];

    public static string Time(DateTime utc) => ChinaTime.Format(utc);
}
