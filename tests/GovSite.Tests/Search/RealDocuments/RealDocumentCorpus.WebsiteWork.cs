namespace GovSite.Tests.Search.RealDocuments;

/// <summary>
/// Government-website work built from the seeds: the documents the Jiangmen notice carries, meetings
/// and notices that implement 国办发〔2014〕57号, the 国办函〔2018〕12号 annual reports, interpretations,
/// speeches naming people, 集约化, 信息公开, 互动交流, spot checks and 找错. Sentences are taken from the
/// seeds, mostly as written. 文号 and the 指引 are tagged wherever the text cites them (a person who
/// searches a 文号 wants every document that cites it); topics only where the article is about them.
/// </summary>
public sealed partial class RealDocumentCorpus
{
    private const string Opinion57 = "《国务院办公厅关于加强政府网站信息内容建设的意见》";
    private const string Notice12 = "《国务院办公厅关于做好政府网站年度报表发布工作的通知》";
    private const string Guideline47 = "《政府网站发展指引》";
    private const string Notice73 = "《广东省人民政府办公厅转发国务院办公厅关于加强政府网站信息内容建设意见的通知》";
    private const string NoticeJiangmen3 = "《江门市人民政府办公室关于转发广东省人民政府办公厅转发国务院办公厅关于加强政府网站信息内容建设意见的通知》";

    /// <summary>Requirements of the 57号 opinion, as the seed states them.</summary>
    private static readonly string[] Opinion57Points =
    [
        "要将政府网站作为政府信息公开的第一平台，建立完善信息发布机制，第一时间发布政府重要会议、重要活动、重大政策信息。",
        "涉及经济发展和社会民生等政策出台时，要在政府网站同步推出解读评论文章或开展访谈，深入浅出、通俗易懂地解读政策。",
        "收到网民意见建议后要进行综合研判，对其中有价值、有意义的应在7个工作日内反馈处理意见，情况复杂的可延长至15个工作日。",
        "要健全政府网站信息内容更新的保障机制，提高发布时效，对于内容更新没有保障的栏目要及时归并或关闭。",
        "要建立政府网站信息员、联络员制度，在负责提供信息内容的职能部门中聘请若干信息员、联络员。",
        "要按照“谁主管谁负责”、“谁发布谁负责”的原则，根据职责分工向有关方面安排落实信息提供任务。",
        "要把政府网站建设管理作为主管主办单位目标考核和绩效考核的内容之一，建立信息内容建设年度考核评估和督查机制。",
        "要把政府网站内容保障和运行维护等经费列入预算，并保证逐步有所增加。",
        "政府网站要提供面向主要社交媒体的信息分享服务，加强手机、平板电脑等移动终端应用服务。",
        "要组建网站的专业运行管理团队，负责重要信息内容的发布和把关，杜绝政治错误、内容差错、技术故障。",
        "涉及本地区、本部门的重大突发事件、应急事件，要依法按程序在第一时间通过政府网站发布信息，公布客观事实。",
        "政府网站是信息化条件下政府密切联系人民群众的重要桥梁，也是网络时代政府履行职责的重要平台。",
    ];

    /// <summary>What the seeds say about 集约化 and integration (57号 (十六), the 指引, the Beijing opinion).</summary>
    private static readonly string[] IntensivePoints =
    [
        "各省（区、市）要建设本地区统一的政府网站技术平台，市、县两级政府要充分利用上级政府网站技术平台开办政府网站。",
        "县级政府各部门、乡镇政府（街道办事处）不再单独建设政府网站，要利用上级政府网站技术平台开设子站、栏目、频道。",
        "集约化平台通过统一标准体系、统一技术平台、统一安全防护、统一运维监管，集中管理信息数据，集中提供内容服务。",
        "推进集约化建设，要实现网站资源优化融合、平台整合安全、数据互认共享、管理统筹规范、服务便捷高效。",
        "要做好被整合网站内容迁移工作，杜绝一关了之，确保内容不少、数据不丢、保障不减。",
        "集约化平台按照“先入库、后使用”原则，对平台上各政府网站的信息资源统一分类、统一元数据、统一调用、统一监管。",
    ];

    /// <summary>Speech sentences from the two speeches among the seeds, in simplified script.</summary>
    private static readonly string[] SpeechPoints =
    [
        "政府网站是政府在互联网上发布政务信息的主平台、加强政民互动的新渠道、实行网上办事的主窗口。",
        "当前，我们的政府网站建设总体上还处于“合格达标”水平，距离打造“优质高效”的网上政府还有较大差距。",
        "要在最短时间内解决“不及时、不准确、不回应、不实用”等问题，使政府网站信息内容建设可测量、可检查。",
        "办好政府网站，说到底还是要靠人、靠队伍，必须选好配强专业队伍。",
        "要把政府网站的建设、运维作为一项常设的财政支出，作为一项制度性的预算安排。",
        "各级政府办公室是政府网站信息和内容支撑最有力、最合适的统筹部门，要切实承担起组织领导的核心作用。",
        "要把群众最喜欢、社会最关注的内容突显出来，做到“群众想看的就在眼前、群众想用的就在手边”。",
        "要跟踪舆情，建立分级响应机制，对重大舆情快速回应，对热点舆情适时回应。",
    ];

    private static readonly string[] Variants57 =
        ["国办发〔2014〕57号", "国办发〔2014〕57号", "国办发[2014]57号", "国办发（2014）57号", "国办发(2014)57号", "国办发〔2014〕第57号", "国办发2014年57号"];

    private static readonly string[] Variants12 =
        ["国办函〔2018〕12号", "国办函〔2018〕12号", "国办函[2018]12号", "国办函（2018）12号", "国办函2018年12号", "国办函〔2018〕第12号"];

    private static readonly string[] Variants47 =
        ["国办发〔2017〕47号", "国办发〔2017〕47号", "国办发[2017]47号", "国办发（2017）47号", "国办发2017年47号"];

    private string Ref57() => _random.Next(6) switch
    {
        0 => $"{Opinion57}（{Pick(Variants57)}，以下简称《意见》）",
        1 => $"国务院办公厅{Pick(Variants57)}文件",
        2 => $"{Pick(Variants57)}文",
        3 => $"{Opinion57}（国办57号文）",
        _ => $"{Opinion57}（{Pick(Variants57)}）",
    };

    private string Ref12() => _random.Next(4) switch
    {
        0 => $"国务院办公厅{Pick(Variants12)}文件",
        1 => $"{Notice12}（{Pick(Variants12)}，以下简称《通知》）",
        _ => $"{Notice12}（{Pick(Variants12)}）",
    };

    private string Ref47() => _random.Next(3) switch
    {
        0 => $"{Guideline47}（{Pick(Variants47)}，以下简称《指引》）",
        1 => $"国务院办公厅印发的{Guideline47}（{Pick(Variants47)}）",
        _ => $"{Guideline47}（{Pick(Variants47)}）",
    };

    private static bool InJiangmen(Place p) => p == Jiangmen || JiangmenCounties.Contains(p);

    private string LeaderRole(Place p) => p.Scope switch
    {
        "全省" => Pick(["副省长", "省政府副秘书长", "省政府办公厅副主任"]),
        "全区" => Pick(["副区长", "区政府办公室主任"]),
        _ => Pick(["副市长", "市政府秘书长", "市政府办公室主任"]),
    };

    private static Place[] GuangdongPlaces => [Guangdong, Jiangmen, .. OtherCities, .. JiangmenCounties];

    private void WebsiteWork()
    {
        SeedPolicies();
        ContentMeetings();
        ContentNotices();
        AnnualReportWork();
        Interpretations();
        People();
        Speeches();
        IntensiveWork();
        DisclosureWork();
        InteractionWork();
        UpdateChecks();
        ErrorReportWork();
        GuidelineWork();
    }

    /// <summary>The documents a provincial portal carries in its 政策文件 column, two of them cut from the Jiangmen seed.</summary>
    private void SeedPolicies()
    {
        const string header57 = "\n国务院办公厅关于加强政府网站信息内容建设的意见\n国办发〔2014〕57号\n";
        const string header73 = "\n粤府办〔2014〕73号\n";
        var at57 = _jiangmenSeed.IndexOf(header57, StringComparison.Ordinal);
        var at73 = _jiangmenSeed.IndexOf(header73, StringComparison.Ordinal);
        if (at57 < 0 || at73 < 0 || at73 > at57)
        {
            throw new InvalidDataException("The Jiangmen seed no longer carries the Guangdong notice and the State Council opinion.");
        }
        Add("policy", ProvincePortal, CorpusColumn.Policy, "国务院办公厅关于加强政府网站信息内容建设的意见",
            _jiangmenSeed[(at57 + header57.Length)..], new DateTime(2014, 12, 1, 9, 30, 0),
            [Tag.Doc57, Tag.Websites, Tag.ContentBuilding, Tag.Interaction, Tag.Intensive, Tag.Updates],
            a => a with { DocNumber = "国办发〔2014〕57号", Issuer = "国务院办公厅", WrittenDate = new DateOnly(2014, 11, 17), Source = "中国政府网" });
        Add("policy", ProvincePortal, CorpusColumn.Policy, "广东省人民政府办公厅转发国务院办公厅关于加强政府网站信息内容建设意见的通知",
            _jiangmenSeed[(at73 + header73.Length)..at57], new DateTime(2015, 1, 6, 10, 0, 0),
            [Tag.Doc73, Tag.Doc57, Tag.Place("广东"), Tag.Websites, Tag.ContentBuilding],
            a => a with { DocNumber = "粤府办〔2014〕73号", Issuer = "广东省人民政府办公厅", WrittenDate = new DateOnly(2014, 12, 31) });
        Add("policy", ProvincePortal, CorpusColumn.Policy, "国务院办公厅关于做好政府网站年度报表发布工作的通知",
            Lines(
                "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                $"为深入贯彻落实{Guideline47}（国办发〔2017〕47号），加强政府网站建设管理，接受社会监督，经国务院同意，现就做好政府网站年度报表发布工作通知如下：",
                "一、《政府网站监管年度报表》于每年1月31日前由各省（区、市）、国务院各部门政府门户网站在政府信息公开目录中发布，并在网站首页突出展示。主要包括网站抽查、安全检查、网站开设整合、“我为政府网站找错”平台网民留言办理、假冒政府网站处置、人员培训等情况。",
                "二、各级各类政府网站《政府网站工作年度报表》于每年1月31日前在本网站首页显著位置发布。各省（区、市）、国务院各部门政府门户网站要开设专栏，集中发布本地区、本部门（本系统）各级各类政府网站的工作年度报表。主要包括信息发布、专栏专题、解读回应、办事服务、互动交流、安全防护、移动新媒体、创新发展等情况。",
                "三、各地区、各部门要高度重视政府网站年度报表发布工作，认真组织实施，完善工作机制，将年度报表发布情况列入政府网站绩效考评。各级各类政府网站要做好网站数据统计，确保政府网站年度报表发布及时、数据真实准确。",
                "国务院办公厅",
                "2018年1月5日"),
            new DateTime(2018, 1, 22, 15, 0, 0),
            [Tag.Doc12, Tag.Doc47, Tag.Guideline, Tag.AnnualReport, Tag.Websites],
            a => a with { DocNumber = "国办函〔2018〕12号", Issuer = "国务院办公厅", WrittenDate = new DateOnly(2018, 1, 5), Source = "中国政府网" });
        Add("policy", ProvincePortal, CorpusColumn.Policy, "国务院办公厅关于印发政府网站发展指引的通知",
            Lines(
                "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                $"{Guideline47}已经国务院同意，现印发给你们，请认真贯彻执行。",
                "一、职责分工。国务院办公厅是全国政府网站的主管单位，负责推进、指导、监督全国政府网站建设和发展。县级以上各级人民政府、国务院部门要开设政府门户网站。",
                "二、开设整合。政府门户网站一般不得关停，网站改版升级应在确保正常运行的情况下进行。整合迁移需经审批同意后启动，拟迁移网站要在网站首页显著位置悬挂迁移公告信息；网站完成迁移后，要在上级政府网站或本级政府门户网站发布公告，说明原有内容去向，有关公告信息原则上至少保留30天。",
                "三、功能建设。政府网站功能主要包括信息发布、解读回应、办事服务和互动交流，将政府网站打造成更加全面的政务公开平台、更加权威的政策发布解读和舆论引导平台、更加及时的回应关切和便民服务平台。",
                "四、集约共享。各地区各部门要统筹推进政府网站集约化，通过统一标准体系、统一技术平台、统一安全防护、统一运维监管、集中管理信息数据，集中提供内容服务，实现网站资源优化融合、平台整合安全、数据互认共享、管理统筹规范、服务便捷高效。",
                "国务院办公厅",
                "2017年5月15日"),
            new DateTime(2017, 6, 8, 16, 0, 0),
            [Tag.Doc47, Tag.Guideline, Tag.Websites, Tag.Intensive, Tag.Integration, Tag.Interaction],
            a => a with { DocNumber = "国办发〔2017〕47号", Issuer = "国务院办公厅", WrittenDate = new DateOnly(2017, 5, 15), Source = "中国政府网" });
    }

    /// <summary>工作动态: meetings that pass on the 57号 opinion, across Guangdong, 2014–2015.</summary>
    private void ContentMeetings() => Repeat(110, () =>
    {
        var p = Pick(GuangdongPlaces);
        var at = Date(2014, 12, 2015, 10);
        var leader = Pick(Officials);
        var role = LeaderRole(p);
        var tags = new List<string> { Tag.Doc57, Tag.Websites, Tag.ContentBuilding };
        tags.AddRange(p.Tags);
        var refs = Ref57();
        if (at >= new DateTime(2015, 1, 6) && Chance(0.5))
        {
            refs += $"和{Notice73}（粤府办〔2014〕73号）";
            tags.Add(Tag.Doc73);
        }
        if (InJiangmen(p) && at >= new DateTime(2015, 2, 2) && Chance(0.6))
        {
            refs += $"、{NoticeJiangmen3}（江府办〔2015〕3号）";
            tags.Add(Tag.DocJiangmen3);
        }
        var title = _random.Next(5) switch
        {
            0 => $"{p.Name}召开政府网站信息内容建设工作会议",
            1 => $"{p.Name}部署贯彻落实国办发〔2014〕57号文件工作",
            2 => $"{p.Name}传达学习国务院办公厅关于加强政府网站信息内容建设的意见",
            3 => $"{p.Name}推进政府网站信息内容建设 {leader}出席并讲话",
            _ => $"{p.Name}政府网站信息内容建设协调机制第一次会议召开",
        };
        var points = PickSome(Opinion57Points, 3);
        var body = Lines(
            $"{Day(at)}，{p.Name}召开{p.Scope}政府网站信息内容建设工作会议，传达学习{refs}精神，总结政府网站工作，部署下一阶段任务。{p.Name}{role}{leader}出席会议并讲话，{p.Office}主要负责同志通报了{p.Scope}政府网站检查情况。",
            $"会议指出，{points[0]}",
            $"会议强调，{points[1]}{points[2]}",
            $"会议要求，各单位要指定一位负责同志主管政府网站工作，明确具体负责的机构和人员，于{Day(at.AddDays(Number(10, 30)))}前将贯彻落实情况报送{p.Office}。",
            $"{p.Scope}各单位分管领导和政府网站负责同志参加会议。");
        return Add("w57-meeting", p.Site, CorpusColumn.News, title, body, at, tags);
    });

    /// <summary>通知公告 with a 文号 of their own, quoting the 57号 opinion in the spellings offices actually use.</summary>
    private void ContentNotices()
    {
        string[] subjects =
        [
            "报送政府网站信息内容建设贯彻落实情况", "开展政府网站信息内容建设专项检查", "进一步做好政府网站内容保障工作",
            "建立政府网站信息员联络员队伍", "做好政府网站信息内容建设年度考核工作", "规范政府网站信息发布审核流程",
        ];
        string[] requirements =
        [
            "各单位要按照“谁主管谁负责”、“谁发布谁负责”的原则，明确政府网站信息内容建设的分管领导和具体责任人。",
            "对内容更新没有保障的栏目要及时归并或关闭，确保栏目设置与信息供给相适应。",
            "建立政府网站信息员、联络员制度，各单位确定1至2名信息员，负责本单位网站信息收集、撰写、报送工作。",
            "收到网民意见建议后，有价值、有意义的应在7个工作日内反馈处理意见，情况复杂的可延长至15个工作日。",
            "涉及经济发展和社会民生等政策出台时，要在政府网站同步推出解读评论文章，深入浅出、通俗易懂地解读政策。",
            "各单位要将政府网站内容保障和运行维护经费列入年度预算。",
            "严格信息采集、审核、报送、发布等环节程序，做好信息公开前的保密审查工作。",
        ];
        Repeat(80, () =>
        {
            var p = Pick(GuangdongPlaces);
            var at = Date(2014, 12, 2016, 6);
            var subject = Pick(subjects);
            var reqs = PickSome(requirements, 2);
            var body = Lines(
                $"{p.Subordinates}：",
                $"为贯彻落实{Ref57()}精神，{subject.Replace("报送", "掌握", StringComparison.Ordinal)}，经{p.Name}人民政府同意，现将有关事项通知如下：",
                $"一、{reqs[0]}",
                $"二、{reqs[1]}",
                $"三、请各单位于{FullDate(at.AddDays(Number(14, 40)))}前将有关材料报送{p.Office}（电子版同时发送至公务邮箱）。联系人：{Pick(Officials)}，电话：{Phone(p.Area)}。",
                p.Office,
                FullDate(at));
            return Add("w57-notice", p.Site, CorpusColumn.Notice, $"{p.Office}关于{subject}的通知", body, at,
                [Tag.Doc57, Tag.Websites, Tag.ContentBuilding, .. p.Tags],
                a => a with { Issuer = p.Office, DocNumber = DocNumber(p.Abbr + "函", at.Year), WrittenDate = DateOnly.FromDateTime(at) });
        });
    }

    /// <summary>国办函〔2018〕12号: notices, news and the annual reports themselves.</summary>
    private void AnnualReportWork()
    {
        Repeat(30, () =>
        {
            var p = Pick(GuangdongPlaces);
            var year = Number(2018, 2022);
            var at = Date(year + 1, 1, year + 1, 1).AddDays(-Number(0, 12));
            var accountability = Chance(0.35);
            var tags = new List<string> { Tag.Doc12, Tag.AnnualReport, Tag.Websites };
            tags.AddRange(p.Tags);
            if (accountability)
            {
                tags.Add(Tag.Accountability);
            }
            var body = Lines(
                $"{p.Subordinates}：",
                $"根据{Ref12()}要求，为做好{year}年度政府网站年度报表发布工作，现将有关事项通知如下：",
                $"一、发布内容。{p.Scope}各级各类政府网站要按照《政府网站工作年度报表》格式，如实填报信息发布、专栏专题、解读回应、办事服务、互动交流、安全防护、移动新媒体、创新发展等情况。",
                $"二、发布时间和位置。各政府网站《政府网站工作年度报表》于{year + 1}年1月31日前在本网站首页显著位置发布；{p.Office}汇总后在政府门户网站开设专栏集中发布。",
                "三、工作要求。各单位要做好网站数据统计，确保年度报表发布及时、数据真实准确，年度报表发布情况将列入政府网站绩效考评。",
                accountability
                    ? "四、问责情况统计。各单位要按季度统计对不合格网站或整改不到位网站有关责任人的问责人次，问责形式包括约谈、书面检查、通报批评、警告或记过处分、调离岗位、免职等，同一季度对同一对象采取不同形式问责的不重复计算，按问责程度最重的统计。"
                    : null,
                $"联系人：{Pick(Officials)}，电话：{Phone(p.Area)}。",
                p.Office,
                FullDate(at));
            return Add("w12-notice", p.Site, CorpusColumn.Notice, $"{p.Office}关于做好{year}年度政府网站年度报表发布工作的通知", body, at, tags,
                a => a with { Issuer = p.Office, DocNumber = DocNumber(p.Abbr + "函", at.Year), WrittenDate = DateOnly.FromDateTime(at) });
        });
        Repeat(20, () =>
        {
            var p = Pick(GuangdongPlaces);
            var year = Number(2018, 2022);
            var at = Date(year + 1, 1, year + 1, 2);
            var title = Chance(0.5) ? $"{p.Name}部署{year}年度政府网站年度报表发布工作" : $"{p.Name}{year}年度政府网站工作年度报表集中发布";
            var body = Lines(
                $"近日，{p.Office}按照{Ref12()}要求，组织{p.Scope}各级各类政府网站编制并发布{year}年度政府网站工作年度报表。",
                $"据统计，{p.Scope}共有{Number(12, 90)}个政府网站在首页显著位置发布了年度报表，{p.Name}政府门户网站开设专栏集中展示。年度报表涵盖信息发布、解读回应、办事服务、互动交流、安全防护、移动新媒体等内容，接受社会监督。",
                $"{p.Office}有关负责人表示，年度报表发布情况已列入政府网站绩效考评，对数据不真实、发布不及时的将予以通报。");
            return Add("w12-news", p.Site, CorpusColumn.News, title, body, at, [Tag.Doc12, Tag.AnnualReport, Tag.Websites, .. p.Tags]);
        });
        (string Name, string Site, string Office, string Domain, string[] Tags)[] reporters =
        [
            ("广东省人民政府门户网站", ProvincePortal, "广东省人民政府办公厅", "www.gd.gov.cn", [Tag.Place("广东")]),
            ("江门市人民政府门户网站", JiangmenPortal, "江门市人民政府办公室", "www.jiangmen.gov.cn", [Tag.Place("江门")]),
            ("江门市人力资源和社会保障局网站", JiangmenSocial, "江门市人力资源和社会保障局", "hrss.jiangmen.gov.cn", [Tag.Place("江门")]),
            ("江门市教育局网站", JiangmenEducation, "江门市教育局", "edu.jiangmen.gov.cn", [Tag.Place("江门")]),
            ("台山市人民政府门户网站", TaishanPortal, "台山市人民政府办公室", "www.cnts.gov.cn", [Tag.Place("台山")]),
            ("开平市人民政府门户网站", JiangmenPortal, "开平市人民政府办公室", "www.kaiping.gov.cn", [Tag.Place("开平")]),
            ("新会区人民政府门户网站", JiangmenPortal, "新会区人民政府办公室", "www.xinhui.gov.cn", [Tag.Place("新会")]),
            ("鹤山市人民政府门户网站", JiangmenPortal, "鹤山市人民政府办公室", "www.heshan.gov.cn", [Tag.Place("鹤山")]),
        ];
        Repeat(30, () =>
        {
            var r = Pick(reporters);
            var year = Number(2018, 2022);
            var at = Date(year + 1, 1, year + 1, 1);
            var received = Number(80, 1800);
            var body = Lines(
                $"根据{Ref12()}要求，现发布{r.Name}{year}年度工作年度报表。",
                $"网站名称：{r.Name}",
                $"首页网址：{r.Domain}",
                $"主办单位：{r.Office}",
                $"网站类型：{(r.Name.Contains("门户", StringComparison.Ordinal) ? "政府门户网站" : "部门网站")}",
                $"ICP备案号：粤ICP备{Number(10000000, 19999999)}号",
                $"独立用户访问总量：{Number(100000, 9000000)}个；网站总访问量：{Number(1000000, 90000000)}次",
                $"信息发布：总数{Number(800, 12000)}条，其中概况类信息更新量{Number(10, 80)}条，政务动态信息更新量{Number(500, 8000)}条，信息公开目录信息更新量{Number(200, 3000)}条",
                $"专栏专题：维护数量{Number(5, 40)}个，新开设数量{Number(1, 10)}个",
                $"解读回应：解读信息发布总数{Number(20, 300)}条，回应公众关注热点或重大舆情{Number(2, 30)}次",
                $"办事服务：是否发布服务事项目录：是；注册用户数{Number(1000, 90000)}个；可全程在线办理政务服务事项数{Number(100, 1500)}项",
                $"互动交流：收到留言{received}条，办结留言{received - Number(0, 5)}条，平均办理时间{Number(2, 9)}天",
                $"安全防护：安全检测评估次数{Number(4, 52)}次，发现问题数量{Number(0, 20)}个，问题整改数量与发现数量一致",
                $"移动新媒体：政务微博、政务微信发布量{Number(300, 5000)}条",
                $"填报单位：{r.Office}");
            return Add("w12-report", r.Site, CorpusColumn.Report, $"{r.Name}政府网站工作年度报表（{year}年度）", body, at,
                [Tag.Doc12, Tag.AnnualReport, Tag.Websites, .. r.Tags]);
        });
    }

    /// <summary>政策解读 of the 57号 opinion, the 12号 notice, the 指引, the Guangdong notice and the Beijing opinion.</summary>
    private void Interpretations()
    {
        (string Title, string Site)[] fixed57 =
        [
            ("一图读懂《国务院办公厅关于加强政府网站信息内容建设的意见》", ProvincePortal),
            ("图解：政府网站信息内容建设二十条", JiangmenPortal),
            ("专家解读国办发〔2014〕57号文件：让政府网站成为权威信息发布第一平台", ProvinceOffice),
            ("政策问答：政府网站信息内容建设意见十问十答", ProvinceOffice),
            ("解读：政府网站网民留言为何要在7个工作日内反馈", JiangmenPortal),
            ("解读：政府网站为何要建立信息员联络员制度", TaishanPortal),
            ("权威解读：政府网站要成为公众获取政府信息的第一来源", ProvincePortal),
            ("解读：政府网站信息内容建设要理顺外包服务关系", ProvinceOffice),
        ];
        (string Question, string Answer)[] qa =
        [
            ("《意见》对互动交流提出了什么要求？", Opinion57Points[2]),
            ("《意见》对政策解读有哪些要求？", Opinion57Points[1]),
            ("栏目内容跟不上怎么办？", Opinion57Points[3]),
            ("信息由谁提供、谁负责？", Opinion57Points[5]),
            ("经费从哪里来？", Opinion57Points[7]),
            ("如何考核政府网站信息内容建设？", Opinion57Points[6]),
        ];
        string Interpretation57(string who, DateTime at)
        {
            var asked = PickSome(qa, 2);
            return Lines(
                $"2014年11月17日，国务院办公厅印发{Ref57()}。{who}就有关问题作了解读。",
                "问：《意见》出台的背景是什么？",
                "答：近年来，各级政府积极运用互联网转变政府职能、创新管理服务，但一些政府网站也存在内容更新不及时、信息发布不准确、意见建议不回应等问题，严重影响政府公信力。",
                "问：《意见》对政府网站信息发布提出了哪些要求？",
                $"答：{Opinion57Points[0]}",
                $"问：{asked[0].Question}",
                $"答：{asked[0].Answer}",
                $"问：{asked[1].Question}",
                $"答：{asked[1].Answer}",
                $"（{FullDate(at)}）");
        }
        foreach (var (title, site) in fixed57)
        {
            var at = Date(2014, 12, 2015, 6);
            Add("w57-interpretation", site, CorpusColumn.Interpretation, title, Interpretation57(Pick(["国务院办公厅政府信息公开办公室有关负责人", "专家", "省政府办公厅有关负责人"]), at), at,
                [Tag.Doc57, Tag.Interpretation, Tag.Websites, Tag.ContentBuilding],
                a => a with { Interprets = site == ProvincePortal ? "policy-001" : null });
        }
        Repeat(12, () =>
        {
            var p = Pick(GuangdongPlaces);
            var at = Date(2015, 1, 2015, 8);
            return Add("w57-interpretation", p.Site, CorpusColumn.Interpretation, $"{p.Office}负责人就贯彻落实国办发〔2014〕57号文件答记者问",
                Interpretation57($"{p.Office}负责人", at), at, [Tag.Doc57, Tag.Interpretation, Tag.Websites, Tag.ContentBuilding, .. p.Tags]);
        });

        (string Title, string Site, string? Expert)[] fixed12 =
        [
            ("一图读懂政府网站年度报表发布工作要求", ProvincePortal, null),
            ("解读：政府网站年度报表怎么填？", ProvinceOffice, null),
            ("图解国办函〔2018〕12号：两张报表 每年1月31日前公开", JiangmenPortal, null),
            ("《政府网站监管年度报表》填写说明解读", ProvinceOffice, null),
            ("专家解读：政府网站年度报表让网站建设接受社会监督", ProvinceOffice, "吕艳滨"),
            ("解读：“问责人次”怎么统计？", ProvinceOffice, null),
            ("年度报表首次要求填报微博微信等新媒体信息", TaishanPortal, null),
            ("一文看懂政府网站工作年度报表的八项内容", JiangmenPortal, null),
        ];
        foreach (var (title, site, expert) in fixed12)
        {
            var at = Date(2018, 1, 2018, 6);
            var tags = new List<string> { Tag.Doc12, Tag.Interpretation, Tag.AnnualReport, Tag.Websites };
            var accountability = title.Contains("问责", StringComparison.Ordinal);
            if (accountability)
            {
                tags.Add(Tag.Accountability);
            }
            if (expert is not null)
            {
                tags.Add(Tag.Person(expert));
            }
            var body = Lines(
                $"2018年1月，国务院办公厅印发{Ref12()}。根据通知，每年1月31日前，公众可以在政府网站看到两张表格：《政府网站监管年度报表》和《政府网站工作年度报表》。",
                "《政府网站监管年度报表》主要包括网站抽查、安全检查、网站开设整合、“我为政府网站找错”平台网民留言办理、假冒政府网站处置、人员培训等情况。",
                "《政府网站工作年度报表》主要包括信息发布、专栏专题、解读回应、办事服务、互动交流、安全防护、移动新媒体、创新发展等情况。",
                accountability
                    ? "问责人次的统计：各政府网站要分别填写每个季度问责的不合格网站或整改不到位网站有关责任人的人次，问责形式包括约谈、书面检查、通报批评、警告或记过处分、调离岗位或免职等，同一季度对同一对象采取不同形式问责的不重复计算，按问责程度最重的统计。"
                    : "各级各类政府网站要做好网站数据统计，确保年度报表发布及时、数据真实准确，年度报表发布情况列入政府网站绩效考评。",
                expert is null ? null : $"中国社会科学院法学研究所研究员{expert}认为，要求各地区各部门编写政府网站建设的报告并向社会发布，有助于就网站建设加强社会监督、促进社会参与。");
            Add("w12-interpretation", site, CorpusColumn.Interpretation, title, body, at, tags,
                a => a with { Interprets = site == ProvincePortal ? "policy-003" : null });
        }
        Repeat(4, () =>
        {
            var p = Pick([Jiangmen, .. JiangmenCounties]);
            var year = Number(2019, 2022);
            var at = Date(year, 1, year, 2);
            return Add("w12-interpretation", p.Site, CorpusColumn.Interpretation, $"{p.Name}{year}年度政府网站年度报表数据解读",
                Lines($"按照{Ref12()}要求，{p.Name}{year}年度政府网站工作年度报表已发布。", $"从报表看，{p.Scope}政府网站全年发布信息{Number(2000, 20000)}条，办结网民留言{Number(100, 2000)}条，平均办理时间{Number(2, 7)}天，解读信息{Number(30, 200)}条。", "下一步，将重点提升解读回应和办事服务水平。"),
                at, [Tag.Doc12, Tag.Interpretation, Tag.AnnualReport, Tag.Websites, .. p.Tags]);
        });

        (string Title, string Site)[] fixed47 =
        [
            ("一图读懂《政府网站发展指引》", ProvincePortal),
            ("《政府网站发展指引》解读：建设“三个平台、一个网上政府”", ProvinceOffice),
            ("国办发〔2017〕47号解读：政府网站名称和域名怎么规范", ProvinceOffice),
            ("解读：政府网站开设整合要走哪些程序", JiangmenPortal),
            ("解读：政府网站发展指引中的集约共享要求", ProvinceOffice),
            ("图解政府网站发展指引：信息发布、解读回应、办事服务、互动交流", TaishanPortal),
            ("政府网站发展指引问答：网站迁移公告要保留多久", JiangmenPortal),
        ];
        foreach (var (title, site) in fixed47)
        {
            var at = Date(2017, 6, 2017, 12);
            var intensive = title.Contains("集约", StringComparison.Ordinal);
            var integration = title.Contains("整合", StringComparison.Ordinal) || title.Contains("迁移", StringComparison.Ordinal);
            var body = Lines(
                $"2017年5月，国务院办公厅印发{Ref47()}，对政府网站从开设到整合的全生命周期进行了规范，提出建设“三个平台、一个网上政府”的目标。",
                "《指引》明确，国务院办公厅是全国政府网站的主管单位，负责推进、指导、监督全国政府网站建设和发展；政府网站功能主要包括信息发布、解读回应、办事服务和互动交流。",
                intensive ? $"《指引》要求统筹推进政府网站集约化。{IntensivePoints[2]}{IntensivePoints[3]}各地区要建设集约化平台，集约化后的网站可保留相对独立的页面和栏目。" : null,
                integration ? "政府网站整合迁移需经审批同意后启动，拟迁移网站要在网站首页显著位置悬挂迁移公告信息；网站完成迁移后，要发布公告说明原有内容去向，有关公告信息原则上至少保留30天。" : null,
                "《指引》要求政府网站使用以.gov.cn为后缀的英文域名和符合要求的中文域名，网站名称以本地区、本部门机构名称命名。");
            var tags = new List<string> { Tag.Doc47, Tag.Guideline, Tag.Interpretation, Tag.Websites };
            if (intensive)
            {
                tags.Add(Tag.Intensive);
            }
            if (integration)
            {
                tags.Add(Tag.Integration);
            }
            if (title.Contains("互动交流", StringComparison.Ordinal))
            {
                tags.Add(Tag.Interaction);
            }
            Add("w47-interpretation", site, CorpusColumn.Interpretation, title, body, at, tags,
                a => a with { Interprets = site == ProvincePortal ? "policy-004" : null });
        }
        Repeat(8, () =>
        {
            var p = Pick(GuangdongPlaces);
            var at = Date(2017, 7, 2018, 6);
            return Add("w47-interpretation", p.Site, CorpusColumn.Interpretation, $"{p.Office}解读{p.Name}贯彻落实《政府网站发展指引》工作方案",
                Lines($"为贯彻落实{Ref47()}，{p.Office}制定了{p.Name}工作方案。", "问：方案的主要目标是什么？", $"答：到2018年底，{p.Scope}政府网站开办整合更加规范有序、服务功能更加完善便捷、信息数据更加集约开放、安全防护更加稳定可靠。", "问：网站名称和域名如何规范？", "答：政府网站要以本地区、本部门机构名称命名，使用以.gov.cn为后缀的英文域名。"),
                at, [Tag.Doc47, Tag.Guideline, Tag.Interpretation, Tag.Websites, .. p.Tags]);
        });

        string[] titles73 =
        [
            "解读：广东省贯彻落实政府网站信息内容建设意见的四项措施",
            "省府办公厅负责人解读粤府办〔2014〕73号文件",
            "图解：广东进一步加强政府网站信息内容建设",
            "解读：广东省政府网站与网上办事大厅如何融合对接",
            "问答：广东省政府网站考评机制有哪些新要求",
        ];
        foreach (var title in titles73)
        {
            var at = Date(2015, 1, 2015, 4);
            Add("w73-interpretation", Pick([ProvincePortal, ProvinceOffice]), CorpusColumn.Interpretation, title,
                Lines(
                    $"2014年12月31日，广东省人民政府办公厅印发{Notice73}（粤府办〔2014〕73号），转发{Opinion57}（国办发〔2014〕57号）并提出四项意见。",
                    "一是进一步完善政府网站内容管理体系，建立由政府办公室（厅）牵头、相关职能部门参加的政府网站信息内容建设协调机制。",
                    "二是进一步加强政府网站信息发布和内容保障，组建政府网站专业运行管理团队，建立健全网站信息采集、编辑、审核、发布制度。",
                    "三是进一步加强政府网站与网上办事大厅的融合对接，引导公众方便、准确、快捷地到达网上办事大厅办理业务。",
                    "四是进一步健全政府网站考评机制，建立政府网站年度考核、社会评价和日常督查机制。"),
                at, [Tag.Doc73, Tag.Doc57, Tag.Interpretation, Tag.Websites, Tag.ContentBuilding, Tag.Place("广东")],
                a => a with { Interprets = a.SiteCode == ProvincePortal ? "policy-002" : null });
        }
        BeijingWork();
    }

    /// <summary>The Beijing implementing opinion as other sites reported it, partly in traditional script like the seed.</summary>
    private void BeijingWork()
    {
        string[] beijing = [Tag.Place("北京"), Tag.Websites];
        Add("beijing", ProvinceOffice, CorpusColumn.News, "北京全市政府网站将只保留80余个 实现“一区一网、一部门一网”",
            Lines(
                "北京市人民政府办公厅日前印发《关于贯彻落实〈政府网站发展指引〉的实施意见》（京政办发〔2017〕51号）。",
                "目前北京全市各级各类政府网站累计达到1042个，规范整合后将只保留80余个，实现“一区一网、一部门一网”，整合比例达93%。",
                "2018年6月底前完成市政府各部门、各单位政府网站的规范整合工作；2018年12月底前完成区级及以下政府网站的规范整合工作。"),
            new DateTime(2018, 1, 18, 10, 0, 0), [Tag.DocBeijing51, Tag.Guideline, Tag.Integration, .. beijing]);
        Add("beijing", ProvinceOffice, CorpusColumn.News, "北京推进“1+N”政府网站集约化平台建设",
            Lines(
                "按照北京市贯彻落实《政府网站发展指引》的实施意见，北京市推进市、区两级政府网站集约化平台建设，总体思路是“1+N”模式，即一个市级集约化平台、N个区级集约化平台。",
                "市经济信息化委负责市级政府网站集约化平台的建设维护，并牵头制定各项接口数据标准。市政府各部门、各单位网站逐步向市级平台迁移，集约化之后信息资源纳入统一的信息资源库共享管理。",
                "各区政府建设本区集约化平台，实现“技术集约建设、资源集约管理、服务集约管控、品牌集约塑造”。"),
            new DateTime(2018, 3, 5, 9, 0, 0), [Tag.Guideline, Tag.Intensive, .. beijing]);
        Add("beijing", ProvinceOffice, CorpusColumn.News, "北京市政府网站连续6次抽查合格率达100%",
            Lines(
                "自2015年国办组织全国政府网站季度抽查以来，北京市成为唯一一个连续6次抽查合格率达100%的省级政府。",
                "北京市政府门户网站“首都之窗”连续位列全国省级政府网站绩效评估首位，西城、大兴等区政府门户网站保持全国区县级政府网站前列。"),
            new DateTime(2018, 2, 1, 15, 0, 0), [Tag.SpotCheck, .. beijing]);
        Add("beijing", ProvinceOffice, CorpusColumn.News, "北京市规范政府网站名称和域名 统一使用.gov.cn后缀",
            Lines(
                "根据北京市贯彻落实《政府网站发展指引》的实施意见，各区政府、市政府各部门、各单位的网站要以本地区、本部门、本单位机构名称命名。",
                "政府网站要使用以.gov.cn为后缀的英文域名和符合要求的中文域名，不得使用其他后缀的英文域名。"),
            new DateTime(2018, 4, 12, 10, 0, 0), [Tag.Guideline, .. beijing]);
        Add("beijing", ProvinceOffice, CorpusColumn.News, "北京市政府網站集約化平臺建設工作推進會召開",
            Lines(
                "日前，北京市召開政府網站集約化平臺建設工作推進會。按照《實施意見》要求，市經濟信息化委負責市級政府網站集約化平臺的建設維護，市政府各部門、各單位網站逐步向市級平臺遷移。",
                "各區政府建設本區集約化平臺，並與市級集約化平臺實現互聯互通和協同聯動。會議要求，市、區兩級政府要做好政府網站集約化平臺的統籌管理和考核監督，確保集約化工作穩步推進。"),
            new DateTime(2018, 5, 10, 16, 0, 0), [Tag.Intensive, .. beijing], a => a with { Traditional = true });
        Add("beijing", ProvinceOffice, CorpusColumn.News, "北京市2018年6月底前完成市級部門政府網站規範整合",
            Lines(
                "北京市全市還有960個政府網站需要整合，包括146個市級部門下屬單位網站、540個區級部門及其下屬單位網站和274個鄉鎮街道網站。",
                "2018年6月底前，完成市政府各部門、各單位政府網站的規範整合工作；2018年12月底前，完成區級及以下政府網站的規範整合工作。"),
            new DateTime(2018, 3, 20, 11, 0, 0), [Tag.Integration, .. beijing], a => a with { Traditional = true });
        Add("beijing", ProvinceOffice, CorpusColumn.News, "北京：政府網站整合遷移須做到內容不少、數據不丟",
            Lines(
                "北京市要求各區政府、市政府各部門、各單位對政務服務網、公共資源交易網、數據開放網等各類網站進行全面梳理，摸清底數。",
                "要做好被整合網站內容遷移工作，杜絕一關了之，確保內容不少、數據不丟、保障不減。對已開設的、確需保留的政府網站，報市政府辦公廳進行重新審核登記。"),
            new DateTime(2018, 6, 2, 9, 30, 0), [Tag.Integration, .. beijing], a => a with { Traditional = true });
        Add("beijing", ProvinceOffice, CorpusColumn.Interpretation, "北京市政府網站建設管理《實施意見》十問十答",
            Lines(
                "問：《實施意見》的文號和出臺背景是什麼？",
                "答：北京市人民政府辦公廳印發《關於貫徹落實〈政府網站發展指引〉的實施意見》（京政辦發〔2017〕51號），是近年來北京市首個政府網站頂層設計的指導性文件。",
                "問：全市政府網站的主管單位是誰？",
                "答：市政府辦公廳是全市政府網站的主管單位，負責推進、指導、監督全市政府網站建設和發展。",
                "問：集約化平臺怎麼建？",
                "答：總體思路是“1+N”的模式，即一個市級集約化平臺、N個區級集約化平臺，集約化之後資訊資源要納入統一的資訊資源庫共用管理。"),
            new DateTime(2018, 1, 25, 10, 0, 0), [Tag.DocBeijing51, Tag.Guideline, Tag.Interpretation, Tag.Intensive, .. beijing],
            a => a with { Traditional = true });
    }

    /// <summary>The people the seeds name: 韩永文 (Hunan, 2011), 王仲伟 (2014) and the experts quoted in the 12号 news.</summary>
    private void People()
    {
        string[] han = [Tag.Person("韩永文"), Tag.Place("湖南"), Tag.Websites];
        Add("person", ProvinceOffice, CorpusColumn.News, "湖南省召开全省政府网站建设工作会议",
            Lines(
                "3月31日，湖南省召开全省政府网站建设工作会议，总结2010年全省政府网站工作，部署“十二五”开局之年政府网站建设任务。副省长韩永文出席会议并讲话。",
                "韩永文指出，政府网站是各级各部门在互联网上发布政务信息的主平台、加强政民互动的新渠道、实行网上办事的主窗口和开展网络宣传的主阵地。全省政府网站基本体系已经建立，解决了“有没有”的问题，当前亟需解决“好不好”的问题。",
                "会议对2010年度全省政府网站绩效评估先进单位和个人进行了通报表彰。"),
            new DateTime(2011, 3, 31, 18, 0, 0), han);
        Add("person", ProvinceOffice, CorpusColumn.News, "韩永文：努力打造全国一流的政府网站",
            Lines(
                "湖南省副省长韩永文在全省政府网站建设工作会议上强调，要以政府网站能力建设为重点，不断提高网站质量和水平，加快跻身并保持全国一流。",
                "他要求，深化政务公开，提升政府网站信息发布能力；强化服务意识，提升政府网站网上办事能力；增强交流，提升政府网站政民互动能力；整合资源，提升政府网站的整体功能。确保今年7月份全省网上政务服务和电子监察系统圆满建成。"),
            new DateTime(2011, 4, 1, 9, 0, 0), han);
        Add("person", ProvinceOffice, CorpusColumn.News, "湖南省政府门户网站绩效评估排名全国第七",
            Lines(
                "在2010年全国省级政府门户网站绩效评估中，湖南省政府门户网站排名第7位，长沙市、衡阳市、常德市等在全国市级政府门户网站绩效评估中排名靠前。",
                "副省长韩永文在全省政府网站建设工作会议上向受到通报表彰的先进单位和个人表示祝贺，要求为实现省委省政府提出的建设一流政府网站的目标不懈努力。"),
            new DateTime(2011, 4, 8, 10, 0, 0), han);
        Add("person", ProvinceOffice, CorpusColumn.News, "湖南部署建设全省网上政务服务和电子监察系统",
            Lines(
                "根据副省长韩永文在全省政府网站建设工作会议上的部署，湖南省今年将建成网上政务服务和电子监察系统。",
                "系统建设由省政府办公厅牵头，省监察厅负责监督和业务指导，省经济研究信息中心具体承担建设和运行维护任务，各市州、县市区政府参与建设和管理，确保今年7月份圆满建成，提升政府网站网上办事能力。"),
            new DateTime(2011, 4, 15, 11, 0, 0), han);
        Add("person", ProvinceOffice, CorpusColumn.News, "他山之石：湖南推进“一级政府一个门户网站”",
            Lines(
                "2011年3月，湖南省副省长韩永文在全省政府网站建设工作会议上提出，要按照“一级政府一个门户网站”的基本原则，逐步整合政府部门网站。",
                "湖南逐步建立以政府门户网站为主站、以部门网站及其应用为子站的网站群体系，加快实现政府网站从平行模式向主从模式转变，有效整合资源，降低运维管理成本。"),
            new DateTime(2012, 6, 12, 10, 0, 0), [.. han, Tag.Integration]);
        Add("person", ProvinceOffice, CorpusColumn.News, "湖南召開全省政府網站建設工作會議 韓永文出席並講話",
            Lines(
                "3月31日，湖南省召開全省政府網站建設工作會議。副省長韓永文出席會議並講話。",
                "韓永文要求，各級各部門要提高認識，進一步增強政府網站建設的緊迫感和責任感；夯實基礎，努力打造全國一流的政府網站；強化保障，營造全省政府網站發展的良好條件。"),
            new DateTime(2011, 4, 1, 16, 0, 0), han, a => a with { Traditional = true });

        string[] wang = [Tag.Person("王仲伟"), Tag.Websites, Tag.ContentBuilding];
        Add("person", ProvinceOffice, CorpusColumn.News, "全国政府网站工作交流会召开",
            Lines(
                "11月3日，全国政府网站工作交流会在京召开。国务院副秘书长王仲伟出席会议并讲话。",
                "会议学习领会党中央、国务院领导同志的重要指示精神，围绕政府网站信息发布和内容建设，总结交流经验，分析存在问题，研究加强和改进的政策措施。",
                "王仲伟要求，力争用3个月到半年时间，省级政府网站和国务院各部门政府网站要彻底杜绝“不及时、不准确、不回应、不实用”等现象；用1年时间，基本消除市县两级政府网站中这些问题。"),
            new DateTime(2014, 11, 4, 9, 0, 0), wang);
        Add("person", ProvinceOffice, CorpusColumn.News, "王仲伟：在最短时间内解决政府网站“四不”问题",
            Lines(
                "国务院副秘书长王仲伟指出，信息时效性问题是许多政府网站的顽疾。不少网站栏目众多却经常“开天窗”，有些网站开通后不久就成为“睡眠网站”、“僵尸网站”，内容长时间不更新。",
                "他要求在最短时间内解决“不及时、不准确、不回应、不实用”等问题，信息更新要达标，把信息更新的数量、时限、标准作为考查政府网站是否合格的具体指标。"),
            new DateTime(2014, 12, 2, 10, 0, 0), [.. wang, Tag.Updates, Tag.Zombie]);
        Add("person", ProvinceOffice, CorpusColumn.News, "国务院副秘书长王仲伟：打造24小时不关门的网上政府",
            Lines(
                "王仲伟在全国政府网站工作交流会上强调，办好政府网站一定要紧密结合转变政府职能、简政放权、创新政府管理和服务方式，找准政府网站的功能定位，丰富服务内容，拓展服务方式。",
                "通过提供网上服务，使政府网站真正成为政府在互联网上的新界面，打造24小时不关门的网上政府。"),
            new DateTime(2014, 12, 5, 10, 0, 0), wang);
        Add("person", JiangmenPortal, CorpusColumn.News, "江门市政府办组织学习王仲伟同志在全国政府网站工作交流会上的讲话精神",
            Lines(
                "12月10日，江门市人民政府办公室组织学习国务院副秘书长王仲伟同志在全国政府网站工作交流会上的讲话精神。",
                "会议要求，全市各级政府网站要对照“不及时、不准确、不回应、不实用”问题开展自查，切实加强政府网站内容建设。"),
            new DateTime(2014, 12, 10, 17, 0, 0), [.. wang, Tag.Place("江门")]);
        Add("person", ProvinceOffice, CorpusColumn.News, "王仲伟谈政府网站专业队伍建设",
            Lines(
                "王仲伟指出，办好政府网站，说到底还是要靠人、靠队伍。现在大多数地方政府网站人手短缺、流动快、兼职多。",
                "有人提出省级政府网站的专职管理人员一般不能少于15人、地（市）级的不能少于5人、县（区）级的不能少于3人，这个要求实在是太低了。没有一支稳定的专业队伍，不可能支撑下来。"),
            new DateTime(2014, 12, 8, 15, 0, 0), wang);

        Add("person", ProvinceOffice, CorpusColumn.News, "吕艳滨：门户网站仍是政务公开的第一平台",
            Lines(
                "中国社科院法学所研究员吕艳滨指出，门户网站是现代信息化时代政务公开、政务服务和政民沟通的第一平台。",
                "即便在移动互联网快速普及发展的今天，门户网站在发布权威政务信息、方便公众在线办事、加强与群众沟通交流方面仍然具有不可替代的优势。"),
            new DateTime(2018, 3, 1, 10, 0, 0), [Tag.Person("吕艳滨"), Tag.Websites]);
        Add("person", ProvinceOffice, CorpusColumn.News, "政府透明度指数报告发布 专家建议政府网站集中发布年度报表",
            Lines(
                "中国社会科学院法学研究所发布政府透明度指数报告。项目负责人吕艳滨建议，各地政府门户网站开设年度报表专栏，集中发布本地区各级各类政府网站的工作年度报表。",
                "报告显示，多数评估对象已按照国办函〔2018〕12号要求在1月31日前发布年度报表，但部分网站数据填报不够准确。"),
            new DateTime(2019, 3, 20, 10, 0, 0), [Tag.Person("吕艳滨"), Tag.AnnualReport, Tag.Doc12, Tag.Websites]);
        Add("person", ProvinceOffice, CorpusColumn.News, "王敬波：政府网站整合要防止“一关了之”",
            Lines(
                "中国政法大学法治政府研究院教授王敬波认为，对政府网站进行整合以实现集约化是必然的选择，但整合迁移需要考虑公众对被整合网站原有功能的使用。",
                "迁移中的政府网站应当及时发布公告，告知如何寻找相关网站以及如何继续使用相关功能。集约化不是简单关停，要确保内容不少、数据不丢。"),
            new DateTime(2018, 2, 20, 10, 0, 0), [Tag.Person("王敬波"), Tag.Integration, Tag.Intensive, Tag.Websites]);
        Add("person", ProvinceOffice, CorpusColumn.News, "专家建议政府网站迁移与搜索引擎合作实现自动跳转",
            Lines(
                "“公众大量使用搜索引擎来查找政府网站，要迁移的政府网站是否可以通过与搜索引擎合作，实现搜索结果的自动关联和跳转？”王敬波说，这样就减少了新旧网站因为衔接不畅带来的问题。"),
            new DateTime(2018, 3, 10, 10, 0, 0), [Tag.Person("王敬波"), Tag.Integration, Tag.Websites]);
        Add("person", ProvinceOffice, CorpusColumn.News, "王敬波：改进政府网站关键是树立“服务本位”理念",
            Lines(
                "“对于公众来说，他们真正看重的是政府网站的服务功能。”王敬波认为，改进政府网站，最关键的一点就是改变以政府为中心的“管理本位”理念，真正树立以用户为中心的“服务本位”理念。"),
            new DateTime(2018, 4, 2, 10, 0, 0), [Tag.Person("王敬波"), Tag.Websites]);
        Add("person", ProvinceOffice, CorpusColumn.News, "翟云：打通政务数据壁垒 破解“信息孤岛”",
            Lines(
                "国家行政学院电子政务研究中心副教授翟云在调研中发现，公民户籍、教育、就业、生育、医疗、婚姻等基本信息多数处于分散、割据的碎片化状态，不能实现部门间、地区间互通共享。",
                "一事一办、特事特办、重复采集、一数多源等情况较为普遍，需要加快推进人口、法人、空间地理、社会信用等基础信息库互联互通。"),
            new DateTime(2018, 3, 15, 10, 0, 0), [Tag.Person("翟云")]);
        Add("person", ProvinceOffice, CorpusColumn.News, "专家谈“互联网+政务服务”：办事平台与门户网站不能“两张皮”",
            Lines(
                "一些地方互联网政务服务平台与政府门户网站“两张皮”，甚至出现同一事项内容不同、标准各异的现象，导致办事平台不好找、企业群众不愿用。",
                "国家行政学院电子政务研究中心副教授翟云建议，统一办事入口，政府门户网站与政务服务平台一体化建设。"),
            new DateTime(2018, 4, 20, 10, 0, 0), [Tag.Person("翟云"), Tag.Websites]);
    }

    /// <summary>Local leaders' speeches at website meetings; the speakers are fictional.</summary>
    private void Speeches()
    {
        string[] headings =
        [
            "提高认识，切实增强办好政府网站的责任感", "突出重点，着力提升政府网站信息内容质量", "强化保障，推动政府网站工作常态长效",
            "完善机制，压实主管主办责任", "加强互动，及时回应群众关切",
        ];
        Repeat(41, () =>
        {
            var p = Pick(GuangdongPlaces);
            var speaker = Pick(Officials);
            var year = Number(2015, 2019);
            var at = Date(year, 3, year, 11);
            var chosen = PickSome(headings, 3);
            var points = PickSome(SpeechPoints, 6);
            var tags = new List<string> { Tag.Websites };
            tags.AddRange(p.Tags);
            var interaction = chosen.Contains(headings[4]);
            if (interaction)
            {
                tags.Add(Tag.Interaction);
            }
            string Section(int i) => chosen[i] == headings[4]
                ? "对网民提出的有价值、有意义的意见建议，应在规定的工作日内予以反馈，暂缓办理和无法办理的要给予说明；领导信箱、在线访谈、意见征集等互动栏目要有人管、有回音。"
                : points[2 * i] + points[(2 * i) + 1];
            var body = Lines(
                "同志们：",
                $"今天召开{p.Scope}政府网站工作会议，主要任务是总结{year - 1}年政府网站工作，部署今年任务。下面，我讲三点意见。",
                $"一、{chosen[0]}", Section(0),
                $"二、{chosen[1]}", Section(1),
                $"三、{chosen[2]}", Section(2),
                "同志们，办好政府网站责任重大，希望大家攻坚克难，推动政府网站工作再上新台阶。");
            return Add("speech", p.Site, CorpusColumn.News, $"{speaker}在{p.Name}{year}年政府网站工作会议上的讲话", body, at, tags,
                a => a with { Author = speaker });
        });
    }

    /// <summary>集约化 platforms and site migrations, with the 57号 (十六) and 指引 wording.</summary>
    private void IntensiveWork()
    {
        Repeat(52, () =>
        {
            var p = Pick(GuangdongPlaces);
            var at = Date(2016, 1, 2020, 12);
            var n = Number(8, 60);
            var tags = new List<string> { Tag.Intensive, Tag.Websites };
            tags.AddRange(p.Tags);
            string basis;
            if (at.Year >= 2017 && Chance(0.6))
            {
                basis = Ref47();
                tags.AddRange([Tag.Doc47, Tag.Guideline]);
            }
            else
            {
                basis = Ref57();
                tags.Add(Tag.Doc57);
            }
            var kind = _random.Next(5);
            if (kind == 1)
            {
                tags.Add(Tag.Integration);
            }
            var title = kind switch
            {
                0 => $"{p.Name}政府网站集约化平台正式上线运行",
                1 => $"{p.Name}{n}个部门网站完成向集约化平台迁移",
                2 => $"{p.Name}召开政府网站集约化建设推进会",
                3 => $"{p.Name}政府网站集约化平台通过网络安全等级保护测评",
                _ => $"{p.Office}关于印发{p.Name}政府网站集约化建设实施方案的通知",
            };
            var points = PickSome(IntensivePoints, 2);
            var body = kind == 4
                ? Lines(
                    $"{p.Subordinates}：",
                    $"为贯彻落实{basis}关于推进政府网站集约化建设的要求，经{p.Name}人民政府同意，现将《{p.Name}政府网站集约化建设实施方案》印发给你们，请认真组织实施。",
                    $"一、建设目标。{FullDate(at.AddMonths(12))}前建成{p.Scope}统一的政府网站集约化平台，{points[0]}",
                    $"二、主要任务。{points[1]}",
                    "三、工作要求。各单位要按照时间节点完成网站迁移，迁移期间在原网站首页悬挂迁移公告，确保集约化建设期间政府网站正常运行。",
                    p.Office,
                    FullDate(at))
                : Lines(
                    $"{Day(at)}，{title}。按照{basis}关于推进政府网站集约化建设的要求，{p.Name}建设{p.Scope}统一的政府网站集约化平台。",
                    points[0] + points[1],
                    $"目前，已有{n}个部门网站和{Number(3, 20)}个镇（街）网站迁入集约化平台，原网站域名统一跳转，集约化建设每年节约运维经费约{Number(80, 600)}万元。");
            return Add("intensive", p.Site, kind == 4 ? CorpusColumn.Policy : CorpusColumn.News, title, body, at, tags,
                a => kind == 4 ? a with { Issuer = p.Office, DocNumber = DocNumber(p.Abbr, at.Year), WrittenDate = DateOnly.FromDateTime(at) } : a);
        });
        Repeat(17, () =>
        {
            var town = Pick(TaishanTowns);
            var at = Date(2017, 1, 2019, 12);
            var body = Lines(
                $"按照政府网站集约化建设要求，{town.Name}原政府网站于{FullDate(at)}停止更新，栏目和内容整体迁移至台山市政府门户网站集约化平台，在“镇街动态”下开设子站。",
                $"迁移期间，原网站首页悬挂迁移公告，说明原有内容去向，公告保留30天以上。{IntensivePoints[4]}",
                "集约化后，镇（街）主要提供信息内容，编辑集成、技术安全、运维保障等由台山市政府门户网站承担。");
            return Add("intensive", TaishanPortal, CorpusColumn.News, $"{town.Name}政府网站整合迁移至台山市政府门户网站", body, at,
                [Tag.Intensive, Tag.Integration, Tag.Websites, .. town.Tags]);
        });
        Repeat(5, () =>
        {
            var at = Date(2017, 3, 2019, 12);
            var n = Number(6, 30);
            var title = Pick([$"台山市{n}个部门网站迁移至江门市政府网站集约化平台", $"台山市政府门户网站迁入江门市政府网站集约化平台（{at.Year}年）", $"江门市政府网站集约化平台新增台山市{n}个部门子站"]);
            var body = Lines(
                $"{FullDate(at)}，台山市{n}个部门网站完成向江门市政府网站集约化平台的迁移。按照{Ref47()}的要求，江门市建设全市统一的政府网站集约化平台，县级政府部门不再单独建设政府网站。",
                IntensivePoints[2],
                "迁移后，原网站地址自动跳转到新网站相应栏目，内容不少、数据不丢。");
            return Add("intensive", TaishanPortal, CorpusColumn.News, title, body, at,
                [Tag.Intensive, Tag.Integration, Tag.Websites, Tag.Doc47, Tag.Guideline, Tag.Place("台山"), Tag.Place("江门")]);
        });
        Add("intensive", ProvinceOffice, CorpusColumn.News, "湖南省政府网站集约化平台建设启动",
            Lines("湖南省启动全省政府网站集约化平台建设，按照统一标准体系、统一技术平台、统一安全防护、统一运维监管的要求，推动市州、县市区政府网站向集约化平台迁移。", IntensivePoints[1]),
            new DateTime(2018, 7, 10, 10, 0, 0), [Tag.Intensive, Tag.Websites, Tag.Place("湖南")]);
        Add("intensive", ProvinceOffice, CorpusColumn.News, "湖南：县级政府部门网站全部整合迁移至县级政府门户网站",
            Lines("湖南省要求县级政府部门网站全部整合迁移至县级政府门户网站，乡镇政府（街道办事处）不再单独开设政府网站。", IntensivePoints[4]),
            new DateTime(2018, 11, 5, 10, 0, 0), [Tag.Integration, Tag.Websites, Tag.Place("湖南")]);
        Add("intensive", ProvinceOffice, CorpusColumn.News, "廣東省政府網站集約化平臺建設穩步推進",
            Lines("廣東省按照《政府網站發展指引》要求，推進全省政府網站集約化建設，各地級以上市建設本地區統一的政府網站集約化平臺。", "集約化平臺實行統一標準體系、統一技術平臺、統一安全防護、統一運維監管，實現數據互認共享。"),
            new DateTime(2018, 9, 12, 10, 0, 0), [Tag.Intensive, Tag.Guideline, Tag.Websites, Tag.Place("广东")], a => a with { Traditional = true });
        Add("intensive", JiangmenPortal, CorpusColumn.News, "江門市政府網站集約化平臺上線 海外鄉親可瀏覽繁體版",
            Lines("江門市政府網站集約化平臺正式上線，全市各級各部門網站統一遷入平臺，並提供繁體中文瀏覽服務，方便海外鄉親瀏覽。", "集約化平臺按照“先入庫、後使用”原則，對平臺上各政府網站的資訊資源統一管理。"),
            new DateTime(2019, 6, 18, 10, 0, 0), [Tag.Intensive, Tag.Websites, Tag.Place("江门")], a => a with { Traditional = true });
    }

    /// <summary>政府信息公开: annual disclosure reports (not the website 年度报表), guides and notices.</summary>
    private void DisclosureWork()
    {
        string[] bodies =
        [
            "江门市人力资源和社会保障局", "江门市教育局", "江门市自然资源局", "江门市民政局", "江门市市场监督管理局", "江门市医疗保障局",
            "台山市人民政府", "开平市人民政府", "新会区人民政府", "鹤山市人民政府", "恩平市人民政府", "蓬江区人民政府",
        ];
        Repeat(35, () =>
        {
            var org = Pick(bodies);
            var year = Number(2019, 2024);
            var at = Date(year + 1, 1, year + 1, 1);
            var site = org.StartsWith("台山", StringComparison.Ordinal) ? TaishanPortal
                : org.Contains("人力资源", StringComparison.Ordinal) ? JiangmenSocial
                : org.Contains("教育局", StringComparison.Ordinal) ? JiangmenEducation : JiangmenPortal;
            var place = PlaceOf(org);
            var received = Number(5, 160);
            var body = Lines(
                $"本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制，报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。",
                $"一、总体情况。{year}年，{org}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全年主动公开政府信息{Number(300, 6000)}条。",
                $"二、主动公开政府信息情况。制发规范性文件{Number(0, 12)}件，现行有效规范性文件{Number(5, 80)}件。",
                $"三、收到和处理政府信息公开申请情况。本年新收政府信息公开申请{received}件，上年结转{Number(0, 5)}件；予以公开{Number(0, received)}件，本机关不掌握相关政府信息{Number(0, 20)}件。",
                $"四、政府信息公开行政复议、行政诉讼情况。因政府信息公开被申请行政复议{Number(0, 4)}件，被提起行政诉讼{Number(0, 2)}件。",
                "五、存在的主要问题及改进情况。政策解读形式较为单一，依申请公开答复规范化水平有待提高。下一步，将进一步完善政府信息公开目录，提升政府信息公开工作质量。",
                "六、其他需要报告的事项。本年度未收取信息处理费。");
            return Add("disclosure-report", site, CorpusColumn.Report, $"{org}{year}年政府信息公开工作年度报告", body, at,
                [Tag.Disclosure, Tag.DisclosureReport, Tag.Place(place)]);
        });
        Repeat(10, () =>
        {
            var org = Pick(bodies);
            var site = org.StartsWith("台山", StringComparison.Ordinal) ? TaishanPortal : org.Contains("人力资源", StringComparison.Ordinal) ? JiangmenSocial : JiangmenPortal;
            var at = Date(2019, 6, 2024, 12);
            var body = Lines(
                $"为便于公民、法人和其他组织获取{org}的政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。",
                $"一、主动公开。主动公开的政府信息通过{org}网站“政府信息公开”专栏、政府公报、档案馆等途径公开，属于主动公开范围的政府信息自形成或者变更之日起20个工作日内予以公开。",
                "二、依申请公开。申请人可以通过互联网、信函、当面提交等方式提出政府信息公开申请，申请时应当提供身份证明，并写明所需政府信息的名称、文号或者便于查询的其他特征性描述。",
                "三、答复期限。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复，需要延长的，延长期限最长不超过20个工作日。",
                $"四、受理机构。{org}办公室，咨询电话：{Phone()}。");
            return Add("disclosure-guide", site, CorpusColumn.Guide, $"{org}政府信息公开指南（{at.Year}年修订）", body, at,
                [Tag.Disclosure, Tag.Place(PlaceOf(org))]);
        });
        Repeat(35, () =>
        {
            var p = Pick([Jiangmen, .. JiangmenCounties, Guangdong, .. OtherCities]);
            var at = Date(2019, 1, 2025, 6);
            var kind = _random.Next(4);
            var title = kind switch
            {
                0 => $"{p.Name}召开政府信息公开工作推进会",
                1 => $"{p.Office}关于进一步做好政府信息公开工作的通知",
                2 => $"{p.Name}政府信息公开目录完成规范调整",
                _ => $"{p.Name}开展政府信息公开专项检查",
            };
            var body = Lines(
                $"为深入贯彻《中华人民共和国政府信息公开条例》，{p.Name}{(kind == 0 ? "召开政府信息公开工作推进会" : "部署政府信息公开重点工作")}。",
                "各单位要坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开，各部门网站首页要设置“政府信息公开”栏目，栏目下设政府信息公开指南、政府信息公开目录、政府信息公开年度报告、依申请公开和政府信息公开意见箱等专栏。",
                "要规范依申请公开办理，严格按照法定期限答复，做好政府信息公开前的保密审查。",
                kind == 2 ? "调整后的政府信息公开目录与政府网站栏目数据对接，及时调整无内容发布、设立不规范的类目。" : null);
            return Add("disclosure", p.Site, kind == 1 ? CorpusColumn.Notice : CorpusColumn.News, title, body, at,
                [Tag.Disclosure, .. p.Tags],
                a => kind == 1 ? a with { Issuer = p.Office, DocNumber = DocNumber(p.Abbr + "函", at.Year) } : a);
        });
    }

    /// <summary>互动交流: mailbox monthly summaries, online interviews (some on ordinary business), consultations, surveys.</summary>
    private void InteractionWork()
    {
        (string Q, string A)[] letters =
        [
            ("市政府门户网站“政策文件”栏目有部分附件无法下载，请尽快处理。", "经核查，相关附件链接已修复，感谢您对政府网站工作的关心和支持。"),
            ("小区旁边的路灯坏了一个多月，希望有关部门尽快维修。", "经城市管理部门现场核实，路灯已于近日修复。"),
            ("建议在公园增设儿童游乐设施。", "您的建议已转园林部门研究，将在年内改造中统筹考虑。"),
            ("反映某路段夜间施工噪音扰民。", "经核查，该工地已按要求调整施工时间，执法部门将加强巡查。"),
        ];
        Repeat(25, () =>
        {
            var p = Pick([Jiangmen, Taishan, .. JiangmenCounties]);
            var year = Number(2019, 2025);
            var month = Number(1, 12);
            var n = Number(40, 400);
            var letter = Pick(letters);
            var body = Lines(
                $"{year}年{month}月，{p.Name}领导信箱共收到群众来信{n}件，已办结{n - Number(0, 8)}件，平均办理时间{Number(3, 9)}个工作日。",
                "来信主要涉及城市管理、交通出行、劳动保障、教育、住房等方面。现将部分来信及答复选登如下：",
                $"来信：{letter.Q}",
                $"答复：{letter.A}");
            return Add("mailbox", p.Site, CorpusColumn.Mailbox, $"{p.Name}领导信箱{year}年{month}月来信办理情况", body, Date(year, month, year, month).AddMonths(1),
                [Tag.Interaction, Tag.Mailbox, .. p.Tags]);
        });
        (string Subject, string Unit, string Site, string[] Tags, string Talk)[] interviews =
        [
            ("政府网站建设与管理", "江门市政务服务数据管理局", JiangmenPortal, [Tag.Websites],
                "政府网站是政府在互联网上的“窗口”，我们将按照集中管理、统一运维的要求，持续提升政府网站内容质量，及时回应网民关切。"),
            ("政务公开工作", "江门市人民政府办公室", JiangmenPortal, [Tag.Disclosure],
                "我们坚持以公开为常态、不公开为例外，今年重点做好政策解读和政府信息公开目录的规范工作。"),
            ("义务教育招生入学政策", "江门市教育局", JiangmenEducation, [Tag.SchoolEntry, Tag.Education],
                "今年义务教育阶段招生继续实行划片招生、就近入学，适龄儿童的家长可登录招生报名系统填报信息，报名需准备户口簿、居住证明等材料。"),
            ("社会保险缴费政策", "江门市人力资源和社会保障局", JiangmenSocial, [Tag.SocialInsurance, Tag.SocialPayment],
                "社会保险费由税务部门统一征收，参保人可通过电子税务局、“粤税通”小程序或银行网点缴费，灵活就业人员可自主选择缴费基数。"),
            ("不动产登记便民服务", "江门市自然资源局", JiangmenPortal, [Tag.RealEstate],
                "不动产登记已实现“一窗受理、集成服务”，一般登记办理时间压缩至5个工作日以内。"),
            ("城乡低保政策", "台山市民政局", TaishanPortal, [Tag.Dibao, Tag.DibaoApply],
                "申请低保由申请人向户籍所在地镇人民政府（街道办事处）提出，经家庭经济状况调查核对和公示后，由市民政局审批。"),
        ];
        Repeat(25, () =>
        {
            var it = Pick(interviews);
            var year = Number(2019, 2025);
            var at = Date(year, 1, year, 12);
            var body = Lines(
                $"{FullDate(at)}，{it.Unit}负责人做客{(it.Site == TaishanPortal ? "台山市" : "江门市")}政府门户网站“在线访谈”栏目，就{it.Subject}与网民在线交流。",
                $"主持人：请介绍一下{it.Subject}的情况。",
                $"嘉宾：{it.Talk}",
                $"访谈中，嘉宾共回答网民提问{Number(8, 40)}个。");
            return Add("interview", it.Site, CorpusColumn.Mailbox, $"在线访谈：{it.Unit}负责人谈{it.Subject}（{year}年）", body, at,
                [Tag.Interaction, Tag.Interview, .. it.Tags, Tag.Place(it.Site == TaishanPortal ? "台山" : "江门")]);
        });
        (string Draft, string[] Tags)[] drafts =
        [
            ("江门市政府网站管理办法", [Tag.Websites]),
            ("江门市城乡居民最低生活保障实施办法", [Tag.Dibao]),
            ("江门市义务教育阶段学校招生工作指导意见", [Tag.SchoolEntry, Tag.Education]),
            ("江门市政务新媒体管理办法", [Tag.Websites]),
            ("台山市不动产登记便民服务若干措施", [Tag.RealEstate]),
        ];
        Repeat(15, () =>
        {
            var d = Pick(drafts);
            var year = Number(2019, 2025);
            var at = Date(year, 1, year, 12);
            var body = Lines(
                $"为提高政策制定的透明度和公众参与度，现将《{d.Draft}（征求意见稿）》全文公布，公开征求社会各界意见。",
                $"意见征集时间：{FullDate(at)}至{FullDate(at.AddDays(30))}。公众可通过政府门户网站“意见征集”栏目、电子邮件或信函提出意见。",
                "征集结束后，我们将对意见采纳情况进行汇总并公开反馈。");
            var place = d.Draft.StartsWith("台山", StringComparison.Ordinal) ? "台山" : "江门";
            return Add("consultation", place == "台山" ? TaishanPortal : JiangmenPortal, CorpusColumn.Mailbox,
                $"关于公开征求《{d.Draft}（征求意见稿）》意见的公告（{year}年）", body, at,
                [Tag.Interaction, Tag.Consultation, .. d.Tags, Tag.Place(place)]);
        });
        Repeat(15, () =>
        {
            var p = Pick([Jiangmen, .. JiangmenCounties]);
            var at = Date(2018, 1, 2024, 12);
            var title = Chance(0.5) ? $"{p.Name}政府网站互动交流平台整合上线" : $"{p.Name}政府网站互动交流栏目满意度网上调查结果（{at.Year}年）";
            var body = Lines(
                $"为加强与公众的互动交流，{p.Name}将领导信箱、咨询投诉、意见征集、在线访谈、网上调查等互动栏目统一整合到政府门户网站互动交流平台。",
                "平台实行统一受理、分级转办、限时办结、统一反馈，有价值、有意义的留言在7个工作日内反馈处理意见，情况复杂的可延长至15个工作日。",
                $"网上调查显示，网民对互动交流栏目回复及时性满意率为{Number(85, 99)}%。");
            return Add("interaction", p.Site, CorpusColumn.News, title, body, at, [Tag.Interaction, Tag.Websites, .. p.Tags]);
        });
    }

    /// <summary>The place an office of the Jiangmen area belongs to, by the first two characters of its name.</summary>
    private static string PlaceOf(string org) =>
        org[..2] is "台山" or "开平" or "新会" or "鹤山" or "恩平" or "蓬江" ? org[..2] : "江门";

    /// <summary>Sites that are not updated: spot-check notices, 僵尸网站 clean-ups, the 2015 census, self-checks.</summary>
    private void UpdateChecks()
    {
        Repeat(40, () =>
        {
            var p = Pick([Guangdong, Jiangmen, .. JiangmenCounties, .. OtherCities]);
            var year = Number(2016, 2023);
            var quarter = Number(1, 4);
            var at = Date(year, quarter * 3, year, quarter * 3).AddMonths(1);
            var checkedCount = Number(30, 400);
            var tags = new List<string> { Tag.SpotCheck, Tag.Updates, Tag.Websites };
            tags.AddRange(p.Tags);
            string basis;
            if (year >= 2018 && Chance(0.5))
            {
                basis = Ref47();
                tags.AddRange([Tag.Doc47, Tag.Guideline]);
            }
            else
            {
                basis = Ref57();
                tags.Add(Tag.Doc57);
            }
            var body = Lines(
                $"{p.Subordinates}：",
                $"根据{basis}有关要求，{p.Office}于{year}年第{quarter}季度对{p.Scope}{checkedCount}个政府网站进行了抽查，抽查比例{Number(30, 60)}%，总体合格率{Number(90, 100)}%。现将有关情况通报如下：",
                "一、存在的主要问题。一是部分网站首页长期不更新，个别网站首页信息停留在两周以前；二是一些网站栏目长期不更新、空白栏目较多，“开天窗”现象仍未根除；三是互动回应不及时，有的留言超过3个月未答复；四是部分办事指南要素不全。",
                "二、工作要求。各单位要对照问题清单逐项整改，对内容更新没有保障的栏目及时归并或关闭，整改情况于通报印发之日起15个工作日内书面报送。");
            return Add("spotcheck", p.Site, CorpusColumn.Notice, $"{p.Office}关于{year}年第{quarter}季度政府网站抽查情况的通报", body, at, tags,
                a => a with { Issuer = p.Office, DocNumber = DocNumber(p.Abbr + "函", at.Year) });
        });
        Repeat(20, () =>
        {
            var p = Pick([Guangdong, Jiangmen, .. JiangmenCounties, .. OtherCities]);
            var at = Date(2015, 3, 2019, 12);
            var n = Number(3, 40);
            var title = _random.Next(3) switch
            {
                0 => $"{p.Name}关停整改{n}家“僵尸”网站",
                1 => $"{p.Name}开展“僵尸网站”专项清理整治",
                _ => $"{p.Name}督促{n}个长期不更新的政府网站限期整改",
            };
            var body = Lines(
                $"针对部分政府网站长期不更新、栏目“开天窗”、互动栏目无人回应等问题，{p.Name}开展“僵尸网站”专项清理整治。",
                $"经排查，{p.Scope}共有{n}个网站存在内容长期不更新、链接无法打开等问题，其中{Number(1, n)}个已关停并将内容迁移至上级政府网站，其余限期整改。",
                "对整改不到位的网站，将通报相关主管主办单位并对有关责任人进行约谈。");
            return Add("zombie", p.Site, CorpusColumn.News, title, body, at, [Tag.Zombie, Tag.Updates, Tag.Websites, .. p.Tags]);
        });
        Repeat(15, () =>
        {
            var p = Pick([Guangdong, Jiangmen, .. JiangmenCounties, .. OtherCities]);
            var at = Date(2015, 4, 2015, 12);
            var n = Number(20, 600);
            var body = Lines(
                $"按照《国务院办公厅关于开展第一次全国政府网站普查的通知》（国办发〔2015〕15号）部署，{p.Name}对{p.Scope}{n}个政府网站开展普查。",
                $"普查发现，部分网站存在内容长期不更新、信息发布不准确、互动回应不及时、服务不实用等问题，{Number(5, n / 3)}个网站经整改后合格，{Number(1, 30)}个网站予以关停。",
                "对未按时整改的网站，普查结果将纳入年度绩效考核。");
            return Add("census", p.Site, CorpusColumn.News, $"{p.Name}完成第一次政府网站普查（{FullDate(at)}）", body, at,
                [Tag.SpotCheck, Tag.Updates, Tag.Websites, .. p.Tags]);
        });
        Repeat(15, () =>
        {
            var p = Pick([Jiangmen, .. JiangmenCounties]);
            var at = Date(2016, 1, 2023, 12);
            var body = Lines(
                $"根据政府网站日常监测要求，{p.Office}组织对{p.Name}各部门网站栏目更新情况进行自查。",
                $"自查发现{Number(1, 12)}个栏目超过规定时限未更新，{Number(0, 5)}个栏目为空白栏目，已督促责任单位补充内容或归并关闭。",
                "下一步将建立栏目更新情况周报制度，对连续两周未更新的首页和栏目进行预警。");
            return Add("selfcheck", p.Site, CorpusColumn.Notice, $"{p.Name}政府网站栏目更新情况自查报告（{at.Year}年{at.Month}月）", body, at,
                [Tag.Updates, Tag.Websites, .. p.Tags]);
        });
    }

    /// <summary>我为政府网站找错: quarterly handling figures, notices, the entry on sites.</summary>
    private void ErrorReportWork() => Repeat(40, () =>
    {
        var p = Pick([Guangdong, Jiangmen, Taishan, .. JiangmenCounties]);
        var year = Number(2016, 2024);
        var quarter = Number(1, 4);
        var at = Date(year, quarter * 3, year, quarter * 3).AddDays(Number(5, 25));
        var n = Number(10, 300);
        var kind = _random.Next(3);
        var title = kind switch
        {
            0 => $"{p.Name}“我为政府网站找错”监督举报平台网民留言办理情况（{year}年第{quarter}季度）",
            1 => $"{p.Office}关于做好“我为政府网站找错”网民留言办理工作的通知（{year}年）",
            _ => $"{p.Name}各级政府网站开通“我为政府网站找错”入口（{year}年）",
        };
        var body = Lines(
            kind == 2
                ? $"{p.Name}各级政府网站已在首页底部统一添加“我为政府网站找错”监督举报平台入口，网民发现政府网站存在错别字、链接无法打开、信息不更新等问题，可以随时留言。"
                : $"{year}年第{quarter}季度，“我为政府网站找错”监督举报平台共转办{p.Name}网民留言{n}条，已全部按时办结，按时办结率100%。",
            "网民留言主要反映网站内容不更新、链接错误、错别字、办事指南信息不准确等问题。各单位收到留言后，要在1个工作日内签收，一般问题在2个工作日内答复。",
            kind == 1 ? "对逾期未办理或办理质量不高的，将在全市通报。" : null);
        return Add("errorreport", p.Site, kind == 1 ? CorpusColumn.Notice : CorpusColumn.News, title, body, at,
            [Tag.ErrorReports, Tag.Websites, .. p.Tags]);
    });

    /// <summary>Implementing the 指引 (国办发〔2017〕47号): names and domains, opening and integration, functions.</summary>
    private void GuidelineWork() => Repeat(60, () =>
    {
        var p = Pick(GuangdongPlaces);
        var at = Date(2017, 6, 2020, 12);
        var kind = _random.Next(4);
        var tags = new List<string> { Tag.Doc47, Tag.Guideline, Tag.Websites };
        tags.AddRange(p.Tags);
        if (kind == 2)
        {
            tags.Add(Tag.Integration);
        }
        var title = kind switch
        {
            0 => $"{p.Name}贯彻落实《政府网站发展指引》工作推进会召开",
            1 => $"{p.Office}关于规范政府网站名称和域名的通知",
            2 => $"{p.Office}关于开展政府网站开设整合审核工作的通知",
            _ => $"{p.Name}完成政府网站名称和域名规范工作（{at.Year}年）",
        };
        var body = Lines(
            kind is 1 or 2 ? $"{p.Subordinates}：" : null,
            $"为贯彻落实{Ref47()}，{p.Name}{(kind == 2 ? "对现有政府网站开展开设整合审核" : "规范政府网站名称、域名和功能建设")}。",
            kind == 2
                ? "政府网站整合迁移、临时下线由主办单位提出申请，逐级审核，经审批同意后启动；拟迁移网站要在首页显著位置悬挂迁移公告，完成迁移后发布公告说明原有内容去向，公告信息至少保留30天。"
                : "政府网站要以本地区、本部门机构名称命名，使用以.gov.cn为后缀的英文域名和符合要求的中文域名，不得使用其他后缀的英文域名。",
            "政府网站功能主要包括信息发布、解读回应、办事服务和互动交流，各单位要对照《指引》逐项落实。");
        var isNotice = kind is 1 or 2;
        return Add("guideline", p.Site, isNotice ? CorpusColumn.Notice : CorpusColumn.News, title, body, at, tags,
            a => isNotice ? a with { Issuer = p.Office, DocNumber = DocNumber(p.Abbr + "函", at.Year) } : a);
    });
}
