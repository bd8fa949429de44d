using System.Reflection;
using System.Text;

namespace GovSite.Common;

/// <summary>
/// Character-level folding used on both sides of the index: full-width to half-width, case,
/// traditional to simplified. Every step maps one char to one char, so positions in the folded
/// text are positions in the original (the snippet highlighter relies on that).
/// </summary>
public static class ChineseText
{
    private static readonly Dictionary<char, char> TraditionalToSimplified = LoadPairs("t2s.txt");

    // Every char's fold, computed once: folding runs over every document indexed and every candidate ranked.
    private static readonly char[] Folded = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = Compute((char)c);
        }
        return table;
    }

    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    /// <summary>User input without control characters (PostgreSQL refuses NUL in text) and lone surrogates.</summary>
    public static string Clean(string? input)
    {
        var text = (input ?? "").Trim();
        return text.Any(c => char.IsControl(c) || char.IsSurrogate(c))
            ? new string([.. text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c))]).Trim()
            : text;
    }

    public static char FoldChar(char c) => Folded[c];

    private static char Compute(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        if (TraditionalToSimplified.TryGetValue(c, out var simplified))
        {
            return simplified;
        }
        return char.ToLowerInvariant(c);
    }

    /// <summary>CJK ideographs in the basic plane: what bigrams are made of.</summary>
    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    internal static Stream OpenData(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"GovSite.Search.Data.{name}")
            ?? throw new InvalidOperationException($"Search data {name} is not embedded in the assembly.");

    /// <summary>Non-empty, non-comment lines of an embedded data file.</summary>
    internal static IEnumerable<string> DataLines(string name)
    {
        using var reader = new StreamReader(OpenData(name), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    private static Dictionary<char, char> LoadPairs(string name)
    {
        var map = new Dictionary<char, char>();
        foreach (var line in DataLines(name))
        {
            if (line.Length >= 2)
            {
                map[line[0]] = line[1];
            }
        }
        return map;
    }
}
