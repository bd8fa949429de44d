using System.Globalization;
using System.Text.RegularExpressions;

namespace GovSite.Monitoring;

/// <summary>
/// Reads publication dates the way sites write them: 2026-11-03, 2026/11/03, 2026.11.03,
/// 2026年11月3日, and a bare [11-03] whose year is inferred from the date of the check.
/// </summary>
public static partial class DateFinder
{
    [GeneratedRegex(@"(?<![0-9])(19[9]\d|20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![0-9])")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"[\[【(（]\s*(\d{1,2})[-/.月](\d{1,2})日?\s*[\]】)）]")]
    private static partial Regex BracketedMonthDay();

    [GeneratedRegex(@"^\s*(\d{1,2})[-/](\d{1,2})\s*$")]
    private static partial Regex BareMonthDay();

    /// <summary>All dates in a piece of text, in order.</summary>
    public static IEnumerable<DateOnly> InText(string text, DateOnly asOf)
    {
        foreach (Match m in FullDate().Matches(text))
        {
            if (Make(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])) is { } d)
            {
                yield return d;
            }
        }
        foreach (Match m in BracketedMonthDay().Matches(text))
        {
            if (WithInferredYear(Int(m.Groups[1]), Int(m.Groups[2]), asOf) is { } d)
            {
                yield return d;
            }
        }
        if (text.Length <= 8 && BareMonthDay().Match(text) is { Success: true } bare
            && WithInferredYear(Int(bare.Groups[1]), Int(bare.Groups[2]), asOf) is { } b)
        {
            yield return b;
        }
    }

    /// <summary>A `datetime` attribute (2026-11-03 or 2026-11-03T09:00+08:00).</summary>
    public static DateOnly? FromAttribute(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < 10)
        {
            return null;
        }
        return DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>A month and day without a year belong to the most recent year that does not put them after the check date.</summary>
    public static DateOnly? WithInferredYear(int month, int day, DateOnly asOf)
    {
        var d = Make(asOf.Year, month, day);
        if (d is { } date && date > asOf)
        {
            d = Make(asOf.Year - 1, month, day);
        }
        return d;
    }

    private static DateOnly? Make(int y, int m, int d) =>
        m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private static int Int(Group g) => int.Parse(g.ValueSpan, CultureInfo.InvariantCulture);
}
