using GovSite.Common;

namespace GovSite.Search;

/// <summary>
/// The words the pipeline knows: the synonym table (everyday word → official terms, 通俗语言搜索)
/// and a word list. Pinyin input is turned back into these words ("shebao" → 社保), and they give
/// word-level ranking a vocabulary without a segmentation dictionary.
/// </summary>
public sealed class SearchVocabulary
{
    private readonly List<(string From, string[] To)> _synonyms;
    private readonly Dictionary<string, List<string>> _byPinyin = [];
    private readonly Dictionary<string, List<string>> _byInitials = [];

    public SearchVocabulary(IEnumerable<string> synonymLines, IEnumerable<string> words)
    {
        _synonyms = [];
        foreach (var line in synonymLines)
        {
            var parts = line.Split("=>", 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0)
            {
                var to = parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(ChineseText.Fold).ToArray();
                _synonyms.Add((ChineseText.Fold(parts[0]), to));
            }
        }
        // Longest first, so 身份证丢了 wins over a shorter rule inside it.
        _synonyms.Sort((a, b) => b.From.Length.CompareTo(a.From.Length));
        Words = [.. words.Select(ChineseText.Fold)
            .Concat(_synonyms.Select(s => s.From)).Concat(_synonyms.SelectMany(s => s.To))
            .Where(w => w.Length >= 2 && w.All(ChineseText.IsHan)).Distinct()];
        foreach (var word in Words)
        {
            foreach (var spelling in Pinyin.Spellings(word))
            {
                Add(_byPinyin, spelling, word);
            }
            foreach (var initials in Pinyin.Initials(word))
            {
                Add(_byInitials, initials, word);
            }
        }
    }

    /// <summary>The shipped synonym list (Data/synonyms.txt): the migration seeds the table with it, tests and the bench use it.</summary>
    public static SearchVocabulary Default() => new(ChineseText.DataLines("synonyms.txt"), ChineseText.DataLines("words.txt"));

    /// <summary>The synonym table as platform admins keep it in the back office, with the shipped word list.</summary>
    public static SearchVocabulary FromTable(IEnumerable<SearchSynonym> rows) =>
        new(rows.Select(r => r.Everyday + " => " + r.Official), ChineseText.DataLines("words.txt"));

    /// <summary>"everyday => official|official" lines of the shipped file.</summary>
    public static IEnumerable<(string Everyday, string Official)> ShippedRules() =>
        ChineseText.DataLines("synonyms.txt").Select(l => l.Split("=>", 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2 && p[0].Length > 0).Select(p => (p[0], p[1]));

    public IReadOnlyList<string> Words { get; }

    private HashSet<string>? _wordSet;

    /// <summary>Whether the folded word is one the platform knows (word list or synonym table).</summary>
    public bool IsWord(string folded) => (_wordSet ??= [.. Words]).Contains(folded);

    /// <summary>The query with every everyday word replaced by each of its official terms.</summary>
    public List<string> Rewrite(string folded)
    {
        var results = new List<string>();
        foreach (var (from, to) in _synonyms)
        {
            if (folded.Contains(from, StringComparison.Ordinal))
            {
                results.AddRange(to.Select(t => folded.Replace(from, t, StringComparison.Ordinal)));
            }
        }
        return results;
    }

    /// <summary>The official terms of an everyday word of the table (folded), none for any other word.</summary>
    public IReadOnlyList<string> Officials(string folded)
    {
        foreach (var (from, to) in _synonyms)
        {
            if (from == folded)
            {
                return to;
            }
        }
        return [];
    }

    /// <summary>
    /// The first everyday word of the table in the text at or after <paramref name="from"/>, the
    /// longest where several start at one place, that <paramref name="accept"/> takes (whole words).
    /// </summary>
    public (int At, string? Everyday) FindEveryday(string text, int from, Func<int, int, bool> accept)
    {
        for (var at = from; at < text.Length; at++)
        {
            // _synonyms is sorted longest first.
            foreach (var (everyday, _) in _synonyms)
            {
                if (everyday.Length >= 2 && text.AsSpan(at).StartsWith(everyday, StringComparison.Ordinal) && accept(at, everyday.Length))
                {
                    return (at, everyday);
                }
            }
        }
        return (-1, null);
    }

    /// <summary>Known words spelled exactly by this pinyin, as full syllables or as initials.</summary>
    public IReadOnlyList<string> FromPinyin(string letters)
    {
        var found = new List<string>();
        if (_byPinyin.TryGetValue(letters, out var words))
        {
            found.AddRange(words);
        }
        if (letters.Length <= 6 && _byInitials.TryGetValue(letters, out var byInitials))
        {
            found.AddRange(byInitials);
        }
        return found.Distinct().ToList();
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string word)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        if (!list.Contains(word))
        {
            list.Add(word);
        }
    }
}
