using GovSite.Common;

namespace GovSite.Services;

/// <summary>
/// The words the catalogue is browsed by: 主题 for persons and for enterprises (the national
/// government service platform's theme lists), 人生事件 and 企业事件, and the labels of the
/// enums. An item's themes and events are stored as "|a|b|" (see <see cref="ServiceItem.Themes"/>).
/// </summary>
public static class ServiceTaxonomy
{
    public static readonly IReadOnlyList<string> PersonThemes =
    [
        "生育收养", "户籍办理", "民族宗教", "教育科研", "入伍服役", "就业创业", "设立变更", "准营准办", "抵押质押", "职业资格",
        "行政缴费", "婚姻登记", "优待抚恤", "规划建设", "住房保障", "社会保障", "证件办理", "交通出行", "旅游观光", "出境入境",
        "消费维权", "公共安全", "司法公证", "知识产权", "环保绿化", "文化体育", "公用事业", "医疗卫生", "离职退休", "死亡殡葬", "其他",
    ];

    public static readonly IReadOnlyList<string> EnterpriseThemes =
    [
        "设立变更", "准营准办", "资质认证", "年检年审", "税收财务", "人力资源", "社会保障", "投资审批", "融资信贷", "抵押质押",
        "商务贸易", "招标拍卖", "海关口岸", "涉外服务", "农林牧渔", "国土和规划建设", "交通运输", "环保绿化", "水务气象", "医疗卫生",
        "科技创新", "文体教育", "知识产权", "市场监管", "安全生产", "司法公证", "破产注销", "其他",
    ];

    /// <summary>人生事件, in the order a life runs.</summary>
    public static readonly IReadOnlyList<string> LifeEvents =
        ["出生", "上学", "就业", "创业", "结婚", "生育", "住房", "出行", "就医", "残疾", "退休", "养老", "身后事"];

    /// <summary>企业事件, in the order a business runs.</summary>
    public static readonly IReadOnlyList<string> BusinessEvents =
        ["开办", "准营", "经营", "变更", "投资建设", "纳税", "用工", "融资", "进出口", "注销"];

    public static IReadOnlyList<string> AllThemes { get; } = [.. PersonThemes.Concat(EnterpriseThemes).Distinct()];

    /// <summary>"|a|b|" from a list, keeping only known words, in the vocabulary's order.</summary>
    public static string Join(IEnumerable<string>? values, IReadOnlyList<string> vocabulary)
    {
        var chosen = (values ?? []).Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
        var kept = vocabulary.Where(chosen.Contains).ToList();
        return kept.Count == 0 ? "" : "|" + string.Join('|', kept) + "|";
    }

    public static List<string> Split(string? joined) =>
        [.. (joined ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The LIKE pattern that finds a word in a joined column.</summary>
    public static string Pattern(string word) => "%|" + word + "|%";

    public static string Label(ServiceItemType type) => type switch
    {
        ServiceItemType.Licence => "行政许可",
        ServiceItemType.Payment => "行政给付",
        ServiceItemType.Confirmation => "行政确认",
        ServiceItemType.Adjudication => "行政裁决",
        ServiceItemType.Reward => "行政奖励",
        ServiceItemType.Levy => "行政征收",
        ServiceItemType.Inspection => "行政检查",
        ServiceItemType.OtherPower => "其他行政权力",
        ServiceItemType.PublicService => "公共服务",
        _ => type.ToString(),
    };

    public static string Label(OnlineDepth depth) => depth switch
    {
        OnlineDepth.Information => "信息公开",
        OnlineDepth.PreReview => "在线预审",
        OnlineDepth.OnlineAcceptance => "在线受理",
        OnlineDepth.FullyOnline => "全程网办",
        _ => depth.ToString(),
    };

    public static string Label(ServiceItemStatus status) => status switch
    {
        ServiceItemStatus.Draft => "草稿",
        ServiceItemStatus.Submitted => "待审核",
        ServiceItemStatus.Published => "已发布",
        ServiceItemStatus.Withdrawn => "已撤下",
        _ => status.ToString(),
    };

    public static string Label(MaterialForm form) => form switch
    {
        MaterialForm.Original => "原件",
        MaterialForm.Copy => "复印件",
        MaterialForm.OriginalAndCopy => "原件和复印件",
        MaterialForm.Electronic => "电子材料",
        _ => form.ToString(),
    };

    public static string Label(DocumentKind kind) => kind switch
    {
        DocumentKind.Form => "申请表格",
        DocumentKind.Sample => "示范文本",
        _ => kind.ToString(),
    };

    public static string Label(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.Basic => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => level.ToString(),
    };

    public static string Audience(bool persons, bool enterprises) => (persons, enterprises) switch
    {
        (true, true) => "自然人、法人",
        (true, false) => "自然人",
        (false, true) => "法人",
        _ => "—",
    };

    /// <summary>承诺时限 as a citizen reads it: 即办, or N 个工作日.</summary>
    public static string Days(int? days) => days switch
    {
        null => "无",
        0 => "即办",
        int n => $"{n} 个工作日",
    };

    /// <summary>Labels by value (the import reads 行政许可, 全程网办 …), and the enum names too.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var t = (text ?? "").Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            var label = candidate switch
            {
                ServiceItemType x => Label(x),
                OnlineDepth x => Label(x),
                MaterialForm x => Label(x),
                DocumentKind x => Label(x),
                RatingLevel x => Label(x),
                _ => candidate.ToString(),
            };
            if (t == label || string.Equals(t, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
