namespace GovSite.Monitoring;

/// <summary>The ten elements of a service guide (办事指南) and which of them a guide page shows.</summary>
public static class ServiceGuides
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

    private static readonly string[] AllLabels =
        [.. Synonyms.Values.SelectMany(v => v), "办理时限", "承诺时限", "法定时限", "承诺办结时限", "法定办结时限", "基本信息", "常见问题", "表格下载", "在线办理", "结果名称", "办理结果"];

    /// <summary>The elements a guide shows with some content after them.</summary>
    public static HashSet<string> Present(PageReader page)
    {
        var present = new HashSet<string>();
        var nodes = page.TextNodes(withChrome: false);
        foreach (var (element, labels) in Synonyms)
        {
            if (LabelledText.Find(page, nodes, labels, AllLabels) is { } value && !IsBlank(element, value))
            {
                present.Add(element);
            }
        }
        return present;
    }

    /// <summary>True when the page looks like a guide: its title says so or it shows several elements.</summary>
    public static bool IsGuide(PageReader page, HashSet<string> present) =>
        present.Count >= 3 || page.Title.Contains("办事指南", StringComparison.Ordinal) || page.Title.Contains("服务指南", StringComparison.Ordinal)
        || (page.Document.QuerySelector("h1")?.TextContent.Contains("指南", StringComparison.Ordinal) ?? false);

    private static bool IsBlank(string element, string value)
    {
        var v = value.Trim().TrimEnd('。', '.', '；', ';');
        // 收费标准 "无" means no fee is charged: a statement, not a gap.
        return v.Length == 0 || v is "—" or "-" or "--" or "暂无" or "/" or "待定" or "空" or "略" or "null" or "undefined"
            || (v == "无" && element != "收费标准");
    }
}
