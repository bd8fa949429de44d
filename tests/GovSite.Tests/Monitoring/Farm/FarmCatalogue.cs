namespace GovSite.Tests.Monitoring.Farm;

/// <summary>
/// The farm's sites: clean ones in every layout and date style, one or two sites per veto, a site
/// with only deductions, and "near misses" that sit just under each veto threshold and must pass.
/// </summary>
public static class FarmCatalogue
{
    private static readonly string[] NewsNames = ["要闻动态", "工作动态", "部门动态", "政务要闻"];
    private static readonly string[] NoticeNames = ["通知公告", "公示公告"];
    private static readonly string[] PolicyNames = ["政策文件", "规范性文件"];

    /// <summary>A healthy site's columns; <paramref name="v"/> varies names and numbers.</summary>
    public static List<FarmColumn> Standard(int v) =>
    [
        new(NewsNames[v % NewsNames.Length], "news", 23 + v, 1 + v % 3, 2),
        new(NewsNames[(v + 1) % NewsNames.Length], "news", 12, 3, 4),
        new(NoticeNames[v % 2], "notice", 9 + v % 5, 4, 9),
        new(NoticeNames[(v + 1) % 2], "notice", 5, 20, 15),
        new(PolicyNames[v % 2], "policy", 14, 10, 12),
        new(PolicyNames[(v + 1) % 2], "policy", 6, 40, 20),
        new("政策解读", "interpretation", 7, 12, 20),
        new(v % 2 == 0 ? "人事信息" : "人事任免", "personnel", 4, 60, 40),
        new("规划计划", "planning", 3, 150, 90),
        new("办事指南", "service", 6, 30, 10, ColumnContent.Guides),
        new(v % 2 == 0 ? "领导信箱" : "咨询投诉", "interaction", 4, 5, 7, ColumnContent.Messages),
        new("机构概况", "overview", 0, 0, 0, ColumnContent.Page),
        new("专题专栏", "topic", 3, 25, 30),
    ];

    private static List<FarmMessage> GoodMessages() =>
        [new(5, 2, "已办结"), new(12, 6, "已办结"), new(19, 10, "已回复"), new(26, 20, "已办结")];

    private static List<int> GoodGuides() => [0, 0, 1, 0, 0, 2];

    public static List<FarmSite> Sites()
    {
        var sites = new List<FarmSite>();
        var n = 0;
        FarmSite Site(string name, Func<List<FarmColumn>, List<FarmColumn>>? columns = null, FarmLayout? layout = null, DateStyle? dates = null,
            List<string>? misspell = null, List<FarmMessage>? messages = null, List<int>? guides = null, bool unreachable = false,
            List<string>? missingFooter = null, bool invalidCode = false, bool missingMeta = false, bool slow = false, int brokenIn = 0, int brokenEx = 0,
            bool channelGone = false, bool offsiteChannel = false, bool offsiteServices = false)
        {
            var i = n++;
            var l = layout ?? (FarmLayout)(i % 3);
            var d = dates ?? (l == FarmLayout.Modern ? (i % 2 == 0 ? DateStyle.Bracket : DateStyle.TimeTag) : l == FarmLayout.Table ? (i % 2 == 0 ? DateStyle.Slash : DateStyle.Chinese) : DateStyle.Iso);
            var site = new FarmSite
            {
                Slug = $"s{i:00}",
                Name = name,
                Code = $"99{(2000 + i):0000}{(i + 1):0000}",
                Layout = l,
                Dates = d,
                PageSize = l switch { FarmLayout.Classic => 10, FarmLayout.Table => 15, _ => 20 },
                Columns = columns is null ? Standard(i) : columns(Standard(i)),
                Misspellings = misspell ?? [],
                Messages = messages ?? GoodMessages(),
                GuideLacks = guides ?? GoodGuides(),
                Unreachable = unreachable,
                MissingFooter = missingFooter ?? [],
                InvalidCode = invalidCode,
                MissingMeta = missingMeta,
                SlowPage = slow,
                BrokenInternal = brokenIn,
                BrokenExternal = brokenEx,
                ChannelGone = channelGone,
                OffsiteChannel = offsiteChannel,
                OffsiteServices = offsiteServices,
            };
            // Guide and message columns hold exactly the planted guides and messages.
            for (var c = 0; c < site.Columns.Count; c++)
            {
                site.Columns[c] = site.Columns[c].Content switch
                {
                    ColumnContent.Guides => site.Columns[c] with { Items = site.GuideLacks.Count },
                    ColumnContent.Messages => site.Columns[c] with { Items = site.Messages.Count },
                    _ => site.Columns[c],
                };
            }
            sites.Add(site);
            return site;
        }

        // Clean sites in every layout and date style.
        Site("云溪市人民政府");
        Site("东岭市发展和改革委员会");
        Site("南屏市教育局");
        Site("清河县人民政府", dates: DateStyle.Bracket);
        Site("临江市卫生健康委员会", dates: DateStyle.Chinese);
        Site("江川省自然资源厅", dates: DateStyle.TimeTag);

        Site("江川省林业局（不可访问）", unreachable: true);
        Site("白沙县人民政府（不可访问）", unreachable: true);

        // Nothing newer than three weeks anywhere: the homepage is stale, the columns are not (yet).
        Site("石门县人民政府", cols => [.. cols.Select(c => c with { NewestDaysAgo = Math.Max(c.NewestDaysAgo, 22) })]);
        Site("云溪市司法局", cols => [.. cols.Select(c => c with { NewestDaysAgo = Math.Max(c.NewestDaysAgo, 30) })], brokenIn: 2);

        // Five key columns stale; the homepage is kept fresh by the first news column.
        Site("东岭市商务局", StaleKeyColumns(5));
        Site("南屏市交通运输局", StaleKeyColumns(6), brokenEx: 2);

        Site("青山县人民政府", EmptyColumns(5), brokenIn: 3);
        Site("临江市文化和旅游局", EmptyColumns(6));

        Site("云溪市应急管理局", misspell: ["中华人民共和囯"]);
        Site("东岭市财政局", misspell: ["国务院办工厅", "全国人民代表大会常务委会"], brokenIn: 1, brokenEx: 1);

        Site("南屏市住房和城乡建设局", messages: [.. GoodMessages(), new(120, null, "办理中")], brokenEx: 2);
        Site("清河县市场监督管理局", messages: [.. GoodMessages(), new(200, null, "办理中")]);

        Site("江川省医疗保障局", guides: [4, 5, 4, 6, 4, 0]);
        Site("临江市民政局", guides: [4, 4, 4, 4, 7, 4, 1], brokenIn: 2, brokenEx: 2);

        // Deductions only: footer items missing, an unusual identifier code, no meta tags, a slow page, broken links.
        Site("江川省统计局", missingFooter: ["icp", "police_record"], invalidCode: true, missingMeta: true, slow: true, brokenIn: 3, brokenEx: 3);

        // Several vetoes at once.
        Site("白沙县教育局", EmptyColumns(5), misspell: ["中国人民政协商会议"]);

        // Near misses: just under every threshold. Must pass.
        Site("桃源镇人民政府", cols => EmptyColumns(4)(StaleKeyColumns(4)(cols)),
            messages: [.. GoodMessages(), new(400, null, "未回复"), new(60, null, "办理中"), new(150, 70, "已办结"), new(200, 60, "已办结")],
            guides: [4, 4, 4, 4, 3, 3], brokenEx: 1);
        Site("云溪市水利局", misspell: [], dates: DateStyle.Slash, layout: FarmLayout.Modern,
            messages: [.. GoodMessages(), new(100, null, "无效留言")]);

        // Veto items 5 and 6 by absence: a portal without services, sites without a working
        // interaction channel; beside them near misses that use the region's platforms off-site.
        Site("松溪县人民政府", NoServices, guides: []);
        Site("白沙县人民政府门户网站", NoServices, guides: [], layout: FarmLayout.Modern);
        Site("东岭市人民政府", NoServices, guides: [], offsiteServices: true);
        Site("云溪市档案局", NoServices, guides: []);
        Site("南屏市退役军人事务局", NoChannel, messages: []);
        Site("清河县农业农村局", messages: [], channelGone: true, layout: FarmLayout.Table);
        Site("临江市审计局", NoChannel, messages: [], offsiteChannel: true);
        return sites;
    }

    private static List<FarmColumn> NoServices(List<FarmColumn> cols) => [.. cols.Where(c => c.Content != ColumnContent.Guides)];

    private static List<FarmColumn> NoChannel(List<FarmColumn> cols) => [.. cols.Where(c => c.Content != ColumnContent.Messages)];

    /// <summary>Makes the first <paramref name="count"/> key columns after the first news column stale.</summary>
    private static Func<List<FarmColumn>, List<FarmColumn>> StaleKeyColumns(int count) => cols =>
    {
        var result = new List<FarmColumn>(cols);
        var done = 0;
        for (var c = 1; c < result.Count && done < count; c++)
        {
            var col = result[c];
            if (col.Type is "news" or "notice" or "policy")
            {
                result[c] = col with { NewestDaysAgo = col.Type == "news" ? 30 : 200 };
                done++;
            }
        }
        // Not enough key columns in the standard set: add more.
        for (; done < count; done++)
        {
            result.Add(new FarmColumn($"工作信息{done}", "news", 5, 40, 5));
        }
        return result;
    };

    private static Func<List<FarmColumn>, List<FarmColumn>> EmptyColumns(int count) => cols =>
    {
        var result = new List<FarmColumn>(cols);
        string[] names = ["人事信息专栏", "规划计划专栏", "专题一", "专题二", "专题三", "专题四", "专题五"];
        string[] types = ["personnel", "planning", "topic", "topic", "topic", "topic", "topic"];
        for (var k = 0; k < count; k++)
        {
            result.Add(new FarmColumn(names[k], types[k], 0, 0));
        }
        return result;
    };

    /// <summary>
    /// A region for the bench: <paramref name="count"/> sites of about <paramref name="pages"/>
    /// pages each, in the three layouts and every date style, one in ten with a planted defect.
    /// </summary>
    public static List<FarmSite> Region(int count, int pages)
    {
        var sites = new List<FarmSite>();
        for (var i = 0; i < count; i++)
        {
            var columns = Standard(i);
            var articles = columns.Where(c => c.Content == ColumnContent.Articles).Sum(c => c.Items);
            var scale = Math.Max(1.0, (pages - 40.0) / Math.Max(1, articles));
            columns = [.. columns.Select(c => c.Content == ColumnContent.Articles ? c with { Items = (int)Math.Round(c.Items * scale) } : c)];
            var layout = (FarmLayout)(i % 3);
            sites.Add(new FarmSite
            {
                Slug = $"r{i:0000}",
                Name = $"区域测试{i:0000}{(i % 4 == 0 ? "县人民政府" : "局")}",
                Code = $"98{i / 10000:00}00{i % 10000:0000}",
                Layout = layout,
                Dates = layout == FarmLayout.Modern ? DateStyle.TimeTag : layout == FarmLayout.Table ? DateStyle.Chinese : DateStyle.Iso,
                PageSize = 20,
                Columns = columns,
                Messages = GoodMessages(),
                GuideLacks = GoodGuides(),
                Misspellings = i % 10 == 3 ? ["中华人民共合国"] : [],
                BrokenInternal = i % 10 == 5 ? 2 : 0,
                BrokenExternal = i % 10 == 7 ? 1 : 0,
            });
        }
        return sites;
    }

    /// <summary>A big site for the bench: <paramref name="pages"/> article pages spread over 20 columns.</summary>
    public static FarmSite Big(int pages)
    {
        var per = Math.Max(1, pages / 20);
        var columns = new List<FarmColumn>();
        string[] names = ["要闻动态", "工作动态", "部门动态", "政务要闻", "通知公告", "公示公告", "政策文件", "规范性文件", "政策解读", "人事信息",
            "规划计划", "专题专栏", "县区动态", "媒体关注", "图片新闻", "视频新闻", "统计数据", "财政资金", "重点领域", "民生实事"];
        for (var c = 0; c < 20; c++)
        {
            var type = c switch { < 4 or 12 or 13 or 14 or 15 => "news", 4 or 5 => "notice", 6 or 7 => "policy", 8 => "interpretation", 9 => "personnel", 10 => "planning", _ => "other" };
            // Spacing 0: thousands of items on the same few days keep every date within a year.
            columns.Add(new FarmColumn(names[c], type, per, 1 + c % 5, 0));
        }
        return new FarmSite
        {
            Slug = "big",
            Name = "江川省人民政府（压力测试）",
            Code = "9900009999",
            Layout = FarmLayout.Classic,
            Dates = DateStyle.Iso,
            PageSize = 20,
            Columns = columns,
            BrokenInternal = 10,
            BrokenExternal = 10,
            OffsiteChannel = true,
        };
    }
}
