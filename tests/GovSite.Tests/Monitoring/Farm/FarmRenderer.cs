using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GovSite.Tests.Monitoring.Farm;

/// <param name="Status">HTTP status.</param>
/// <param name="Html">Body, or null.</param>
/// <param name="DelayMs">Wait before answering (the slow page).</param>
public sealed record FarmResponse(int Status, string? Html, int DelayMs = 0);

/// <summary>
/// Renders farm pages on request from the site model, so a 100,000-page site costs no memory.
/// Three layouts in the manner of common government CMSs: a classic div layout, a table layout,
/// and a modern semantic one.
/// </summary>
public sealed partial class FarmRenderer(DateOnly asOf)
{
    private static readonly string[] Elements = ["事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理机构", "收费标准", "办理时间", "联系电话", "办理流程"];
    private static readonly string[] ElementValues =
    [
        "", "《中华人民共和国行政许可法》及省有关规定", "申请人具有完全民事行为能力，符合法定条件", "1.申请表；2.居民身份证；3.相关证明材料",
        "市政务服务中心一楼综合窗口", "市行政审批服务局", "不收费", "法定工作日上午9:00—12:00，下午13:30—17:30", "0999-12345678",
        "1.申请；2.受理；3.审核；4.决定；5.送达",
    ];
    private static readonly string[] Topics = ["优化营商环境", "安全生产", "乡村振兴", "生态环境保护", "政务服务", "防汛抗旱", "就业创业", "民生实事"];
    private static readonly Lazy<string[]> Seeds = new(LoadSeeds);

    public FarmResponse Render(FarmSite site, string path)
    {
        if (site.Unreachable)
        {
            return new FarmResponse(503, "<html><body>Service Unavailable</body></html>");
        }
        var rest = path[site.Root.Length..];
        if (rest.Length == 0)
        {
            return Ok(Home(site));
        }
        if (ColumnPath().Match(rest) is { Success: true } m)
        {
            var c = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var page = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
            if (c >= site.Columns.Count || page < 1 || page > site.Pages(c) || (page == 1 && m.Groups[2].Success)
                || (site.ChannelGone && site.Columns[c].Content == ColumnContent.Messages))
            {
                return NotFound();
            }
            return Ok(List(site, c, page));
        }
        if (ItemPath().Match(rest) is { Success: true } a)
        {
            var c = int.Parse(a.Groups[1].Value, CultureInfo.InvariantCulture);
            var i = int.Parse(a.Groups[2].Value, CultureInfo.InvariantCulture);
            if (c >= site.Columns.Count || i >= site.Columns[c].Items || site.Columns[c].Content == ColumnContent.Page)
            {
                return NotFound();
            }
            var html = site.Columns[c].Content switch
            {
                ColumnContent.Guides => Guide(site, c, i),
                ColumnContent.Messages => Message(site, c, i),
                _ => Article(site, c, i),
            };
            return new FarmResponse(200, html, site.SlowPage && c == 0 && i == 2 ? 3300 : 0);
        }
        return NotFound();
    }

    private static FarmResponse Ok(string html) => new(200, html);
    private static FarmResponse NotFound() => new(404, "<html><body><h1>404 页面不存在</h1></body></html>");

    private string Home(FarmSite site)
    {
        var sb = Start(site, site.Name, null);
        foreach (var c in site.HomeBlocks())
        {
            var col = site.Columns[c];
            var items = Enumerable.Range(0, Math.Min(5, col.Items)).ToList();
            switch (site.Layout)
            {
                case FarmLayout.Classic:
                    sb.Append("<div class=\"block\"><div class=\"title\"><span>").Append(col.Name).Append("</span><a class=\"more\" href=\"")
                        .Append(site.ColumnPath(c)).Append("\">更多&gt;&gt;</a></div><ul class=\"list\">");
                    items.ForEach(i => Line(sb, site, c, i));
                    sb.Append("</ul></div>");
                    break;
                case FarmLayout.Table:
                    sb.Append("<div class=\"box\"><h3><a href=\"").Append(site.ColumnPath(c)).Append("\">").Append(col.Name).Append("</a></h3><table>");
                    items.ForEach(i => Line(sb, site, c, i));
                    sb.Append("</table></div>");
                    break;
                default:
                    sb.Append("<section class=\"card\"><h2>").Append(col.Name).Append("</h2><a class=\"link-more\" href=\"").Append(site.ColumnPath(c))
                        .Append("\">more</a><ul>");
                    items.ForEach(i => Line(sb, site, c, i));
                    sb.Append("</ul></section>");
                    break;
            }
        }
        sb.Append("<div class=\"links\"><span>友情链接：</span><a href=\"/ext/ok\">中国政府网</a> <a href=\"/ext/moved\">江川省人民政府</a> <a href=\"/ext/nohead\">国家政务服务平台</a>");
        if (site.OffsiteChannel)
        {
            sb.Append(" <a href=\"/ext/hudong\">政民互动</a>");
        }
        if (site.OffsiteServices)
        {
            sb.Append(" <a href=\"/ext/zwfw\">江川政务服务网</a>");
        }
        sb.Append("</div>");
        return End(sb, site);
    }

    private string List(FarmSite site, int c, int page)
    {
        var col = site.Columns[c];
        var sb = Start(site, $"{col.Name}-{site.Name}", col);
        sb.Append("<div class=\"position\">当前位置：<a href=\"").Append(site.Root).Append("\">首页</a> &gt; <a href=\"").Append(site.ColumnPath(c)).Append("\">")
            .Append(col.Name).Append("</a></div>");
        sb.Append("<div class=\"content\"><h1>").Append(col.Name).Append("</h1>");
        if (col.Content == ColumnContent.Page)
        {
            sb.Append("<div class=\"article\"><p>").Append(site.Name).Append("是本级人民政府的组成部门，贯彻落实党中央、国务院和省委、省政府关于本领域工作的方针政策和决策部署，在履行职责过程中坚持和加强党的全面领导。</p>")
                .Append("<p>主要职责：负责拟订本领域发展规划和政策措施并组织实施；负责本领域行政审批和公共服务事项；负责本领域安全监管和应急处置；完成本级人民政府交办的其他任务。</p>")
                .Append("<p>内设机构：办公室、政策法规科、规划发展科、行政审批科、监督管理科。办公地址：江川省临江市人民大道88号。</p></div>");
        }
        else if (col.Items == 0)
        {
            sb.Append("<p class=\"empty\">暂无信息</p>");
        }
        else
        {
            var first = (page - 1) * site.PageSize;
            var items = Enumerable.Range(first, Math.Min(site.PageSize, col.Items - first)).ToList();
            sb.Append(site.Layout == FarmLayout.Table ? "<table class=\"list\">" : "<ul class=\"list\">");
            items.ForEach(i => Line(sb, site, c, i));
            sb.Append(site.Layout == FarmLayout.Table ? "</table>" : "</ul>");
            var pages = site.Pages(c);
            if (pages > 1)
            {
                switch (site.Layout)
                {
                    case FarmLayout.Classic:
                        sb.Append("<div class=\"pager\">共").Append(col.Items).Append("条 第").Append(page).Append('/').Append(pages).Append("页 ");
                        if (page > 1) { sb.Append("<a href=\"").Append(site.ListPath(c, 1)).Append("\">首页</a> <a href=\"").Append(site.ListPath(c, page - 1)).Append("\">上一页</a> "); }
                        if (page < pages) { sb.Append("<a href=\"").Append(site.ListPath(c, page + 1)).Append("\">下一页</a> <a href=\"").Append(site.ListPath(c, pages)).Append("\">尾页</a>"); }
                        sb.Append("</div>");
                        break;
                    case FarmLayout.Table:
                        sb.Append("<table class=\"pagination\"><tr><td>");
                        for (var p = 1; p <= pages; p++)
                        {
                            sb.Append(p == page ? $"<b>{p}</b> " : $"<a href=\"{site.ListPath(c, p)}\">{p}</a> ");
                        }
                        if (page < pages) { sb.Append("<a rel=\"next\" href=\"").Append(site.ListPath(c, page + 1)).Append("\">&gt;</a>"); }
                        sb.Append("</td></tr></table>");
                        break;
                    default:
                        sb.Append("<nav class=\"pagination\" aria-label=\"分页\">");
                        if (page > 1) { sb.Append("<a href=\"").Append(site.ListPath(c, page - 1)).Append("\">上一页</a>"); }
                        if (page < pages) { sb.Append("<a href=\"").Append(site.ListPath(c, page + 1)).Append("\">下一页</a>"); }
                        sb.Append("</nav>");
                        break;
                }
            }
        }
        sb.Append("</div>");
        return End(sb, site);
    }

    private void Line(StringBuilder sb, FarmSite site, int c, int i)
    {
        var date = site.ItemDate(asOf, c, i);
        var title = WebUtility.HtmlEncode(Title(site, c, i));
        var href = site.ItemPath(c, i);
        var shown = Shown(site.Dates, date);
        if (site.Layout == FarmLayout.Table)
        {
            sb.Append("<tr><td class=\"t\"><a href=\"").Append(href).Append("\" target=\"_blank\">").Append(title).Append("</a></td><td class=\"d\">")
                .Append(shown).Append("</td></tr>");
            return;
        }
        switch (site.Dates)
        {
            case DateStyle.Bracket:
                sb.Append("<li><span class=\"date\">").Append(shown).Append("</span><a href=\"").Append(href).Append("\">").Append(title).Append("</a></li>");
                break;
            case DateStyle.TimeTag:
                sb.Append("<li><a href=\"").Append(href).Append("\">").Append(title).Append("</a><time datetime=\"").Append(Iso(date)).Append("\">")
                    .Append(date.ToString("MM月dd日", CultureInfo.InvariantCulture)).Append("</time></li>");
                break;
            default:
                sb.Append("<li><a href=\"").Append(href).Append("\" title=\"").Append(title).Append("\">").Append(title).Append("</a><span>").Append(shown).Append("</span></li>");
                break;
        }
    }

    private string Shown(DateStyle style, DateOnly date) => style switch
    {
        DateStyle.Slash => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        DateStyle.Chinese => $"{date.Year}年{date.Month}月{date.Day}日",
        // Sites showing [MM-DD] show the year for older items.
        DateStyle.Bracket => asOf.DayNumber - date.DayNumber < 300 ? date.ToString("[MM-dd]", CultureInfo.InvariantCulture) : $"[{Iso(date)}]",
        _ => Iso(date),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Title(FarmSite site, int c, int i)
    {
        var col = site.Columns[c];
        var topic = Topics[(c * 7 + i) % Topics.Length];
        return col.Type switch
        {
            "news" => $"{site.Name}召开{topic}工作推进会（{i + 1}）",
            "notice" => $"关于做好{topic}有关工作的通知（{i + 1}）",
            "policy" => $"{site.Name}关于进一步加强{topic}工作的实施意见（第{i + 1}号）",
            "interpretation" => $"一图读懂《关于进一步加强{topic}工作的实施意见》（{i + 1}）",
            "personnel" => $"{site.Name}干部任前公示（{i + 1}）",
            "planning" => $"{site.Name}{topic}三年行动计划（{i + 1}）",
            "service" => $"{Topics[i % Topics.Length]}专项补贴申领办事指南",
            "interaction" => $"关于{topic}有关问题的咨询（{i + 1}）",
            _ => $"{topic}专题（{i + 1}）",
        };
    }

    private string Article(FarmSite site, int c, int i)
    {
        var col = site.Columns[c];
        var title = WebUtility.HtmlEncode(Title(site, c, i));
        var date = site.ItemDate(asOf, c, i);
        var sb = Start(site, $"{title}-{site.Name}", col, title, date);
        sb.Append("<div class=\"position\">当前位置：<a href=\"").Append(site.Root).Append("\">首页</a> &gt; <a href=\"").Append(site.ColumnPath(c)).Append("\">")
            .Append(col.Name).Append("</a></div><div class=\"article\"><h1>").Append(title).Append("</h1><div class=\"info\">发布时间：").Append(Iso(date))
            .Append(" 09:30 来源：").Append(site.Name).Append("</div><div class=\"TRS_Editor\">");
        var topic = Topics[(c + i) % Topics.Length];
        sb.Append("<p>为深入贯彻落实党中央、国务院决策部署，根据《中华人民共和国政府信息公开条例》和国务院办公厅有关要求，").Append(site.Name).Append("围绕").Append(topic)
            .Append("重点任务，认真落实全国人民代表大会常务委员会有关决定和中国人民政治协商会议提出的意见建议，持续推进各项工作落地见效。</p>");
        sb.Append("<p>会议强调，要坚持以习近平新时代中国特色社会主义思想为指导，会同人力资源社会保障等部门，以钉钉子精神抓好落实，确保各项任务按期完成。</p>");
        if (Seeds.Value.Length > 0)
        {
            var seed = Seeds.Value[(c * 31 + i) % Seeds.Value.Length];
            var from = (i * 97) % Math.Max(1, seed.Length - 300);
            sb.Append("<p>").Append(WebUtility.HtmlEncode(seed.Substring(from, Math.Min(300, seed.Length - from)))).Append("</p>");
        }
        if (c == 0 && i == 0)
        {
            foreach (var wrong in site.Misspellings)
            {
                sb.Append("<p>会议传达学习了").Append(wrong).Append("有关文件精神，要求各单位抓好贯彻落实。</p>");
            }
        }
        if (c == 0 && i == 1)
        {
            sb.Append("<p>相关链接：");
            for (var k = 0; k < site.BrokenInternal; k++)
            {
                sb.Append(k % 2 == 0 ? $"<a href=\"{site.Root}missing/page{k}.html\">附件{k}</a> " : $"<img src=\"{site.Root}images/missing{k}.png\" alt=\"图{k}\"> ");
            }
            for (var k = 0; k < site.BrokenExternal; k++)
            {
                sb.Append("<a href=\"/ext/gone/").Append(site.Slug).Append('-').Append(k).Append("\">外部链接").Append(k).Append("</a> ");
            }
            sb.Append("</p>");
        }
        if (i + 1 < col.Items)
        {
            sb.Append("<p class=\"prev\">上一篇：<a href=\"").Append(site.ItemPath(c, i + 1)).Append("\">").Append(WebUtility.HtmlEncode(Title(site, c, i + 1))).Append("</a></p>");
        }
        sb.Append("</div></div>");
        return End(sb, site);
    }

    private string Guide(FarmSite site, int c, int i)
    {
        var col = site.Columns[c];
        var title = Title(site, c, i);
        var sb = Start(site, $"{title}-{site.Name}", col, title, site.ItemDate(asOf, c, i));
        sb.Append("<div class=\"article\"><h1>").Append(title).Append("</h1>");
        var lacks = site.GuideLacks[i];
        // The element name stays; the ones dropped are taken from the end of the list.
        var shown = Enumerable.Range(0, Elements.Length).Where(e => e == 0 || e < Elements.Length - lacks).ToList();
        if (site.Layout == FarmLayout.Table)
        {
            sb.Append("<table class=\"guide\">");
            foreach (var e in shown)
            {
                sb.Append("<tr><th>").Append(Elements[e]).Append("</th><td>").Append(e == 0 ? title.Replace("办事指南", "", StringComparison.Ordinal) : ElementValues[e]).Append("</td></tr>");
            }
            sb.Append("</table>");
        }
        else
        {
            foreach (var e in shown)
            {
                sb.Append("<p><strong>").Append(Elements[e]).Append("：</strong>").Append(e == 0 ? title.Replace("办事指南", "", StringComparison.Ordinal) : ElementValues[e]).Append("</p>");
            }
        }
        sb.Append("</div>");
        return End(sb, site);
    }

    private string Message(FarmSite site, int c, int i)
    {
        var col = site.Columns[c];
        var m = site.SortedMessages[i];
        var title = Title(site, c, i);
        var posted = asOf.AddDays(-m.PostedDaysAgo);
        var sb = Start(site, $"{title}-{site.Name}", col, title, posted);
        sb.Append("<div class=\"article\"><h1>").Append(title).Append("</h1>");
        var replied = m.RepliedDaysAgo is { } r ? asOf.AddDays(-r) : (DateOnly?)null;
        var answer = replied is null ? "" : "您好！您反映的问题已转相关科室办理，经核实，相关工作正在按计划推进。感谢您的关心和支持！";
        switch (site.Layout)
        {
            case FarmLayout.Table:
                sb.Append("<table class=\"letter\"><tr><th>留言标题</th><td>").Append(title).Append("</td></tr><tr><th>留言时间</th><td>").Append(Iso(posted))
                    .Append("</td></tr><tr><th>办理状态</th><td>").Append(m.Status).Append("</td></tr><tr><th>留言内容</th><td>请问有关政策如何申请？</td></tr>");
                if (replied is { } rd)
                {
                    sb.Append("<tr><th>答复时间</th><td>").Append(Iso(rd)).Append("</td></tr><tr><th>答复内容</th><td>").Append(answer).Append("</td></tr>");
                }
                sb.Append("</table>");
                break;
            case FarmLayout.Modern:
                sb.Append("<dl><dt>留言时间</dt><dd>").Append($"{posted.Year}年{posted.Month}月{posted.Day}日").Append("</dd><dt>状态</dt><dd>").Append(m.Status).Append("</dd>");
                if (replied is { } md)
                {
                    sb.Append("<dt>回复时间</dt><dd>").Append($"{md.Year}年{md.Month}月{md.Day}日").Append("</dd><dt>回复内容</dt><dd>").Append(answer).Append("</dd>");
                }
                sb.Append("</dl>");
                break;
            default:
                sb.Append("<p>来信时间：").Append(Iso(posted)).Append("</p><p>办理状态：").Append(m.Status).Append("</p><p>来信内容：请问有关政策如何申请？</p>");
                if (replied is { } cd)
                {
                    sb.Append("<p>答复时间：").Append(Iso(cd)).Append("</p><p>答复内容：").Append(answer).Append("</p>");
                }
                break;
        }
        sb.Append("</div>");
        return End(sb, site);
    }

    private static StringBuilder Start(FarmSite site, string title, FarmColumn? column, string? articleTitle = null, DateOnly? pubDate = null)
    {
        var sb = new StringBuilder(8192);
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>");
        if (!site.MissingMeta)
        {
            sb.Append("<meta name=\"SiteName\" content=\"").Append(site.Name).Append("\"><meta name=\"SiteDomain\" content=\"").Append(site.Slug)
                .Append(".farm.gov.cn\"><meta name=\"SiteIDCode\" content=\"").Append(site.Code).Append("\">");
            if (column is not null)
            {
                sb.Append("<meta name=\"ColumnName\" content=\"").Append(column.Name).Append("\"><meta name=\"ColumnType\" content=\"").Append(column.Type).Append("\">");
            }
            if (articleTitle is not null)
            {
                sb.Append("<meta name=\"ArticleTitle\" content=\"").Append(articleTitle).Append("\"><meta name=\"PubDate\" content=\"")
                    .Append(Iso(pubDate!.Value)).Append(" 09:30\"><meta name=\"ContentSource\" content=\"").Append(site.Name).Append("\">");
            }
        }
        sb.Append("<link rel=\"stylesheet\" href=\"/ext/style.css\"></head><body>");
        var cols = site.Columns.Select((col, c) => (col, c)).ToList();
        switch (site.Layout)
        {
            case FarmLayout.Classic:
                sb.Append("<div id=\"header\"><div class=\"logo\"><a href=\"").Append(site.Root).Append("\">").Append(site.Name).Append("</a></div><ul class=\"nav\"><li><a href=\"")
                    .Append(site.Root).Append("\">首页</a></li>");
                cols.ForEach(x => sb.Append("<li><a href=\"").Append(site.ColumnPath(x.c)).Append("\">").Append(x.col.Name).Append("</a></li>"));
                sb.Append("</ul></div><div class=\"main\">");
                break;
            case FarmLayout.Table:
                sb.Append("<table width=\"1000\" class=\"top\"><tr><td><img src=\"/ext/logo.png\" alt=\"").Append(site.Name).Append("\"></td></tr></table><div class=\"menu\"><table><tr><td><a href=\"")
                    .Append(site.Root).Append("\">网站首页</a></td>");
                cols.ForEach(x => sb.Append("<td><a href=\"").Append(site.ColumnPath(x.c)).Append("\">").Append(x.col.Name).Append("</a></td>"));
                sb.Append("</tr></table></div><div class=\"wrap\">");
                break;
            default:
                sb.Append("<header><a class=\"brand\" href=\"").Append(site.Root).Append("\">").Append(site.Name).Append("</a><nav aria-label=\"主导航\"><ul><li><a href=\"")
                    .Append(site.Root).Append("\">首页</a></li>");
                cols.ForEach(x => sb.Append("<li><a href=\"").Append(site.ColumnPath(x.c)).Append("\">").Append(x.col.Name).Append("</a></li>"));
                sb.Append("</ul></nav></header><main>");
                break;
        }
        return sb;
    }

    private static string End(StringBuilder sb, FarmSite site)
    {
        sb.Append(site.Layout == FarmLayout.Modern ? "</main><footer>" : site.Layout == FarmLayout.Table ? "</div><footer>" : "</div><div class=\"footer\">");
        sb.Append("<p><a href=\"/ext/conac?id=").Append(site.Code).Append("\">党政机关网站标识</a> ");
        if (!site.MissingFooter.Contains("error_report_entry"))
        {
            sb.Append("<a href=\"/ext/jiucuo?site_code=").Append(site.Code).Append("\">我为政府网站找错</a>");
        }
        sb.Append("</p><p>");
        if (!site.MissingFooter.Contains("host_unit"))
        {
            sb.Append("主办单位：").Append(site.Name).Append(' ');
        }
        if (!site.MissingFooter.Contains("contact"))
        {
            sb.Append("联系电话：0999-8800").Append(site.Code[^4..]);
        }
        sb.Append("</p><p>");
        if (!site.MissingFooter.Contains("identifier_code"))
        {
            sb.Append("网站标识码：").Append(site.InvalidCode ? "JC" + site.Code[..6] : site.Code).Append(' ');
        }
        if (!site.MissingFooter.Contains("icp"))
        {
            sb.Append("<a href=\"/ext/ok\">江ICP备2026").Append(site.Code[^4..]).Append("号-1</a> ");
        }
        if (!site.MissingFooter.Contains("police_record"))
        {
            sb.Append("<a href=\"/ext/ok\">江公网安备 9901000200").Append(site.Code[^4..]).Append("号</a>");
        }
        sb.Append("</p>").Append(site.Layout == FarmLayout.Classic ? "</div>" : "</footer>").Append("</body></html>");
        return sb.ToString();
    }

    private static string[] LoadSeeds()
    {
        const string dir = "/work/shared/corpus/seeds";
        return Directory.Exists(dir)
            ? [.. Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f).Replace("\n", "", StringComparison.Ordinal))]
            : [];
    }

    [GeneratedRegex(@"^c(\d+)/(?:index_(\d+)\.html)?$")]
    private static partial Regex ColumnPath();

    [GeneratedRegex(@"^c(\d+)/a(\d+)\.html$")]
    private static partial Regex ItemPath();
}
