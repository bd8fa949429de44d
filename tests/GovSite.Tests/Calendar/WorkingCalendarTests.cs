using System.Text.Json;
using GovSite.Calendar;

namespace GovSite.Tests.Calendar;

/// <summary>The working-day arithmetic against the State Council's published dates.</summary>
public class WorkingCalendarTests
{
    /// <summary>../shared/data/holidays-cn beside the repository, found by walking up from the test binaries.</summary>
    public static string SharedHolidaysDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "holidays-cn");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/data/holidays-cn was not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<int> SharedYears()
    {
        var data = new TheoryData<int>();
        foreach (var file in Directory.GetFiles(SharedHolidaysDirectory(), "*.json").Order())
        {
            data.Add(int.Parse(Path.GetFileNameWithoutExtension(file), System.Globalization.CultureInfo.InvariantCulture));
        }
        return data;
    }

    private static List<(DateOnly Date, bool IsOffDay, string Name)> ReadShared(int year)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedHolidaysDirectory(), $"{year}.json")));
        return [.. doc.RootElement.GetProperty("days").EnumerateArray().Select(d => (
            DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            d.GetProperty("isOffDay").GetBoolean(),
            d.GetProperty("name").GetString()!))];
    }

    private static bool ExpectedWorkingDay(DateOnly date, IEnumerable<(DateOnly Date, bool IsOffDay, string Name)> listed)
    {
        foreach (var d in listed)
        {
            if (d.Date == date)
            {
                return !d.IsOffDay;
            }
        }
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Theory]
    [MemberData(nameof(SharedYears))]
    public void Every_date_of_a_shared_year_is_a_working_day_or_not_as_the_file_says_when_imported(int year)
    {
        var listed = ReadShared(year);
        var (days, error) = HolidayCnFile.Parse(File.ReadAllText(Path.Combine(SharedHolidaysDirectory(), $"{year}.json")));
        error.ShouldBeNull();
        var calendar = new WorkingCalendar(days);
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            calendar.IsWorkingDay(date).ShouldBe(ExpectedWorkingDay(date, listed), $"{date:yyyy-MM-dd}");
        }
        foreach (var d in listed)
        {
            calendar.IsWorkingDay(d.Date).ShouldBe(!d.IsOffDay, $"{d.Date:yyyy-MM-dd} {d.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(SharedYears))]
    public void The_shipped_calendar_agrees_with_every_date_of_the_shared_years_it_covers(int year)
    {
        var shipped = CalendarService.ShippedOnly();
        if (year > 2026)
        {
            // Not shipped: the product only has weekends for it until the year is imported.
            shipped.ListedYears.ShouldNotContain(year);
            return;
        }
        var listed = ReadShared(year);
        listed.ShouldNotBeEmpty();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            // A date of this year listed in the neighbouring year's file (e.g. 2022-12-31 in 2023.json) counts too.
            var all = listed.Concat(year > 2019 ? ReadShared(year - 1) : []).Concat(year < 2026 ? ReadShared(year + 1) : []);
            shipped.IsWorkingDay(date).ShouldBe(ExpectedWorkingDay(date, all), $"{date:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void The_adjusted_working_saturdays_and_sundays_are_working_days()
    {
        var shipped = CalendarService.ShippedOnly();
        var adjusted = Enumerable.Range(2019, 8).SelectMany(ReadShared).Where(d => !d.IsOffDay).ToList();
        var weekends = adjusted.Where(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        weekends.Count.ShouldBeGreaterThan(30);
        adjusted.ShouldAllBe(d => shipped.IsWorkingDay(d.Date));
        shipped.IsWorkingDay(new DateOnly(2026, 2, 14)).ShouldBeTrue("2026-02-14 is a 调休 Saturday");
        shipped.IsWorkingDay(new DateOnly(2026, 2, 21)).ShouldBeFalse("an ordinary Saturday in the holiday");
    }

    [Fact]
    public void A_december_date_in_the_next_years_file_is_shipped()
    {
        var shipped = CalendarService.ShippedOnly();
        shipped.IsWorkingDay(new DateOnly(2018, 12, 29)).ShouldBeTrue("Saturday 2018-12-29 was worked for New Year 2019 (2019.json)");
        shipped.IsWorkingDay(new DateOnly(2018, 12, 31)).ShouldBeFalse();
        shipped.IsWorkingDay(new DateOnly(2022, 12, 31)).ShouldBeFalse();
    }

    [Fact]
    public void Seven_working_days_across_spring_festival_2026()
    {
        var c = CalendarService.ShippedOnly();
        // Received Friday 13 Feb: Sat 14 (调休) is day 1, 15–23 off, 24–27 are days 2–5, Sat 28 (调休) is 6, Mon 2 Mar is 7.
        c.AddWorkingDays(new DateOnly(2026, 2, 13), 7).ShouldBe(new DateOnly(2026, 3, 2));
        // Received on the first day off: the first working day is 24 Feb.
        c.AddWorkingDays(new DateOnly(2026, 2, 15), 1).ShouldBe(new DateOnly(2026, 2, 24));
        // 24–27 Feb, Sat 28 Feb (调休), 2 and 3 Mar.
        c.AddWorkingDays(new DateOnly(2026, 2, 15), 7).ShouldBe(new DateOnly(2026, 3, 3));
        c.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 3, 2)).ShouldBe(7);
        c.AddWorkingDays(new DateOnly(2026, 2, 13), 15).ShouldBe(new DateOnly(2026, 3, 12));
    }

    [Fact]
    public void Seven_working_days_across_national_day_2025()
    {
        var c = CalendarService.ShippedOnly();
        // 2025: Sun 28 Sep worked, 1–8 Oct off, Sat 11 Oct worked.
        // Received Fri 26 Sep: Sun 28 (1), Mon 29 (2), Tue 30 (3), Thu 9 Oct (4), Fri 10 (5), Sat 11 (6), Mon 13 (7).
        c.AddWorkingDays(new DateOnly(2025, 9, 26), 7).ShouldBe(new DateOnly(2025, 10, 13));
        c.AddWorkingDays(new DateOnly(2025, 9, 30), 1).ShouldBe(new DateOnly(2025, 10, 9));
        c.WorkingDaysBetween(new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 8)).ShouldBe(0);
        c.WorkingDaysBetween(new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 13)).ShouldBe(7);
    }

    [Fact]
    public void Seven_working_days_across_national_day_2026()
    {
        var c = CalendarService.ShippedOnly();
        // 2026: Sun 20 Sep worked, 1–7 Oct off, Sat 10 Oct worked.
        // Received Tue 29 Sep: Wed 30 (1), Thu 8 Oct (2), Fri 9 (3), Sat 10 (4), Mon 12 (5), Tue 13 (6), Wed 14 (7).
        c.AddWorkingDays(new DateOnly(2026, 9, 29), 7).ShouldBe(new DateOnly(2026, 10, 14));
        c.IsWorkingDay(new DateOnly(2026, 9, 20)).ShouldBeTrue();
        c.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 9)).ShouldBe(2);
    }

    [Fact]
    public void The_counting_rule_can_count_the_day_of_receipt()
    {
        var nextDay = CalendarService.ShippedOnly();
        var sameDay = CalendarService.ShippedOnly(new CalendarOptions { CountFromNextDay = false });
        var monday = new DateOnly(2026, 11, 16);
        nextDay.AddWorkingDays(monday, 1).ShouldBe(new DateOnly(2026, 11, 17));
        sameDay.AddWorkingDays(monday, 1).ShouldBe(monday);
        nextDay.AddWorkingDays(monday, 7).ShouldBe(new DateOnly(2026, 11, 25));
        sameDay.AddWorkingDays(monday, 7).ShouldBe(new DateOnly(2026, 11, 24));
        nextDay.WorkingDaysBetween(monday, monday.AddDays(4)).ShouldBe(4);
        sameDay.WorkingDaysBetween(monday, monday.AddDays(4)).ShouldBe(5);
        // Received on a Saturday, the day itself never counts.
        sameDay.AddWorkingDays(new DateOnly(2026, 11, 21), 1).ShouldBe(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public void Counting_backwards_is_negative_and_zero_days_is_the_same_date()
    {
        var c = CalendarService.ShippedOnly();
        c.WorkingDaysBetween(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 16)).ShouldBe(-7);
        c.AddWorkingDays(new DateOnly(2026, 11, 21), 0).ShouldBe(new DateOnly(2026, 11, 21));
        // Far outside the precomputed range, the slow path agrees.
        c.WorkingDaysBetween(new DateOnly(2099, 1, 1), new DateOnly(2099, 1, 31)).ShouldBe(21);
    }

    [Fact]
    public void A_holiday_cn_file_with_a_bad_date_is_refused_with_a_reason()
    {
        HolidayCnFile.Parse("""{"year":2028,"days":[{"name":"元旦","date":"2028-13-01","isOffDay":true}]}""").Error.ShouldNotBeNull();
        HolidayCnFile.Parse("not json").Error.ShouldNotBeNull();
        HolidayCnFile.Parse("""{"year":2028,"days":[{"name":"x","date":"2031-01-01","isOffDay":true}]}""").Error.ShouldNotBeNull();
        var (days, error) = HolidayCnFile.Parse("""{"year":2028,"days":[{"name":"元旦","date":"2027-12-31","isOffDay":true}]}""");
        error.ShouldBeNull();
        days.Single().Date.ShouldBe(new DateOnly(2027, 12, 31));
    }
}
