using System.Net;
using System.Text;
using GovSite.Common;

namespace GovSite.Search;

/// <summary>
/// Highlighted text for results. Matching happens on folded text, whose positions equal the
/// original's (folding maps char to char), so a traditional-script document gets its own
/// characters highlighted for a simplified query.
/// </summary>
public static class Snippets
{
    public const int Length = 120;

    /// <summary>HTML: the text encoded, matches wrapped in &lt;mark&gt;.</summary>
    public static string Highlight(string text, IReadOnlyList<string> highlights) => Mark(text, ChineseText.Fold(text), highlights);

    /// <summary>About <see cref="Length"/> characters around the first match, as HTML.</summary>
    public static string Around(string text, IReadOnlyList<string> highlights)
    {
        var folded = ChineseText.Fold(text);
        var first = highlights.Select(h => folded.IndexOf(h, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - 20);
        var end = Math.Min(text.Length, start + Length);
        var html = Mark(text[start..end], folded[start..end], highlights);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    private static string Mark(string text, string folded, IReadOnlyList<string> highlights)
    {
        var marked = new bool[text.Length];
        foreach (var h in highlights)
        {
            if (h.Length == 0)
            {
                continue;
            }
            for (var i = folded.IndexOf(h, StringComparison.Ordinal); i >= 0; i = folded.IndexOf(h, i + h.Length, StringComparison.Ordinal))
            {
                Array.Fill(marked, true, i, h.Length);
            }
        }
        var sb = new StringBuilder();
        var k = 0;
        while (k < text.Length)
        {
            var end = k;
            while (end < text.Length && marked[end] == marked[k])
            {
                end++;
            }
            var part = WebUtility.HtmlEncode(text[k..end]);
            sb.Append(marked[k] ? $"<mark>{part}</mark>" : part);
            k = end;
        }
        return sb.ToString();
    }
}
