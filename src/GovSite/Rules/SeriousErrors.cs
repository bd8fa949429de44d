using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;

namespace GovSite.Rules;

/// <summary>
/// Finds near-miss misspellings of standard state expressions and organ names (严重表述错误):
/// one character substituted, dropped, added, or two neighbours swapped. A correct spelling is
/// never flagged: any text that is itself a dictionary term (or overlaps one of similar length)
/// is left alone, so "人民政府办公室" is not taken for a misspelt "人民政府办公厅" when both are terms.
/// Text in traditional characters is folded to simplified first, so 政府信息公開 is not an error.
/// Shared by monitoring and the publishing quality gate (Quality/QualityGate.cs).
/// </summary>
public sealed class SeriousErrors
{
    /// <summary>
    /// Below this length a single edit turns too many ordinary words into "errors"; longer
    /// terms always keep one intact character pair after one edit, which the index relies on.
    /// </summary>
    public const int MinTermLength = 5;

    // Declared first: static fields initialise in order and Default needs it.
    /// <summary>Traditional characters that occur in official names, folded to simplified.</summary>
    private static readonly FrozenDictionary<char, char> Simplified = BuildFold();


    public static readonly IReadOnlyList<string> DefaultTerms =
    [
        "中华人民共和国", "中华人民共和国国务院", "国务院办公厅", "全国人民代表大会", "全国人民代表大会常务委员会",
        "人民代表大会常务委员会", "中国人民政治协商会议", "中国人民政治协商会议全国委员会", "中国共产党中央委员会",
        "中央军事委员会", "中华人民共和国中央军事委员会", "国家监察委员会", "中央纪律检查委员会", "最高人民法院", "最高人民检察院",
        "中国特色社会主义", "习近平新时代中国特色社会主义思想", "社会主义核心价值观", "中国人民解放军",
        "国家发展和改革委员会", "人力资源和社会保障部", "人力资源和社会保障厅", "人力资源和社会保障局",
        "人力资源社会保障部", "人力资源社会保障厅", "人力资源社会保障局",
        "发展和改革委员会", "人民政府办公厅", "人民政府办公室", "政府信息公开", "政务信息公开", "政府信息公开条例",
        "中华人民共和国政府信息公开条例", "国务院令", "香港特别行政区", "澳门特别行政区", "全面建成小康社会",
        "全面建设社会主义现代化国家", "生态环境部", "自然资源部", "住房和城乡建设部", "住房和城乡建设厅", "住房和城乡建设局", "住房城乡建设部", "住房城乡建设厅", "住房城乡建设局",
        "卫生健康委员会", "国家卫生健康委员会", "市场监督管理局", "国家市场监督管理总局", "政务服务数据管理局",
        "公安机关备案", "党政机关网站", "我为政府网站找错",
    ];

    private readonly string[] _terms;
    // Terms whose first or last character may not be checked by substitution: the rest of the term
    // is an ordinary phrase ("人力资源和社会保障" + 工作, 部, 厅, 局 …), which the dictionary shows
    // by holding several terms that differ only there.
    private readonly HashSet<string> _freeStart = new(StringComparer.Ordinal);
    // Registered organisation names that begin with a place (台山市…): the length of that place.
    private readonly Dictionary<string, int> _place = new(StringComparer.Ordinal);
    private readonly HashSet<string> _freeEnd = new(StringComparer.Ordinal);
    // Character pair → (term index, offset of the pair in the term).
    private readonly FrozenDictionary<int, (int Term, int Offset)[]> _pairs;
    // Correct spellings in one pass, however many organisation names the registry adds.
    private readonly TermMatcher _exact;

    public SeriousErrors(IEnumerable<string>? extraTerms = null)
    {
        var national = DefaultTerms.Select(t => Fold(t.Trim())).ToHashSet(StringComparer.Ordinal);
        _terms = DefaultTerms.Concat(extraTerms ?? [])
            .Select(t => Fold(t.Trim()))
            .Where(t => t.Length >= MinTermLength)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var term in _terms.Where(t => !national.Contains(t)))
        {
            if (PlaceLength(term) is > 0 and var place)
            {
                _place[term] = place;
            }
        }
        foreach (var group in _terms.GroupBy(t => t[..^1]).Where(g => g.Count() > 1))
        {
            _freeEnd.UnionWith(group);
        }
        foreach (var group in _terms.GroupBy(t => t[1..]).Where(g => g.Count() > 1))
        {
            _freeStart.UnionWith(group);
        }
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
        _exact = new TermMatcher(_terms);
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
        // Count filter: one edit leaves at least (length - 4) of a term's character pairs intact
        // (a swap breaks three), all at the term's alignment or one off. Voting per (term,
        // alignment) first means only windows that can be near misses are compared, which keeps a
        // dictionary with thousands of organisation names about as fast as the defaults.
        var votes = new Dictionary<long, int>();
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            if (!_pairs.TryGetValue(Pair(folded[i], folded[i + 1]), out var hits))
            {
                continue;
            }
            foreach (var (t, offset) in hits)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(votes, Vote(t, i - offset), out _)++;
            }
        }
        var seen = new HashSet<(int Start, int Length, int Term)>();
        List<GovSite.Common.WordSpan>? words = null;
        foreach (var (key, count) in votes)
        {
            var t = (int)(key >> 32);
            var anchor = (int)(uint)key - AnchorBias;
            var term = _terms[t];
            var support = votes.GetValueOrDefault(key - 1) + count + votes.GetValueOrDefault(key + 1);
            if (support < Math.Max(1, term.Length - 4))
            {
                continue;
            }
            for (var shift = -1; shift <= 1; shift++)
            {
                var start = anchor + shift;
                foreach (var len in (ReadOnlySpan<int>)[term.Length, term.Length - 1, term.Length + 1])
                {
                    if (start < 0 || start + len > folded.Length || !seen.Add((start, len, t)))
                    {
                        continue;
                    }
                    var window = folded.AsSpan(start, len);
                    if (EditOf(window, term) is not { } edit || !Plausible(edit, term, len) || !AllIdeographs(window)
                        || Covered(exact, start, len, term.Length))
                    {
                        continue;
                    }
                    if (InsideLongerWord(folded, start, len, ref words))
                    {
                        continue;
                    }
                    found.Add(new SeriousError(text.Substring(start, len), term, start));
                }
            }
        }
        // One error seen through several windows or several nested terms (人民代表大会常务委员会 inside
        // 全国人民代表大会常务委员会): keep the widest.
        var result = new List<SeriousError>();
        foreach (var e in found.OrderByDescending(e => e.Text.Length).ThenBy(e => e.Position))
        {
            if (!result.Any(r => r.Position < e.Position + e.Text.Length && e.Position < r.Position + r.Text.Length))
            {
                result.Add(e);
            }
        }
        result.Sort((x, y) => x.Position.CompareTo(y.Position));
        return result;
    }

    /// <summary>
    /// A near miss in context: when a dictionary word of the text runs across the window's start
    /// or end, the window is part of a longer, correct word (市场监督管理领 in 市场监督管理领域),
    /// not a misspelling. Word boundaries come from the segmenter's dictionary alone (no HMM), so a
    /// misspelt character, which forms no word with its neighbours, stays on a boundary.
    /// </summary>
    private static bool InsideLongerWord(string text, int start, int length, ref List<GovSite.Common.WordSpan>? words)
    {
        words ??= GovSite.Common.ChineseWords.DictionarySpans(text);
        var end = start + length;
        foreach (var w in words)
        {
            if (w.Length >= 2 && ((w.Start < start && start < w.End) || (w.Start < end && end < w.End)))
            {
                return true;
            }
        }
        return false;
    }

    // Anchors (where a term would start) can be slightly negative; the bias keeps the key's low half positive.
    private const int AnchorBias = 1 << 20;

    private static long Vote(int term, int anchor) => ((long)term << 32) | (uint)(anchor + AnchorBias);

    private List<(int Start, int Length)> ExactSpans(string text) =>
        [.. _exact.FindAll(text).Select(m => (m.Start, m.Length))];

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
    internal static bool IsNearMiss(ReadOnlySpan<char> w, string term) => EditOf(w, term) is not null;

    /// <summary>The one edit that turns the term into the window: kind, position in the longer string, character involved.</summary>
    internal static (char Kind, int Position, char Char)? EditOf(ReadOnlySpan<char> w, string term)
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
                        return null;
                    }
                    if (first < 0) { first = k; } else { second = k; }
                }
            }
            if (diffs == 1)
            {
                return ('s', first, w[first]);
            }
            return diffs == 2 && second == first + 1 && w[first] == t[second] && w[second] == t[first] ? ('t', first, w[first]) : null;
        }
        if (Math.Abs(w.Length - t.Length) != 1)
        {
            return null;
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
        if (p == 0 || p >= shorter.Length || !longer[(p + 1)..].SequenceEqual(shorter[p..]))
        {
            return null;
        }
        return (w.Length > t.Length ? 'i' : 'd', p, longer[p]);
    }

    /// <summary>
    /// Grammatical characters whose addition or omission is usage, not error: 人力资源社会保障部 is
    /// the official short form, 人力资源社会保障等部门 ordinary text.
    /// </summary>
    private const string FunctionChars = "和与及等的之各、其或并";

    /// <summary>
    /// Last characters that name a kind of organ. An organ name ending in one of them with another
    /// in its place names a different, real organ (市场监督管理局 → the township 市场监督管理所, a
    /// 管理站, a 办公室), not a misspelling of the first.
    /// </summary>
    private const string OrganSuffixes = "局所站厅办室处科股委队部司署馆院庭组团社心会";

    /// <summary>Short terms and terms whose edge is shared (see the free sets) are not checked by edge substitution.</summary>
    private const int MinEdgeSubstitutionLength = 7;

    private bool Plausible((char Kind, int Position, char Char) edit, string term, int windowLength)
    {
        if (edit.Kind is 'i' or 'd')
        {
            return !FunctionChars.Contains(edit.Char, StringComparison.Ordinal);
        }
        if (edit.Kind == 's')
        {
            if (_place.TryGetValue(term, out var place) && edit.Position < place)
            {
                // 鹤山市人民政府办公室 beside a registered 台山市人民政府办公室: neighbouring places
                // differ by one character (台山/鹤山, 江门/荆门), so a change there names another place.
                return false;
            }
            var last = windowLength - 1;
            if (edit.Position == last && OrganSuffixes.Contains(term[^1], StringComparison.Ordinal) && OrganSuffixes.Contains(edit.Char, StringComparison.Ordinal))
            {
                // 广东省人民政府办公厅 beside a registered 广东省人民政府办公室, 市场监督管理所 beside
                // 市场监督管理局: the same stem with another organ's ending names another organ (the
                // 厅 of a province, the 所 of a township), which is a fact the text states, not a typo.
                return false;
            }
            if (edit.Position == 0 || edit.Position == last)
            {
                return term.Length >= MinEdgeSubstitutionLength
                    && !(edit.Position == last ? _freeEnd : _freeStart).Contains(term);
            }
        }
        return true;
    }

    /// <summary>The place an organisation's name starts with, up to its 省/市/县/区/镇/乡…: 台山市 → 3; 0 when none.</summary>
    private static int PlaceLength(string term)
    {
        for (var i = 1; i < Math.Min(term.Length - 2, 9); i++)
        {
            if ("省市县区镇乡州旗盟".Contains(term[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        return 0;
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

    // Traditional → simplified for every character of the default dictionary that has a
    // traditional form (plus common ones in official names). Pairs, so they cannot drift apart.
    private static string[] FoldPairs() =>
    [
        "為为", "爲为", "義义", "習习", "鄉乡", "產产", "價价", "會会", "關关", "軍军", "別别", "辦办", "務务", "區区", "華华",
        "協协", "衛卫", "廳厅", "發发", "員员", "國国", "場场", "備备", "態态", "總总", "據据", "數数", "時时", "條条", "檢检",
        "監监", "紀纪", "網网", "觀观", "議议", "設设", "資资", "門门", "錯错", "現现", "環环", "黨党", "開开", "機机", "長长",
        "農农", "業业", "規规", "劃划", "計计", "財财", "勞劳", "動动", "體体", "質质", "優优", "營营", "級级", "縣县", "鎮镇",
        "衛卫", "醫医", "藥药", "經经", "濟济", "統统", "築筑", "組组", "織织", "責责", "職职", "構构", "團团", "衆众", "眾众",
        "權权", "屬属", "號号", "類类", "隊队", "選选", "舉举", "憲宪", "審审", "廣广", "電电", "視视", "聞闻", "證证", "許许",
        "稱称", "萬万", "億亿", "歲岁", "鐵铁", "廠厂", "礦矿", "漁渔", "歷历", "論论", "學学", "藝艺", "術术", "驗验", "糧粮",
        "運运", "輸输", "車车", "郵邮", "訊讯", "線线", "續续", "擴扩", "點点", "標标", "誌志", "氣气", "與与", "舊旧", "興兴",
        "戰战", "爭争", "對对", "報报", "傳传", "聯联", "銀银", "稅税", "納纳", "項项", "處处", "導导", "試试", "雙双", "實实",
        "書书", "記记", "環环", "護护", "設设", "東东", "廳厅", "辦办", "務务", "陽阳", "陰阴", "風风", "雲云", "龍龙", "鳳凤",
    ];

    private static FrozenDictionary<char, char> BuildFold()
    {
        var map = new Dictionary<char, char>();
        foreach (var pair in FoldPairs())
        {
            map[pair[0]] = pair[1];
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
