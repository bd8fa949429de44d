namespace GovSite.Calendar;

/// <summary>
/// A date listed in the database: an imported year (holiday-cn file) or a local holiday an admin
/// added. It overrides the shipped calendar for that date.
/// </summary>
public class CalendarDay
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    public string Name { get; set; } = "";

    /// <summary>"import" or "manual".</summary>
    public string Source { get; set; } = "manual";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The holiday-cn format: {"year":…, "days":[{"name","date","isOffDay"}]}.</summary>
public static class HolidayCnFile
{
    private sealed record FileBody(int Year, List<DayBody>? Days);

    private sealed record DayBody(string? Name, string? Date, bool? IsOffDay);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The listed days, or a Chinese reason the file cannot be read.</summary>
    public static (List<ListedDay> Days, string? Error) Parse(string json)
    {
        FileBody? body;
        try
        {
            body = System.Text.Json.JsonSerializer.Deserialize<FileBody>(json, Json);
        }
        catch (System.Text.Json.JsonException e)
        {
            // The parser's own words are English; the line is what a person needs (nesting deeper than 64 levels lands here too).
            return ([], $"文件不是有效的 JSON（holiday-cn 格式）：第 {(e.LineNumber ?? 0) + 1} 行有误（格式错误、类型不符或嵌套过深）");
        }
        if (body is null || body.Year is < 1990 or > 2100 || body.Days is null)
        {
            return ([], "文件格式不符：应包含 year 和 days");
        }
        var days = new List<ListedDay>();
        for (var i = 0; i < body.Days.Count; i++)
        {
            var d = body.Days[i];
            if (d.Date is null || d.IsOffDay is null
                || !DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                return ([], $"第 {i + 1} 个日期格式不符：应为 {{\"name\",\"date\":\"YYYY-MM-DD\",\"isOffDay\"}}");
            }
            // A December date may belong to the next year's notice, and a January one to the previous.
            if (Math.Abs(date.Year - body.Year) > 1)
            {
                return ([], $"日期 {d.Date} 不属于 {body.Year} 年的安排");
            }
            days.Add(new ListedDay(date, d.IsOffDay.Value, d.Name ?? ""));
        }
        return (days, null);
    }
}
