using System.Globalization;
using System.Text.RegularExpressions;
using GovSite.Common;
using GovSite.Data;
using GovSite.Rules;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Quality;

/// <param name="Code">sensitive_word, serious_error, near_duplicate, broken_link, missing_alt, empty_content or inappropriate_text.</param>
/// <param name="Severity">"block" stops publishing; "warn" is shown to the reviewer.</param>
/// <param name="Field">"title" or "body".</param>
/// <param name="Excerpt">The text found, or the src/href of an image or link.</param>
/// <param name="Start">Offset in the field's plain text (body: <c>HtmlSanitiser.ToPlainText(HtmlSanitiser.Sanitise(body))</c>).</param>
/// <param name="Length">Characters from <paramref name="Start"/>; 0 for an element (image, link) at that place.</param>
/// <param name="Detail">What is wrong, in Chinese, for the person who fixes it.</param>
public sealed record QualityFinding(string Code, string Severity, string Field, string Excerpt, int Start, int Length, string Detail);

/// <param name="ItemId">The item being checked, so it is not its own near-duplicate.</param>
/// <param name="ItemDateUtc">The item's date: near-duplicates count within the year before it (default: now).</param>
public sealed record QualityInput(int SiteId, string Title, string BodyHtml, int? ItemId = null, DateTime? ItemDateUtc = null);

/// <summary>
/// The quality gate run on submit and on publish: every check on title and body in one call,
/// each finding at its place with the site's severity. Term matchers are cached per node and
/// rebuilt when a list's version changes (<see cref="QualityCache"/>).
/// </summary>
public sealed partial class QualityGate(GovSiteDb db, QualityCache cache, NearDuplicates twins, QualityLinks links, TimeProvider clock)
{
    private const string Title = "title";
    private const string Body = "body";

    public async Task<IReadOnlyList<QualityFinding>> CheckAsync(QualityInput input, CancellationToken ct = default)
    {
        var settings = await db.QualitySettings.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == input.SiteId, ct)
            ?? new QualitySettings { SiteId = input.SiteId };
        var rules = await LoadRulesAsync(input.SiteId, ct);
        var title = input.Title ?? "";
        var sanitised = HtmlSanitiser.Sanitise(input.BodyHtml);
        var body = HtmlSanitiser.ToPlainText(sanitised);
        var findings = new List<QualityFinding>();

        foreach (var (field, text) in new[] { (Title, title), (Body, body) })
        {
            CheckEmpty(field, text, sanitised, settings, findings);
            foreach (var set in rules.Sensitive)
            {
                foreach (var m in set.Matcher.FindLongest(text))
                {
                    var list = set.ListOf[m.Term];
                    var severity = list.Severity ?? settings.SensitiveWord;
                    findings.Add(new(QualityCodes.SensitiveWord, QualityCodes.Name(severity), field, text.Substring(m.Start, m.Length),
                        m.Start, m.Length, $"敏感词「{text.Substring(m.Start, m.Length)}」（词库：{list.Name}）"));
                }
            }
            // Overlapping phrases (今天心情 + 心情不好) are one place in the text, so one finding.
            foreach (var (start, length) in Merge(rules.Inappropriate.SelectMany(set => set.Matcher.FindLongest(text))))
            {
                var found = text.Substring(start, length);
                if (Quoted(text, start, length))
                {
                    // A speech that cites “今天心情非常的不好!” as the scandal it was is not the site
                    // talking: the reviewer sees it, publishing is not stopped.
                    findings.Add(new(QualityCodes.InappropriateText, "warn", field, found, start, length,
                        $"「{found}」在引号内，看作引用；请确认是引述而非网站自己的表述"));
                    continue;
                }
                findings.Add(new(QualityCodes.InappropriateText, QualityCodes.Name(settings.InappropriateText), field, found,
                    start, length, $"「{found}」是个人情绪或测试用语，不应出现在政府网站上"));
            }
            foreach (var e in rules.Serious.Find(text))
            {
                findings.Add(new(QualityCodes.SeriousError, QualityCodes.Name(settings.SeriousError), field, e.Text, e.Position,
                    e.Text.Length, $"「{e.Text}」疑为「{e.Term}」的误写"));
            }
        }

        var elements = BodyElements.Locate(sanitised);
        foreach (var img in elements.Where(e => e.Kind == BodyElementKind.Image))
        {
            if (MissingAlt(img) is { } problem)
            {
                findings.Add(new(QualityCodes.MissingAlt, QualityCodes.Name(settings.MissingAlt), Body, img.Url, img.Offset, 0, problem));
            }
        }
        foreach (var broken in await links.FindBrokenAsync(input.SiteId, elements, ct))
        {
            findings.Add(new(QualityCodes.BrokenLink, QualityCodes.Name(settings.BrokenLink), Body, broken.Element.Url,
                broken.Element.Offset, 0, broken.Reason));
        }

        var now = input.ItemDateUtc ?? clock.GetUtcNow().UtcDateTime;
        foreach (var twin in await twins.FindAsync(body, settings.NearDuplicatePercent, now, input.ItemId, ct: ct))
        {
            findings.Add(new(QualityCodes.NearDuplicate, QualityCodes.Name(settings.NearDuplicate), Body, Excerpt(body), 0, body.Length,
                string.Create(CultureInfo.InvariantCulture,
                    $"与「{twin.Title}」（条目 {twin.ItemId}，{ChinaTime.Format(twin.DateUtc)}）相似度 {twin.Percent}%")));
        }

        return [.. findings.OrderBy(f => f.Field == Title ? 0 : 1).ThenBy(f => f.Start).ThenBy(f => f.Code, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The sensitive words and inappropriate phrases of the platform's and the site's lists found
    /// in a short text (a search query offered as 热门搜索), whatever their severity.
    /// </summary>
    public async Task<IReadOnlyList<string>> ForbiddenTermsAsync(int siteId, string text, CancellationToken ct = default)
    {
        var rules = await LoadRulesAsync(siteId, ct);
        return [.. rules.Sensitive.Concat(rules.Inappropriate).SelectMany(set => set.Matcher.FindLongest(text))
            .Select(m => text.Substring(m.Start, m.Length)).Distinct()];
    }

    private static List<(int Start, int Length)> Merge(IEnumerable<TermMatch> matches)
    {
        var merged = new List<(int Start, int Length)>();
        foreach (var m in matches.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && m.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Length, m.Start + m.Length - last.Start));
            }
            else
            {
                merged.Add((m.Start, m.Length));
            }
        }
        return merged;
    }

    /// <summary>
    /// True when the place sits between an opening and a closing quotation mark of the same
    /// paragraph (“…”, 「…」, 『…』, ‘…’, "…").
    /// </summary>
    internal static bool Quoted(string text, int start, int length)
    {
        const int reach = 300;
        var paragraphStart = start;
        while (paragraphStart > 0 && start - paragraphStart < reach && text[paragraphStart - 1] != '\n')
        {
            paragraphStart--;
        }
        var paragraphEnd = start + length;
        while (paragraphEnd < text.Length && paragraphEnd - start < reach && text[paragraphEnd] != '\n')
        {
            paragraphEnd++;
        }
        foreach (var (open, close) in (ReadOnlySpan<(char, char)>)[('“', '”'), ('「', '」'), ('『', '』'), ('‘', '’')])
        {
            var opened = text.LastIndexOf(open, start, start - paragraphStart + (start < text.Length ? 1 : 0));
            if (opened >= 0 && text.IndexOf(close, opened, start - opened) < 0
                && text.IndexOf(close, start + length, paragraphEnd - start - length) >= 0)
            {
                return true;
            }
        }
        var straight = 0;
        for (var i = paragraphStart; i < start; i++)
        {
            straight += text[i] == '"' ? 1 : 0;
        }
        return straight % 2 == 1 && text.IndexOf('"', start + length, paragraphEnd - start - length) >= 0;
    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? MissingAlt(BodyElement img)
    {
        if (string.IsNullOrWhiteSpace(img.Alt))
        {
            return "图片缺少替代文字（alt），读屏软件无法向视障用户说明图片内容";
        }
        // An alt that only repeats the file name ("IMG_2031.jpg") tells nobody anything.
        return FileNameAlt().IsMatch(img.Alt.Trim())
            ? $"图片的替代文字「{img.Alt.Trim()}」是文件名，请改为描述图片内容的文字"
            : null;
    }

    private static void CheckEmpty(string field, string text, string sanitisedBody, QualitySettings settings, List<QualityFinding> findings)
    {
        var severity = QualityCodes.Name(settings.EmptyContent);
        if (string.IsNullOrWhiteSpace(text))
        {
            // A body that is only pictures is not empty: a photo report may have no text.
            if (field == Body && sanitisedBody.Contains("<img", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            findings.Add(new(QualityCodes.EmptyContent, severity, field, "", 0, 0, field == Title ? "标题为空" : "正文为空"));
            return;
        }
        foreach (Match m in Placeholder().Matches(text))
        {
            findings.Add(new(QualityCodes.EmptyContent, severity, field, m.Value, m.Index, m.Length, $"「{m.Value}」是占位文字，请填写实际内容"));
        }
    }

    /// <summary>
    /// Template text left in place: 此处填写正文, 请输入内容, lorem ipsum, xxx / ××× / ＸＸＸ
    /// standing alone (not inside a word such as "xxxl"), 待补充, 内容待定.
    /// </summary>
    [GeneratedRegex(@"(此处|这里|在此)(填写|输入|添加|粘贴)(正文|内容|文字|标题)|请(在此)?(填写|输入|添加)(正文|内容|标题)|正文内容待(补充|填写)|内容待(补充|定)|待补充|lorem\s+ipsum|(?<![a-z])[xX]{3,}(?![a-z])|[×Ｘ]{2,}|○{3,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[\w\-. ]+\.(jpe?g|png|gif|webp|bmp|svg|tiff?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNameAlt();

    private sealed record ListRow(int Id, int? SiteId, QualityListKind Kind, int Version, QualitySeverity? Severity, string Name);

    private sealed record Rules(List<TermSet> Sensitive, List<TermSet> Inappropriate, SeriousErrors Serious);

    /// <summary>The matchers for a site: the platform's and the site's own, rebuilt only when a version changed.</summary>
    private async Task<Rules> LoadRulesAsync(int siteId, CancellationToken ct)
    {
        var rows = await db.QualityLists.AsNoTracking()
            .Where(l => l.SiteId == null || l.SiteId == siteId)
            .Select(l => new ListRow(l.Id, l.SiteId, l.Kind, l.Version, l.Severity, l.Name))
            .ToListAsync(ct);
        var sensitive = new List<TermSet>();
        var inappropriate = new List<TermSet>();
        foreach (var scope in new int?[] { null, siteId })
        {
            var key = scope is null ? "platform" : $"site:{scope}";
            var mine = rows.Where(r => r.SiteId == scope).ToList();
            var words = mine.Where(r => r.Kind == QualityListKind.SensitiveWords).ToList();
            if (words.Count > 0)
            {
                sensitive.Add(await cache.GetAsync($"sensitive:{key}", Stamp(words), c => BuildAsync(words, [], c), ct));
            }
            var phrases = mine.Where(r => r.Kind == QualityListKind.InappropriatePhrases).ToList();
            if (phrases.Count > 0 || scope is null)
            {
                // Until the platform list is first opened in the back office, the defaults apply.
                IReadOnlyList<string> defaults = scope is null && phrases.Count == 0 ? QualityLists.DefaultInappropriatePhrases : [];
                inappropriate.Add(await cache.GetAsync($"inappropriate:{key}", Stamp(phrases), c => BuildAsync(phrases, defaults, c), ct));
            }
        }
        var serious = rows.Where(r => r.SiteId == null && r.Kind == QualityListKind.SeriousErrorTerms).ToList();
        var organisations = await db.Organisations.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Max = g.Max(o => o.Id) }).FirstOrDefaultAsync(ct);
        var seriousStamp = $"{Stamp(serious)}|org:{organisations?.Count}:{organisations?.Max}";
        // A renamed organisation changes neither count nor highest id; the age limit picks it up.
        var dictionary = await cache.GetAsync("serious", seriousStamp, async c =>
        {
            var extra = await TermsOfAsync(serious.Select(r => r.Id), c);
            var names = await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync(c);
            return new SeriousErrors(extra.SelectMany(t => t.Terms).Concat(names));
        }, ct, TimeSpan.FromMinutes(5));
        return new Rules(sensitive, inappropriate, dictionary);
    }

    private static string Stamp(List<ListRow> rows) =>
        string.Join(',', rows.OrderBy(r => r.Id).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id}:{r.Version}")));

    private async Task<List<(int Id, string[] Terms)>> TermsOfAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }
        var rows = await db.QualityLists.AsNoTracking().Where(l => wanted.Contains(l.Id)).Select(l => new { l.Id, l.Terms }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Terms.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))];
    }

    private async Task<TermSet> BuildAsync(List<ListRow> lists, IReadOnlyList<string> defaults, CancellationToken ct)
    {
        var terms = await TermsOfAsync(lists.Select(l => l.Id), ct);
        var byId = lists.ToDictionary(l => l.Id);
        // A term in several lists answers with the strictest: fixed block, then the site's setting, then fixed warn.
        var ordered = terms.OrderBy(t => byId[t.Id].Severity switch { QualitySeverity.Block => 0, null => 1, _ => 2 }).ToList();
        var all = new List<string>();
        var listOf = new List<TermListInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, words) in ordered)
        {
            var info = new TermListInfo(byId[id].Name, byId[id].Severity);
            foreach (var w in words)
            {
                if (seen.Add(GovSite.Common.ChineseText.Fold(w)))
                {
                    all.Add(w);
                    listOf.Add(info);
                }
            }
        }
        var builtIn = new TermListInfo("默认不当用语", null);
        foreach (var w in defaults)
        {
            if (seen.Add(GovSite.Common.ChineseText.Fold(w)))
            {
                all.Add(w);
                listOf.Add(builtIn);
            }
        }
        return new TermSet(new TermMatcher(all), [.. listOf]);
    }
}

public sealed record TermListInfo(string Name, QualitySeverity? Severity);

/// <summary>A built matcher and, per term, the list it came from.</summary>
public sealed record TermSet(TermMatcher Matcher, TermListInfo[] ListOf);
