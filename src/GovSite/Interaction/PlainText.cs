namespace GovSite.Interaction;

/// <summary>
/// Comparing what citizens write: two texts that differ in spacing or punctuation are the same
/// letter. Storing it is <see cref="Common.TypedText"/>'s job: kept as typed, never stripped.
/// </summary>
public static class PlainText
{
    /// <summary>Letters and digits only, lower case: two texts that differ in spacing or punctuation compare equal.</summary>
    public static string Normalise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    /// <summary>Overlapping character pairs: for Chinese, which has no spaces, bigrams stand in for words.</summary>
    public static HashSet<string> Shingles(string text, int size = 2)
    {
        var n = Normalise(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (n.Length < size)
        {
            if (n.Length > 0)
            {
                set.Add(n);
            }
            return set;
        }
        for (var i = 0; i + size <= n.Length; i++)
        {
            set.Add(n.Substring(i, size));
        }
        return set;
    }

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}

/// <summary>
/// 套话 detection: a reply whose character shingles are nearly the same (Jaccard ≥ threshold) as
/// those of at least <see cref="MinMatches"/> earlier replies of the same site is boilerplate.
/// </summary>
public sealed class BoilerplateOptions
{
    public double Similarity { get; set; } = 0.8;
    public int MinMatches { get; set; } = 3;

    /// <summary>How many of the site's latest replies are compared.</summary>
    public int Window { get; set; } = 500;
}

public static class BoilerplateDetector
{
    /// <summary>How many of the earlier replies the reply nearly repeats.</summary>
    public static int Matches(string reply, IEnumerable<string> earlier, double similarity)
    {
        var shingles = PlainText.Shingles(reply);
        return earlier.Count(e => PlainText.Jaccard(shingles, PlainText.Shingles(e)) >= similarity);
    }
}
