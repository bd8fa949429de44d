using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GovSite.Common;

/// <summary>
/// Allow-list HTML cleaning for everything people type into GovSite. Unknown elements are
/// unwrapped (their text survives), dangerous ones are removed with their content, and only
/// listed attributes with safe URLs are kept.
/// </summary>
public static class HtmlSanitiser
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
        "sub", "sup", "span", "div", "blockquote", "pre", "code", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "a", "img", "figure", "figcaption", "small", "mark", "section", "article",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
        "template", "svg", "math", "form", "input", "button", "select", "textarea", "option",
        "link", "meta", "base", "title", "head", "audio", "video", "source", "track", "canvas",
    };

    private static readonly Dictionary<string, HashSet<string>> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["*"] = new(StringComparer.OrdinalIgnoreCase) { "title", "lang", "dir", "class" },
        ["a"] = new(StringComparer.OrdinalIgnoreCase) { "href", "target", "name" },
        ["img"] = new(StringComparer.OrdinalIgnoreCase) { "src", "alt", "width", "height" },
        ["td"] = new(StringComparer.OrdinalIgnoreCase) { "colspan", "rowspan" },
        ["th"] = new(StringComparer.OrdinalIgnoreCase) { "colspan", "rowspan", "scope" },
        ["ol"] = new(StringComparer.OrdinalIgnoreCase) { "start", "type" },
        ["col"] = new(StringComparer.OrdinalIgnoreCase) { "span" },
    };

    private static readonly HtmlParser Parser = new();

    // Mganss's HtmlSanitizer does the cleaning (allow-listed elements, attributes and URL schemes,
    // comments out, CSS out); GovSite keeps its allow-list, unwraps unknown elements keeping their
    // text, drops dangerous ones with their content, and marks new windows noopener.
    private static readonly Ganss.Xss.HtmlSanitizer Cleaner = CreateCleaner();

    private static Ganss.Xss.HtmlSanitizer CreateCleaner()
    {
        var options = new Ganss.Xss.HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Allowed, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes.Values.SelectMany(v => v), StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel", "data"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        };
        var cleaner = new Ganss.Xss.HtmlSanitizer(options) { KeepChildNodes = true };
        // Dangerous elements go with everything inside them, before the library unwraps the rest.
        cleaner.RemovingTag += (_, e) =>
        {
            if (Dropped.Contains(e.Tag.LocalName))
            {
                while (e.Tag.FirstChild is { } child)
                {
                    e.Tag.RemoveChild(child);
                }
            }
        };
        cleaner.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is not null && !IsSafeUrl(e.OriginalUrl, e.Tag.LocalName == "img"))
            {
                e.SanitizedUrl = null;
            }
        };
        cleaner.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }
            AllowedAttributes.TryGetValue(element.LocalName, out var specific);
            foreach (var attribute in element.Attributes.ToList())
            {
                if (!AllowedAttributes["*"].Contains(attribute.Name) && !(specific?.Contains(attribute.Name) ?? false))
                {
                    element.RemoveAttribute(attribute.Name);
                }
            }
            if (element.LocalName == "a" && element.GetAttribute("target") is { } target)
            {
                if (target == "_blank")
                {
                    element.SetAttribute("rel", "noopener noreferrer");
                }
                else
                {
                    element.RemoveAttribute("target");
                }
            }
        };
        return cleaner;
    }

    public static string Sanitise(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Cleaner.Sanitize(html).Trim();

    private static bool IsSafeUrl(string value, bool isImage)
    {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        compact = WebUtility.HtmlDecode(compact);
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstSlash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstSlash >= 0 && firstSlash < colon))
        {
            return true; // relative
        }
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel" ||
               (isImage && scheme == "data" && compact.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) &&
                !compact.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Plain text with blank-line or line-break paragraphs → encoded &lt;p&gt; paragraphs.</summary>
    public static string FromPlainText(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>"));

    /// <summary>
    /// Text content of sanitised HTML, for descriptions and search: each top-level node's text,
    /// trimmed, joined by one space.
    /// </summary>
    public static string ToPlainText(string html) => SimplePlainText(html) ?? ParsedPlainText(html);

    internal static string ParsedPlainText(string html)
    {
        var document = Parser.ParseDocument("<body></body>");
        var nodes = Parser.ParseFragment(html, document.Body!);
        return string.Join(" ", nodes.Select(n => n.TextContent.Trim()).Where(t => t.Length > 0));
    }

    /// <summary>
    /// <see cref="ToPlainText"/> without the parser, for the bodies most articles have: paragraphs
    /// and headings holding bold, italic and line breaks, without attributes, with the entities the
    /// sanitiser's serialiser writes.
    /// Null for anything else, which the parser then reads; where this answers, it answers what
    /// the parser would (tested on every prefix of real bodies). Every article page's description
    /// reads a body's start, and building a document for it was a sixth of the page's allocations.
    /// </summary>
    internal static string? SimplePlainText(string html)
    {
        var result = new System.Text.StringBuilder(html.Length);
        var node = new System.Text.StringBuilder(256);
        Span<int> open = stackalloc int[16];
        var depth = 0;
        var at = 0;
        while (at < html.Length)
        {
            var lt = html.AsSpan(at).IndexOfAny(TextStops);
            if (lt < 0)
            {
                node.Append(html.AsSpan(at));
                break;
            }
            node.Append(html.AsSpan(at, lt));
            at += lt;
            if (html[at] == '&')
            {
                // The entities the serialiser writes in text; any other (or one cut off) goes to the parser.
                var rest = html.AsSpan(at);
                var (entity, length) = rest.StartsWith("&nbsp;") ? ('\u00A0', 6) : rest.StartsWith("&amp;") ? ('&', 5)
                    : rest.StartsWith("&lt;") ? ('<', 4) : rest.StartsWith("&gt;") ? ('>', 4) : rest.StartsWith("&quot;") ? ('"', 6) : ('\0', 0);
                if (length == 0)
                {
                    return null;
                }
                node.Append(entity);
                at += length;
                continue;
            }
            if (html[at] != '<')
            {
                return null; // a carriage return or a NUL: the parser rewrites those
            }
            var gt = html.IndexOf('>', at + 1);
            if (gt < 0)
            {
                // A tag cut off by the end (the prefix of a long body): the parser drops it.
                if (!IsTagStart(html.AsSpan(at + 1)))
                {
                    return null;
                }
                break;
            }
            var tag = html.AsSpan(at + 1, gt - at - 1);
            var closing = tag.Length > 0 && tag[0] == '/';
            var name = closing ? tag[1..] : tag;
            var kind = SimpleTag(name);
            if (kind < 0)
            {
                return null;
            }
            if (closing)
            {
                if (kind == BreakTag || depth == 0 || open[depth - 1] != kind)
                {
                    return null;
                }
                if (--depth == 0)
                {
                    EndNode();
                }
            }
            else if (kind == BreakTag)
            {
                if (depth == 0)
                {
                    EndNode(); // a top-level <br> is a node of its own, between two texts
                }
            }
            else
            {
                // Blocks only at the top, where they cannot close anything by opening.
                if ((kind < FirstInlineTag && depth > 0) || depth == open.Length)
                {
                    return null;
                }
                if (depth == 0)
                {
                    EndNode();
                }
                open[depth++] = kind;
            }
            at = gt + 1;
        }
        EndNode();
        return result.ToString();

        void EndNode()
        {
            var text = node.ToString().Trim();
            node.Clear();
            if (text.Length > 0)
            {
                if (result.Length > 0)
                {
                    result.Append(' ');
                }
                result.Append(text);
            }
        }
    }

    // Blocks (below FirstInlineTag), then inline elements, then <br>; -1 for any other tag.
    private static int SimpleTag(ReadOnlySpan<char> name) => name switch
    {
        "p" => 0, "h1" => 1, "h2" => 2, "h3" => 3, "h4" => 4, "h5" => 5, "h6" => 6,
        "strong" => 7, "b" => 8, "em" => 9, "i" => 10, "u" => 11, "s" => 12, "sub" => 13, "sup" => 14, "span" => 15,
        "br" => BreakTag,
        _ => -1,
    };

    private const int FirstInlineTag = 7;
    private const int BreakTag = 16;
    private static readonly System.Buffers.SearchValues<char> TextStops = System.Buffers.SearchValues.Create("<&\r\0");

    /// <summary>"p", "/str", "h": the start of a tag name, which at the end of the input the parser drops.</summary>
    private static bool IsTagStart(ReadOnlySpan<char> rest)
    {
        if (rest.Length > 0 && rest[0] == '/')
        {
            rest = rest[1..];
        }
        return rest.Length > 0 && char.IsAsciiLetter(rest[0]) && !rest.ContainsAnyExcept(TagNameChars);
    }

    private static readonly System.Buffers.SearchValues<char> TagNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>
    /// The start of <see cref="ToPlainText"/>, at least <paramref name="length"/> characters when
    /// the text has them, parsing only the first few kilobytes of a long body: every article page
    /// needs a 120-character description, and parsing a whole long body for it was a tenth of the
    /// page's rendering. A cut inside a tag or an entity only disturbs the end of the parsed text,
    /// so the prefix's text is trusted up to a margin short of its end (an entity name is shorter than the margin).
    /// </summary>
    public static string PlainTextStart(string html, int length)
    {
        const int Margin = 64;
        var window = Math.Max(4096, length * 16);
        if (html.Length > window && ToPlainText(html[..window]) is var start && start.Length > length + 2 * Margin)
        {
            return start[..(length + Margin)];
        }
        return ToPlainText(html);
    }

    public static bool LooksLikeHtml(string text) =>
        text.Contains('<', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal);
}
