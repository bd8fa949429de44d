using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GovSite.Monitoring;

/// <summary>
/// Reads "label → value" pairs the way government pages write them: `label：value`,
/// `【label】value`, a heading or bold label followed by paragraphs, a two-column table or a
/// &lt;dl&gt;, and tabs whose panels hold the values. Used for service guides and message pages.
/// </summary>
public static partial class LabelledText
{
    /// <summary>A label as a person reads it: numbering, brackets, bullets and the colon taken off.</summary>
    public static string Normalise(string text)
    {
        var t = PageReader.Clean(text);
        t = Numbering().Replace(t, "");
        t = t.Trim('【', '】', '[', ']', '〖', '〗', '「', '」', '《', '》', '(', ')', '（', '）', '：', ':', '*', '＊', ' ');
        return t;
    }

    /// <summary>
    /// The value that follows one of <paramref name="labels"/> in the page's text nodes, or in a
    /// table cell, definition or tab panel; null when no label is shown, "" when it is shown empty.
    /// </summary>
    public static string? Find(PageReader page, IReadOnlyList<string> nodes, IReadOnlyCollection<string> labels, IReadOnlyCollection<string> allLabels)
    {
        string? shownEmpty = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            string? value = null;
            if (Split(nodes[i]) is var (label, rest) && Matches(label, labels))
            {
                value = rest;
            }
            else if (Inline(nodes[i], labels, allLabels) is { } inline)
            {
                value = inline;
            }
            if (value is null)
            {
                continue;
            }
            for (var j = i + 1; value.Length == 0 && j < nodes.Count && j <= i + 3; j++)
            {
                if (Split(nodes[j]) is var (next, _) && Matches(next, allLabels))
                {
                    break;
                }
                value = PageReader.Clean(nodes[j]);
            }
            if (value.Length > 0)
            {
                return value;
            }
            shownEmpty = "";
        }
        foreach (var cell in page.Document.QuerySelectorAll("th, dt, td, strong, b, h3, h4, h5, label, span"))
        {
            if (!Matches(Normalise(cell.TextContent), labels))
            {
                continue;
            }
            var value = cell.NextElementSibling is { } sibling ? PageReader.Clean(sibling.TextContent) : "";
            if (value.Length > 0 && !Matches(Normalise(value), allLabels))
            {
                return value;
            }
            shownEmpty ??= "";
        }
        return TabPanel(page, labels, allLabels) ?? shownEmpty;
    }

    /// <summary>
    /// A label inside a line of several: "来信人：王**　来信时间：2026-11-29 13:52　办理状态：待处理".
    /// The value runs to the next known label or the end of the line.
    /// </summary>
    private static string? Inline(string node, IReadOnlyCollection<string> labels, IReadOnlyCollection<string> allLabels)
    {
        if (node.Length > 400)
        {
            return null;
        }
        foreach (var label in labels)
        {
            var at = 0;
            while ((at = node.IndexOf(label, at, StringComparison.Ordinal)) >= 0)
            {
                var after = at + label.Length;
                while (after < node.Length && char.IsWhiteSpace(node[after]))
                {
                    after++;
                }
                var startsClean = at == 0 || !IsIdeograph(node[at - 1]) || node[at - 1] is '】' or '：';
                if (after < node.Length && node[after] is '：' or ':' && startsClean)
                {
                    var value = node[(after + 1)..];
                    var cut = value.Length;
                    foreach (var other in allLabels)
                    {
                        var k = value.IndexOf(other, StringComparison.Ordinal);
                        while (k >= 0)
                        {
                            var colon = k + other.Length;
                            while (colon < value.Length && char.IsWhiteSpace(value[colon]))
                            {
                                colon++;
                            }
                            if (colon < value.Length && value[colon] is '：' or ':')
                            {
                                cut = Math.Min(cut, k);
                                break;
                            }
                            k = value.IndexOf(other, k + 1, StringComparison.Ordinal);
                        }
                    }
                    return value[..cut].Trim();
                }
                at += label.Length;
            }
        }
        return null;
    }

    private static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>A label (`label：value`, `【label】value`, a node that is only the label) and the value written beside it.</summary>
    public static (string Label, string Value)? Split(string node)
    {
        var text = PageReader.Clean(node);
        if (text.Length < 2)
        {
            return null;
        }
        text = Numbering().Replace(text, "");
        if (text.Length > 0 && text[0] is '【' or '[' or '〖' or '「')
        {
            var close = text.IndexOfAny(['】', ']', '〗', '」']);
            if (close > 1 && close <= 16)
            {
                return (text[1..close], text[(close + 1)..].TrimStart('：', ':'));
            }
        }
        var colon = text.IndexOfAny(['：', ':']);
        if (colon > 0 && colon <= 16)
        {
            return (Normalise(text[..colon]), text[(colon + 1)..]);
        }
        return text.Length <= 16 ? (Normalise(text), "") : null;
    }

    private static readonly string[] LabelTails = ["目录", "清单", "及依据", "依据", "及标准", "情况", "说明", "信息"];

    public static bool Matches(string label, IReadOnlyCollection<string> labels)
    {
        if (label.Length < 2)
        {
            return false;
        }
        foreach (var l in labels)
        {
            if (label == l || (label.StartsWith(l, StringComparison.Ordinal) && LabelTails.Contains(label[l.Length..])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Tabs: a strip of labels whose panels (by href="#id", aria-controls or order) hold the values.</summary>
    private static string? TabPanel(PageReader page, IReadOnlyCollection<string> labels, IReadOnlyCollection<string> allLabels)
    {
        foreach (var tab in page.Document.QuerySelectorAll("li, a, span, div, button"))
        {
            if (tab.Children.Length > 1 || !Matches(Normalise(tab.TextContent), labels))
            {
                continue;
            }
            var item = tab.LocalName == "a" && tab.ParentElement?.LocalName == "li" ? tab.ParentElement : tab;
            var strip = item.ParentElement;
            if (strip is null)
            {
                continue;
            }
            var siblings = strip.Children.Where(c => Matches(Normalise(c.TextContent), allLabels)).ToList();
            if (siblings.Count < 2)
            {
                continue;
            }
            var target = tab.GetAttribute("aria-controls") ?? tab.GetAttribute("data-target")?.TrimStart('#')
                ?? (tab.GetAttribute("href") is { Length: > 1 } href && href[0] == '#' ? href[1..] : null)
                ?? tab.QuerySelector("a[href^='#']")?.GetAttribute("href")?[1..];
            if (target is { Length: > 0 } && page.Document.GetElementById(target) is { } byId)
            {
                return PageReader.Clean(byId.TextContent);
            }
            // By order: the strip's k-th tab shows the k-th child of the next container with as many children.
            var index = strip.Children.Index().First(x => x.Item == item).Index;
            for (var container = strip.NextElementSibling ?? strip.ParentElement?.NextElementSibling; container is not null; container = container.NextElementSibling)
            {
                var panels = container.Children.Where(c => c.LocalName is "div" or "section" or "li" or "table" or "ul").ToList();
                if (panels.Count >= strip.Children.Length)
                {
                    return PageReader.Clean(panels[index].TextContent);
                }
            }
        }
        return null;
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．)）]|第[一二三四五六七八九十\d]{1,3}[条项步]|[●■◆▲★·※○◇□►▶>\-—]+)")]
    private static partial Regex Numbering();
}
