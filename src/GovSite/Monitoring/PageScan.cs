using System.Net;

namespace GovSite.Monitoring;

/// <summary>
/// One forward pass over a page's HTML that keeps what the crawl needs from a page it only
/// passes through (an article, not a column, guide or message page): the title, which meta tags
/// are present, the text nodes and the link targets. No DOM is built; on the farm this costs a
/// fraction of a full parse (docs/performance.md), and most of a big site's pages are such pages.
/// It reads the same things <see cref="PageReader"/> does for those pages: text outside
/// script/style/noscript/template, one text node per run of text between tags, and the targets
/// of a/area href, img/script/iframe src and stylesheet/icon links.
/// </summary>
public sealed class PageScan
{
    private readonly List<string> _texts = [];
    private readonly List<string> _links = [];
    private readonly List<string> _alts = [];
    private readonly HashSet<string> _meta = new(StringComparer.OrdinalIgnoreCase);

    public string Title { get; private set; } = "";

    /// <summary>Text nodes, trimmed and decoded, empty ones left out, in document order.</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>Raw link targets (attribute values, decoded), in document order.</summary>
    public IReadOnlyList<string> Links => _links;

    /// <summary>Alt texts of images and areas, trimmed, empty ones left out, in document order.</summary>
    public IReadOnlyList<string> AltTexts => _alts;

    /// <summary>The first &lt;base href&gt; as written, if any: relative links resolve against it (<see cref="PageReader.BaseOf"/>).</summary>
    public string? BaseHref { get; private set; }

    public bool HasMeta(string name) => _meta.Contains(name);

    private PageScan()
    {
    }

    public static PageScan Read(string html)
    {
        var scan = new PageScan();
        scan.Run(PageReader.Prepare(html));
        return scan;
    }

    private void Run(string html)
    {
        var hidden = 0; // inside noscript or template: no text (PageReader skips those subtrees)
        var template = 0; // inside template: no links either (its content is not in the document)
        var titleSeen = false;
        var i = 0;
        var textStart = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }
            var next = html[lt + 1];
            if (next == '!' || next == '?')
            {
                AddText(html, textStart, lt, hidden);
                if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
                {
                    var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                    i = end < 0 ? html.Length : end + 3;
                }
                else
                {
                    var end = html.IndexOf('>', lt + 2);
                    i = end < 0 ? html.Length : end + 1;
                }
                textStart = i;
                continue;
            }
            var closing = next == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // A '<' that opens no tag is text ("a < b").
                i = lt + 1;
                continue;
            }
            AddText(html, textStart, lt, hidden);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tag = Known(name);
            string? href = null, src = null, rel = null, metaName = null, alt = null;
            var p = nameEnd;
            // Attributes: only those of the few tags that matter are kept.
            while (p < html.Length && html[p] != '>')
            {
                var c = html[p];
                if (char.IsWhiteSpace(c) || c == '/')
                {
                    p++;
                    continue;
                }
                var attrStart = p;
                while (p < html.Length && html[p] is not ('=' or '>' or '/') && !char.IsWhiteSpace(html[p]))
                {
                    p++;
                }
                var attr = html.AsSpan(attrStart, p - attrStart);
                while (p < html.Length && char.IsWhiteSpace(html[p]))
                {
                    p++;
                }
                if (p >= html.Length || html[p] != '=')
                {
                    continue;
                }
                p++;
                while (p < html.Length && char.IsWhiteSpace(html[p]))
                {
                    p++;
                }
                int valueStart, valueEnd;
                if (p < html.Length && html[p] is '"' or '\'')
                {
                    var quote = html[p];
                    valueStart = p + 1;
                    valueEnd = html.IndexOf(quote, valueStart);
                    if (valueEnd < 0)
                    {
                        valueEnd = html.Length;
                    }
                    p = Math.Min(html.Length, valueEnd + 1);
                }
                else
                {
                    valueStart = p;
                    while (p < html.Length && html[p] != '>' && !char.IsWhiteSpace(html[p]))
                    {
                        p++;
                    }
                    valueEnd = p;
                }
                if (closing || tag == Tag.Other)
                {
                    continue;
                }
                if (attr.Equals("href", StringComparison.OrdinalIgnoreCase))
                {
                    href ??= Value(html, valueStart, valueEnd);
                }
                else if (attr.Equals("src", StringComparison.OrdinalIgnoreCase))
                {
                    src ??= Value(html, valueStart, valueEnd);
                }
                else if (attr.Equals("rel", StringComparison.OrdinalIgnoreCase))
                {
                    rel ??= Value(html, valueStart, valueEnd);
                }
                else if (attr.Equals("name", StringComparison.OrdinalIgnoreCase))
                {
                    metaName ??= Value(html, valueStart, valueEnd);
                }
                else if (attr.Equals("alt", StringComparison.OrdinalIgnoreCase))
                {
                    alt ??= Value(html, valueStart, valueEnd);
                }
            }
            i = Math.Min(html.Length, p + 1);
            textStart = i;
            if (closing)
            {
                if (tag == Tag.Noscript || tag == Tag.Template)
                {
                    hidden = Math.Max(0, hidden - 1);
                    if (tag == Tag.Template)
                    {
                        template = Math.Max(0, template - 1);
                    }
                }
                continue;
            }
            if (tag is Tag.Img or Tag.Area && alt is not null && template == 0 && alt.Trim() is { Length: > 0 } altText)
            {
                _alts.Add(altText);
            }
            switch (tag)
            {
                case Tag.A or Tag.Area when href is not null && template == 0:
                    _links.Add(href);
                    break;
                case Tag.Base when href is not null && template == 0:
                    BaseHref ??= href;
                    break;
                case Tag.Img or Tag.Script or Tag.Iframe or Tag.Frame when src is not null && template == 0:
                    _links.Add(src);
                    break;
                case Tag.Link when href is not null && rel is not null && template == 0
                    && (rel.Contains("stylesheet", StringComparison.OrdinalIgnoreCase) || rel.Contains("icon", StringComparison.OrdinalIgnoreCase)):
                    _links.Add(href);
                    break;
                case Tag.Meta when metaName is not null:
                    _meta.Add(metaName.Trim());
                    break;
                case Tag.Noscript:
                    hidden++;
                    break;
                case Tag.Template:
                    hidden++;
                    template++;
                    break;
            }
            // Raw text: script and style bodies are skipped, title and textarea read as text.
            if (tag is Tag.Script or Tag.Style or Tag.Title or Tag.Textarea)
            {
                var close = IndexOfEndTag(html, i, name);
                var body = html.AsSpan(i, (close < 0 ? html.Length : close) - i);
                if (tag == Tag.Title && !titleSeen)
                {
                    titleSeen = true;
                    Title = Decode(body.Trim().ToString());
                }
                else if (tag == Tag.Textarea)
                {
                    AddText(html, i, i + body.Length, hidden);
                }
                if (close < 0)
                {
                    i = html.Length;
                }
                else
                {
                    var gt = html.IndexOf('>', close);
                    i = gt < 0 ? html.Length : gt + 1;
                }
                textStart = i;
            }
        }
        AddText(html, textStart, html.Length, hidden);
    }

    private void AddText(string html, int from, int to, int hidden)
    {
        if (hidden > 0 || to <= from)
        {
            return;
        }
        var text = html.AsSpan(from, to - from).Trim();
        if (text.Length > 0)
        {
            _texts.Add(Decode(text.ToString()));
        }
    }

    private static string Value(string html, int from, int to) => Decode(html[from..to]);

    private static string Decode(string s) => s.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(s).Trim() : s;

    private static int IndexOfEndTag(string html, int from, ReadOnlySpan<char> name)
    {
        var at = from;
        while ((at = html.IndexOf("</", at, StringComparison.Ordinal)) >= 0)
        {
            var end = at + 2 + name.Length;
            if (end <= html.Length && html.AsSpan(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (end == html.Length || html[end] is '>' || char.IsWhiteSpace(html[end]) || html[end] == '/'))
            {
                return at;
            }
            at += 2;
        }
        return -1;
    }

    private enum Tag { Other, A, Area, Base, Frame, Img, Script, Iframe, Link, Meta, Style, Title, Textarea, Noscript, Template }

    private static Tag Known(ReadOnlySpan<char> name) => name.Length switch
    {
        1 when name[0] is 'a' or 'A' => Tag.A,
        3 when name.Equals("img", StringComparison.OrdinalIgnoreCase) => Tag.Img,
        4 when name.Equals("area", StringComparison.OrdinalIgnoreCase) => Tag.Area,
        4 when name.Equals("base", StringComparison.OrdinalIgnoreCase) => Tag.Base,
        4 when name.Equals("link", StringComparison.OrdinalIgnoreCase) => Tag.Link,
        4 when name.Equals("meta", StringComparison.OrdinalIgnoreCase) => Tag.Meta,
        5 when name.Equals("frame", StringComparison.OrdinalIgnoreCase) => Tag.Frame,
        5 when name.Equals("style", StringComparison.OrdinalIgnoreCase) => Tag.Style,
        5 when name.Equals("title", StringComparison.OrdinalIgnoreCase) => Tag.Title,
        6 when name.Equals("script", StringComparison.OrdinalIgnoreCase) => Tag.Script,
        6 when name.Equals("iframe", StringComparison.OrdinalIgnoreCase) => Tag.Iframe,
        8 when name.Equals("textarea", StringComparison.OrdinalIgnoreCase) => Tag.Textarea,
        8 when name.Equals("noscript", StringComparison.OrdinalIgnoreCase) => Tag.Noscript,
        8 when name.Equals("template", StringComparison.OrdinalIgnoreCase) => Tag.Template,
        _ => Tag.Other,
    };
}
