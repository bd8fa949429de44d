namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// The 48 sites of the second farm: clean sites, and for every veto of domain.md sites that fail
/// it and near misses that must pass it. Expected results come from Inspector reading these models.
/// </summary>
public static class Catalogue
{
    public static readonly DateOnly AsOf = new(2026, 12, 1);

    private const string Unreachable = "site_unreachable";
    private const string HomeStale = "homepage_stale";
    private const string Stale = "columns_stale";
    private const string Empty = "columns_empty";
    private const string Serious = "serious_error";
    private const string Interaction = "interaction_unresponsive";
    private const string Services = "service_guide_incomplete";

    public static List<SiteModel> Sites()
    {
        var d = AsOf;
        SiteBuilder P(string slug, string name, string code, Layout layout) => SiteBuilder.Portal(slug, name, name[..3], code, layout, d);
        SiteBuilder D(string slug, string name, string code, Layout layout) => SiteBuilder.Department(slug, name, name[..3], code, layout, d);

        return
        [
            // ---- clean sites: every rule met, no broken link; single pages, entry pages, old
            // never-stale columns, share links, service-hall links and correct long expressions ----
            P("qingshi", "青石县人民政府", "3311270001", Layout.Trs)
                .Guides(10, GuideShape.Bracket)
                .Purpose("clean TRS portal, noscript pager", Empty, Services).Build(),
            P("yunling", "云岭市人民政府门户网站", "5301810001", Layout.Jcms)
                .Synonyms().Guides(8, GuideShape.Colon)
                .Set(s => { s.Letters = LetterStyle.Jact; s.HomeMonthDay = true; s.RootRedirects = true; })
                .Purpose("clean JCMS portal, homepage dates as MM-dd, guide synonyms", HomeStale, Services).Build(),
            P("meijiang", "梅江区人民政府", "4414020001", Layout.Gkmlpt)
                .NoticesInCatalogue().Guides(8, GuideShape.Table)
                .NearMiss("持续加强市场监督管理领域信用监管，推动形成公平竞争的市场环境。", "工作动态", 1)
                .Purpose("clean gkmlpt portal, catalogue and request entry pages", Empty, Serious).Build(),
            D("linchuan", "临川县统计局", "3610260003", Layout.Table)
                .Set(s => s.Charset = Charset.GbkMeta)
                .Purpose("clean old table department without services, GBK declared in meta", Services).Build(),
            D("anping", "安平市教育局", "1311310012", Layout.Html5)
                .Guides(5, GuideShape.DefinitionList)
                .Set(s => { s.Base = "/bm/jyj/"; s.SharedHost = 0; s.Letters = LetterStyle.DetailOnly; })
                .Purpose("clean HTML5 department under a shared host's path", Interaction).Build(),
            D("nanhu", "南湖市市场监督管理局", "3304020021", Layout.DlSpan)
                .Guides(6, GuideShape.Headings)
                .NearMiss("持续加强市场监督管理领域信用监管，推动形成公平竞争的市场环境。", "工作动态", 0)
                .NearMiss("全市市场监督管理领域共查办案件312件，同比下降6.2%。", "通知公告", 1)
                .NearMiss("依据《中华人民共和国食品安全法》和《中华人民共和国行政处罚法》有关规定，依法从严查处。", "政策文件", 0)
                .Set(s => s.Charset = Charset.GbkHeader)
                .Purpose("clean dl department, 市场监督管理领域 in text, GBK declared in the header", Serious).Build(),
            P("baixi", "白溪县人民政府", "3502030001", Layout.Kpy)
                .Guides(8, GuideShape.Tabs)
                .Set(s => { s.Letters = LetterStyle.DetailOnly; s.Column("领导信息").Kind = ColumnKind.LeaderList; })
                .Purpose("clean 开普云 portal, guides split over tabs, leader list", Services, Empty).Build(),
            D("jiangkou", "江口县卫生健康局", "5206210015", Layout.Trs)
                .DatesAt(DatePlace.Url).Synonyms().Guides(5, GuideShape.Bracket)
                .Set(s => { s.Charset = Charset.GbkNone; s.Base = "/sites/wjj/"; s.SharedHost = 1; s.Variant = true; })
                .Purpose("clean TRS department, dates only in URLs, GBK undeclared, plain pager links", Stale).Build(),
            D("tonglin", "桐林市人力资源和社会保障局", "4307030009", Layout.Jcms)
                .DatesAt(DatePlace.Detail).Guides(6, GuideShape.Colon)
                .Set(s => { s.Letters = LetterStyle.Jact; s.HomeMonthDay = true; })
                .Purpose("clean JCMS department, dates only on detail pages", Stale).Build(),
            P("beitang", "北塘区人民政府", "3202130001", Layout.Html5)
                .Guides(5, GuideShape.Tabs).Guides(4, GuideShape.Headings)
                .Set(s => { s.Letters = LetterStyle.DetailOnly; s.Variant = true; })
                .Purpose("clean HTML5 portal, list dates 11月3日 with datetime", Services).Build(),

            // ---- availability ----
            P("xiling", "西岭县人民政府", "3311280001", Layout.Trs)
                .Set(s => s.Reach = Reach.Refused).Purpose("nothing listens").Build(),
            D("shimen", "石门县水利局", "4307260011", Layout.Table)
                .Set(s => s.Reach = Reach.Down).Purpose("503 on every request").Build(),
            P("dongchuan", "东川区人民政府", "5301130001", Layout.Html5)
                .Set(s => s.Reach = Reach.Reset).Purpose("connection closed without an answer").Build(),
            P("changning", "长宁县人民政府", "5115240001", Layout.Jcms)
                .Guides(6, GuideShape.Colon)
                .Break("要闻动态", 4, BrokenKind.MissingImage, "picture/0/s2611041530123456.jpg")
                .Break("通知公告", 2, BrokenKind.ExternalGone, "/gone/2019/tzgg_0315.html")
                .Set(s => { s.HomeDelayMs = 2000; s.Letters = LetterStyle.Jact; s.HomeMonthDay = true; })
                .Purpose("homepage takes 2 s", Unreachable).Build(),
            D("pinghu", "平湖市自然资源和规划局", "3304820013", Layout.DlSpan)
                .Guides(4, GuideShape.Table)
                .Break("政策文件", 1, BrokenKind.ExternalRemoved, "/old/zt2018/index.html")
                .Break("工作动态", 6, BrokenKind.MissingPage, "content/1999/88.html")
                .Set(s => { s.PageDelayMs = 120; s.Charset = Charset.GbkMeta; s.Variant = true; })
                .Purpose("every page takes 120 ms", Unreachable).Build(),

            // ---- homepage freshness ----
            P("gaoping", "高坪县人民政府", "3311290001", Layout.Trs)
                .Dated("要闻动态", 26).Dated("通知公告", 60).Dated("工作动态", 30)
                .Guides(8, GuideShape.Bracket)
                .BreakHome(BrokenKind.MissingImage, "images/2026/W020260315_ad.jpg")
                .Break("工作动态", 3, BrokenKind.ExternalGone, "/gone/gaoping/gzdt.html")
                .Purpose("homepage newest date 26 days old").Build(),
            D("liuxi", "柳溪县交通运输局", "4310260019", Layout.Table)
                .Dated("工作动态", 29).Dated("通知公告", 45)
                .BreakHome(BrokenKind.ServerError, "cgi-bin/counter.asp?id=3")
                .Set(s => { s.Charset = Charset.GbkNone; s.HomeMonthDay = true; })
                .Purpose("homepage newest date 29 days old, shown as MM-dd, GBK undeclared").Build(),
            P("qinghe", "清河区人民政府", "1301040001", Layout.Kpy)
                .Dated("要闻动态", 18).Dated("通知公告", 25)
                .Guides(8, GuideShape.Tabs)
                .Break("通知公告", 0, BrokenKind.MissingAttachment, "uploadfiles/2026/11/附件1.xlsx")
                .Set(s => s.Letters = LetterStyle.DetailOnly)
                .Purpose("homepage newest date 18 days old while unshown columns are fresh").Build(),
            P("yuanan", "远安县人民政府", "4205250001", Layout.Html5)
                .Dated("要闻动态", 10).Dated("通知公告", 40)
                .Guides(8, GuideShape.DefinitionList)
                .Break("要闻动态", 2, BrokenKind.ExternalDead, "/xxgk/2020/")
                .Set(s => { s.HomeRelative = true; s.Letters = LetterStyle.DetailOnly; })
                .Purpose("homepage newest date 10 days old shown as 10天前", HomeStale).Build(),
            D("jinsha", "金沙县农业农村局", "5205230014", Layout.DlSpan)
                .Dated("政策解读", 200).OnHome("政策解读").First("政策解读").OnHome("通知公告", false)
                .Break("工作动态", 1, BrokenKind.MissingPage, "channel/9999.html")
                .Purpose("homepage's first block is old, a later block fresh", HomeStale).Build(),

            // ---- column freshness ----
            P("huangcun", "黄村县人民政府", "3604240001", Layout.Trs)
                .Dated("工作动态", 40).Dated("部门动态", 35).Dated("通知公告", 300).Dated("政策文件", 260).Dated("规范性文件", 400)
                .Guides(8, GuideShape.Bracket)
                .BreakFooter(BrokenKind.ExternalGone, "/gone/huangcun-old/")
                .Purpose("5 stale news/notice/policy columns, dates in lists").Build(),
            P("liantang", "莲塘区人民政府", "4401140001", Layout.Gkmlpt)
                .NoticesInCatalogue()
                .Dated("通知公告", 250).Dated("政策文件", 300).Dated("规范性文件", 500).Dated("工作动态", 45).Dated("部门动态", 60)
                .DatesAt(DatePlace.Detail, "工作动态", "部门动态")
                .Guides(8, GuideShape.Table)
                .Break("政策文件", 1, BrokenKind.MissingPage, "gkmlpt/content/0/1234/post_1234.html")
                .Purpose("5 stale columns, 3 nested in the disclosure catalogue, 2 dated only on detail pages").Build(),
            P("fenglin", "枫林县人民政府", "3309210001", Layout.Jcms)
                .List("公示公告", "gsgg", 240, 6, null)
                .Dated("工作动态", 50).Dated("部门动态", 33).Dated("通知公告", 200).Dated("政策文件", 400)
                .DatesAt(DatePlace.Url).Guides(8, GuideShape.Colon)
                .Break("要闻动态", 1, BrokenKind.MissingImage, "picture/0/2611281022334455.jpg")
                .Set(s => { s.Letters = LetterStyle.Jact; s.HomeMonthDay = true; })
                .Purpose("5 stale columns dated only in /art/2026/11/3/ URLs").Build(),
            P("anyuan", "安远县人民政府", "3607260001", Layout.Html5)
                .Dated("工作动态", 28).Dated("部门动态", 40).Dated("通知公告", 220).Dated("政策文件", 300).Dated("人事信息", 500).Dated("规划计划", 600)
                .Guides(8, GuideShape.Headings)
                .Break("通知公告", 1, BrokenKind.ExternalGone, "/gone/anyuan/notice.html")
                .Break("人事信息", 0, BrokenKind.MissingPage, "zwgk/rsxx/2019.html")
                .Set(s => s.Letters = LetterStyle.DetailOnly)
                .Purpose("4 stale news/notice/policy + 2 stale personnel/planning", Stale).Build(),
            D("wuling", "武陵县财政局", "4307030021", Layout.Table)
                .Dated("通知公告", 150).Dated("政策文件", 160).Dated("人事信息", 330).Dated("规划计划", 300).Dated("政策解读", 900).Dated("财政资金", 700)
                .List("统计数据", "tjsj", 40, 4).List("专题专栏", "ztzl", 90, 3, null).List("建议提案", "jyta", 100, 3)
                .Emptied("统计数据", EmptyStyle.NoInfoText).Emptied("专题专栏", EmptyStyle.ZeroCount).Emptied("建议提案", EmptyStyle.NoInfoText)
                .Break("通知公告", 0, BrokenKind.MissingAttachment, "uploadfiles/2026/fj1.xls")
                .Set(s => { s.Charset = Charset.GbkMeta; s.Base = "/bm/czj/"; s.SharedHost = 0; })
                .Purpose("old but within their limits; 3 empty columns", Stale, Empty).Build(),

            // ---- empty columns ----
            P("shuanghe", "双河县人民政府", "4127220001", Layout.Trs)
                .List("应急管理", "yjgl", 60, 3).List("重大项目", "zdxm", 60, 3).List("建议提案", "jyta", 60, 3)
                .Emptied("统计数据", EmptyStyle.NoInfoText).Emptied("财政资金", EmptyStyle.EmptyContainer).Emptied("应急管理", EmptyStyle.NoDataText)
                .Emptied("重大项目", EmptyStyle.ZeroCount).Emptied("建议提案", EmptyStyle.NoInfoText)
                .Guides(8, GuideShape.Bracket)
                .BreakHome(BrokenKind.ExternalRemoved, "/old/shuanghe-zt/")
                .Break("要闻动态", 5, BrokenKind.MissingPage, "ywdt/201905/t20190512_123.html")
                .Purpose("5 empty lists").Build(),
            D("longquan", "龙泉市发展和改革局", "3311810022", Layout.Jcms)
                .List("统计数据", "tjsj", 40, 3).List("重大项目", "zdxm", 60, 3).List("专题专栏", "ztzl", 90, 3, null).List("建议提案", "jyta", 60, 3)
                .Emptied("政策解读", EmptyStyle.NoInfoText).Emptied("财政资金", EmptyStyle.NoInfoText).Emptied("统计数据", EmptyStyle.NoInfoText)
                .Emptied("重大项目", EmptyStyle.NoInfoText).Emptied("专题专栏", EmptyStyle.NoInfoText).Emptied("建议提案", EmptyStyle.NoInfoText)
                .Guides(4, GuideShape.Colon)
                .Break("工作动态", 2, BrokenKind.MissingImage, "picture/0/2610151200112233.jpg")
                .Set(s => { s.Letters = LetterStyle.Jact; s.HomeMonthDay = true; })
                .Purpose("6 empty datastore lists").Build(),
            D("qingshan", "青山县应急管理局", "4210230016", Layout.Table)
                .List("统计数据", "tjsj", 40, 3).List("专题专栏", "ztzl", 90, 3, null).List("建议提案", "jyta", 60, 3)
                .Emptied("统计数据", EmptyStyle.NoInfoText).Emptied("财政资金", EmptyStyle.NoInfoText).Emptied("政策解读", EmptyStyle.ZeroCount)
                .Emptied("专题专栏", EmptyStyle.NoInfoText).Emptied("建议提案", EmptyStyle.ZeroCount)
                .Break("工作动态", 4, BrokenKind.ExternalGone, "/gone/qingshan/yjgl.html")
                .Set(s => { s.Charset = Charset.GbkHeader; s.Variant = true; })
                .Purpose("5 lists saying 没有记录").Build(),
            P("xikou", "溪口县人民政府", "3302830001", Layout.Kpy)
                .List("应急管理", "yjgl", 60, 3).List("建议提案", "jyta", 60, 3)
                .Emptied("统计数据", EmptyStyle.NoInfoText).Emptied("财政资金", EmptyStyle.NoDataText).Emptied("应急管理", EmptyStyle.EmptyContainer).Emptied("建议提案", EmptyStyle.NoInfoText)
                .Guides(8, GuideShape.Tabs)
                .BreakPage("联系我们", BrokenKind.MissingPage, "wzsm/old.html")
                .Set(s => { s.Letters = LetterStyle.DetailOnly; s.Column("领导信息").Kind = ColumnKind.LeaderList; })
                .Purpose("4 empty lists beside single pages and a leader list", Empty).Build(),

            // ---- serious errors ----
            P("fengcheng", "丰城市人民政府", "3609810001", Layout.Html5)
                .Misspell("依据《中华人民共合国行政许可法》和有关规定，进一步规范审批行为。", "中华人民共合国", "工作动态", 3)
                .Guides(8, GuideShape.DefinitionList)
                .Break("工作动态", 5, BrokenKind.MissingImage, "assets/upload/2026/gzdt_05.jpg")
                .Set(s => s.Letters = LetterStyle.DetailOnly)
                .Purpose("中华人民共合国 in an article").Build(),
            D("shaxi", "沙溪县司法局", "4407240017", Layout.DlSpan)
                .Misspell("会议传达学习了全国人民代表大汇有关决议精神。", "全国人民代表大汇", "通知公告", 2)
                .Break("工作动态", 8, BrokenKind.ExternalGone, "/gone/shaxi/pufa.html")
                .Set(s => { s.Charset = Charset.GbkMeta; s.Base = "/sites/sfj/"; s.SharedHost = 1; })
                .Purpose("全国人民代表大汇 in a GBK notice").Build(),
            P("yushan", "玉山县人民政府", "3611230001", Layout.Kpy)
                .Misspell("坚持和发展中国特色社会主意，奋力谱写高质量发展新篇章。", "中国特色社会主意", "政策解读", 1)
                .Guides(8, GuideShape.Tabs)
                .Break("政策解读", 3, BrokenKind.MissingPage, "contents/0/404.html")
                .Set(s => s.Letters = LetterStyle.DetailOnly)
                .Purpose("中国特色社会主意 in an interpretation").Build(),
            D("hekou", "河口市生态环境局", "5325320018", Layout.Trs)
                .NearMiss("深入推进生态环境领域突出问题整改，持续改善区域生态环境质量。", "工作动态", 0)
                .NearMiss("全国人民代表大会常务委员会执法检查组来我市开展大气污染防治法执法检查。", "工作动态", 2)
                .NearMiss("按照《中华人民共和国环境保护法》《中华人民共和国大气污染防治法》要求，严格落实排污许可制度。", "政策文件", 1)
                .Guides(5, GuideShape.Bracket)
                .Break("工作动态", 6, BrokenKind.ExternalGone, "/gone/hekou/hbdc.html")
                .Break("政策文件", 2, BrokenKind.MissingAttachment, "uploadfiles/2026/附件2.docx")
                .Purpose("生态环境领域 and long correct expressions", Serious).Build(),

            // ---- interaction ----
            D("honghe", "红河县住房和城乡建设局", "5325290020", Layout.Table)
                .Letter(146, null, "未回复").LetterPageSize(5)
                .Break("工作动态", 3, BrokenKind.ExternalGone, "/gone/honghe/zjj.html")
                .Set(s => s.Charset = Charset.GbkMeta)
                .Purpose("a letter of 2026-07-08 unanswered, on the second page of the mailbox").Build(),
            P("songlin", "松林县人民政府", "5223250001", Layout.Jcms)
                .Letter(169, null, "办理中")
                .Guides(8, GuideShape.Colon)
                .Break("工作动态", 2, BrokenKind.MissingPage, "col/col9999/index.html")
                .Set(s => { s.Letters = LetterStyle.Jact; s.HomeMonthDay = true; })
                .Purpose("a letter 办理中 since 2026-06-15").Build(),
            P("baima", "白马县人民政府", "4113210001", Layout.Kpy)
                .Letter(195, null, "未回复")
                .Guides(8, GuideShape.Tabs)
                .Break("要闻动态", 7, BrokenKind.MissingImage, "static/upload/2026/ywdt07.jpg")
                .Set(s => s.Letters = LetterStyle.DetailOnly)
                .Purpose("a letter unanswered since 2026-05-20, its state only on its own page").Build(),
            D("changhu", "长湖县退役军人事务局", "4309210023", Layout.DlSpan)
                .NoChannel()
                .Break("通知公告", 1, BrokenKind.MissingPage, "content/0/1.html")
                .Purpose("no mailbox or other channel").Build(),
            D("donghu", "东湖区文化和旅游局", "3601020024", Layout.Html5)
                .MailboxMissing().Guides(4, GuideShape.Headings)
                .Purpose("the mailbox link leads to a 404").Build(),
            P("nanshan", "南山县人民政府", "4403050001", Layout.Trs)
                .Letter(274, 171, "已办结").Letter(40, null, "办理中").Letter(407, null, "未回复").Letter(21, null, "待处理")
                .Guides(8, GuideShape.Bracket)
                .Break("部门动态", 2, BrokenKind.ExternalGone, "/gone/nanshan/bm.html")
                .Purpose("answered late, 办理中 40 days, unanswered from 407 days ago", Interaction).Build(),
            P("baofeng", "宝丰区人民政府", "4104210001", Layout.Gkmlpt)
                .NoticesInCatalogue().MailboxOffSite().Guides(8, GuideShape.Table)
                .Break("部门动态", 1, BrokenKind.MissingPage, "bmdt/content/post_1.html")
                .Purpose("the mailbox is the city's unified platform, off-site", Interaction).Build(),
            D("qingshui", "清水县民政局", "6205210025", Layout.Table)
                .MailboxForm().Guides(5, GuideShape.Table)
                .Break("工作动态", 2, BrokenKind.MissingImage, "images/upload/mzj_2026.jpg")
                .Set(s => { s.Base = "/bm/mzj/"; s.SharedHost = 0; })
                .Purpose("a mailbox form without published letters", Interaction).Build(),

            // ---- services ----
            P("datian", "大田县人民政府", "3504250001", Layout.Trs)
                .Guides(4, GuideShape.Bracket).Guides(3, GuideShape.Bracket, 4).Guides(3, GuideShape.Bracket, 5)
                .Break("要闻动态", 9, BrokenKind.MissingPage, "bsfw/bszn/old.html")
                .Purpose("6 guides lacking 4 or 5 elements").Build(),
            P("sanjiang", "三江县人民政府", "4502260001", Layout.Table)
                .Guides(3, GuideShape.Table).Guides(5, GuideShape.Table, 4, timeLimitInsteadOfHours: true)
                .Break("通知公告", 3, BrokenKind.ExternalGone, "/gone/sanjiang/bszn.html")
                .Set(s => s.Charset = Charset.GbkMeta)
                .Purpose("5 guides lacking 3 elements and 办理时间 (办理时限 written instead)").Build(),
            P("anning", "安宁县人民政府", "5301810002", Layout.Jcms)
                .NoServices()
                .Break("要闻动态", 3, BrokenKind.MissingImage, "picture/0/2611200901020304.jpg")
                .Set(s => { s.Letters = LetterStyle.Jact; s.HomeMonthDay = true; })
                .Purpose("a portal without any service").Build(),
            P("liuhe", "六合县人民政府", "3201160001", Layout.Kpy)
                .Guides(3, GuideShape.Tabs).Guides(5, GuideShape.Tabs, 4)
                .Break("部门动态", 0, BrokenKind.ExternalRemoved, "/old/liuhe/bm.html")
                .Set(s => s.Letters = LetterStyle.DetailOnly)
                .Purpose("5 tabbed guides lacking 4 elements").Build(),
            P("wangjiang", "望江县人民政府", "3408270001", Layout.Html5)
                .Guides(6, GuideShape.DefinitionList).Guides(4, GuideShape.DefinitionList, 5)
                .Break("工作动态", 1, BrokenKind.MissingPage, "gzdt/999.html")
                .Set(s => s.Letters = LetterStyle.DetailOnly)
                .Purpose("4 guides lacking 5 elements (under the threshold of 5)", Services).Build(),
            P("qingtian", "青田县人民政府", "3311210001", Layout.DlSpan)
                .Guides(2, GuideShape.DefinitionList).Guides(7, GuideShape.DefinitionList, 3)
                .Break("通知公告", 2, BrokenKind.ExternalGone, "/gone/qingtian/gg.html")
                .Purpose("7 guides lacking 3 elements each", Services).Build(),
            P("meilin", "梅林区人民政府", "4414030001", Layout.Gkmlpt)
                .NoticesInCatalogue().ServicesInHallOnly()
                .Break("要闻动态", 2, BrokenKind.MissingImage, "ywdt/content/img/2611.jpg")
                .Purpose("办事服务 leads to the province's service hall", Services).Build(),
        ];
    }
}
