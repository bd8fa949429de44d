using GovSite.Common;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// The words of the farm: titles, bodies, letters and service guides as county and city sites
/// write them. Every body sentence is correct usage; the misspellings are planted separately.
/// </summary>
public static class Texts
{
    public static readonly string[] Topics =
    [
        "安全生产", "森林防火", "农村人居环境整治", "优化营商环境", "防汛防台", "城乡居民医保参保", "生活垃圾分类",
        "文明城市创建", "乡村振兴", "消防安全", "食品安全", "大气污染防治", "高标准农田建设", "义务教育招生", "就业创业",
        "居家养老服务", "河湖长制", "耕地保护", "燃气安全", "老旧小区改造", "未成年人保护", "数字政府建设", "信访维稳",
        "冬春季农田水利", "普法宣传", "粮食安全", "基层医疗卫生", "人口普查", "生态保护修复", "道路交通安全",
    ];

    public static readonly string[] Issues =
    [
        "小区门口路灯长期不亮", "农村医保缴费渠道", "孩子转学需要的证明", "公交线路调整", "夜间施工噪音扰民", "个体户开办流程",
        "养老金发放时间", "下雨后道路积水", "老旧小区加装电梯", "宅基地确权进度", "灵活就业人员社保", "校车接送安排",
        "菜市场周边乱停车", "企业稳岗补贴", "农田灌溉水渠损坏", "廉租房申请进度", "垃圾清运不及时", "新生儿落户",
    ];

    public static readonly string[] ServiceItems =
    [
        "城乡居民基本养老保险参保登记", "最低生活保障申请", "个体工商户设立登记", "食品经营许可", "建筑工程施工许可证核发",
        "再生育审批", "医师执业注册", "残疾人证核发", "临时救助申请", "户口迁入登记", "公共场所卫生许可", "药品零售企业许可",
        "农村宅基地审批", "林木采伐许可证核发", "取水许可", "城镇污水排入排水管网许可", "人力资源服务许可", "民办学校设立审批",
        "失业保险金申领", "特困人员认定",
    ];

    /// <summary>Sentences that are correct and contain state expressions, often inside longer words.</summary>
    public static readonly string[] Correct =
    [
        "会议强调，要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届历次全会精神。",
        "依据《中华人民共和国政府信息公开条例》（国务院令第711号）有关规定，现将相关情况公开如下。",
        "会议传达学习了全国人民代表大会常务委员会有关决定精神，研究部署贯彻落实工作。",
        "各级各部门要严格落实《中华人民共和国安全生产法》，压紧压实属地管理责任、部门监管责任和企业主体责任。",
        "广大中国共产党员要在急难险重任务中冲锋在前，切实发挥先锋模范作用。",
        "为庆祝中华人民共和国成立77周年，各地组织开展了形式多样的主题宣传活动。",
        "要深入践行社会主义核心价值观，持续推进移风易俗。",
    ];

    public static string Title(string type, string place, string topic, int year, int n) => type switch
    {
        "news" => (n % 6) switch
        {
            0 => $"{place}召开{topic}工作推进会",
            1 => $"{place}部署{topic}工作",
            2 => $"{place}开展{topic}专项行动",
            3 => $"{place[^1]}领导调研{topic}工作",
            4 => $"{place}{topic}工作取得新成效",
            _ => $"{place}举办{topic}业务培训班",
        },
        "notice" => (n % 4) switch
        {
            0 => $"关于开展{year}年度{topic}工作的通知",
            1 => $"关于{topic}有关事项的公告",
            2 => $"{place}{year}年{topic}项目公示",
            _ => $"关于征求《{place}{topic}管理办法（征求意见稿）》意见的公告",
        },
        "policy" => (n % 3) switch
        {
            0 => $"{place}人民政府办公室关于印发{place}{topic}实施方案的通知",
            1 => $"关于进一步加强{topic}工作的意见",
            _ => $"{place}{topic}管理办法",
        },
        "personnel" => (n % 2) switch
        {
            0 => $"{place}{year}年公开招聘事业单位工作人员拟聘用人员名单公示",
            _ => $"关于张建国等同志职务任免的通知（{year}年第{n + 1}号）",
        },
        "planning" => (n % 2) switch
        {
            0 => $"{place}{year}年{topic}工作计划",
            _ => $"{place}{topic}三年行动计划（{year}—{year + 2}年）",
        },
        "interpretation" => (n % 2) switch
        {
            0 => $"一图读懂《{place}{topic}实施方案》",
            _ => $"《关于进一步加强{topic}工作的意见》政策解读",
        },
        "report" => $"{place}{year}年政府信息公开工作年度报告",
        "survey" => $"关于{topic}的问卷调查",
        "topic" => $"{topic}专题",
        "statistics" => $"{year}年1—{n % 9 + 1}月{place}国民经济运行情况",
        "finance" => $"{place}{year}年{topic}专项资金使用情况",
        "emergency" => $"{place}{topic}应急预案",
        _ => $"{place}{topic}有关情况（{n + 1}）",
    };

    public static List<string> Body(string type, string place, string topic, DateOnly date, Random random)
    {
        var paragraphs = new List<string>
        {
            type switch
            {
                "notice" => $"各乡镇（街道）、各有关单位：为做好{topic}工作，根据上级有关部署，结合我{place[^1]}实际，现将有关事项通知如下。",
                "policy" => $"《{place}{topic}实施方案》已经研究同意，现印发给你们，请认真组织实施。",
                _ => $"{date.Month}月{date.Day}日，{place}召开{topic}工作会议，总结前一阶段工作，研究部署下一步重点任务。",
            },
            Texts.Correct[random.Next(Texts.Correct.Length)],
            $"会议要求，各地各部门要把{topic}工作摆上重要议事日程，加强统筹协调，细化工作举措，确保各项任务落地见效。",
        };
        if (random.Next(3) == 0)
        {
            paragraphs.Add(Texts.Correct[random.Next(Texts.Correct.Length)]);
        }
        return paragraphs;
    }

    public static string LetterTitle(int n) => (n % 3) switch
    {
        0 => $"关于{Issues[n % Issues.Length]}的咨询",
        1 => $"{Issues[n % Issues.Length]}问题反映",
        _ => $"建议尽快解决{Issues[n % Issues.Length]}问题",
    };

    public static string LetterContent(int n) =>
        $"您好！我想反映一下{Issues[n % Issues.Length]}的情况，已经持续一段时间了，希望有关部门能够尽快核实处理并予以答复，谢谢！";

    public static string Reply(int n, string unit) =>
        $"您好！您反映的{Issues[n % Issues.Length]}问题已收悉。经{unit}核实，相关情况已转交责任单位处理，处理结果将通过原渠道反馈。感谢您对我们工作的关注和支持！";

    /// <summary>The value written after each element's label.</summary>
    public static string ValueOf(Element element, string item, string place) => element switch
    {
        Element.事项名称 => item,
        Element.设定依据 => "《中华人民共和国行政许可法》；《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）。",
        Element.申请条件 => "申请人为本行政区域内的自然人、法人或者其他组织，所提交的资料齐全、符合法定形式。",
        Element.办理材料 => "1. 申请表（原件1份）；2. 居民身份证或营业执照（原件核验，复印件1份）；3. 其他相关证明（原件1份）。",
        Element.办理地点 => $"{place}政务服务中心一楼综合窗口（{place}人民大道88号）",
        Element.办理机构 => $"{place}行政审批服务中心",
        Element.收费标准 => "不收费",
        Element.办理时间 => "周一至周五上午9:00—12:00，下午13:30—17:00（法定节假日除外）",
        Element.联系电话 => "0571-86012345",
        Element.办理流程 => "提交→受理→审查→决定→送达，结果可选择邮寄或窗口领取。",
        _ => "",
    };

    public const string TimeLimitValue = "法定办结时限20个工作日，承诺办结时限5个工作日";

    /// <summary>Labels of each element as sites write them: the name itself and the synonyms domain.md lists.</summary>
    public static readonly Dictionary<Element, string[]> Labels = new()
    {
        [Element.事项名称] = ["事项名称"],
        [Element.设定依据] = ["设定依据"],
        [Element.申请条件] = ["申请条件", "受理条件"],
        [Element.办理材料] = ["办理材料", "申请材料"],
        [Element.办理地点] = ["办理地点"],
        [Element.办理机构] = ["办理机构"],
        [Element.收费标准] = ["收费标准", "收费依据及标准"],
        [Element.办理时间] = ["办理时间"],
        [Element.联系电话] = ["联系电话", "咨询电话", "联系方式"],
        [Element.办理流程] = ["办理流程"],
    };

    /// <summary>Stable across runs and machines (string.GetHashCode is not).</summary>
    public static int Seed(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash & 0x7fffffff;
        }
    }
}
