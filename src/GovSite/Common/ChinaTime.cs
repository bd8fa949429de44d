namespace GovSite.Common;

/// <summary>
/// Times are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving),
/// in the national format YYYY-MM-DD HH:MM.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static string Format(DateTime? utc) =>
        utc is null ? "" : ToLocal(utc.Value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatDate(DateTime? utc) =>
        utc is null ? "" : ToLocal(utc.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
