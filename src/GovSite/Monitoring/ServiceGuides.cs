using GovSite.Rules;

namespace GovSite.Monitoring;

/// <summary>
/// Which of the ten elements of a service guide (办事指南) a guide page shows. The elements, their
/// labels and what counts as blank are the national rule in <see cref="ServiceGuideRules"/>, which
/// the guide editor of hosted sites applies too.
/// </summary>
public static class ServiceGuides
{
    public static IReadOnlyList<string> Elements => ServiceGuideRules.Elements;

    public static IReadOnlyDictionary<string, string[]> Synonyms => ServiceGuideRules.Synonyms;

    private static readonly string[] AllLabels =
        [.. ServiceGuideRules.Synonyms.Values.SelectMany(v => v), "办理时限", "承诺时限", "法定时限", "承诺办结时限", "法定办结时限", "基本信息", "常见问题", "表格下载", "在线办理", "结果名称", "办理结果"];

    /// <summary>The elements a guide shows with some content after them.</summary>
    public static HashSet<string> Present(PageReader page)
    {
        var present = new HashSet<string>();
        var nodes = page.TextNodes(withChrome: false);
        foreach (var (element, labels) in ServiceGuideRules.Synonyms)
        {
            if (LabelledText.Find(page, nodes, labels, AllLabels) is { } value && !ServiceGuideRules.IsBlank(element, value))
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
}
