namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// Deterministic filler in the voice of county sites. Titles and bodies avoid every state
/// expression except where the catalogue plants one, so no serious error (or near miss) is
/// written by accident.
/// </summary>
public sealed class Farm3Text(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Topics =
    [
        "安全生产", "森林防火", "乡村振兴", "营商环境", "农村人居环境整治", "食品安全", "防汛抗旱", "文明城市创建",
        "生态环境保护", "社会救助", "就业创业", "耕地保护", "消防安全", "义务教育", "医疗保障", "秸秆禁烧",
        "冬春火灾防控", "政务服务", "河湖长制", "农田水利", "校园安全", "养老服务", "粮食生产", "燃气安全",
        "城乡环境", "矛盾纠纷排查", "扫黑除恶", "旅游市场秩序", "农产品质量安全", "地质灾害防治",
    ];

    private static readonly string[] Towns = ["城关镇", "溪口镇", "龙潭乡", "白石镇", "石桥乡", "东岭街道", "南湖街道", "桃源镇"];

    private static readonly string[] Sentences =
    [
        "会议强调，要进一步提高思想认识，压实工作责任，确保各项任务落到实处。",
        "各乡镇（街道）、县直各有关单位负责同志参加会议。",
        "下一步，将持续加大工作力度，推动工作取得新成效。",
        "活动现场，工作人员向群众发放宣传资料，耐心解答群众咨询。",
        "此次检查共发现问题隐患十余处，均已责令限期整改。",
        "据悉，该项工作已列入本年度民生实事项目，预计年底前完成。",
        "与会人员围绕工作重点进行了深入交流，并就下一阶段工作作了具体部署。",
        "截至目前，已累计走访企业和群众两百余户，收集意见建议三十余条。",
        "请各单位高度重视，结合实际认真组织实施，并按时报送有关情况。",
        "公示期间，如有异议，可通过来信、来电等方式向有关部门反映。",
    ];

    public string Pick(IReadOnlyList<string> from) => from[_random.Next(from.Count)];

    public int Next(int min, int max) => _random.Next(min, max);

    public string Topic() => Pick(Topics);

    public string Town() => Pick(Towns);

    public string Title(ColumnType3 type, string unit) => type switch
    {
        ColumnType3.News => Next(0, 4) switch
        {
            0 => $"{unit}召开{Topic()}工作推进会",
            1 => $"{Town()}扎实推进{Topic()}工作",
            2 => $"{unit}开展{Topic()}专项检查",
            _ => $"我县{Topic()}工作取得阶段性成效",
        },
        ColumnType3.Notice => Next(0, 3) switch
        {
            0 => $"关于开展{Topic()}专项行动的通知",
            1 => $"关于{Topic()}项目的公示",
            _ => $"关于做好{Topic()}有关工作的公告",
        },
        ColumnType3.Policy => Next(0, 2) switch
        {
            0 => $"{unit}关于印发《{Topic()}工作实施方案》的通知",
            _ => $"{unit}关于进一步加强{Topic()}工作的意见",
        },
        ColumnType3.Personnel => Next(0, 2) switch
        {
            0 => $"{unit}关于有关同志职务任免的通知",
            _ => $"{unit}公开招聘工作人员拟聘用人员公示",
        },
        ColumnType3.Planning => $"{unit}{Topic()}工作计划",
        ColumnType3.Interpretation => Next(0, 2) == 0 ? $"《{Topic()}工作实施方案》政策解读" : $"图解：{Topic()}工作怎么做",
        _ => Next(0, 2) == 0 ? $"{Topic()}有关情况说明" : $"{unit}{Topic()}信息",
    };

    public string Body() => string.Join("", Enumerable.Range(0, Next(2, 4)).Select(_ => $"<p>{Pick(Sentences)}</p>"));

    /// <summary>Items for a column: the newest on <paramref name="latest"/>, the others spaced back in time.</summary>
    public List<Item3> Items(ColumnType3 type, string unit, DateOnly latest, int count, int minGap, int maxGap, ref int nextId)
    {
        var items = new List<Item3>();
        var date = latest;
        for (var i = 0; i < count; i++)
        {
            items.Add(new Item3(nextId++, Title(type, unit), date));
            date = date.AddDays(-Next(minGap, maxGap + 1));
        }
        return items;
    }

    public static string Ymd(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateOnly d, string format) => d.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>2026年11月3日 (no leading zeros), the way Chinese pages write a date in text.</summary>
    public static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>A stable hash for seeding (string.GetHashCode differs between runs).</summary>
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
