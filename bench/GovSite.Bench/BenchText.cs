using System.Text;

namespace GovSite.Bench;

/// <summary>
/// Names and article text for generated sites. The text reads like a county government's
/// documents so that page sizes and UTF-8 byte counts are those of a real site.
/// </summary>
public static class BenchText
{
    private static readonly string[] CountyFirst = ["东", "西", "南", "北", "安", "永", "平", "长", "新", "宁"];
    private static readonly string[] CountySecond = ["阳", "河", "山", "川", "丰", "城", "源", "溪", "林", "湖"];
    private static readonly string[] CityNames =
        ["临海", "青川", "云岭", "东湖", "白沙", "金谷", "玉泉", "江北", "松原", "海阳"];

    public static readonly string[] Departments =
    [
        "发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
        "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
        "文化广电旅游体育局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
        "医疗保障局", "林业局", "信访局", "行政审批服务局", "生态环境分局", "税务局", "档案馆", "地方志办公室",
        "融媒体中心", "机关事务管理局", "人民防空办公室", "供销合作社联合社", "城市管理局", "乡村振兴局",
    ];

    public const string ProvinceName = "滨海省";

    public static string CityName(int city) => CityNames[city % CityNames.Length] + "市";

    /// <summary>Up to 100 distinct county names; beyond that a serial keeps them apart.</summary>
    public static string CountyName(int county)
    {
        var name = CountyFirst[county / 10 % 10] + CountySecond[county % 10] + "县";
        return county < 100 ? name : $"{name}{county / 100 + 1}";
    }

    private static readonly string[] Paragraphs =
    [
        "为深入贯彻落实党中央、国务院关于深化“放管服”改革、优化营商环境的决策部署，进一步提升政务服务标准化、规范化、便利化水平，推动政务服务从“能办”向“好办、易办”转变，结合本地实际，制定本实施意见。",
        "坚持以人民为中心的发展思想，聚焦企业和群众办事的难点堵点，以数字化改革为牵引，推进政务服务事项清单化管理、标准化办理、集成化服务，切实增强企业和群众的获得感、幸福感、安全感。",
        "全面梳理政务服务事项基本目录，逐项明确事项名称、设定依据、受理条件、申请材料、办理流程、办结时限和收费标准，实行同一事项同一标准、同一编码，做到无差别受理、同标准办理。",
        "推行政务服务“一网通办”，依托省一体化政务服务平台，推动高频事项全流程网上办理。除法律法规另有规定或涉及国家秘密等情形外，政务服务事项全部纳入平台办理，原则上不得在平台之外另设办事入口。",
        "深化“一窗受理、集成服务”改革，设置综合受理窗口，实行“前台综合受理、后台分类审批、统一窗口出件”。对关联性强、办理量大的事项，推行“一件事一次办”，减少办事环节、申请材料和跑动次数。",
        "加强电子证照归集和共享应用，凡是能通过电子证照或数据共享获取的信息，不再要求企业和群众重复提交纸质材料。推动身份证、营业执照、不动产权证书等常用证照在政务服务场景中“免证办”。",
        "完善“好差评”制度，建立评价、反馈、整改、监督全流程闭环工作机制。对群众反映的差评事项，承办单位应当在规定时限内核实整改并回访，整改情况纳入年度绩效考核。",
        "健全帮办代办服务体系，在政务服务中心设立帮办代办窗口，为老年人、残疾人等特殊群体和重点项目提供全程帮办、上门服务。保留线下办事渠道，解决运用智能技术困难问题。",
        "加强政府网站和政务新媒体建设管理，及时发布政策文件、解读材料和办事指南，做好政策咨询答复工作。对企业和群众关注度高的政策，通过图表图解、音视频等形式开展多元化解读。",
        "各乡镇人民政府、县直各有关单位要高度重视，切实加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处。县政务服务管理局负责统筹协调和督促指导，定期通报工作进展情况。",
        "强化数据安全和个人信息保护，落实网络安全等级保护制度，严格数据访问权限管理，对政务服务过程中收集的个人信息依法依规使用，不得泄露、篡改、非法向他人提供。",
        "建立健全政务服务事项动态调整机制，因法律法规立改废释或机构职能调整需要变更事项的，有关部门应当在十个工作日内提出调整意见，经审核后及时更新事项清单并向社会公布。",
        "加快推进基层便民服务中心（站）标准化建设，推动社会保障、医疗保险、户籍管理、不动产登记等高频事项向乡镇（街道）、村（社区）延伸，打通政务服务“最后一公里”。",
        "加强政务服务队伍建设，定期开展业务培训和岗位练兵，提升窗口工作人员的业务能力和服务水平。健全首问负责、一次性告知、限时办结等制度，杜绝推诿扯皮、吃拿卡要等不良现象。",
        "本年度全县共受理各类政务服务事项四十二万余件，办结率百分之九十九点八，网上可办率达到百分之九十六，企业开办时间压缩至一个工作日以内，工程建设项目审批时间压缩至六十个工作日以内。",
        "本意见自印发之日起施行，有效期五年。此前有关规定与本意见不一致的，以本意见为准。国家和省另有规定的，从其规定。本意见由县政务服务管理局负责解释。",
    ];

    private static readonly string[] SectionTitles =
    [
        "总体要求", "推进事项标准化管理", "提升网上办事能力", "优化线下服务模式", "强化数据共享应用",
        "健全评价监督机制", "加强基层服务能力", "保障措施",
    ];

    private static readonly string[] ItemTitles =
    [
        "指导思想", "基本原则", "主要目标", "编制事项清单", "规范办事指南", "推行一网通办", "推进一件事一次办",
        "完善帮办代办", "深化电子证照应用", "加强安全保护", "落实好差评", "加强队伍建设", "延伸基层服务",
        "动态调整事项", "加强组织领导", "强化督促落实",
    ];

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>A policy-document body of about <paramref name="targetBytes"/> UTF-8 bytes.</summary>
    public static string LongBody(string siteName, int targetBytes = 20 * 1024)
    {
        var sb = new StringBuilder();
        sb.Append("<p>").Append(siteName).Append("各有关单位：</p>\n");
        sb.Append("<p>").Append(Paragraphs[0]).Append("</p>\n");
        var p = 1;
        for (var section = 0; Encoding.UTF8.GetByteCount(sb.ToString()) < targetBytes - 600; section++)
        {
            sb.Append("<h3>").Append(Numerals[section % 10]).Append('、').Append(SectionTitles[section % SectionTitles.Length]).Append("</h3>\n");
            for (var item = 0; item < 4; item++, p++)
            {
                sb.Append("<p><strong>（").Append(Numerals[item]).Append('）')
                    .Append(ItemTitles[(section * 4 + item) % ItemTitles.Length]).Append("。</strong>")
                    .Append(Paragraphs[p % Paragraphs.Length]).Append(Paragraphs[(p + 7) % Paragraphs.Length]).Append("</p>\n");
            }
        }
        sb.Append("<p style=\"text-align:right\">").Append(siteName).Append("<br>2026年3月18日</p>\n");
        return sb.ToString();
    }

    /// <summary>A short news or notice body (about 1.5 KB) that differs from site to site.</summary>
    public static string ShortBody(int seed) =>
        $"<p>{Paragraphs[seed % Paragraphs.Length]}</p>\n<p>{Paragraphs[(seed + 3) % Paragraphs.Length]}</p>\n<p>{Paragraphs[(seed + 9) % Paragraphs.Length]}</p>\n";
}
