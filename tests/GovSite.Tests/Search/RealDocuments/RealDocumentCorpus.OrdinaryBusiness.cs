namespace GovSite.Tests.Search.RealDocuments;

/// <summary>
/// The ordinary business of the same sites, the distractors: social insurance, school entry, 低保,
/// real-estate registration, opening a business, medical insurance, the housing fund, emergencies
/// and everyday news. Some mention 政府网站, 信息公开, 社会保险 or 集约 in passing, as real notices
/// do, so a search that counts words without weighing them loses precision. Some of Taishan's are
/// in traditional script for overseas compatriots (台山 is a 侨乡).
/// </summary>
public sealed partial class RealDocumentCorpus
{
    private void OrdinaryBusiness()
    {
        SocialInsurance();
        Education();
        Dibao();
        RealEstate();
        CompanySetup();
        MedicalInsurance();
        HousingFund();
        Emergencies();
        var remaining = GeneratedCount - _articles.Count;
        if (remaining < 100)
        {
            throw new InvalidOperationException($"Only {remaining} articles are left for everyday news.");
        }
        EverydayNews(remaining);
    }

    /// <summary>Where ordinary business happens: mostly Jiangmen and Taishan, some counties, a little the province.</summary>
    private Place LocalPlace() => _random.Next(20) switch
    {
        < 8 => Jiangmen,
        < 12 => Taishan,
        < 14 => Pick(TaishanTowns),
        < 19 => Pick(JiangmenCounties.Where(c => c != Taishan).ToList()),
        _ => Guangdong,
    };

    private static bool InTaishan(Place p) => p == Taishan || TaishanTowns.Contains(p);

    /// <summary>The site that carries a place's business: the province's portal, Taishan's, or the Jiangmen site given.</summary>
    private static string SiteOf(Place p, string jiangmenSite) =>
        p == Guangdong ? ProvincePortal : InTaishan(p) ? TaishanPortal : jiangmenSite;

    /// <summary>The department of a place: 江门市民政局, 台山市民政局, 广东省民政厅.</summary>
    private static string Department(Place p, string name)
    {
        var city = InTaishan(p) ? "台山市" : p.Name;
        return p == Guangdong ? "广东省" + name.Replace("局", "厅", StringComparison.Ordinal) : city + name;
    }

    /// <summary>A closing line that names the government website, as many notices end (a trap for 政府网站 and 信息公开).</summary>
    private string? Trailer(Place p) => _random.Next(10) switch
    {
        0 => $"详情请登录{(InTaishan(p) ? "台山市" : p.Name)}政府网站“办事服务”栏目查询。",
        1 => $"本通知同时在{(InTaishan(p) ? "台山市" : p.Name)}政府网站“政府信息公开”栏目公开。",
        2 => "更多政策可登录政府门户网站查询，或拨打12345政务服务热线咨询。",
        _ => null,
    };

    private void SocialInsurance()
    {
        Add("social", JiangmenSocial, CorpusColumn.Policy, "关于印发江门市社会保险业务经办规程的通知",
            Lines(
                "各县（市、区）人力资源和社会保障局，市社会保险基金管理局：",
                "为规范我市社会保险业务经办，提高经办服务效率，现将《江门市社会保险业务经办规程》印发给你们，请认真贯彻执行。",
                "规程适用于企业职工基本养老保险、失业保险、工伤保险的参保登记、缴费核定、待遇核发和关系转移接续等业务。",
                "江门市人力资源和社会保障局",
                "2016年8月10日"),
            new DateTime(2016, 8, 12, 10, 0, 0), [Tag.SocialInsurance, Tag.DocSocial57, Tag.Place("江门")],
            a => a with { DocNumber = "江人社发〔2016〕57号", Issuer = "江门市人力资源和社会保障局", WrittenDate = new DateOnly(2016, 8, 10) });
        Repeat(2, () =>
        {
            var at = Date(2017, 1, 2019, 12);
            return Add("social", JiangmenSocial, CorpusColumn.Guide, $"江门市社会保险关系转移接续办事指南（{at.Year}年）",
                Lines(
                    "依据：《关于印发江门市社会保险业务经办规程的通知》（江人社发〔2016〕57号）。",
                    "参保人员跨统筹地区就业的，可通过国家社会保险公共服务平台或转入地社保经办机构申请转移养老保险关系，转出地在15个工作日内办结。"),
                at, [Tag.SocialInsurance, Tag.DocSocial57, Tag.Place("江门")]);
        });
        Repeat(60, () =>
        {
            var p = LocalPlace();
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var low = Number(2000, 4600);
            var issuer = Department(p, "人力资源和社会保障局");
            var kind = _random.Next(6);
            var title = kind switch
            {
                0 => $"关于{y}年度{p.Name}社会保险缴费基数上下限的通知",
                1 => $"{p.Name}灵活就业人员参加企业职工基本养老保险缴费指南（{y}年）",
                2 => $"{y}年度{p.Name}城乡居民基本养老保险集中缴费工作开始",
                3 => $"{p.Name}社会保险费缴纳渠道一览（{y}年版）",
                4 => $"关于延长{p.Name}{y}年{at.Month}月社会保险费缴费期限的公告",
                _ => $"{p.Name}企业职工社会保险费申报缴纳办事指南（{y}年）",
            };
            var body = kind switch
            {
                0 => Lines(
                    "各参保单位、参保人员：",
                    $"根据国家和省有关规定，现将{y}年度{p.Name}社会保险缴费基数上下限公布如下：",
                    $"一、企业职工基本养老保险缴费基数下限为{low}元/月，上限为{low * 5}元/月。",
                    "二、失业保险、工伤保险缴费基数上下限按企业职工基本养老保险的标准执行。",
                    "三、灵活就业人员可在缴费基数上下限之间自主选择缴费基数。",
                    "参保单位和个人可通过电子税务局、“粤税通”小程序、银行网点或办税服务厅缴纳社会保险费。",
                    issuer, FullDate(at)),
                1 => Lines(
                    "一、参保对象：无雇工的个体工商户、未在用人单位参加基本养老保险的非全日制从业人员以及其他灵活就业人员。",
                    "二、办理方式：携带身份证到户籍地或居住地社保经办机构办理参保登记，也可通过“粤省事”线上办理。",
                    "三、缴费方式：按月或按季缴费，缴费基数在全省缴费基数上下限之间自主选择，缴费比例为20%。",
                    "四、缴费渠道：“粤税通”小程序、电子税务局、银行网点。",
                    "咨询电话：12333（人社）、12366（税务）。"),
                2 => Lines(
                    $"{Day(at)}起，{p.Name}{y}年度城乡居民基本养老保险集中缴费工作开始。",
                    $"城乡居民基本养老保险缴费档次分为每人每年180元至{Number(3, 6)}600元共{Number(10, 14)}个档次，参保人可自愿选择档次缴费，多缴多得、长缴多得。",
                    "参保人可通过“粤税通”小程序、银行代扣或村（居）委会协办员缴纳，集中缴费期截至当年12月31日。"),
                3 => Lines(
                    "自2019年1月1日起，社会保险费由税务部门统一征收。参保单位和个人可通过以下渠道缴纳社会保险费：",
                    "一、线上渠道：广东省电子税务局、“粤税通”小程序、“粤省事”小程序、微信和支付宝城市服务。",
                    "二、线下渠道：办税服务厅、合作银行网点、村（居）委会协办员。",
                    "缴费后可在“粤税通”查询缴费记录，打印社会保险费缴费证明。"),
                4 => Lines(
                    $"因社会保险费征收系统升级，{p.Name}{y}年{at.Month}月社会保险费缴费期限延长至{at.Month}月{Number(25, 28)}日。",
                    "延期期间参保单位和个人正常申报缴纳社会保险费的，不加收滞纳金。",
                    issuer, FullDate(at)),
                _ => Lines(
                    $"参保单位应当在每月{Number(15, 25)}日前向税务部门申报并缴纳当月社会保险费，职工个人缴纳部分由单位代扣代缴。",
                    "逾期未缴纳的，自欠缴之日起按日加收万分之五的滞纳金。",
                    "申报渠道：广东省电子税务局、办税服务厅。"),
            };
            var column = kind is 0 or 4 ? CorpusColumn.Notice : kind == 2 ? CorpusColumn.News : CorpusColumn.Guide;
            return Add("social", SiteOf(p, JiangmenSocial), column, title, Lines(body, Trailer(p)), at,
                [Tag.SocialInsurance, Tag.SocialPayment, .. p.Tags],
                a => kind == 0 ? a with { Issuer = issuer, DocNumber = DocNumber(InTaishan(p) ? "台人社发" : p == Guangdong ? "粤人社发" : "江人社发", y) } : a);
        });
        Repeat(35, () =>
        {
            var p = LocalPlace();
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(5);
            var title = kind switch
            {
                0 => $"{p.Name}社会保障卡补换领办事指南（{y}年）",
                1 => $"{p.Name}第三代社会保障卡开始申领（{y}年）",
                2 => $"社保卡丢失怎么办？{p.Name}社保卡挂失补领流程（{y}年）",
                3 => $"{p.Name}社会保障卡服务网点名单（{y}年更新）",
                _ => $"{p.Name}电子社保卡申领使用指南（{y}年）",
            };
            var body = kind switch
            {
                0 or 2 => Lines(
                    "社会保障卡丢失的，持卡人可拨打12333服务热线、通过“粤省事”小程序或到就近的社保卡服务网点办理临时挂失，临时挂失有效期为5天。",
                    "补领社会保障卡需携带本人有效身份证件到合作银行网点办理，即时制卡网点可当场领卡，补卡工本费按规定收取。",
                    "社会保障卡损坏或信息变更的，可凭身份证到服务网点申请换卡。"),
                1 => Lines(
                    "第三代社会保障卡增加了交通出行、文化旅游等应用功能，持卡人可到合作银行网点免费换领。",
                    "新申领第三代社会保障卡的，可通过“粤省事”小程序线上申请、邮寄到家。"),
                3 => Lines(
                    $"现将{p.Name}社会保障卡服务网点名单公布如下，各网点均可办理社保卡申领、补领、换领和挂失业务。",
                    $"{p.Name}人社服务中心、各合作银行营业网点（详见附件）。"),
                _ => Lines(
                    "电子社保卡与实体社保卡同步签发，可在“粤省事”、国家政务服务平台、合作银行App等渠道申领。",
                    "电子社保卡可用于身份凭证、社保查询、就医购药等场景。"),
            };
            var tags = new List<string> { Tag.SocialInsurance, Tag.SocialCard };
            tags.AddRange(p.Tags);
            if (kind is 0 or 2 or 3)
            {
                tags.Add(Tag.SocialCardReplacement);
            }
            return Add("socialcard", SiteOf(p, JiangmenSocial), kind == 1 ? CorpusColumn.News : CorpusColumn.Guide, title, Lines(body, Trailer(p)), at, tags);
        });
        Repeat(35, () =>
        {
            var p = LocalPlace();
            var y = Number(2019, 2025);
            var at = Date(y, 6, y, 9);
            var kind = _random.Next(4);
            var title = kind switch
            {
                0 => $"{y}年{p.Name}退休人员基本养老金调整到位",
                1 => $"关于调整{y}年{p.Name}退休人员基本养老金的通知",
                2 => $"{p.Name}养老金领取资格认证办事指南（{y}年）",
                _ => $"{p.Name}城乡居民基础养老金提高至每人每月{Number(180, 260)}元（{y}年）",
            };
            var body = kind == 2
                ? Lines("领取基本养老金的人员每年需进行一次领取资格认证，可通过“粤省事”小程序、“广东人社”App刷脸认证，也可由社区工作人员上门认证。", "未按期认证的，暂停发放养老金，认证后恢复发放并补发。")
                : Lines($"按照国家和省的统一部署，{p.Name}调整{y}年退休人员基本养老金，总体调整水平为{(y - 2019 < 3 ? 5 : 3)}%左右，采取定额调整、挂钩调整与适当倾斜相结合的办法。", $"调整增加的基本养老金于{y}年{Number(7, 8)}月底前发放到位。");
            return Add("pension", SiteOf(p, JiangmenSocial), kind == 1 ? CorpusColumn.Notice : kind == 2 ? CorpusColumn.Guide : CorpusColumn.News,
                title, Lines(body, Trailer(p)), at, [Tag.SocialInsurance, Tag.Pension, .. p.Tags, .. kind == 2 ? Array.Empty<string>() : [Tag.PensionRise]]);
        });
        Repeat(25, () =>
        {
            var p = LocalPlace();
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(3);
            var title = kind switch
            {
                0 => $"{p.Name}失业保险金申领办事指南（{y}年）",
                1 => $"{p.Name}发放{y}年失业保险稳岗返还资金{Number(300, 9000)}万元",
                _ => $"失业人员如何领取失业保险金？{p.Name}人社部门答问（{y}年）",
            };
            var body = kind == 1
                ? Lines($"{p.Name}向{Number(500, 9000)}家参保企业发放失业保险稳岗返还资金，无需企业申报，资金直接拨付至企业账户。")
                : Lines("申领条件：非因本人意愿中断就业，已办理失业登记并有求职要求，失业前用人单位和本人已缴纳失业保险费满1年。", "申领渠道：“粤省事”小程序、广东政务服务网或户籍地、常住地公共就业服务机构。", "失业保险金按月发放，领取期限根据累计缴费时间确定，最长不超过24个月。");
            return Add("unemployment", SiteOf(p, JiangmenSocial), kind == 1 ? CorpusColumn.News : CorpusColumn.Guide, title, body, at,
                [Tag.SocialInsurance, Tag.Unemployment, .. p.Tags, .. kind == 1 ? Array.Empty<string>() : [Tag.UnemploymentBenefit]]);
        });
        Repeat(25, () =>
        {
            var p = LocalPlace();
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(3);
            var title = kind switch
            {
                0 => $"{p.Name}工伤认定申请办事指南（{y}年）",
                1 => $"{p.Name}开展{y}年工伤预防宣传月活动",
                _ => $"{p.Name}工伤保险待遇核定办事指南（{y}年）",
            };
            var body = kind == 1
                ? Lines($"{p.Name}人社部门联合有关部门开展工伤预防宣传月活动，走进企业宣讲工伤保险政策和安全生产知识。")
                : Lines("职工发生事故伤害的，用人单位应当自事故伤害发生之日起30日内提出工伤认定申请；用人单位未提出的，职工或其近亲属可在1年内提出。", "申请材料：工伤认定申请表、劳动关系证明、医疗诊断证明。");
            return Add("workinjury", SiteOf(p, JiangmenSocial), kind == 1 ? CorpusColumn.News : CorpusColumn.Guide, title, body, at,
                [Tag.SocialInsurance, Tag.WorkInjury, .. p.Tags]);
        });
    }

    private void Education()
    {
        Repeat(97, () =>
        {
            var p = LocalPlace();
            if (p == Guangdong || TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 3, y, 7);
            var kind = _random.Next(7);
            var title = kind switch
            {
                0 => $"{y}年{p.Name}义务教育阶段学校招生工作方案",
                1 => $"{y}年{p.Name}小学一年级新生入学报名须知",
                2 => $"{y}年{p.Name}初中一年级新生招生工作安排",
                3 => $"{p.Name}随迁子女积分入学申请指南（{y}年）",
                4 => $"{y}年{p.Name}公办小学学位申请材料清单",
                5 => $"{y}年{p.Name}义务教育招生入学网上报名系统开通",
                _ => $"{y}年{p.Name}民办义务教育学校招生工作实施细则",
            };
            string[] points =
            [
                $"适龄儿童少年的父母或其他法定监护人应当于{y}年{Number(5, 6)}月{Number(1, 10)}日至{Number(12, 20)}日登录{p.Name}义务教育招生报名系统填报信息。",
                "报名需准备的材料：儿童户口簿、居住证明（房产证或购房合同、租赁登记凭证）、父母身份证、出生医学证明、预防接种证明。",
                $"小学一年级招收{y - 6}年9月1日至{y - 5}年8月31日出生的适龄儿童。",
                "公办学校实行划片招生、就近入学，不得以考试、面试等方式选拔学生。",
                "符合条件的随迁子女按积分高低依次安排公办学校学位，未获安排的可申请民办学校学位。",
                "民办义务教育学校与公办学校同步招生，报名人数超过招生计划的实行电脑随机录取。",
            ];
            var chosen = PickSome(points, 4);
            var issuer = Department(p, "教育局");
            var isPolicy = kind is 0 or 6;
            return Add("school", SiteOf(p, JiangmenEducation), isPolicy ? CorpusColumn.Policy : kind == 5 ? CorpusColumn.News : kind is 3 or 4 ? CorpusColumn.Guide : CorpusColumn.Notice,
                title, Lines([.. chosen, $"咨询电话：{Phone()}。", Trailer(p)]), at, [Tag.SchoolEntry, Tag.Education, .. p.Tags],
                a => isPolicy ? a with { Issuer = issuer, DocNumber = DocNumber(InTaishan(p) ? "台教" : "江教", y), WrittenDate = DateOnly.FromDateTime(at) } : a);
        });
        Repeat(3, () =>
        {
            var y = Number(2019, 2025);
            var at = Date(y, 3, y, 5);
            return Add("school", TaishanPortal, CorpusColumn.Guide, $"華僑華人子女{y}年回台山接受義務教育入學指引",
                Lines(
                    $"旅居海外的華僑華人子女回台山接受義務教育，監護人可於{y}年{Number(4, 5)}月向學校所在鎮（街）教育管理部門提出入學申請。",
                    "申請材料：兒童護照或回鄉證、監護人身份證明、在台山的居住證明、預防接種證明。",
                    $"公辦學校按照就近入學原則安排學位。入學諮詢可致電台山市教育局{Phone()}。"),
                at, [Tag.SchoolEntry, Tag.Education, Tag.Place("台山")], a => a with { Traditional = true });
        });
        Repeat(50, () =>
        {
            var p = LocalPlace();
            if (p == Guangdong || TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(5);
            var title = kind switch
            {
                0 => $"{y}年{p.Name}公开招聘中小学教师公告",
                1 => $"{p.Name}开展{y}年春季校园安全专项检查",
                2 => $"{p.Name}中小学生暑期防溺水安全提醒（{y}年）",
                3 => $"{y}年{p.Name}家庭经济困难学生资助政策问答",
                _ => $"{p.Name}{y}年中小学教师继续教育培训开班",
            };
            var body = kind switch
            {
                0 => Lines($"根据工作需要，{Department(p, "教育局")}{y}年公开招聘中小学教师{Number(40, 400)}名。", "报名条件：具有相应学段教师资格证，全日制本科及以上学历。", "报名方式：网上报名，考试分笔试和面试。"),
                1 => Lines($"{p.Name}教育部门联合公安、消防、市场监管等部门，对全市中小学校开展校园安全专项检查，重点检查校舍安全、食品安全和消防设施。"),
                2 => Lines("暑假期间，家长要切实履行监护责任，教育孩子不私自下水游泳、不擅自与他人结伴游泳、不在无家长带领的情况下游泳。"),
                3 => Lines("问：家庭经济困难学生可以享受哪些资助？", "答：义务教育阶段家庭经济困难寄宿生可享受生活费补助，普通高中家庭经济困难学生可申请国家助学金。"),
                _ => Lines($"{p.Name}{y}年中小学教师继续教育培训开班，培训围绕新课标、课堂教学改革和师德师风建设展开。"),
            };
            return Add("education", SiteOf(p, JiangmenEducation), kind == 0 ? CorpusColumn.Notice : CorpusColumn.News, title, body, at,
                [Tag.Education, .. p.Tags]);
        });
    }

    private void Dibao()
    {
        Add("dibao", JiangmenPortal, CorpusColumn.Policy, "关于提高2018年江门市城乡居民最低生活保障标准的通知",
            Lines(
                "各县（市、区）人民政府，市政府各部门、各直属机构：",
                "经市人民政府同意，自2018年7月1日起，我市城镇居民最低生活保障标准提高到每人每月780元，农村居民最低生活保障标准提高到每人每月600元。",
                "各地要及时足额发放低保金，确保困难群众基本生活。",
                "江门市人民政府办公室",
                "2018年6月20日"),
            new DateTime(2018, 6, 22, 10, 0, 0), [Tag.Dibao, Tag.DibaoStandard, Tag.DocDibao12, Tag.Place("江门")],
            a => a with { DocNumber = "江府办〔2018〕12号", Issuer = "江门市人民政府办公室", WrittenDate = new DateOnly(2018, 6, 20) });
        Repeat(29, () =>
        {
            var p = LocalPlace();
            if (TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 3, y, 8);
            var n = Number(820, 1200);
            var policy = Chance(0.4);
            var title = policy ? $"关于提高{y}年{p.Name}城乡居民最低生活保障标准的通知" : $"{p.Name}城乡低保标准提高到每人每月{n}元（{y}年）";
            var body = Lines(
                $"经{p.Name}人民政府同意，自{y}年{at.Month}月1日起，{p.Name}城镇居民最低生活保障标准提高到每人每月{n}元，农村居民最低生活保障标准提高到每人每月{n - Number(80, 200)}元。",
                "各地要及时足额发放低保金，确保困难群众基本生活。",
                Trailer(p));
            return Add("dibao", SiteOf(p, JiangmenPortal), policy ? CorpusColumn.Policy : CorpusColumn.News, title, body, at,
                [Tag.Dibao, Tag.DibaoStandard, .. p.Tags],
                a => policy ? a with { Issuer = Department(p, "民政局"), DocNumber = DocNumber(InTaishan(p) ? "台民" : p == Guangdong ? "粤民发" : "江民", y) } : a);
        });
        Repeat(40, () =>
        {
            var p = LocalPlace();
            if (TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(4);
            var title = kind switch
            {
                0 => $"{p.Name}最低生活保障申请办事指南（{y}年）",
                1 => $"{p.Name}城乡低保申请条件和办理流程（{y}年）",
                2 => $"低保怎么申请？{p.Name}民政局答网民问（{y}年）",
                _ => $"{p.Name}低保申请实现“掌上办”（{y}年）",
            };
            var body = Lines(
                kind == 3 ? $"即日起，{p.Name}居民可通过“粤省事”小程序在线申请最低生活保障，上传材料后由镇（街道）受理，全程网上可查。" : null,
                "申请条件：共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定。",
                "申请材料：申请书、家庭成员身份证和户口簿、收入证明、授权核对家庭经济状况的声明。",
                "办理流程：申请人向户籍所在地镇人民政府（街道办事处）提出书面申请，也可通过“粤省事”线上申请；镇（街道）受理后进行家庭经济状况调查核对、入户调查，在村（居）委会公示7天，由县级民政部门审批。",
                $"办理时限：{Number(15, 30)}个工作日。",
                Trailer(p));
            return Add("dibao", SiteOf(p, JiangmenPortal), kind >= 2 ? CorpusColumn.News : CorpusColumn.Guide, title, body, at,
                [Tag.Dibao, Tag.DibaoApply, .. p.Tags]);
        });
        Repeat(30, () =>
        {
            var town = Pick(TaishanTowns);
            var y = Number(2020, 2025);
            var month = Number(1, 12);
            var at = Date(y, month, y, month);
            string Row() => $"{Pick(["上坑村", "南村", "东华村", "西湖村", "新华村", "联和村"])}  {Pick("李陈黄伍甄刘梁谭".Select(c => c.ToString()).ToList())}某某  家庭人口{Number(1, 5)}人  月保障金额{Number(300, 2400)}元";
            var body = Lines(
                $"根据最低生活保障审核确认办法，经入户调查、民主评议，现将{town.Name}{y}年{month}月拟新增城乡低保对象公示如下：",
                Row(), Row(), Row(),
                $"公示期7天，如有异议，请致电{town.Office}社会事务办{Phone()}。");
            return Add("dibao", TaishanPortal, CorpusColumn.Notice, $"{town.Name}{y}年{month}月城乡低保对象公示", body, at,
                [Tag.Dibao, Tag.DibaoList, .. town.Tags]);
        });
        Repeat(20, () =>
        {
            var p = LocalPlace();
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(3);
            var title = kind switch
            {
                0 => $"{p.Name}临时救助申请办事指南（{y}年）",
                1 => $"{p.Name}特困人员救助供养审批办事指南（{y}年）",
                _ => $"{p.Name}开展{y}年春节困难群众走访慰问",
            };
            var body = kind switch
            {
                0 => Lines("因火灾、交通事故等意外事件或家庭成员突发重大疾病，导致基本生活暂时出现严重困难的家庭，可申请临时救助。", "低保对象、特困人员遭遇突发事件的，可按规定叠加享受临时救助。"),
                1 => Lines("无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人以及未成年人，可申请特困人员救助供养。"),
                _ => Lines($"春节前夕，{p.Name}组织走访慰问低保对象、特困人员、困难残疾人等困难群众{Number(300, 8000)}户，发放慰问金和慰问品。"),
            };
            return Add("assistance", SiteOf(p, JiangmenPortal), kind == 2 ? CorpusColumn.News : CorpusColumn.Guide, title, body, at,
                [Tag.SocialAssistance, .. p.Tags]);
        });
    }

    private void RealEstate()
    {
        Repeat(30, () =>
        {
            var p = LocalPlace();
            if (TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(3);
            var title = kind switch
            {
                0 => $"{p.Name}二手房买卖不动产转移登记办事指南（{y}年）",
                1 => $"{p.Name}存量房交易与不动产转移登记实现“一窗受理”（{y}年）",
                _ => $"{p.Name}推行二手房“带押过户”（{y}年）",
            };
            var body = Lines(
                kind == 2 ? "“带押过户”即二手房在抵押未注销的情况下直接办理转移登记，买卖双方无需先行筹资还贷，降低交易成本。" : null,
                "二手房买卖转移登记申请材料：不动产登记申请书、买卖双方身份证明、不动产权证书、存量房买卖合同、完税凭证。",
                $"办理流程：买卖双方到不动产登记中心综合窗口一次提交材料，税费缴纳和登记同步办理，{Number(1, 5)}个工作日内领取新的不动产权证书。",
                Trailer(p));
            return Add("realestate", SiteOf(p, JiangmenPortal), kind == 0 ? CorpusColumn.Guide : CorpusColumn.News, title, body, at,
                [Tag.RealEstate, Tag.RealEstateTransfer, .. p.Tags]);
        });
        Repeat(55, () =>
        {
            var p = LocalPlace();
            if (TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(6);
            var title = kind switch
            {
                0 => $"{p.Name}不动产首次登记办事指南（{y}年）",
                1 => $"{p.Name}不动产抵押登记办事指南（{y}年）",
                2 => $"{p.Name}不动产登记办理时限压缩至{Number(1, 5)}个工作日（{y}年）",
                3 => $"{p.Name}不动产登记中心推出延时服务（{y}年）",
                4 => $"{p.Name}新建商品房实现“交房即交证”（{y}年）",
                _ => $"{p.Name}不动产权证书遗失补证公告（{y}年第{Number(1, 40)}期）",
            };
            var body = kind switch
            {
                0 => Lines("申请材料：不动产登记申请书、申请人身份证明、土地权属来源材料、建设工程符合规划的材料、房屋已经竣工的材料。", "办理时限：5个工作日。"),
                1 => Lines("申请材料：不动产登记申请书、双方身份证明、不动产权证书、主债权合同和抵押合同。", "银行业金融机构可通过“互联网+不动产抵押登记”平台在线申请，无需到窗口。"),
                5 => Lines($"下列不动产权证书已由权利人申报遗失，根据《不动产登记暂行条例实施细则》规定，现予公告，公告期15个工作日：{Pick(["粤（" + y + "）江门市不动产权第", "粤（" + y + "）台山市不动产权第"])}{Number(1000000, 9999999)}号。"),
                _ => Lines($"{p.Name}不动产登记中心深化“一窗受理、集成服务”改革，企业和群众办理不动产登记“只进一扇门、只跑一次腿”。", "工作日中午和周六上午提供延时服务，一般登记、抵押登记办理时间分别压缩至5个和1个工作日以内。"),
            };
            return Add("realestate", SiteOf(p, JiangmenPortal), kind is 0 or 1 ? CorpusColumn.Guide : kind == 5 ? CorpusColumn.Notice : CorpusColumn.News,
                title, Lines(body, Trailer(p)), at, [Tag.RealEstate, .. p.Tags]);
        });
        Repeat(5, () =>
        {
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            return Add("realestate", TaishanPortal, CorpusColumn.Guide, $"海外僑胞委託辦理不動產登記須知（{y}年）",
                Lines(
                    "旅居海外的僑胞委託他人在台山辦理不動產登記的，須提供經公證或認證的授權委託書、委託人身份證明、不動產權屬證書等材料。",
                    $"受託人持上述材料到台山市不動產登記中心窗口辦理，諮詢電話{Phone()}。"),
                at, [Tag.RealEstate, Tag.Place("台山")], a => a with { Traditional = true });
        });
        Repeat(30, () =>
        {
            var p = LocalPlace();
            if (TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(3);
            var title = kind switch
            {
                0 => $"{p.Name}国土空间总体规划（2021—2035年）草案公示（{y}年）",
                1 => $"{p.Name}推进土地节约集约利用（{y}年）",
                _ => $"{p.Name}入选全省节约集约用地典型案例（{y}年）",
            };
            var body = kind == 0
                ? Lines($"为广泛听取社会各界意见，现将《{p.Name}国土空间总体规划（2021—2035年）》草案予以公示，公示期30日。")
                : Lines($"{p.Name}坚持节约集约用地，盘活存量建设用地{Number(100, 3000)}亩，处置批而未供土地{Number(100, 2000)}亩，单位GDP建设用地使用面积持续下降。", "下一步将深化土地节约集约利用评价，推动低效用地再开发。");
            return Add("land", SiteOf(p, JiangmenPortal), kind == 0 ? CorpusColumn.Notice : CorpusColumn.News, title, body, at,
                [Tag.LandUse, .. p.Tags]);
        });
    }

    private void CompanySetup()
    {
        Repeat(80, () =>
        {
            var p = LocalPlace();
            if (TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(6);
            var days = Number(1, 3);
            var title = kind switch
            {
                0 => $"{p.Name}企业开办“一网通办”操作指南（{y}年）",
                1 => $"{p.Name}企业开办时间压缩至{days}个工作日（{y}年）",
                2 => $"{p.Name}为新开办企业免费刻制公章（{y}年）",
                3 => $"{p.Name}个体工商户登记办事指南（{y}年）",
                4 => $"{p.Name}企业开办服务专区启用（{y}年）",
                _ => $"开办企业需要哪些材料？{p.Name}市场监管局答问（{y}年）",
            };
            var body = kind == 3
                ? Lines("个体工商户登记可通过广东政务服务网或“粤商通”办理，申请材料为经营者身份证明和经营场所证明，符合条件的即时办结。", "个体工商户登记不收取任何费用。")
                : Lines(
                    $"申请人登录广东省企业开办“一网通办”平台，一次填报营业执照、公章刻制、申领发票和税务Ukey、员工参保登记、住房公积金企业缴存登记等信息，{days}个工作日内即可办结。",
                    "所需材料：公司登记（备案）申请书、公司章程、股东主体资格文件、法定代表人和董事监事经理任职文件、住所使用证明。",
                    kind == 2 ? $"自{y}年起，{p.Name}为新开办企业免费刻制一套公章，费用由财政承担。" : null);
            return Add("company", SiteOf(p, JiangmenPortal), kind is 0 or 3 or 5 ? CorpusColumn.Guide : CorpusColumn.News, title, Lines(body, Trailer(p)), at,
                [Tag.CompanySetup, Tag.Business, .. p.Tags]);
        });
        Repeat(40, () =>
        {
            var p = LocalPlace();
            if (TaishanTowns.Contains(p))
            {
                return false;
            }
            var y = Number(2019, 2025);
            var at = Date(y, 1, y, 12);
            var kind = _random.Next(3);
            var title = kind switch
            {
                0 => $"{p.Name}召开优化营商环境工作会议（{y}年）",
                1 => $"{p.Name}举行{y}年招商引资项目集中签约",
                _ => $"{y}年1—{at.Month}月{p.Name}市场主体发展情况",
            };
            var body = kind switch
            {
                0 => Lines($"{p.Name}召开优化营商环境工作会议，要求持续深化“放管服”改革，提升政务服务效能，打造市场化法治化国际化营商环境。"),
                1 => Lines($"{p.Name}举行招商引资项目集中签约活动，共签约项目{Number(8, 60)}个，总投资{Number(20, 600)}亿元，涵盖新能源、智能制造等产业。"),
                _ => Lines($"截至{at.Month}月底，{p.Name}实有市场主体{Number(50000, 600000)}户，其中新设立{Number(2000, 40000)}户，同比增长{Number(2, 15)}%。"),
            };
            return Add("business", SiteOf(p, JiangmenPortal), CorpusColumn.News, title, body, at, [Tag.Business, .. p.Tags]);
        });
    }

    private void MedicalInsurance() => Repeat(100, () =>
    {
        var p = LocalPlace();
        if (TaishanTowns.Contains(p))
        {
            return false;
        }
        var y = Number(2019, 2025);
        var at = Date(y, 1, y, 12);
        var kind = _random.Next(10);
        var tags = new List<string> { Tag.Medical };
        tags.AddRange(p.Tags);
        string title;
        string body;
        var column = CorpusColumn.Guide;
        switch (kind)
        {
            case < 3:
                // Basic medical insurance is one of the five statutory social insurances: paying it is 交社保 too.
                tags.Add(Tag.SocialPayment);
                title = $"{y}年度{p.Name}城乡居民基本医疗保险参保缴费开始";
                body = Lines($"{y}年度城乡居民基本医疗保险集中参保缴费期为{y - 1}年9月1日至12月31日，个人缴费标准为每人每年{Number(320, 400)}元。", "参保人可通过“粤税通”小程序、“粤省事”小程序或银行网点缴费，缴费后次年1月1日起享受医保待遇。");
                column = CorpusColumn.News;
                break;
            case < 6:
                tags.Add(Tag.MedicalElsewhere);
                title = Pick([$"{p.Name}异地就医直接结算备案办事指南（{y}年）", $"异地就医怎么报销？{p.Name}医保局答疑（{y}年）", $"{p.Name}开通跨省异地就医门诊费用直接结算（{y}年）"]);
                body = Lines(
                    "参保人员异地长期居住或临时外出就医的，可通过国家医保服务平台App、“粤医保”小程序或医保经办窗口办理异地就医备案，备案后在就医地联网定点医疗机构直接结算。",
                    "未备案或在非联网医院就医的，可持医疗费用发票、费用清单、病历资料回参保地医保经办机构手工报销。");
                break;
            case < 8:
                title = $"{p.Name}门诊特定病种待遇申办指南（{y}年）";
                body = Lines("患有恶性肿瘤、尿毒症透析、器官移植术后抗排异治疗等门诊特定病种的参保人，可向定点医疗机构申请认定，认定后门诊费用按住院标准报销。");
                break;
            default:
                title = $"{p.Name}医保电子凭证激活使用指南（{y}年）";
                body = Lines("参保人可通过国家医保服务平台App、微信或支付宝激活医保电子凭证，在定点医院和药店扫码就医购药。");
                break;
        }
        return Add("medical", SiteOf(p, JiangmenPortal), column, title, Lines(body, Trailer(p)), at, tags);
    });

    private void HousingFund() => Repeat(80, () =>
    {
        var p = LocalPlace();
        if (TaishanTowns.Contains(p) || p == Guangdong)
        {
            return false;
        }
        var y = Number(2019, 2025);
        var at = Date(y, 1, y, 12);
        var kind = _random.Next(8);
        var tags = new List<string> { Tag.HousingFund };
        tags.AddRange(p.Tags);
        string title;
        string body;
        if (kind < 3)
        {
            tags.Add(Tag.HousingFundWithdrawal);
            title = Pick([$"{p.Name}住房公积金提取办事指南（{y}年）", $"{p.Name}租房提取住房公积金可线上办理（{y}年）", $"{p.Name}退休提取住房公积金办事指南（{y}年）"]);
            body = Lines(
                "职工购买、建造、翻建、大修自住住房，偿还购房贷款本息，租房自住，离退休等情形可申请提取住房公积金。",
                "租房提取：无自有住房的职工可每年提取一次，提取额度不超过当年实际房租支出。",
                "办理渠道：“粤省事”小程序、住房公积金网上服务大厅、管理部服务窗口。");
        }
        else if (kind < 6)
        {
            title = Pick([$"{p.Name}住房公积金贷款最高额度调整为{Number(50, 100)}万元（{y}年）", $"{p.Name}住房公积金个人住房贷款办事指南（{y}年）"]);
            body = Lines("缴存职工购买自住住房可申请住房公积金个人住房贷款，贷款期限最长30年，首套住房最低首付款比例为20%。");
        }
        else
        {
            title = $"关于{y}年度{p.Name}住房公积金缴存基数调整的通知";
            body = Lines($"{y}年度住房公积金缴存基数为职工上一年度月平均工资，缴存比例为5%至12%，调整工作于{y}年7月1日开始。");
        }
        return Add("housingfund", SiteOf(p, JiangmenPortal), kind >= 6 ? CorpusColumn.Notice : CorpusColumn.Guide, title, Lines(body, Trailer(p)), at, tags);
    });

    private void Emergencies() => Repeat(80, () =>
    {
        var p = LocalPlace();
        var y = Number(2019, 2025);
        var at = Date(y, 4, y, 10);
        var kind = _random.Next(5);
        var title = kind switch
        {
            0 => $"{p.Name}启动防汛Ⅳ级应急响应（{FullDate(at)}）",
            1 => $"{p.Name}部署{y}年“三防”工作",
            2 => $"{p.Name}开展{y}年安全生产大检查",
            3 => $"{p.Name}召开{y}年第{Number(1, 4)}季度安全生产工作会议",
            _ => $"{p.Name}开展{y}年冬春火灾防控工作",
        };
        var body = kind switch
        {
            0 => Lines($"受强降雨影响，{p.Name}三防指挥部决定于{Day(at)}启动防汛Ⅳ级应急响应。各地要加强巡查，做好人员转移避险准备。"),
            1 => Lines($"{p.Name}召开三防工作会议，部署防汛、防旱、防风工作，要求落实各级防汛责任人，做好水库、堤防和地质灾害隐患点的巡查。"),
            4 => Lines($"{p.Name}开展冬春火灾防控工作，重点检查人员密集场所、高层建筑和“三小”场所，消除火灾隐患。"),
            _ => Lines($"{p.Name}开展安全生产大检查，重点检查危险化学品、建筑施工、道路交通、消防等行业领域，全年排查整改隐患{Number(100, 5000)}处。"),
        };
        return Add("safety", SiteOf(p, JiangmenPortal), CorpusColumn.News, title, body, at, [Tag.Safety, .. p.Tags]);
    });

    /// <summary>The rest of the 2,000: rural revitalisation, transport, tourism, air quality, overseas compatriots.</summary>
    private void EverydayNews(int count) => Repeat(count, () =>
    {
        var p = LocalPlace();
        var y = Number(2019, 2025);
        var at = Date(y, 1, y, 12);
        var kind = _random.Next(12);
        var traditional = false;
        string title;
        string body;
        switch (kind)
        {
            case < 3:
                title = $"{p.Name}推进乡村振兴示范带建设（{y}年第{Number(1, 12)}期）";
                body = Lines($"{p.Name}统筹推进乡村振兴示范带建设，串联{Number(5, 30)}个行政村，完善道路、污水处理等基础设施，发展特色农业和乡村旅游。");
                break;
            case < 5:
                title = Pick([$"{p.Name}交通运输局发布{y}年春运交通出行提示", $"{p.Name}{y}年国庆假期交通出行指南", $"{p.Name}新开通{Number(2, 30)}条公交线路（{y}年）"]);
                body = Lines("假期期间预计车流量较大，请市民合理安排出行时间，关注实时路况，遵守交通规则，安全文明出行。");
                break;
            case < 7:
                title = $"{p.Name}发布{y}年{Pick(["春季", "夏季", "秋季", "冬季"])}文旅精品线路";
                body = Lines($"{p.Name}推出{Number(3, 12)}条文旅精品线路，涵盖碉楼古村、滨海度假、红色研学和美食体验，欢迎市民游客打卡。");
                break;
            case < 9:
                title = $"{p.Name}{y}年{Number(1, 12)}月环境空气质量状况";
                body = Lines($"本月{p.Name}环境空气质量优良天数比例为{Number(80, 100)}%，首要污染物为臭氧和细颗粒物。");
                break;
            case < 11:
                title = $"台山市举办{y}年海外乡亲恳亲联谊活动（第{Number(1, 30)}场）";
                body = Lines($"{y}年，台山市举办海外乡亲恳亲联谊活动，来自美国、加拿大、澳大利亚等国家和地区的{Number(100, 1200)}名乡亲参加。", "活动期间，乡亲们参观了侨乡文化展览，了解家乡发展变化。");
                p = Taishan;
                break;
            default:
                title = $"台山市僑務局{y}年{Pick(["春節", "中秋", "重陽"])}慰問海外僑胞";
                body = Lines($"{y}年，台山市僑務局向旅居海外的鄉親致以節日問候，介紹家鄉經濟社會發展情況。", "海外鄉親如需辦理有關事務，可致電台山市僑務局或通過台山市人民政府網站繁體版查詢。");
                p = Taishan;
                traditional = true;
                break;
        }
        return Add("news", SiteOf(p, JiangmenPortal), CorpusColumn.News, title, body, at, [Tag.Other, .. p.Tags],
            a => traditional ? a with { Traditional = true } : a);
    });
}
