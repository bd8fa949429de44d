using GovSite.Rules;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// The 33 sites of the third farm. Dates count back from the as-of date with wide margins
/// around every threshold (14, 183 and 365 days; 92 and 365 days for letters), so the
/// expected result never hangs on an off-by-one reading of a rule.
/// </summary>
public static class Farm3Catalogue
{
    // Misspelt state expressions, one per placement the holdout asks for.
    public const string ErrorInTitle = "中华人民共合国";
    public const string ErrorInAlt = "全国人民代标大会";
    public const string ErrorInPdfLink = "中华人民共合国";
    public const string ErrorInBody = "习近平新时代中国特色社会主意思想";

    public static List<Farm3Site> Sites(DateOnly asOf) =>
    [
        // ---- clean sites: no veto, near misses of every kind ----
        Yunxi(asOf), Qinghe(asOf), MeilingEducation(asOf), BaishaResources(asOf), DevelopmentZone(asOf), Anping(asOf),
        MarketRegulation(asOf), Statistics(asOf), Shiling(asOf), QingheHealth(asOf), MeilingJustice(asOf),
        // ---- one veto each ----
        Unreachable(asOf), Maintenance(asOf), Archives(asOf), NotRepublished(asOf), TradingCentre(asOf),
        StaleTrs(asOf), StaleJcms(asOf), StaleFrames(asOf), EmptyJcms(asOf), EmptyHtml5(asOf), EmptyFrames(asOf),
        ErrorTitle(asOf), ErrorAlt(asOf), ErrorPdf(asOf), ErrorBody(asOf),
        UnansweredJact(asOf), InProgressInteract(asOf), PendingGuestbook(asOf), BrokenMailbox(asOf),
        GuidesTimeLimit(asOf), GuidesSparse(asOf), NoServices(asOf),
    ];

    /// <summary>Builds one site's columns, letters and guides with its own deterministic filler.</summary>
    private sealed class Builder(string slug, string unit, DateOnly asOf)
    {
        public Farm3Text Text { get; } = new(Farm3Text.Seed(slug));
        public List<Column3> Columns { get; } = [];
        public List<Letter3> Letters { get; } = [];
        public List<Guide3> Guides { get; } = [];
        private int _id = 40000 + Farm3Text.Seed(slug) % 40000 * 10;
        private int _letterId = 1000;

        public DateOnly Ago(int days) => asOf.AddDays(-days);

        /// <summary>A list column: <paramref name="count"/> items, the newest <paramref name="latestAgo"/> days ago.</summary>
        public Column3 List(string key, string name, ColumnType3 type, int latestAgo, int count = 9, int minGap = 2, int maxGap = 9,
            DatePlace dates = DatePlace.List, bool home = false, bool disclosure = false, bool iframe = false, int pageSize = 8,
            Action<List<Item3>>? edit = null)
        {
            var items = Text.Items(type, unit, Ago(latestAgo), count, minGap, maxGap, ref _id);
            edit?.Invoke(items);
            return Add(new Column3
            {
                Key = key, Name = name, Type = type, Items = items, Dates = dates, OnHome = home, InDisclosure = disclosure,
                InIframe = iframe, PageSize = pageSize,
            });
        }

        public Column3 Empty(string key, string name, string? text, bool disclosure = false, bool iframe = false) =>
            Add(new Column3 { Key = key, Name = name, EmptyText = text, InDisclosure = disclosure, InIframe = iframe });

        public Column3 Single(string key, string name, string? text = null, bool disclosure = false) =>
            Add(new Column3 { Key = key, Name = name, Kind = ColumnKind3.SinglePage, Type = ColumnType3.Overview, Text = text, InDisclosure = disclosure });

        public Column3 Catalogue(string name = "政务公开") =>
            Add(new Column3 { Key = "zwgk", Name = name, Kind = ColumnKind3.CatalogueEntry, Type = ColumnType3.Disclosure });

        public Column3 Request() =>
            Add(new Column3 { Key = "ysqgk", Name = "依申请公开", Kind = ColumnKind3.RequestEntry, Type = ColumnType3.Disclosure, InDisclosure = true });

        public Column3 SiteMap() => Add(new Column3 { Key = "wzdt", Name = "网站地图", Kind = ColumnKind3.SiteMap, Type = ColumnType3.Other });

        public Column3 LetterBox(string name = "领导信箱") => Add(new Column3 { Key = "hdjl", Name = name, Kind = ColumnKind3.Letters, Type = ColumnType3.Interaction });

        public Column3 GuideList(string name = "办事指南") => Add(new Column3 { Key = "bszn", Name = name, Kind = ColumnKind3.Guides, Type = ColumnType3.Service });

        public Column3 OffSite(string name, ExternalTarget target) =>
            Add(new Column3 { Key = "ext" + Columns.Count, Name = name, Kind = ColumnKind3.OffSite, Type = ColumnType3.Other, Target = target });

        private Column3 Add(Column3 column)
        {
            Columns.Add(column);
            return column;
        }

        /// <summary>The pages every site has that are not columns.</summary>
        public void Pages(string? contactText = null)
        {
            Single("ldxx", "领导信息");
            Single("lxwm", "联系我们", contactText);
            Single("wzsm", "网站声明");
            SiteMap();
        }

        /// <summary>Letters answered within days (never after the as-of date), spread over the last ten months.</summary>
        public void Answered(int count, int firstAgo = 6)
        {
            string[] titles = ["关于小区路灯不亮的问题", "咨询孩子入学报名事宜", "反映道路积水问题", "关于社保转移的咨询", "农村宅基地审批咨询",
                "关于夜间施工噪音的投诉", "咨询公积金提取流程", "关于公交站台设置的建议", "反映菜市场环境卫生问题", "咨询残疾人补贴申领"];
            for (var i = 0; i < count; i++)
            {
                var received = Ago(firstAgo + i * 27);
                var replied = received.AddDays(Text.Next(2, 9));
                Letters.Add(new Letter3(_letterId++, titles[i % titles.Length], received, replied < asOf ? replied : asOf.AddDays(-1), i % 2 == 0 ? "已办结" : "已回复"));
            }
        }

        public void Letter(string title, int receivedAgo, int? repliedAgo, string status) =>
            Letters.Add(new Letter3(_letterId++, title, Ago(receivedAgo), repliedAgo is { } r ? Ago(r) : null, status));

        /// <summary>A guide with exactly the labels given, in that order.</summary>
        public void Guide(string name, GuideShape shape, params string[] labels)
        {
            var fields = labels.Select(label => new GuideField(label, Value(label, name), TabOf(label))).ToList();
            Guides.Add(new Guide3(_letterId++ + 7000, name, shape, fields));
        }

        /// <summary>All ten elements, under their plain names or the synonyms inspectors accept.</summary>
        public void CompleteGuides(GuideShape shape, int count, bool synonyms = false, bool timeLimit = true)
        {
            for (var i = 0; i < count; i++)
            {
                var labels = new List<string>
                {
                    "事项名称", "设定依据", synonyms ? "受理条件" : "申请条件", synonyms ? "申请材料" : "办理材料", "办理地点", "办理机构",
                    synonyms ? "收费依据及标准" : "收费标准", "办理时间", synonyms ? (i % 2 == 0 ? "咨询电话" : "联系方式") : "联系电话", "办理流程",
                };
                if (timeLimit)
                {
                    labels.Insert(8, "办理时限");
                }
                Guide(ServiceNames[i % ServiceNames.Length], shape, [.. labels]);
            }
        }

        public static readonly string[] ServiceNames =
        [
            "个体工商户设立登记", "食品经营许可", "城乡居民养老保险参保登记", "最低生活保障审批", "建筑工程施工许可",
            "公共场所卫生许可", "林木采伐许可", "取水许可", "民办学校设立审批", "临时救助申请",
        ];

        private static int TabOf(string label) => label switch
        {
            "申请条件" or "受理条件" or "办理材料" or "申请材料" => 2,
            "办理流程" => 3,
            _ => 1,
        };

        private string Value(string label, string name) => label switch
        {
            "事项名称" => name,
            "设定依据" => "《" + Text.Pick(["行政许可法", "社会救助暂行办法", "食品经营许可管理办法", "城乡规划法"]) + "》有关条款",
            "申请条件" or "受理条件" => "申请人具有完全民事行为能力，申请材料齐全、符合法定形式。",
            "办理材料" or "申请材料" => "1.申请表；2.申请人身份证明；3.有关证明文件。",
            "办理地点" => "县行政服务中心二楼综合窗口",
            "办理机构" => unit,
            "收费标准" or "收费依据及标准" => "不收费",
            "办理时间" => "工作日上午8:30-12:00，下午14:30-17:30（法定节假日除外）",
            "联系电话" or "咨询电话" or "联系方式" => $"0571-8{Farm3Text.Seed(slug) % 1000000:000000}",
            "办理流程" => "申请、受理、审查、决定、送达。",
            "办理时限" => "承诺办结时限5个工作日",
            "事项类型" => "行政许可",
            _ => "详见有关规定。",
        };
    }

    private static Farm3Site Site(Builder b, string slug, string name, string code, Farm3Layout layout, string plants,
        Charset3 charset = Charset3.Utf8, string? cluster = null, string prefix = "/", Availability3 availability = Availability3.Up,
        Channel3 channel = Channel3.Board, Services3 services = Services3.Guides, DateOnly? homeCutoff = null, string bannerAlt = "",
        List<Item3>? homeNotices = null, List<FriendLink>? friends = null, bool missingTemplateImage = false, bool metaRefresh = false,
        List<string>? errors = null) => new()
    {
        Slug = slug, Name = name, Code = code, Layout = layout, Plants = plants, Charset = charset, Cluster = cluster, Prefix = prefix,
        Availability = availability, Columns = b.Columns, Letters = b.Letters, Guides = b.Guides, Channel = channel, Services = services,
        HomeCutoff = homeCutoff, BannerAlt = bannerAlt, HomeNotices = homeNotices ?? [], FriendLinks = friends ?? [],
        MissingTemplateImage = missingTemplateImage, MetaRefreshHome = metaRefresh, SeriousErrors = errors ?? [],
    };

    private static void Edit(List<Item3> items, int index, Func<Item3, Item3> change) => items[index] = change(items[index]);

    // The usual columns of a department: news and notices (unless the site has its own), the disclosure catalogue with its sub-columns.
    private static void Department(Builder b, string catalogue = "信息公开", bool lists = true)
    {
        if (lists)
        {
            b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 10, home: true);
            b.List("tzgg", "通知公告", ColumnType3.Notice, 20, minGap: 8, maxGap: 25, home: true);
        }
        b.Catalogue(catalogue);
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 45, count: 7, minGap: 15, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 90, count: 5, minGap: 30, maxGap: 60, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 150, count: 4, minGap: 60, maxGap: 120, disclosure: true);
        b.Request();
    }

    // ================= clean sites =================

    private static Farm3Site Yunxi(DateOnly asOf)
    {
        var b = new Builder("yunxi", "云溪县", asOf);
        b.List("ywdt", "要闻动态", ColumnType3.News, 1, count: 12, home: true, edit: items =>
        {
            Edit(items, 2, i => i with
            {
                Title = "县司法局组织学习行政复议法",
                Body = "<p>近日，县司法局组织学习《中华<span class=\"hl\">人民共和国</span>行政复议法》，进一步提升依法行政水平。</p><p>会议要求，要把学习成果转化为推动工作的实际行动。</p>",
            });
            Edit(items, 4, i => i with { ImageAlt = "会议现场", ImageMissing = true });
        });
        b.List("bmdt", "部门动态", ColumnType3.News, 4, dates: DatePlace.UrlOnly);
        b.List("xzdt", "乡镇动态", ColumnType3.News, 2, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 12, count: 20, minGap: 5, maxGap: 15, home: true);
        b.Catalogue();
        b.Single("gkzn", "政府信息公开指南", disclosure: true);
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 35, count: 10, minGap: 10, maxGap: 30, dates: DatePlace.DetailOnly, disclosure: true);
        b.List("gfxwj", "规范性文件", ColumnType3.Policy, 60, count: 6, minGap: 20, maxGap: 40, dates: DatePlace.UrlOnly, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 70, count: 5, minGap: 30, maxGap: 60, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 200, count: 4, minGap: 60, maxGap: 100, disclosure: true);
        b.List("czyjs", "财政预决算", ColumnType3.Other, 300, count: 4, minGap: 60, maxGap: 90, disclosure: true);
        b.List("ndbg", "政府信息公开年度报告", ColumnType3.Other, 310, count: 3, minGap: 365, maxGap: 366, disclosure: true);
        b.Request();
        b.List("zcjd", "政策解读", ColumnType3.Interpretation, 250, count: 6, minGap: 20, maxGap: 40);
        b.GuideList();
        b.CompleteGuides(GuideShape.Brackets, 8);
        b.LetterBox();
        b.Answered(6);
        b.Letter("关于县城停车难的建议", 200, 90, "已办结");
        b.Letter("咨询城区学校划片范围", 25, null, "办理中");
        b.Letter("反映村道破损问题", 400, null, "未回复");
        b.Pages("<p>地址：云溪县人民政府办公楼</p><p>电话：0571-86010000</p><p>传真：暂无</p><p>电子邮箱：暂无</p>");
        return Site(b, "yunxi", "云溪县人民政府", "3311250001", Farm3Layout.Trs,
            "TRS portal, clean. Near misses: single pages (传真：暂无 in 联系我们), 政府信息公开目录 and 依申请公开 entries, nested disclosure columns "
            + "(dates only on the detail page, only in the URL), old 政策解读 and 财政预决算 (never stale), 中华<span>人民共和国</span> split by a tag, "
            + "letters answered late / 办理中 for 25 days / unanswered for 400 days, 【】 guides with 办理时限 beside 办理时间, weibo share links; one missing article image.",
            homeNotices: [new Item3(90001, "关于2026年冬季供暖有关事项的通告", asOf.AddDays(-5))]);
    }

    private static Farm3Site Qinghe(DateOnly asOf)
    {
        var b = new Builder("qinghe", "青禾县", asOf);
        b.List("ywdt", "要闻动态", ColumnType3.News, 2, count: 12, home: true, edit: items =>
        {
            Edit(items, 1, i => i with
            {
                Title = "县人民代表大会常务委员会调研营商环境工作",
                Body = "<p>根据《中华人民共和国政府信息公开条例》和《中华人民共和国行政许可法》等法律法规，结合本县实际，调研组听取了有关情况汇报。</p><p>十四届全国人民代表大会常务委员会第十次会议审议通过的有关决定，为做好工作提供了遵循。</p>",
            });
        });
        b.List("bmdt", "部门动态", ColumnType3.News, 3, dates: DatePlace.UrlOnly);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 9, minGap: 6, maxGap: 20, home: true);
        b.Catalogue("政府信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 50, count: 8, minGap: 15, maxGap: 30, dates: DatePlace.UrlOnly, disclosure: true);
        b.List("gfxwj", "规范性文件", ColumnType3.Policy, 80, count: 5, minGap: 20, maxGap: 50, disclosure: true);
        b.List("rsrm", "人事任免", ColumnType3.Personnel, 120, count: 5, minGap: 30, maxGap: 70, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 220, count: 3, minGap: 90, maxGap: 120, disclosure: true);
        b.List("zdly", "重点领域信息公开", ColumnType3.Other, 280, count: 4, minGap: 30, maxGap: 60, disclosure: true);
        b.List("ndbg", "政府信息公开年度报告", ColumnType3.Other, 305, count: 3, minGap: 365, maxGap: 366, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Table, 7, synonyms: true);
        b.LetterBox();
        b.Answered(7);
        b.Letter("关于老旧小区改造的建议", 200, 100, "已办结");
        b.Single("jggk", "机构概况");
        b.Single("ldxx", "领导信息");
        b.Single("lxwm", "联系我们");
        b.Single("wzsm", "网站声明");
        return Site(b, "qinghe", "青禾县人民政府", "3311260001", Farm3Layout.Jcms,
            "大汉 JCMS portal, clean, UTF-8 in the header only. Near misses: 中华人民共和国 and 全国人民代表大会常务委员会 inside long sentences, "
            + "县人民代表大会常务委员会 in a title, dates only in /art/2026/11/3/ URLs, tables of guides with synonyms (受理条件, 申请材料, 收费依据及标准, 咨询电话, 联系方式), "
            + "a letter answered after 100 days; one 友情链接 to a page the province removed.",
            charset: Charset3.Utf8HeaderOnly,
            friends: [new FriendLink("省政府信息公开专栏（旧版）", ExternalTarget.ProvincePortal, "/gone/2019/zwgk.html")]);
    }

    private static Farm3Site MeilingEducation(DateOnly asOf)
    {
        var b = new Builder("meiling-jyj", "梅岭县教育局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 2, count: 12, home: true, edit: items => Edit(items, 1, i => i with { Missing = true }));
        b.List("tzgg", "通知公告", ColumnType3.Notice, 15, count: 11, minGap: 5, maxGap: 20, home: true);
        b.List("zsks", "招生考试", ColumnType3.Other, 6, count: 6);
        b.Empty("xxfc", "学校风采", null);
        b.Empty("ztzl", "专题专栏", "暂无内容");
        b.Catalogue("信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 40, count: 6, minGap: 15, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 100, count: 4, minGap: 30, maxGap: 60, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 130, count: 3, minGap: 60, maxGap: 100, disclosure: true);
        b.Empty("czyjs", "财政预决算", "暂无信息", disclosure: true);
        b.Empty("jytabl", "建议提案办理", "暂无信息", disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Colon, 4);
        for (var i = 0; i < 4; i++)
        {
            // Four guides lack four elements each: one short of the veto.
            b.Guide(Builder.ServiceNames[(i + 4) % 10], GuideShape.Colon, "事项名称", "设定依据", "申请条件", "办理材料", "办理机构", "联系电话");
        }
        b.LetterBox("留言板");
        b.Answered(5);
        b.Letter("咨询教师资格认定时间", 45, null, "办理中");
        b.Letter("反映校车超载问题", 400, null, "未回复");
        b.Letter("关于学校食堂的建议", 30, null, "待处理");
        b.Pages();
        return Site(b, "meiling-jyj", "梅岭县教育局", "3311270012", Farm3Layout.AspTable,
            "Old ASP site in GB2312 (http-equiv meta only), navigation only as image alt text, [yyyy-MM-dd] and yyyy/MM/dd dates in &nbsp; cells, "
            + "form/goPage pager beside plain page links. Near misses: 4 empty columns (暂无信息 ×2, 暂无内容, nothing), 4 guides lacking 4 elements, "
            + "a letter 办理中 for 45 days, one unanswered for 400 days, one 待处理 for 30 days. One deleted article still listed.",
            charset: Charset3.Gb2312HttpEquiv);
    }

    private static Farm3Site BaishaResources(DateOnly asOf)
    {
        var b = new Builder("baisha-zrzy", "白沙县自然资源局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 10, minGap: 5, maxGap: 15, dates: DatePlace.YearHeading, home: true, iframe: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 40, count: 10, minGap: 20, maxGap: 40, dates: DatePlace.YearHeading, home: true, iframe: true);
        b.Catalogue("信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 60, count: 6, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsrm", "人事任免", ColumnType3.Personnel, 250, count: 5, minGap: 40, maxGap: 80, dates: DatePlace.YearHeading, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 180, count: 3, minGap: 60, maxGap: 90, dates: DatePlace.DetailOnly, disclosure: true);
        b.Request();
        b.GuideList();
        for (var i = 0; i < 6; i++)
        {
            b.Guide(Builder.ServiceNames[(i + 3) % 10], GuideShape.TabsPages,
                "事项名称", "设定依据", "办理机构", "办理地点", "办理时间", "联系电话", "收费标准", "申请条件", "办理材料", "办理流程");
        }
        b.LetterBox("局长信箱");
        b.Answered(6);
        b.Letter("关于宅基地确权的咨询", 20, null, "办理中");
        b.Pages();
        return Site(b, "baisha-zrzy", "白沙县自然资源局", "3311280021", Farm3Layout.Frames,
            "Dreamweaver site in GBK with no declaration anywhere; image-link navigation (alt text), lists inside iframes, 11月03日 dates under year headings "
            + "(the homepage too, newest 3 days old), bare-image 'more' links. Near misses: guides split over ?tab=1..3 pages (complete), 人事任免 250 days old (fresh), "
            + "规划计划 dated only on the detail page. One 友情链接 to a site that no longer answers.",
            charset: Charset3.GbkUndeclared,
            friends: [new FriendLink("原白沙县国土资源局网站", ExternalTarget.DeadHost, "/index.htm")]);
    }

    private static Farm3Site DevelopmentZone(DateOnly asOf)
    {
        var b = new Builder("kfq", "云溪经济开发区", asOf);
        b.List("yqdt", "园区动态", ColumnType3.News, 2, count: 9, home: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 4, count: 10, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 25, count: 7, minGap: 10, maxGap: 30, home: true);
        b.List("zsyz", "招商引资", ColumnType3.Other, 150, count: 5, minGap: 30, maxGap: 60);
        b.Catalogue();
        b.Single("gkzn", "政府信息公开指南", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 30, count: 6, minGap: 20, maxGap: 40, dates: DatePlace.DetailOnly, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 200, count: 4, minGap: 40, maxGap: 80, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 300, count: 3, minGap: 90, maxGap: 120, disclosure: true);
        b.Request();
        b.GuideList("办事服务");
        b.CompleteGuides(GuideShape.TabsOnePage, 5);
        b.LetterBox("互动交流");
        b.Answered(5);
        b.Letter("咨询入园企业补贴申报", 60, null, "办理中");
        b.Letter("园区道路限速标志建议", 10, null, "未回复");
        b.Pages();
        return Site(b, "kfq", "云溪经济开发区管理委员会", "3311250102", Farm3Layout.Html5,
            "HTML5 sub-site under /sites/kfq/ with <base href>, <article>/<time datetime>, 开普云 letters (class + text). Near misses: guides in tabs on one page, "
            + "a letter 办理中 for 60 days and one unanswered for 10 days, 规划计划 300 days old (fresh), 招商引资 150 days old (other).",
            cluster: "yunxi-platform", prefix: "/sites/kfq/");
    }

    private static Farm3Site Anping(DateOnly asOf)
    {
        var b = new Builder("anping", "安平县", asOf);
        b.List("zwyw", "政务要闻", ColumnType3.News, 1, count: 10, home: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 10, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 18, count: 8, minGap: 8, maxGap: 25, home: true);
        b.Catalogue();
        b.Single("gkzn", "政府信息公开指南", disclosure: true);
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 40, count: 9, minGap: 10, maxGap: 30, disclosure: true, edit: items =>
            Edit(items, 1, i => i with { Attachments = [new Attachment3("实施方案（全文）.pdf", "P020261020378.pdf", Missing: true)] }));
        b.List("gfxwj", "规范性文件", ColumnType3.Policy, 70, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("zcjd", "政策解读", ColumnType3.Interpretation, 300, count: 5, minGap: 30, maxGap: 60, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 60, count: 5, minGap: 20, maxGap: 50, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 100, count: 4, minGap: 60, maxGap: 90, disclosure: true);
        b.List("ndbg", "政府信息公开年度报告", ColumnType3.Other, 310, count: 3, minGap: 365, maxGap: 366, disclosure: true);
        b.Request();
        b.OffSite("政务服务", ExternalTarget.ServiceHall);
        b.LetterBox("互动交流");
        b.Answered(6);
        b.Letter("关于农贸市场搬迁的意见", 180, 95, "已回复");
        b.Pages();
        return Site(b, "anping", "安平县人民政府", "4415230001", Farm3Layout.Gkmlpt,
            "gkmlpt portal: / redirects to /index.html, 2026.11.25 dates, the catalogue at /gkmlpt/index with table lists and #fragment links. "
            + "Near misses: 政务服务 only in the province's hall (off-site, no guides here), 政策解读 300 days old (never stale), 政府信息公开年度报告, "
            + "a letter answered after 85 days. One missing PDF attachment.",
            charset: Charset3.Utf8HeaderOnly, services: Services3.OffSite);
    }

    private static Farm3Site MarketRegulation(DateOnly asOf)
    {
        var b = new Builder("scjgj", "临江市市场监督管理局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 2, count: 10, home: true, edit: items =>
        {
            Edit(items, 0, i => i with { Title = "城关市场监督管理所开展节前食品安全检查" });
            Edit(items, 2, i => i with
            {
                Title = "我局召开市场监督管理领域信用监管工作会议",
                Body = "<p>会议指出，市场监督管理部门要进一步加强市场监督管理领域信用监管，推动市场监督管理执法规范化。</p><p>各市场监督管理所负责同志参加会议。</p>",
            });
        });
        b.List("jcdt", "基层动态", ColumnType3.News, 5, count: 8);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 14, count: 8, minGap: 8, maxGap: 20, home: true, edit: items =>
            Edit(items, 0, i => i with { Title = "转发国家市场监督管理总局关于开展检验检测机构监督抽查的通知" }));
        b.Catalogue();
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 55, count: 6, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 90, count: 4, minGap: 40, maxGap: 80, dates: DatePlace.UrlOnly, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 160, count: 3, minGap: 60, maxGap: 90, disclosure: true);
        b.List("ssj", "双随机一公开", ColumnType3.Other, 12, count: 6, disclosure: true);
        b.GuideList();
        b.CompleteGuides(GuideShape.Dl, 6);
        b.LetterBox("局长信箱");
        b.Answered(6);
        b.Pages();
        return Site(b, "scjgj", "临江市市场监督管理局", "3310000105", Farm3Layout.DlList,
            "Department sub-site /bm/scjgj/ with ../../ links and 2026年11月3日 dates. Near misses: 市场监督管理所, 市场监督管理领域, 市场监督管理部门, "
            + "国家市场监督管理总局 in titles and text; <dl> guides; 人事信息 dated only in its URLs; a link up to the platform's front page (whose links are not this site's).",
            cluster: "linjiang-bm", prefix: "/bm/scjgj/");
    }

    private static Farm3Site Statistics(DateOnly asOf)
    {
        var b = new Builder("tjj", "临江市统计局", asOf);
        b.List("tjsj", "统计数据", ColumnType3.Other, 4, count: 8, home: true);
        b.List("tjfx", "统计分析", ColumnType3.Other, 9, count: 6, home: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 40, count: 8, minGap: 5, maxGap: 15);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 250, count: 6, minGap: 20, maxGap: 40);
        b.Catalogue();
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 300, count: 5, minGap: 30, maxGap: 60, disclosure: true);
        b.List("gfxwj", "规范性文件", ColumnType3.Policy, 400, count: 4, minGap: 30, maxGap: 60, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 500, count: 3, minGap: 60, maxGap: 90, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 420, count: 3, minGap: 90, maxGap: 120, disclosure: true);
        b.Request();
        b.GuideList();
        for (var i = 0; i < 6; i++)
        {
            // Each lacks three elements (收费标准, 办理时间, 办理流程): incomplete, not enough for the veto.
            b.Guide(Builder.ServiceNames[i], GuideShape.Dl, "事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理机构", "联系电话", "办理时限");
        }
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "tjj", "临江市统计局", "3310000118", Farm3Layout.DlList,
            "Department sub-site /bm/tjj/. Near misses for columns: 6 stale columns, only 4 of them news/notice/policy (工作动态 40 days, 通知公告 250, "
            + "政策文件 300, 规范性文件 400; 人事信息 500, 规划计划 420): no veto. Guides each lack 3 elements (with 办理时限 but no 办理时间): no veto.",
            cluster: "linjiang-bm", prefix: "/bm/tjj/");
    }

    private static Farm3Site Shiling(DateOnly asOf)
    {
        var b = new Builder("shiling", "石岭镇", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 2, count: 10, home: true, edit: items => Edit(items, 3, i => i with { ImageAlt = "活动现场", ImageMissing = true }));
        b.List("tzgg", "通知公告", ColumnType3.Notice, 30, count: 6, minGap: 10, maxGap: 30, home: true);
        b.List("cwgk", "村务公开", ColumnType3.Other, 8, count: 8);
        b.Catalogue();
        b.List("zcwj", "政策文件", ColumnType3.Policy, 70, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 150, count: 3, minGap: 40, maxGap: 80, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Headings, 5);
        b.LetterBox("镇长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "shiling", "石岭镇人民政府", "3311250203", Farm3Layout.Trs,
            "TRS town site whose homepage takes 1.2 s every time (slow but fine). Guides as headings followed by paragraphs. One missing article image.",
            availability: Availability3.Slow);
    }

    private static Farm3Site QingheHealth(DateOnly asOf)
    {
        var b = new Builder("qinghe-wjj", "青禾县卫生健康局", asOf);
        b.List("wjdt", "卫健动态", ColumnType3.News, 2, count: 8);
        b.List("gzdt", "工作动态", ColumnType3.News, 5, count: 10, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 22, count: 7, minGap: 10, maxGap: 30, home: true);
        Department(b, lists: false);
        b.GuideList();
        b.CompleteGuides(GuideShape.Table, 5, timeLimit: false);
        b.LetterBox();
        b.Answered(6);
        b.Single("lxwm", "联系我们");
        b.Single("wzsm", "网站声明");
        return Site(b, "qinghe-wjj", "青禾县卫生健康局", "3311260033", Farm3Layout.Jcms,
            "JCMS department in GBK (<meta charset=gbk> only) whose / and /index.html are a meta refresh to /col/col1/index.html, and whose server refuses HEAD (405). "
            + "Homepage newest date 5 days old.",
            charset: Charset3.GbkMeta, availability: Availability3.HeadRefused, metaRefresh: true);
    }

    private static Farm3Site MeilingJustice(DateOnly asOf)
    {
        var b = new Builder("meiling-sfj", "梅岭县司法局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 10, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 28, count: 6, minGap: 10, maxGap: 30, home: true);
        b.List("pfxc", "普法宣传", ColumnType3.Other, 20, count: 6);
        b.Catalogue("信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 60, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 110, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Colon, 5);
        b.OffSite("互动交流", ExternalTarget.Hotline12345);
        b.Pages();
        return Site(b, "meiling-sfj", "梅岭县司法局", "3311270045", Farm3Layout.AspTable,
            "ASP site in GBK declared only in the Content-Type header. Near miss for interaction: its channel is the county's 12345 platform (off-site, working), "
            + "no letter board of its own.",
            charset: Charset3.GbkHeaderOnly, channel: Channel3.OffSite);
    }

    // ================= failing sites =================

    private static Farm3Site Unreachable(DateOnly asOf)
    {
        var b = new Builder("baisha-nyj", "白沙县农业农村局", asOf);
        Department(b);
        b.GuideList();
        b.CompleteGuides(GuideShape.Brackets, 5);
        b.LetterBox();
        b.Answered(4);
        b.Pages();
        return Site(b, "baisha-nyj", "白沙县农业农村局", "3311280031", Farm3Layout.Trs,
            "Veto 1: nothing listens on its port (connection refused).", availability: Availability3.ConnectionRefused);
    }

    private static Farm3Site Maintenance(DateOnly asOf)
    {
        var b = new Builder("anping-slj", "安平县水利局", asOf);
        Department(b);
        b.GuideList();
        b.CompleteGuides(GuideShape.Table, 5);
        b.LetterBox();
        b.Answered(4);
        b.Pages();
        return Site(b, "anping-slj", "安平县水利局", "4415230017", Farm3Layout.Jcms,
            "Veto 1: every request answers 503 with a 系统维护 page.", availability: Availability3.ServiceUnavailable);
    }

    private static Farm3Site Archives(DateOnly asOf)
    {
        var b = new Builder("meiling-dag", "梅岭县档案馆", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 42, count: 8, minGap: 10, maxGap: 25, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 50, count: 6, minGap: 15, maxGap: 30, home: true);
        b.Single("gcjs", "馆藏介绍");
        b.Catalogue("信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 100, count: 4, minGap: 30, maxGap: 60, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 120, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Colon, 5);
        b.LetterBox("馆长信箱");
        b.Answered(4, firstAgo: 50);
        b.Pages();
        return Site(b, "meiling-dag", "梅岭县档案馆", "3311270061", Farm3Layout.AspTable,
            "Veto 2: newest date on the homepage is 42 days old; its scrolling notice names a date in the future (2027年1月1日), which is no update. "
            + "Only 工作动态 is stale among its columns (通知公告 50 days is fresh for a notice).",
            charset: Charset3.Gb2312HttpEquiv,
            homeNotices: [new Item3(90002, "关于2027年1月1日起施行新版档案查阅规定的通知", asOf.AddDays(-47))]);
    }

    private static Farm3Site NotRepublished(DateOnly asOf)
    {
        var b = new Builder("yunxi-wlj", "云溪县文化和旅游局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 12, minGap: 3, maxGap: 6, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 10, count: 8, minGap: 6, maxGap: 15, home: true);
        b.List("lyzx", "旅游资讯", ColumnType3.Other, 6, count: 8);
        Department(b, lists: false);
        b.GuideList();
        b.CompleteGuides(GuideShape.Brackets, 5);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "yunxi-wlj", "云溪县文化和旅游局", "3311250077", Farm3Layout.Trs,
            "Veto 2: the homepage was last generated 34 days ago (MM-dd dates, newest 34+ days old) while every column is fresh.",
            homeCutoff: asOf.AddDays(-34));
    }

    private static Farm3Site TradingCentre(DateOnly asOf)
    {
        var b = new Builder("linjiang-ggzy", "临江市公共资源交易中心", asOf);
        b.List("jyxx", "交易信息", ColumnType3.Other, 1, count: 10, dates: DatePlace.YearHeading, home: true, iframe: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 4, count: 8, dates: DatePlace.YearHeading, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 20, count: 6, minGap: 10, maxGap: 30, dates: DatePlace.YearHeading, home: true);
        b.Catalogue("信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 60, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 100, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Headings, 5);
        b.LetterBox("主任信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "linjiang-ggzy", "临江市公共资源交易中心", "3310000130", Farm3Layout.Frames,
            "Veto 2: a GBK (undeclared) frames site whose homepage (11月05日 under 2026年 headings) was last generated 26 days ago; the columns are fresh.",
            charset: Charset3.GbkUndeclared, homeCutoff: asOf.AddDays(-26));
    }

    private static Farm3Site StaleTrs(DateOnly asOf)
    {
        var b = new Builder("linjiang-zjj", "临江市住房和城乡建设局", asOf);
        b.List("tpxw", "图片新闻", ColumnType3.News, 3, count: 8, home: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 40, count: 10, minGap: 5, maxGap: 15);
        b.List("bmdt", "部门动态", ColumnType3.News, 30, count: 8, minGap: 5, maxGap: 15, dates: DatePlace.UrlOnly);
        b.Catalogue();
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 250, count: 8, minGap: 15, maxGap: 30, disclosure: true, edit: items =>
            Edit(items, 0, i => i with { Title = "关于2026年12月31日前完成自建房安全隐患排查整治的通知" }));
        b.List("zcwj", "政策文件", ColumnType3.Policy, 300, count: 6, minGap: 20, maxGap: 40, dates: DatePlace.DetailOnly, disclosure: true);
        b.List("gfxwj", "规范性文件", ColumnType3.Policy, 420, count: 5, minGap: 20, maxGap: 40, dates: DatePlace.UrlOnly, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 500, count: 4, minGap: 30, maxGap: 60, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 100, count: 3, minGap: 60, maxGap: 90, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Brackets, 5);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "linjiang-zjj", "临江市住房和城乡建设局", "3310000142", Farm3Layout.Trs,
            "Veto 3 (stale): 工作动态 40 days (list dates), 部门动态 30 days (dates only in t2026… URLs), and under /zwgk/: 通知公告 250 days "
            + "(its newest title names 2026年12月31日), 政策文件 300 days (dated only on the detail page), 规范性文件 420 days (URL only); "
            + "人事信息 500 days too. The template's banner image is missing on every page.",
            missingTemplateImage: true);
    }

    private static Farm3Site StaleJcms(DateOnly asOf)
    {
        var b = new Builder("qinghe-jtj", "青禾县交通运输局", asOf);
        b.List("xmjs", "项目建设", ColumnType3.Other, 4, count: 8, home: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 25, count: 9, minGap: 4, maxGap: 12);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 240, count: 6, minGap: 15, maxGap: 30, dates: DatePlace.UrlOnly);
        b.List("gsgg", "公示公告", ColumnType3.Notice, 200, count: 5, minGap: 15, maxGap: 30);
        b.Catalogue("政府信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 330, count: 5, minGap: 20, maxGap: 40, dates: DatePlace.DetailOnly, disclosure: true);
        b.List("gfxwj", "规范性文件", ColumnType3.Policy, 190, count: 4, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsrm", "人事任免", ColumnType3.Personnel, 60, count: 4, minGap: 30, maxGap: 60, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Table, 5);
        b.LetterBox();
        b.Answered(5);
        b.Pages();
        return Site(b, "qinghe-jtj", "青禾县交通运输局", "3311260058", Farm3Layout.Jcms,
            "Veto 3 (stale): 工作动态 25 days, 通知公告 240 days (dates only in /art/…/ URLs), 公示公告 200 days, 政府信息公开 › 政策文件 330 days "
            + "(detail page only) and 规范性文件 190 days. The homepage is fresh through 项目建设.",
            friends: [new FriendLink("青禾交通旧版网站", ExternalTarget.DeadHost, "/jtj/index.html")]);
    }

    private static Farm3Site StaleFrames(DateOnly asOf)
    {
        var b = new Builder("baisha-lyj", "白沙县林业局", asOf);
        // Around the year boundary: "11月20日" under 2025年 is 376 days old, not 11; "08月12日" under 2025年 is 476, not 111.
        b.List("lyzx", "林业资讯", ColumnType3.Other, 2, count: 8, dates: DatePlace.YearHeading, home: true, iframe: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 52, count: 8, minGap: 5, maxGap: 15, dates: DatePlace.YearHeading, iframe: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 243, count: 6, minGap: 15, maxGap: 30, dates: DatePlace.YearHeading, iframe: true);
        b.List("gsgg", "公示公告", ColumnType3.Notice, 346, count: 5, minGap: 15, maxGap: 30, dates: DatePlace.YearHeading);
        b.Catalogue("信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 376, count: 5, minGap: 20, maxGap: 40, dates: DatePlace.YearHeading, disclosure: true);
        b.List("gfxwj", "规范性文件", ColumnType3.Policy, 289, count: 4, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsrm", "人事任免", ColumnType3.Personnel, 476, count: 4, minGap: 30, maxGap: 60, dates: DatePlace.YearHeading, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Headings, 5);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "baisha-lyj", "白沙县林业局", "3311280044", Farm3Layout.Frames,
            "Veto 3 (stale), GBK undeclared, dates as 11月03日 under year headings: 工作动态 52 days and 通知公告 243 days (in iframes), 公示公告 346 days, "
            + "信息公开 › 政策文件 newest '11月20日' under 2025年 (376 days, not 11), 规范性文件 289 days; 人事任免 '08月12日' under 2025年 (476 days).",
            charset: Charset3.GbkUndeclared);
    }

    private static Farm3Site EmptyJcms(DateOnly asOf)
    {
        var b = new Builder("qinghe-tyjrj", "青禾县退役军人事务局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 9, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 30, count: 6, minGap: 10, maxGap: 30, home: true);
        b.Empty("byjn", "褒扬纪念", "暂无数据");
        b.Empty("ztzl", "专题专栏", null);
        b.Catalogue("政府信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 45, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 90, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.Empty("czyjs", "财政预决算", null, disclosure: true);
        b.Empty("jytabl", "建议提案办理", "暂无信息", disclosure: true);
        b.Empty("ssj", "双随机一公开", null, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Table, 5);
        b.LetterBox();
        b.Answered(5);
        b.Pages();
        return Site(b, "qinghe-tyjrj", "青禾县退役军人事务局", "3311260071", Farm3Layout.Jcms,
            "Veto 3 (empty): 褒扬纪念 (a record saying 暂无数据), 专题专栏, 财政预决算, 双随机一公开 (no records), 建议提案办理 (暂无信息). "
            + "机构职能, 领导信息, 联系我们, 网站声明, the catalogue and 依申请公开 are not columns.");
    }

    private static Farm3Site EmptyHtml5(DateOnly asOf)
    {
        var b = new Builder("yshj", "云溪县营商环境服务中心", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 2, count: 9, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 15, count: 6, minGap: 10, maxGap: 30, home: true);
        b.Empty("zwfwpj", "政务服务评价", "暂无数据");
        b.Empty("dxal", "典型案例", null);
        b.Empty("cjwt", "常见问题", null);
        b.Catalogue();
        b.Single("gkzn", "政府信息公开指南", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 50, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.Empty("sqsfml", "涉企收费目录", "暂无信息", disclosure: true);
        b.Empty("sjfb", "数据发布", "暂无数据", disclosure: true);
        b.Empty("jdy", "营商环境监督员", "暂无信息", disclosure: true);
        b.Request();
        b.GuideList("办事服务");
        b.CompleteGuides(GuideShape.TabsOnePage, 5);
        b.LetterBox("咨询投诉");
        b.Answered(5);
        b.Pages();
        return Site(b, "yshj", "云溪县营商环境服务中心", "3311250115", Farm3Layout.Html5,
            "Veto 3 (empty), HTML5 sub-site /sites/yshj/: 6 empty columns (暂无数据 ×2, 暂无信息 ×2, an empty items container ×2), three of them under 政务公开.",
            cluster: "yunxi-platform", prefix: "/sites/yshj/");
    }

    private static Farm3Site EmptyFrames(DateOnly asOf)
    {
        var b = new Builder("linjiang-fgw", "临江市发展和改革委员会", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 10, home: true, iframe: true, edit: items => Edit(items, 1, i => i with { Missing = true }));
        b.List("tzgg", "通知公告", ColumnType3.Notice, 25, count: 6, minGap: 10, maxGap: 30, home: true);
        b.Empty("xmsp", "项目审批", "暂无信息", iframe: true);
        b.Empty("jgjc", "价格监测", null, iframe: true);
        b.Empty("xytx", "信用体系建设", "暂无数据", iframe: true);
        b.Catalogue("信息公开");
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 40, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.Empty("zdxm", "重大项目", "暂无信息", disclosure: true);
        b.Empty("tjsj", "统计数据", null, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Headings, 5);
        b.LetterBox("主任信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "linjiang-fgw", "临江市发展和改革委员会", "3310000154", Farm3Layout.Frames,
            "Veto 3 (empty), GBK undeclared frames site: 5 empty columns, three of them empty iframes (暂无信息, nothing, 暂无数据), two under 信息公开. "
            + "One deleted article still listed.",
            charset: Charset3.GbkUndeclared);
    }

    private static Farm3Site ErrorTitle(DateOnly asOf)
    {
        var b = new Builder("yunxi-sfj", "云溪县司法局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 2, count: 10, home: true, edit: items =>
            Edit(items, 1, i => i with { Title = $"学习贯彻《{ErrorInTitle}行政复议法》专题讲座举办" }));
        b.List("tzgg", "通知公告", ColumnType3.Notice, 20, count: 6, minGap: 10, maxGap: 30, home: true);
        b.List("pfxc", "普法宣传", ColumnType3.Other, 12, count: 6);
        Department(b, lists: false);
        b.GuideList();
        b.CompleteGuides(GuideShape.Brackets, 5);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "yunxi-sfj", "云溪县司法局", "3311250089", Farm3Layout.Trs,
            $"Veto 4: an article title misspells the state's name ({ErrorInTitle}), on the homepage, the list and the page's <title>.",
            errors: [ErrorInTitle]);
    }

    private static Farm3Site ErrorAlt(DateOnly asOf)
    {
        var b = new Builder("anping-jyj", "安平县教育局", asOf);
        b.List("jydt", "教育动态", ColumnType3.News, 2, count: 9, home: true);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 9, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 16, count: 6, minGap: 10, maxGap: 30, home: true);
        b.Catalogue();
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 45, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 90, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.Request();
        b.GuideList("办事服务");
        b.CompleteGuides(GuideShape.TabsOnePage, 5);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "anping-jyj", "安平县教育局", "4415230025", Farm3Layout.Html5,
            $"Veto 4: the homepage banner's alt text misspells 全国人民代表大会 ({ErrorInAlt}); the text appears nowhere else.",
            bannerAlt: $"深入学习贯彻十四届{ErrorInAlt}第四次会议精神", errors: [ErrorInAlt]);
    }

    private static Farm3Site ErrorPdf(DateOnly asOf)
    {
        var b = new Builder("anping-czj", "安平县财政局", asOf);
        b.List("czdt", "财政动态", ColumnType3.News, 3, count: 9, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 21, count: 6, minGap: 10, maxGap: 30, home: true);
        b.Catalogue();
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 35, count: 6, minGap: 20, maxGap: 40, disclosure: true, edit: items =>
            Edit(items, 0, i => i with { Attachments = [new Attachment3($"{ErrorInPdfLink}预算法实施条例（全文）.pdf", "P020261026512.pdf")] }));
        b.List("czyjs", "财政预决算", ColumnType3.Other, 200, count: 4, minGap: 30, maxGap: 60, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 100, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.Request();
        b.GuideList();
        b.CompleteGuides(GuideShape.Headings, 5);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "anping-czj", "安平县财政局", "4415230033", Farm3Layout.Gkmlpt,
            $"Veto 4: the link text of a PDF attached to a 政策文件 misspells the state's name ({ErrorInPdfLink}预算法实施条例).",
            errors: [ErrorInPdfLink]);
    }

    private static Farm3Site ErrorBody(DateOnly asOf)
    {
        var b = new Builder("yjj", "临江市应急管理局", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 2, count: 10, home: true, edit: items =>
            Edit(items, 3, i => i with
            {
                Title = "我局召开安全生产工作会议",
                Body = $"<p>会议强调，要坚持以{ErrorInBody}为指导，统筹发展和安全，坚决防范遏制重特大事故。</p><p>各区县应急管理局负责同志参加会议。</p>",
            }));
        b.List("tzgg", "通知公告", ColumnType3.Notice, 19, count: 6, minGap: 10, maxGap: 30, home: true);
        b.List("yjkp", "应急科普", ColumnType3.Other, 30, count: 5);
        b.Catalogue();
        b.Single("jgzn", "机构职能", disclosure: true);
        b.List("zcwj", "政策文件", ColumnType3.Policy, 50, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 100, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.List("ghjh", "规划计划", ColumnType3.Planning, 200, count: 3, minGap: 60, maxGap: 90, disclosure: true);
        b.GuideList();
        b.CompleteGuides(GuideShape.Dl, 5);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "yjj", "临江市应急管理局", "3310000167", Farm3Layout.DlList,
            $"Veto 4: an article's body (not its title) misspells 习近平新时代中国特色社会主义思想 ({ErrorInBody}).",
            cluster: "linjiang-bm", prefix: "/bm/yjj/", errors: [ErrorInBody]);
    }

    private static Farm3Site UnansweredJact(DateOnly asOf)
    {
        var b = new Builder("qinghe-zjj", "青禾县住房和城乡建设局", asOf);
        Department(b);
        b.GuideList();
        b.CompleteGuides(GuideShape.Table, 5);
        b.LetterBox("局长信箱");
        b.Answered(7);
        b.Letter("关于小区电梯加装补贴的咨询", 205, null, "未回复");
        b.Letter("反映物业公司乱收费问题", 300, 250, "已办结");
        b.Pages();
        return Site(b, "qinghe-zjj", "青禾县住房和城乡建设局", "3311260084", Farm3Layout.Jcms,
            "Veto 5: jact letter received 205 days ago, status image alt 未回复, no reply, on page 2 of the letter list.");
    }

    private static Farm3Site InProgressInteract(DateOnly asOf)
    {
        var b = new Builder("rsj", "云溪县人力资源和社会保障局", asOf);
        Department(b);
        b.GuideList("办事服务");
        b.CompleteGuides(GuideShape.TabsOnePage, 5);
        b.LetterBox("咨询投诉");
        b.Answered(4);
        b.Letter("关于拖欠农民工工资的投诉", 166, null, "办理中");
        b.Letter("咨询失业保险金申领", 40, 35, "已回复");
        b.Pages();
        return Site(b, "rsj", "云溪县人力资源和社会保障局", "3311250121", Farm3Layout.Html5,
            "Veto 5: a complaint received 166 days ago is still 办理中 (class status-doing), never answered. Sub-site /sites/rsj/. "
            + "One 友情链接 to a page the province removed.",
            cluster: "yunxi-platform", prefix: "/sites/rsj/",
            friends: [new FriendLink("省人力社保厅（旧版）", ExternalTarget.ProvincePortal, "/gone/rst/index.html")]);
    }

    private static Farm3Site PendingGuestbook(DateOnly asOf)
    {
        var b = new Builder("meiling-xfj", "梅岭县信访局", asOf);
        Department(b);
        b.GuideList();
        b.CompleteGuides(GuideShape.Colon, 5);
        b.LetterBox("网上信访");
        b.Answered(5);
        b.Letter("反映征地补偿款未到位问题", 153, null, "待处理");
        b.Letter("关于村道硬化的建议", 20, 12, "已回复");
        b.Pages();
        return Site(b, "meiling-xfj", "梅岭县信访局", "3311270098", Farm3Layout.AspTable,
            "Veto 5: a guestbook message received 153 days ago is 待处理 (red <font>), no reply. GB2312 via http-equiv.",
            charset: Charset3.Gb2312HttpEquiv);
    }

    private static Farm3Site BrokenMailbox(DateOnly asOf)
    {
        var b = new Builder("sfj", "临江市司法局", asOf);
        Department(b);
        b.GuideList();
        b.CompleteGuides(GuideShape.Dl, 5);
        b.LetterBox("局长信箱");
        b.Pages();
        return Site(b, "sfj", "临江市司法局", "3310000171", Farm3Layout.DlList,
            "Veto 5 (no channel): the only consultation channel, 局长信箱, answers 404.",
            cluster: "linjiang-bm", prefix: "/bm/sfj/", channel: Channel3.Broken);
    }

    private static Farm3Site GuidesTimeLimit(DateOnly asOf)
    {
        var b = new Builder("qinghe-scjgj", "青禾县市场监督管理局", asOf);
        Department(b);
        b.Columns.First(c => c.Key == "gzdt").Items[0] = b.Columns.First(c => c.Key == "gzdt").Items[0] with { Title = "龙潭市场监督管理所开展校园周边食品安全检查" };
        b.GuideList();
        b.CompleteGuides(GuideShape.Table, 2, synonyms: true);
        for (var i = 0; i < 6; i++)
        {
            // 办理时限 is there, 办理时间 is not: with 办理地点, 收费标准 and 办理流程 missing too, four elements are missing.
            b.Guide(Builder.ServiceNames[(i + 2) % 10], GuideShape.Table, "事项名称", "设定依据", "申请条件", "办理材料", "办理机构", "办理时限", "联系电话");
        }
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "qinghe-scjgj", "青禾县市场监督管理局", "3311260092", Farm3Layout.Jcms,
            "Veto 6: 6 table guides each lack 办理时间, 办理地点, 收费标准 and 办理流程 (they show 办理时限, which is not 办理时间); 2 guides are complete. "
            + "Near miss: 龙潭市场监督管理所 in a title.");
    }

    private static Farm3Site GuidesSparse(DateOnly asOf)
    {
        var b = new Builder("meiling-mzj", "梅岭县民政局", asOf);
        Department(b);
        b.GuideList();
        for (var i = 0; i < 6; i++)
        {
            b.Guide(Builder.ServiceNames[(i + 3) % 10], GuideShape.Brackets, "事项名称", "设定依据", "办理机构", "联系电话", "办理材料");
        }
        b.CompleteGuides(GuideShape.Brackets, 1);
        b.LetterBox("局长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "meiling-mzj", "梅岭县民政局", "3311270103", Farm3Layout.AspTable,
            "Veto 6: 6 【】 guides with only 事项名称, 设定依据, 办理机构, 联系电话, 办理材料 (five elements missing each).",
            charset: Charset3.GbkHeaderOnly);
    }

    private static Farm3Site NoServices(DateOnly asOf)
    {
        var b = new Builder("longtan", "龙潭乡", asOf);
        b.List("gzdt", "工作动态", ColumnType3.News, 3, count: 10, home: true);
        b.List("tzgg", "通知公告", ColumnType3.Notice, 30, count: 6, minGap: 10, maxGap: 30, home: true);
        b.List("cwgk", "村务公开", ColumnType3.Other, 10, count: 6);
        b.Catalogue();
        b.List("zcwj", "政策文件", ColumnType3.Policy, 60, count: 5, minGap: 20, maxGap: 40, disclosure: true);
        b.List("rsxx", "人事信息", ColumnType3.Personnel, 120, count: 3, minGap: 30, maxGap: 60, disclosure: true);
        b.Request();
        b.LetterBox("乡长信箱");
        b.Answered(5);
        b.Pages();
        return Site(b, "longtan", "龙潭乡人民政府", "3311250211", Farm3Layout.Html5,
            "Veto 6 (no services): a township portal with no service guides and no link to any service at all.",
            services: Services3.None);
    }
}
