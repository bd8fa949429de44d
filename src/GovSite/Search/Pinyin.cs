using GovSite.Common;

namespace GovSite.Search;

/// <summary>
/// Toneless pinyin readings of Chinese characters (from Unihan) and the splitting of typed
/// pinyin ("zhengfuwangzhan") into syllables. A polyphonic character keeps up to three readings,
/// and input matches any of them.
/// </summary>
public static class Pinyin
{
    private static readonly Dictionary<char, string[]> Readings = Load();
    private static readonly HashSet<string> Syllables = [.. Readings.Values.SelectMany(r => r)];
    private static readonly int LongestSyllable = Syllables.Max(s => s.Length);

    // By char code: the ranking reads the pinyin of every character of its candidates' text.
    private static readonly string[][] ByChar = BuildTable();

    private static string[][] BuildTable()
    {
        var table = new string[char.MaxValue + 1][];
        Array.Fill(table, []);
        foreach (var (c, readings) in Readings)
        {
            table[c] = readings;
        }
        return table;
    }

    public static IReadOnlyList<string> Of(char c) => ByChar[c];

    public static bool IsSyllable(string s) => Syllables.Contains(s);

    /// <summary>
    /// Splits letters into the fewest whole syllables ("xian" stays one syllable, not xi+an);
    /// null when the letters are not pinyin.
    /// </summary>
    public static List<string>? Split(string letters)
    {
        if (letters.Length == 0 || letters.Length > 60)
        {
            return null;
        }
        var best = new int[letters.Length + 1];
        var from = new int[letters.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= letters.Length; end++)
        {
            for (var len = 1; len <= Math.Min(LongestSyllable, end); len++)
            {
                var start = end - len;
                if (best[start] != int.MaxValue && best[start] + 1 < best[end] && Syllables.Contains(letters[start..end]))
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[letters.Length] == int.MaxValue)
        {
            return null;
        }
        var result = new List<string>();
        for (var end = letters.Length; end > 0; end = from[end])
        {
            result.Insert(0, letters[from[end]..end]);
        }
        return result;
    }

    /// <summary>Every reading of a word, spelled without spaces, capped for long polyphonic words.</summary>
    public static List<string> Spellings(string word, int cap = 8)
    {
        var spellings = new List<string> { "" };
        foreach (var c in word)
        {
            var readings = Of(c);
            if (readings.Count == 0)
            {
                return [];
            }
            spellings = [.. spellings.SelectMany(s => readings.Select(r => s + r)).Take(cap)];
        }
        return spellings;
    }

    /// <summary>The readings of a word as syllable lists, commonest first, capped for long polyphonic words.</summary>
    public static List<string[]> SyllableSpellings(string word, int cap = 8)
    {
        var spellings = new List<string[]> { Array.Empty<string>() };
        foreach (var c in word)
        {
            var readings = Of(c);
            if (readings.Count == 0)
            {
                return [];
            }
            spellings = [.. spellings.SelectMany(s => readings.Select(r => (string[])[.. s, r])).Take(cap)];
        }
        return spellings;
    }

    /// <summary>Every character with this reading, for finding text that sounds like typed pinyin.</summary>
    public static IReadOnlyList<char> CharsOf(string syllable) =>
        BySyllable.TryGetValue(syllable, out var chars) ? chars : [];

    private static readonly Dictionary<string, char[]> BySyllable = Readings
        .SelectMany(r => r.Value.Select(s => (Syllable: s, Char: r.Key)))
        .GroupBy(p => p.Syllable).ToDictionary(g => g.Key, g => g.Select(p => p.Char).ToArray());

    /// <summary>Initials of every reading ("社保" → "sb").</summary>
    public static List<string> Initials(string word, int cap = 8)
    {
        var spellings = new List<string> { "" };
        foreach (var c in word)
        {
            var initials = Of(c).Select(r => r[0]).Distinct().ToList();
            if (initials.Count == 0)
            {
                return [];
            }
            spellings = [.. spellings.SelectMany(s => initials.Select(i => s + i)).Take(cap)];
        }
        return spellings;
    }

    private static Dictionary<char, string[]> Load()
    {
        var map = new Dictionary<char, string[]>();
        foreach (var line in ChineseText.DataLines("pinyin.txt"))
        {
            map[line[0]] = line[2..].Split(',');
        }
        return map;
    }
}
