using System.Globalization;
using System.Text.RegularExpressions;

namespace GovSite.Monitoring;

/// <summary>
/// Reads publication dates the way sites write them: 2026-11-03, 2026/11/03, 2026.11.03,
/// 2026年11月3日, a bare [11-03] whose year is inferred from the date of the check, and the
/// dates content systems put into addresses (t20261103_123.html, /art/2026/11/3/, /2026-11/03/).
/// </summary>
public static partial class DateFinder
{
    [GeneratedRegex(@"(?<![0-9])(19[9]\d|20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![0-9])")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"[\[【(（]\s*(\d{1,2})[-/.月](\d{1,2})日?\s*[\]】)）]")]
    private static partial Regex BracketedMonthDay();

    [GeneratedRegex(@"^\s*(\d{1,2})[-/](\d{1,2})\s*$")]
    private static partial Regex BareMonthDay();

    // A list's date cell written 11月03日 (the year stands in a heading above the list, or nowhere).
    [GeneratedRegex(@"^\s*[\[【(（]?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[\]】)）]?\s*$")]
    private static partial Regex MonthDayCell();

    // A year standing alone: the heading of a year's group of list entries (2026年, 2026年度, 2026).
    [GeneratedRegex(@"^\s*(19[9]\d|20\d{2})\s*年?度?\s*[:：]?\s*$")]
    private static partial Regex YearAlone();

    // TRS WCM (t20261103_4567.html, /202611/t…), gov.cn (/2026-11/03/content_…), 大汉 JCMS
    // (/art/2026/11/3/art_…), WebPlus (/2026/1103/c…), and plain /20261103/ folders.
    [GeneratedRegex(@"[/_t](20\d{2})(\d{2})(\d{2})[_/.]|/(20\d{2})-(\d{1,2})/(\d{1,2})/|/art/(20\d{2})/(\d{1,2})/(\d{1,2})/|/(20\d{2})/(\d{2})(\d{2})/")]
    private static partial Regex UrlDate();

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

    /// <summary>The first date in a text, if any.</summary>
    public static DateOnly? First(string text, DateOnly asOf)
    {
        foreach (var d in InText(text, asOf))
        {
            return d;
        }
        return null;
    }

    /// <summary>
    /// The date of a list entry's text: a full date, else a month and day without a year ([11-03],
    /// 11-03 or 11月03日 standing alone), which take <paramref name="year"/> (the year heading the
    /// entry stands under) when the page gives one, else the year that does not put them after the
    /// check date.
    /// </summary>
    public static DateOnly? InEntry(string text, DateOnly asOf, int? year)
    {
        foreach (Match m in FullDate().Matches(text))
        {
            if (Make(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])) is { } d)
            {
                return d;
            }
        }
        Match? md = null;
        foreach (Match m in BracketedMonthDay().Matches(text))
        {
            md = m;
            break;
        }
        if (md is null && text.Length <= 12)
        {
            md = BareMonthDay().Match(text) is { Success: true } bare ? bare : MonthDayCell().Match(text) is { Success: true } cell ? cell : null;
        }
        if (md is null)
        {
            return null;
        }
        var (month, day) = (Int(md.Groups[1]), Int(md.Groups[2]));
        // A heading's year that would put the date after the check date is not this entry's year.
        return year is { } y && Make(y, month, day) is { } headed && headed <= asOf ? headed : WithInferredYear(month, day, asOf);
    }

    /// <summary>The year a text states when it is nothing but a year (a heading such as 2026年).</summary>
    public static int? YearHeading(string text) =>
        text.Length <= 12 && YearAlone().Match(text) is { Success: true } m ? Int(m.Groups[1]) : null;

    /// <summary>A publication date that the address itself carries, as content systems write it.</summary>
    public static DateOnly? FromUrl(Uri url)
    {
        var path = url.AbsolutePath;
        if (path.Length < 10)
        {
            return null;
        }
        var m = UrlDate().Match(path);
        if (!m.Success)
        {
            return null;
        }
        for (var g = 1; g + 2 <= 12; g += 3)
        {
            if (m.Groups[g].Success)
            {
                return Make(Int(m.Groups[g]), Int(m.Groups[g + 1]), Int(m.Groups[g + 2]));
            }
        }
        return null;
    }

    /// <summary>A `datetime` attribute (2026-11-03 or 2026-11-03T09:00+08:00).</summary>
    public static DateOnly? FromAttribute(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length < 8)
        {
            return null;
        }
        value = value.Trim();
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        return FullDate().Match(value) is { Success: true } m ? Make(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])) : null;
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
        y is >= 1990 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private static int Int(Group g) =>
        int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
