using System.Collections.Frozen;
using System.Text;

namespace GovSite.Publishing;

/// <summary>
/// Finds near-miss misspellings of standard state expressions and organ names (严重表述错误):
/// one character substituted, dropped, added, or two neighbours swapped. A correct spelling is
/// never flagged: any text that is itself a dictionary term (or overlaps one of similar length)
/// is left alone, so "人民政府办公室" is not taken for a misspelt "人民政府办公厅" when both are terms.
/// Text in traditional characters is folded to simplified first, so 政府信息公開 is not an error.
/// Shared by monitoring and, later, the publishing quality gate.
/// </summary>
public sealed class SeriousErrors
{
    /// <summary>
    /// Below this length a single edit turns too many ordinary words into "errors"; longer
    /// terms always keep one intact character pair after one edit, which the index relies on.
    /// </summary>
    public const int MinTermLength = 5;

    public static readonly IReadOnlyList<string> DefaultTerms =
    [
        "中华人民共和国", "中华人民共和国国务院", "国务院办公厅", "全国人民代表大会", "全国人民代表大会常务委员会",
        "人民代表大会常务委员会", "中国人民政治协商会议", "中国人民政治协商会议全国委员会", "中国共产党中央委员会",
        "中央军事委员会", "中华人民共和国中央军事委员会", "国家监察委员会", "中央纪律检查委员会", "最高人民法院", "最高人民检察院",
        "中国特色社会主义", "习近平新时代中国特色社会主义思想", "社会主义核心价值观", "中国人民解放军",
        "国家发展和改革委员会", "人力资源和社会保障部", "人力资源和社会保障厅", "人力资源和社会保障局",
        "发展和改革委员会", "人民政府办公厅", "人民政府办公室", "政府信息公开", "政府信息公开条例",
        "中华人民共和国政府信息公开条例", "国务院令", "香港特别行政区", "澳门特别行政区", "全面建成小康社会",
        "全面建设社会主义现代化国家", "生态环境部", "自然资源部", "住房和城乡建设部", "住房和城乡建设厅",
        "卫生健康委员会", "国家卫生健康委员会", "市场监督管理局", "国家市场监督管理总局", "政务服务数据管理局",
        "公安机关备案", "党政机关网站", "我为政府网站找错",
    ];

    private readonly string[] _terms;
    // Character pair → (term index, offset of the pair in the term).
    private readonly FrozenDictionary<int, (int Term, int Offset)[]> _pairs;

    public SeriousErrors(IEnumerable<string>? extraTerms = null)
    {
        _terms = DefaultTerms.Concat(extraTerms ?? [])
            .Select(t => Fold(t.Trim()))
            .Where(t => t.Length >= MinTermLength)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var pairs = new Dictionary<int, List<(int, int)>>();
        for (var t = 0; t < _terms.Length; t++)
        {
            for (var i = 0; i + 1 < _terms[t].Length; i++)
            {
                var key = Pair(_terms[t][i], _terms[t][i + 1]);
                if (!pairs.TryGetValue(key, out var list))
                {
                    pairs[key] = list = [];
                }
                list.Add((t, i));
            }
        }
        _pairs = pairs.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public static SeriousErrors Default { get; } = new();

    public IReadOnlyList<string> Terms => _terms;

    /// <summary>Near misses in <paramref name="text"/>, each with the term it misspells.</summary>
    public List<SeriousError> Find(string text)
    {
        var found = new List<SeriousError>();
        if (text.Length < MinTermLength - 1)
        {
            return found;
        }
        var folded = Fold(text);
        var exact = ExactSpans(folded);
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            if (!_pairs.TryGetValue(Pair(folded[i], folded[i + 1]), out var hits))
            {
                continue;
            }
            foreach (var (t, offset) in hits)
            {
                var term = _terms[t];
                for (var shift = -1; shift <= 1; shift++)
                {
                    var start = i - offset + shift;
                    foreach (var len in (ReadOnlySpan<int>)[term.Length, term.Length - 1, term.Length + 1])
                    {
                        if (start < 0 || start + len > folded.Length || !seen.Add((start, len * 1000 + t)))
                        {
                            continue;
                        }
                        var window = folded.AsSpan(start, len);
                        if (!IsNearMiss(window, term) || !AllIdeographs(window) || Covered(exact, start, len, term.Length))
                        {
                            continue;
                        }
                        found.Add(new SeriousError(text.Substring(start, len), term, start));
                    }
                }
            }
        }
        // Overlapping windows of one error (e.g. a dropped character seen from both sides): keep the first.
        var result = new List<SeriousError>();
        foreach (var e in found.OrderBy(e => e.Position).ThenBy(e => Math.Abs(e.Text.Length - e.Term.Length)))
        {
            if (result.Count > 0 && result[^1].Position + result[^1].Text.Length > e.Position && result[^1].Term == e.Term)
            {
                continue;
            }
            result.Add(e);
        }
        return result;
    }

    private List<(int Start, int Length)> ExactSpans(string text)
    {
        var spans = new List<(int, int)>();
        foreach (var term in _terms)
        {
            var at = 0;
            while ((at = text.IndexOf(term, at, StringComparison.Ordinal)) >= 0)
            {
                spans.Add((at, term.Length));
                at++;
            }
        }
        return spans;
    }

    /// <summary>True when a correct term of similar length overlaps the window almost entirely.</summary>
    private static bool Covered(List<(int Start, int Length)> exact, int start, int len, int termLength)
    {
        foreach (var (s, l) in exact)
        {
            if (l < termLength - 1)
            {
                continue;
            }
            var overlap = Math.Min(s + l, start + len) - Math.Max(s, start);
            if (overlap >= Math.Min(len, termLength) - 1)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Exactly one substitution, deletion, insertion or adjacent swap apart.</summary>
    internal static bool IsNearMiss(ReadOnlySpan<char> w, string term)
    {
        var t = term.AsSpan();
        if (w.Length == t.Length)
        {
            var diffs = 0;
            int first = -1, second = -1;
            for (var k = 0; k < w.Length; k++)
            {
                if (w[k] != t[k])
                {
                    if (++diffs > 2)
                    {
                        return false;
                    }
                    if (first < 0) { first = k; } else { second = k; }
                }
            }
            return diffs == 1 || (diffs == 2 && second == first + 1 && w[first] == t[second] && w[second] == t[first]);
        }
        if (Math.Abs(w.Length - t.Length) != 1)
        {
            return false;
        }
        var longer = w.Length > t.Length ? w : t;
        var shorter = w.Length > t.Length ? t : w;
        var p = 0;
        while (p < shorter.Length && longer[p] == shorter[p])
        {
            p++;
        }
        // The dropped or added character must not be at the very edge of the window: a term
        // minus its first or last character is simply a different, shorter phrase in context.
        return p > 0 && p < shorter.Length && longer[(p + 1)..].SequenceEqual(shorter[p..]);
    }

    private static bool AllIdeographs(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '\u4e00' or > '\u9fff')
            {
                return false;
            }
        }
        return true;
    }

    private static int Pair(char a, char b) => (a << 16) | b;

    /// <summary>Traditional characters that occur in official names, folded to simplified.</summary>
    private static readonly FrozenDictionary<char, char> Simplified = BuildFold();

    private static FrozenDictionary<char, char> BuildFold()
    {
        const string traditional = "國華務辦廳會議協產黨員發規門網絡紀檢監軍義經濟關機資勞動設計劃環護衛長業農鄉書記縣區級實時間條體質優營雙試導處項場納稅財銀聯傳報對為與開權屬號類隊際鄰爭當選舉維準憲刑訴審廣電視聞證許稱總統職責構團築築組織庭萬億歲縣鎮區劃鐵廠礦漁畜牧產歷論學藝術醫藥衛檢驗飲糧儲運輸車輛郵訊線續擴點員運動標誌態壞熱氣溫濕風雲與舊興戰爭";
        const string simplified = "国华务办厅会议协产党员发规门网络纪检监军义经济关机资劳动设计划环护卫长业农乡书记县区级实时间条体质优营双试导处项场纳税财银联传报对为与开权属号类队际邻争当选举维准宪刑诉审广电视闻证许称总统职责构团筑筑组织庭万亿岁县镇区划铁厂矿渔畜牧产历论学艺术医药卫检验饮粮储运输车辆邮讯线续扩点员运动标志态坏热气温湿风云与旧兴战争";
        var map = new Dictionary<char, char>();
        for (var i = 0; i < traditional.Length && i < simplified.Length; i++)
        {
            map[traditional[i]] = simplified[i];
        }
        return map.ToFrozenDictionary();
    }

    /// <summary>Folds traditional forms to simplified, keeping length so positions stay valid.</summary>
    public static string Fold(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (Simplified.TryGetValue(text[i], out var s))
            {
                sb ??= new StringBuilder(text);
                sb[i] = s;
            }
        }
        return sb?.ToString() ?? text;
    }
}

/// <param name="Text">The misspelt text as it appears.</param>
/// <param name="Term">The standard expression it should have been.</param>
/// <param name="Position">Character offset in the checked text.</param>
public sealed record SeriousError(string Text, string Term, int Position);
