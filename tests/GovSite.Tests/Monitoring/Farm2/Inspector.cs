namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>What a site should be judged, from what was planted in it.</summary>
/// <param name="Stale">Names (navigation link texts) of the columns that are stale.</param>
/// <param name="Empty">Names of the columns that are lists without items.</param>
/// <param name="Broken">Absolute URLs of the links that do not work.</param>
/// <param name="Why">One line per veto, for the failure messages.</param>
public sealed record Expectation(
    string Verdict,
    HashSet<string> Vetoes,
    HashSet<string> Stale,
    HashSet<string> Empty,
    HashSet<string> Broken,
    List<string> Why);

/// <summary>
/// Reads a site model the way an inspector applies domain.md ("National rules" and "How
/// inspectors read these rules"); written from that text, not from the checker.
/// </summary>
public static class Inspector
{
    /// <summary>How many newest items a homepage block shows.</summary>
    public const int HomeBlockSize = 6;

    public static Expectation Expect(SiteModel site, DateOnly asOf, Func<BrokenPlant, SiteModel, string> urlOf, Func<ColumnModel, string> missingUrlOf)
    {
        var vetoes = new HashSet<string>();
        var why = new List<string>();
        if (site.Reach != Reach.Up)
        {
            vetoes.Add("site_unreachable");
            why.Add($"site_unreachable: {site.Reach}");
            return new Expectation("fail", vetoes, [], [], [], why);
        }

        var newestOnHome = site.Columns.Where(c => c.OnHome && c.IsList)
            .SelectMany(c => c.Items.OrderByDescending(i => i.Date).Take(HomeBlockSize)).Max(i => (DateOnly?)i.Date);
        if (newestOnHome is null || asOf.DayNumber - newestOnHome.Value.DayNumber > 14)
        {
            vetoes.Add("homepage_stale");
            why.Add($"homepage_stale: newest date shown {newestOnHome}");
        }

        var stale = site.Columns.Where(c => IsStale(c, asOf)).ToList();
        var empty = site.Columns.Where(c => c.IsList && c.Items.Count == 0).ToList();
        var staleFrequent = stale.Count(c => TypeOf(c.Name) is "news" or "notice" or "policy");
        if (staleFrequent >= 5 || stale.Count >= 10)
        {
            vetoes.Add("columns_stale");
            why.Add($"columns_stale: {string.Join("、", stale)}");
        }
        if (empty.Count >= 5)
        {
            vetoes.Add("columns_empty");
            why.Add($"columns_empty: {string.Join("、", empty)}");
        }

        if (site.Misspelling is not null)
        {
            vetoes.Add("serious_error");
            why.Add($"serious_error: {site.Misspelling}");
        }

        var channel = site.Columns.Any(c => c.Kind is ColumnKind.Letters or ColumnKind.MailForm
            || (c.Kind == ColumnKind.OffSite && c.OffSiteServer == External.Mailbox));
        var unanswered = site.Columns.SelectMany(c => c.Letters)
            .Where(l => l.Replied is null && asOf.DayNumber - l.Received.DayNumber is > 92 and <= 365).ToList();
        if (!channel)
        {
            vetoes.Add("interaction_unresponsive");
            why.Add("interaction_unresponsive: no working channel");
        }
        else if (unanswered.Count > 0)
        {
            vetoes.Add("interaction_unresponsive");
            why.Add($"interaction_unresponsive: {string.Join("、", unanswered.Select(l => $"{l.Title} ({l.Received:yyyy-MM-dd}, {l.Status})"))}");
        }

        var guides = site.Columns.SelectMany(c => c.Guides).ToList();
        var hall = site.Columns.Any(c => c.Kind == ColumnKind.OffSite && c.OffSiteServer == External.Hall);
        if (site.Portal && guides.Count == 0 && !hall)
        {
            vetoes.Add("service_guide_incomplete");
            why.Add("service_guide_incomplete: a portal without services");
        }
        else if (guides.Count(g => g.Missing >= 4) >= 5)
        {
            vetoes.Add("service_guide_incomplete");
            why.Add($"service_guide_incomplete: {guides.Count(g => g.Missing >= 4)} guides lack 4 or more elements");
        }

        var broken = new HashSet<string>();
        foreach (var plant in site.HomeBroken.Concat(site.Columns.SelectMany(c => c.Broken.Concat(c.Items.SelectMany(i => i.Broken)))))
        {
            broken.Add(urlOf(plant, site));
        }
        if (site.FooterBroken is not null)
        {
            broken.Add(urlOf(site.FooterBroken, site));
        }
        foreach (var missing in site.Columns.Where(c => c.Kind == ColumnKind.Missing))
        {
            broken.Add(missingUrlOf(missing));
        }

        return new Expectation(vetoes.Count == 0 ? "pass" : "fail", vetoes,
            stale.Select(c => c.Name).ToHashSet(), empty.Select(c => c.Name).ToHashSet(), broken, why);
    }

    public static bool IsStale(ColumnModel column, DateOnly asOf) =>
        column.IsList && column.Items.Count > 0 && StaleAfterDays(TypeOf(column.Name)) is { } days
        && asOf.DayNumber - column.Items.Max(i => i.Date).DayNumber > days;

    /// <summary>domain.md "Column types and freshness": 6 months read as 183 days, a year as 365.</summary>
    public static int? StaleAfterDays(string type) => type switch
    {
        "news" => 14,
        "notice" or "policy" => 183,
        "personnel" or "planning" => 365,
        _ => null,
    };

    /// <summary>The type of a column named as in the table of domain.md; any other name is other.</summary>
    public static string TypeOf(string name) => name switch
    {
        "要闻动态" or "工作动态" or "部门动态" => "news",
        "通知公告" or "公示公告" => "notice",
        "政策文件" or "规范性文件" => "policy",
        "人事信息" or "人事任免" => "personnel",
        "规划计划" => "planning",
        "政策解读" => "interpretation",
        "机构概况" or "机构职能" or "领导信息" => "overview",
        "办事指南" or "办事服务" => "service",
        "领导信箱" or "县长信箱" or "区长信箱" or "市长信箱" or "局长信箱" or "互动交流" => "interaction",
        "政府信息公开" or "政府信息公开目录" or "依申请公开" or "政府信息公开指南" => "disclosure",
        "专题专栏" => "topic",
        _ => "other",
    };
}
