using System.Globalization;

namespace GovSite.Calendar;

/// <summary>How a deadline counts its days.</summary>
public sealed class CalendarOptions
{
    /// <summary>
    /// True (the default, and the national practice): counting starts the day after receipt, so a
    /// message received on a working day has its first working day tomorrow. False: the day of
    /// receipt counts as day one when it is itself a working day.
    /// </summary>
    public bool CountFromNextDay { get; set; } = true;
}

/// <summary>
/// Working-day arithmetic over an immutable set of listed dates: a listed date is off or on
/// (调休) as listed; any other Monday–Friday is a working day. Counts are O(1) inside a dense
/// range of precomputed prefix sums, so deadline state for a million messages is cheap.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly DateOnly RangeStart = new(2000, 1, 1);
    private static readonly DateOnly RangeEnd = new(2060, 12, 31);
    private readonly int _startDay = RangeStart.DayNumber;

    // _prefix[i] = working days in [RangeStart, RangeStart + i).
    private readonly int[] _prefix;
    private readonly Dictionary<DateOnly, ListedDay> _listed;

    public WorkingCalendar(IEnumerable<ListedDay> listed, CalendarOptions? options = null)
    {
        Options = options ?? new CalendarOptions();
        _listed = [];
        foreach (var day in listed)
        {
            _listed[day.Date] = day;
        }
        var length = RangeEnd.DayNumber - _startDay + 2;
        _prefix = new int[length];
        for (var i = 1; i < length; i++)
        {
            _prefix[i] = _prefix[i - 1] + (IsWorkingDay(DateOnly.FromDayNumber(_startDay + i - 1)) ? 1 : 0);
        }
    }

    public CalendarOptions Options { get; }

    public IReadOnlyDictionary<DateOnly, ListedDay> Listed => _listed;

    public bool IsWorkingDay(DateOnly date) => _listed.TryGetValue(date, out var day)
        ? !day.IsOffDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Years that have at least one listed date (a year with none is weekends only).</summary>
    public IEnumerable<int> ListedYears => _listed.Keys.Select(d => d.Year).Distinct().Order();

    /// <summary>
    /// The date on which the N-th working day falls, counting from <paramref name="from"/> by the
    /// counting rule. N = 0 gives <paramref name="from"/> itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return from;
        }
        var date = Options.CountFromNextDay ? from.AddDays(1) : from;
        var counted = 0;
        while (true)
        {
            if (IsWorkingDay(date) && ++counted == days)
            {
                return date;
            }
            date = date.AddDays(1);
        }
    }

    /// <summary>
    /// Working days from <paramref name="from"/> to <paramref name="to"/> by the counting rule:
    /// (from, to] by default, [from, to] when the receipt day counts. Negative when to is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetweenExclusive(to, from);
        }
        var days = WorkingDaysBetweenExclusive(from, to);
        return !Options.CountFromNextDay && IsWorkingDay(from) ? days + 1 : days;
    }

    /// <summary>Working days in (from, to], whatever the counting rule: countdowns and days overdue.</summary>
    public int WorkingDaysAfter(DateOnly from, DateOnly to) =>
        to < from ? -WorkingDaysBetweenExclusive(to, from) : WorkingDaysBetweenExclusive(from, to);

    private int WorkingDaysBetweenExclusive(DateOnly from, DateOnly to)
    {
        var a = from.DayNumber - _startDay + 1;
        var b = to.DayNumber - _startDay + 1;
        if (a >= 0 && b < _prefix.Length)
        {
            return _prefix[b] - _prefix[a];
        }
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            count += IsWorkingDay(d) ? 1 : 0;
        }
        return count;
    }
}

/// <summary>A date the calendar lists: off (a holiday) or on (an adjusted working day, 调休).</summary>
public sealed record ListedDay(DateOnly Date, bool IsOffDay, string Name);

/// <summary>The product's own calendar file: one listed date a line, "YYYY-MM-DD on|off NAME".</summary>
public static class ShippedHolidays
{
    public static IReadOnlyList<ListedDay> Load()
    {
        using var stream = typeof(ShippedHolidays).Assembly.GetManifestResourceStream("GovSite.Calendar.holidays.txt")
            ?? throw new InvalidOperationException("holidays.txt is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static List<ListedDay> Parse(string text)
    {
        var days = new List<ListedDay>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            days.Add(new ListedDay(
                DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                parts[1] == "off",
                parts.Length > 2 ? parts[2] : ""));
        }
        return days;
    }
}
