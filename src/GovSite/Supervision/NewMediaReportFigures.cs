using System.Globalization;
using GovSite.AnnualReports;

namespace GovSite.Supervision;

/// <summary>
/// 移动新媒体 figures of the 政府网站工作年度报表, from the 政务新媒体 register: the site's Weibo and
/// WeChat accounts (names joined with 、 when there are several; posts made in the year and
/// followers at its end, summed), and every other platform's account in 其他. A site with no
/// account in the register supplies nothing, so its staff enter the lines by hand as before.
/// </summary>
public sealed class NewMediaReportFigures(NewMedia newMedia) : IAnnualReportFigures
{
    public IReadOnlyCollection<string> Keys { get; } =
    [
        "media.weiboName", "media.weiboPosts", "media.weiboFollowers",
        "media.wechatName", "media.wechatPosts", "media.wechatFollowers", "media.other",
    ];

    public async Task<IReadOnlyDictionary<string, string>> ComputeAsync(ReportPeriod period, CancellationToken ct)
    {
        var accounts = await newMedia.SiteYearAsync(period.Site.Id, period.Year, ct);
        if (accounts.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        var weibo = accounts.Where(a => a.Platform == NewMediaPlatform.Weibo).ToList();
        var wechat = accounts.Where(a => a.Platform == NewMediaPlatform.WeChat).ToList();
        var other = accounts.Where(a => a.Platform is not (NewMediaPlatform.Weibo or NewMediaPlatform.WeChat));
        return new Dictionary<string, string>
        {
            ["media.weiboName"] = string.Join("、", weibo.Select(a => a.Name)),
            ["media.weiboPosts"] = Number(weibo.Sum(a => a.PostsInYear)),
            ["media.weiboFollowers"] = Number(weibo.Sum(a => a.Followers)),
            ["media.wechatName"] = string.Join("、", wechat.Select(a => a.Name)),
            ["media.wechatPosts"] = Number(wechat.Sum(a => a.PostsInYear)),
            ["media.wechatFollowers"] = Number(wechat.Sum(a => a.Followers)),
            ["media.other"] = string.Join("；", other.Select(a => $"{NewMedia.Label(a.Platform)}“{a.Name}”：发布{a.PostsInYear}条，关注{a.Followers}")),
        };
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
