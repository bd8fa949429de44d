namespace GovSite.Rules;

/// <summary>One element a guide states vaguely: the element and the words that say nothing.</summary>
public sealed record VagueElement(string Element, string Wording);

/// <summary>What the rules find in one guide: elements missing (or blank) and elements stated vaguely.</summary>
public sealed record GuideAssessment(IReadOnlyList<string> Missing, IReadOnlyList<VagueElement> Vague)
{
    public bool IsComplete => Missing.Count == 0;

    /// <summary>The checker's veto counts a guide as incomplete from this many missing elements on.</summary>
    public bool CountsAsIncomplete => Missing.Count >= ServiceGuideRules.MissingElementsForIncomplete;
}

/// <summary>
/// The national rule on service guides (veto 6, domain.md): the ten elements, the labels guides
/// use for them, what counts as an empty value, and the thresholds of the veto. One rule for the
/// two places that apply it: the checker reading any government site's guide pages
/// (Monitoring/ServiceGuides) and the editor of a hosted site's guides (Services/), which refuses
/// to publish what the checker would find missing. A hosted site therefore cannot fail the veto
/// without its editors having been told first.
/// </summary>
public static class ServiceGuideRules
{
    public static readonly IReadOnlyList<string> Elements =
        ["事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理机构", "收费标准", "办理时间", "联系电话", "办理流程"];

    /// <summary>
    /// The labels guides use for each element (domain.md: 受理条件 = 申请条件, 申请材料 = 办理材料,
    /// 咨询电话/联系方式 = 联系电话, 收费依据及标准 = 收费标准). 办理时限 and 承诺时限 are the time a
    /// case takes, not the office hours of 办理时间, and count for nothing here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Synonyms = new Dictionary<string, string[]>
    {
        ["事项名称"] = ["事项名称", "服务事项名称", "服务事项", "事项", "服务名称", "项目名称", "审批事项"],
        ["设定依据"] = ["设定依据", "办理依据", "法律依据", "政策依据", "实施依据", "法定依据", "受理依据", "审批依据"],
        ["申请条件"] = ["申请条件", "受理条件", "办理条件", "申请人条件", "准入条件", "申办条件", "受理范围及条件"],
        ["办理材料"] = ["办理材料", "申请材料", "申报材料", "所需材料", "提交材料", "材料清单", "申请资料", "所需资料", "需提交材料", "应提交材料"],
        ["办理地点"] = ["办理地点", "受理地点", "办理地址", "受理地址", "服务地点", "窗口地址", "办公地点", "办理窗口", "受理窗口"],
        ["办理机构"] = ["办理机构", "受理机构", "实施机构", "承办机构", "实施主体", "办理部门", "受理部门", "责任部门", "承办部门", "决定机构"],
        ["收费标准"] = ["收费标准", "收费依据及标准", "收费情况", "是否收费", "收费依据", "收费", "费用", "收费项目及标准"],
        ["办理时间"] = ["办理时间", "受理时间", "工作时间", "办公时间", "窗口办理时间", "服务时间"],
        ["联系电话"] = ["联系电话", "咨询电话", "咨询方式", "联系方式", "咨询途径", "监督电话", "电话", "咨询投诉电话", "监督投诉电话"],
        ["办理流程"] = ["办理流程", "办理程序", "办事流程", "办理步骤", "流程", "办理环节", "审批流程", "办事程序"],
    };

    /// <summary>
    /// Configurable default (domain.md, veto 6): a guide lacking this many of the ten elements is
    /// incomplete. The checker's <c>CheckRules</c> starts from it.
    /// </summary>
    public const int MissingElementsForIncomplete = 4;

    /// <summary>Configurable default: this many incomplete guides fail the site.</summary>
    public const int IncompleteGuidesForVeto = 5;

    /// <summary>
    /// Words that stand in for an element without stating it: a citizen who reads them still has
    /// to go to the window to learn what to bring or pay (the seeds' 不实用). A warning, not a
    /// refusal: 按规定 may sit inside a sentence that does say what the rule is.
    /// </summary>
    public static readonly IReadOnlyList<string> VagueWordings =
    [
        "其他材料", "其它材料", "其他相关材料", "其它相关材料", "其他有关材料", "相关证明材料", "有关证明材料", "其他证明材料",
        "详见窗口", "详询窗口", "以窗口为准", "以窗口告知为准", "到窗口咨询", "请咨询窗口", "窗口咨询", "现场咨询",
        "按规定", "按有关规定", "按相关规定", "按照规定", "按照有关规定", "按照相关规定", "依规定", "依照有关规定", "按国家规定",
        "另行通知", "视情况而定", "视具体情况",
    ];

    /// <summary>
    /// True when a value says nothing: empty, a dash, 暂无, 待定, 略 and the like. 收费标准 "无"
    /// means no fee is charged: a statement, not a gap; anywhere else "无" is a gap.
    /// </summary>
    public static bool IsBlank(string element, string? value)
    {
        var v = (value ?? "").Trim().TrimEnd('。', '.', '；', ';');
        return v.Length == 0 || v is "—" or "-" or "--" or "暂无" or "/" or "待定" or "空" or "略" or "null" or "undefined"
            || (v == "无" && element != "收费标准");
    }

    /// <summary>The first vague wording in a value, or null when it states what it says.</summary>
    public static string? VagueWording(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        foreach (var wording in VagueWordings)
        {
            if (value.Contains(wording, StringComparison.Ordinal))
            {
                return wording;
            }
        }
        return null;
    }

    /// <summary>
    /// Judges a guide's elements as written (element name → text; a list element such as 办理材料
    /// or 办理流程 as its entries joined, an absent key as missing).
    /// </summary>
    public static GuideAssessment Assess(IReadOnlyDictionary<string, string?> values)
    {
        var missing = new List<string>();
        var vague = new List<VagueElement>();
        foreach (var element in Elements)
        {
            var value = values.GetValueOrDefault(element);
            if (IsBlank(element, value))
            {
                missing.Add(element);
            }
            else if (element != "事项名称" && VagueWording(value) is { } wording)
            {
                vague.Add(new VagueElement(element, wording));
            }
        }
        return new GuideAssessment(missing, vague);
    }

    /// <summary>The veto: this many guides, each lacking enough elements, fail the site.</summary>
    public static bool FailsVeto(int incompleteGuides, int threshold = IncompleteGuidesForVeto) => incompleteGuides >= threshold;
}
