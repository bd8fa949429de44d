using System.Text.RegularExpressions;

namespace GovSite.Monitoring;

/// <summary>The ten elements of a service guide (办事指南) and which of them a guide page shows.</summary>
public static partial class ServiceGuides
{
    public static readonly IReadOnlyList<string> Elements =
        ["事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理机构", "收费标准", "办理时间", "联系电话", "办理流程"];

    // Common alternative labels for the same element.
    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["事项名称"] = ["事项名称", "服务事项", "事项"],
        ["设定依据"] = ["设定依据", "办理依据", "法律依据", "政策依据"],
        ["申请条件"] = ["申请条件", "受理条件", "办理条件"],
        ["办理材料"] = ["办理材料", "申请材料", "申报材料", "所需材料"],
        ["办理地点"] = ["办理地点", "受理地点", "办理地址"],
        ["办理机构"] = ["办理机构", "受理机构", "实施机构", "承办机构"],
        ["收费标准"] = ["收费标准", "收费依据及标准", "是否收费", "收费"],
        ["办理时间"] = ["办理时间", "受理时间", "工作时间"],
        ["联系电话"] = ["联系电话", "咨询电话", "咨询方式", "监督电话"],
        ["办理流程"] = ["办理流程", "办理程序", "办事流程"],
    };

    /// <summary>The elements a guide shows with some content after them.</summary>
    public static HashSet<string> Present(PageReader page)
    {
        var present = new HashSet<string>();
        var text = page.Text(withChrome: false);
        foreach (var (element, labels) in Synonyms)
        {
            foreach (var label in labels)
            {
                if (LabelledText(text, label) || LabelledCell(page, label))
                {
                    present.Add(element);
                    break;
                }
            }
        }
        return present;
    }

    /// <summary>True when the page looks like a guide: its title says so or it shows several elements.</summary>
    public static bool IsGuide(PageReader page, HashSet<string> present) =>
        present.Count >= 3 || page.Title.Contains("办事指南", StringComparison.Ordinal)
        || (page.Document.QuerySelector("h1")?.TextContent.Contains("指南", StringComparison.Ordinal) ?? false);

    private static bool LabelledText(string text, string label)
    {
        var at = 0;
        while ((at = text.IndexOf(label, at, StringComparison.Ordinal)) >= 0)
        {
            var rest = text.AsSpan(at + label.Length).TrimStart(" \n\t");
            if (rest.Length > 0 && rest[0] is '：' or ':')
            {
                var value = rest[1..].TrimStart(" \n\t");
                if (value.Length > 0 && !IsBlankValue(value))
                {
                    return true;
                }
            }
            at += label.Length;
        }
        return false;
    }

    private static bool LabelledCell(PageReader page, string label)
    {
        foreach (var cell in page.Document.QuerySelectorAll("th, dt, td"))
        {
            if (PageReader.Clean(cell.TextContent).TrimEnd('：', ':') == label
                && cell.NextElementSibling is { } value && !IsBlankValue(PageReader.Clean(value.TextContent)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsBlankValue(ReadOnlySpan<char> value)
    {
        var line = value.IndexOf('\n') is var n and >= 0 ? value[..n] : value;
        line = line.Trim();
        return line.Length == 0 || line is "—" or "-" or "--" or "无" or "暂无" or "/" or "待定";
    }
}

/// <summary>A message (留言/来信) on an interaction column, as its page shows it.</summary>
public sealed record MessageFacts(DateOnly? Posted, DateOnly? Replied, string? Status)
{
    public bool Invalid => Status is not null && (Status.Contains("无效", StringComparison.Ordinal) || Status.Contains("不予受理", StringComparison.Ordinal)
        || Status.Contains("重复", StringComparison.Ordinal));

    public bool Answered => Replied is not null || (Status is not null && !Status.Contains('未') && !Status.Contains("办理中", StringComparison.Ordinal)
        && !Status.Contains('待') && (Status.Contains('已') || Status.Contains("办结", StringComparison.Ordinal)));

    /// <summary>
    /// A valid message from the year before the check left unanswered for more than 3 months:
    /// still unanswered now, or answered only after 3 months.
    /// </summary>
    public bool Unresponsive(DateOnly asOf)
    {
        if (Posted is not { } posted || Invalid || posted < asOf.AddYears(-1) || posted > asOf)
        {
            return false;
        }
        var deadline = posted.AddMonths(3);
        return Replied is { } replied ? replied > deadline : !Answered && asOf > deadline;
    }
}

public static partial class Messages
{
    [GeneratedRegex(@"(来信时间|来信日期|留言时间|留言日期|提问时间|咨询时间|写信时间|提交时间|发信时间)\s*[：:]\s*([^\n]{6,24})")]
    private static partial Regex PostedLabel();

    [GeneratedRegex(@"(答复时间|答复日期|回复时间|回复日期|办结时间|反馈时间)\s*[：:]\s*([^\n]{6,24})")]
    private static partial Regex RepliedLabel();

    [GeneratedRegex(@"(办理状态|处理状态|回复状态|状态)\s*[：:]\s*([^\s：:]{2,8})")]
    private static partial Regex StatusLabel();

    /// <summary>Null when the page shows no posting date: then it is not a message.</summary>
    public static MessageFacts? Read(PageReader page, DateOnly asOf)
    {
        var text = page.Text(withChrome: false);
        var posted = DateAfter(PostedLabel(), text, asOf) ?? DateInCell(page, ["来信时间", "留言时间", "提问时间", "咨询时间"], asOf);
        if (posted is null)
        {
            return null;
        }
        var replied = DateAfter(RepliedLabel(), text, asOf) ?? DateInCell(page, ["答复时间", "回复时间", "办结时间"], asOf);
        var status = StatusLabel().Match(text) is { Success: true } m ? m.Groups[2].Value : CellAfter(page, ["办理状态", "处理状态", "状态"]);
        return new MessageFacts(posted, replied, status);
    }

    private static DateOnly? DateAfter(Regex label, string text, DateOnly asOf) =>
        label.Match(text) is { Success: true } m ? DateFinder.InText(m.Groups[2].Value, asOf).Cast<DateOnly?>().FirstOrDefault() : null;

    private static DateOnly? DateInCell(PageReader page, string[] labels, DateOnly asOf) =>
        CellAfter(page, labels) is { } v ? DateFinder.InText(v, asOf).Cast<DateOnly?>().FirstOrDefault() : null;

    private static string? CellAfter(PageReader page, string[] labels)
    {
        foreach (var cell in page.Document.QuerySelectorAll("th, dt, td"))
        {
            var label = PageReader.Clean(cell.TextContent).TrimEnd('：', ':');
            if (labels.Contains(label) && cell.NextElementSibling is { } value)
            {
                return PageReader.Clean(value.TextContent);
            }
        }
        return null;
    }
}
