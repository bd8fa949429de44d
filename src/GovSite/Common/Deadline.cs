using System.Globalization;
using GovSite.Publishing;

namespace GovSite.Common;

/// <summary>
/// A deadline given as a date means the end of that day in China time, wherever one is taken
/// (reprint orders, consultations, rectification orders): "by 3 March" is met at 23:59 on 3 March
/// in Beijing, not at 08:00 (midnight UTC) and not at midnight starting the day.
/// </summary>
public static class Deadline
{
    /// <summary>The last second of <paramref name="date"/> in China time, as UTC.</summary>
    public static DateTime EndOfDay(DateOnly date) =>
        ChinaTime.ToUtc(date.ToDateTime(new TimeOnly(23, 59, 59)));

    /// <summary>True once <paramref name="date"/> has ended in China time.</summary>
    public static bool IsPast(DateOnly date, DateTime nowUtc) => nowUtc > EndOfDay(date);

    /// <summary>The China date of a deadline stored as UTC (what a date field shows for it).</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ChinaTime.ToLocal(utc));

    /// <summary>
    /// Reads a deadline as people and clients write it: a date (<c>2026-03-03</c>, <c>2026/3/3</c>,
    /// <c>2026年3月3日</c>) is the end of that day in China time; a time without an offset is China
    /// time; a time with an offset or <c>Z</c> is that instant. Null when the text is none of these.
    /// </summary>
    public static DateTime? Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }
        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return EndOfDay(date);
        }
        var hasOffset = s.EndsWith('Z') || s.EndsWith('z') || OffsetAtEnd(s);
        if (hasOffset && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.UtcDateTime;
        }
        if (!hasOffset && DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ChinaTime.ToUtc(local);
        }
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy年M月d日", "yyyyMMdd"];

    private static readonly string[] LocalFormats =
        ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d HH:mm"];

    private static bool OffsetAtEnd(string s) =>
        s.Length > 6 && s[^6] is '+' or '-' && s[^3] == ':' && s.IndexOf('T', StringComparison.Ordinal) > 0;
}
