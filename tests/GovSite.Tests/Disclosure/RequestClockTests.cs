using GovSite.Calendar;
using GovSite.Disclosure;
using GovSite.Tests.Calendar;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// A request's clock across Spring Festival and National Day 2026 with their 调休 working
/// Saturdays and Sundays, on the calendar built from ../shared/data/holidays-cn (the source the
/// product's own calendar was taken from). Every expected date was counted by hand.
/// </summary>
public class RequestClockTests
{
    private static readonly Lazy<WorkingCalendar> Shared = new(() =>
    {
        var days = new List<ListedDay>();
        foreach (var year in new[] { 2025, 2026 })
        {
            var (listed, error) = HolidayCnFile.Parse(File.ReadAllText(Path.Combine(WorkingCalendarTests.SharedHolidaysDirectory(), $"{year}.json")));
            error.ShouldBeNull();
            days.AddRange(listed);
        }
        return new WorkingCalendar(days);
    });

    private static WorkingCalendar Cal => Shared.Value;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ClockEvent E(RequestEventKind kind, DateOnly on, int? days = null) => new(kind, on, days);

    [Fact]
    public void The_shared_calendar_has_the_2026_adjusted_working_days()
    {
        Cal.IsWorkingDay(D(2026, 2, 14)).ShouldBeTrue();
        Cal.IsWorkingDay(D(2026, 2, 28)).ShouldBeTrue();
        Cal.IsWorkingDay(D(2026, 2, 23)).ShouldBeFalse();
        Cal.IsWorkingDay(D(2026, 9, 20)).ShouldBeTrue();
        Cal.IsWorkingDay(D(2026, 10, 10)).ShouldBeTrue();
        Cal.IsWorkingDay(D(2026, 10, 7)).ShouldBeFalse();
    }

    [Fact]
    public void Twenty_working_days_across_spring_festival_count_both_adjusted_saturdays()
    {
        // Friday 6 Feb: 9–13 Feb (5), Sat 14 Feb (6), the festival 15–23 Feb off, 24–27 Feb (10),
        // Sat 28 Feb (11), 2–6 Mar (16), 9–12 Mar (20).
        var clock = RequestClock.Compute(Cal, [E(RequestEventKind.Received, D(2026, 2, 6))], D(2026, 2, 6));
        clock.State.ShouldBe(ClockState.Running);
        clock.DueDate.ShouldBe(D(2026, 3, 12));
        clock.CorrectionAllowedUntil.ShouldBe(D(2026, 2, 24));
        RequestClock.Compute(Cal, [E(RequestEventKind.Received, D(2026, 2, 6))], D(2026, 2, 24)).UsedDays.ShouldBe(7);
    }

    [Fact]
    public void A_correction_starts_the_clock_again_from_the_day_the_completed_request_arrives()
    {
        var trail = new List<ClockEvent>
        {
            E(RequestEventKind.Received, D(2026, 2, 6)),
            E(RequestEventKind.CorrectionRequested, D(2026, 2, 13)),
        };
        var waiting = RequestClock.Compute(Cal, trail, D(2026, 2, 20));
        waiting.State.ShouldBe(ClockState.StoppedForCorrection);
        waiting.Provisional.ShouldBeTrue();
        trail.Add(E(RequestEventKind.CorrectionReceived, D(2026, 3, 2)));
        var restarted = RequestClock.Compute(Cal, trail, D(2026, 3, 2));
        // Twenty full working days from Monday 2 March: 3–6, 9–13, 16–20, 23–27, 30 March.
        restarted.State.ShouldBe(ClockState.Running);
        restarted.DueDate.ShouldBe(D(2026, 3, 30));
        restarted.UsedDays.ShouldBe(0);
    }

    [Fact]
    public void A_third_party_stops_the_clock_across_national_day_and_it_resumes_with_the_opinion()
    {
        // Tuesday 15 Sep: without a stop, due 19 Oct (Sun 20 Sep and Sat 10 Oct are working days; 25–27 Sep and 1–7 Oct are not).
        var trail = new List<ClockEvent> { E(RequestEventKind.Received, D(2026, 9, 15)) };
        RequestClock.Compute(Cal, trail, D(2026, 9, 15)).DueDate.ShouldBe(D(2026, 10, 19));
        // Consulted Tue 22 Sep after 6 working days (16, 17, 18, Sun 20, 21, 22): the opinion is due by 20 Oct.
        trail.Add(E(RequestEventKind.ThirdPartyConsulted, D(2026, 9, 22)));
        var waiting = RequestClock.Compute(Cal, trail, D(2026, 10, 1));
        waiting.State.ShouldBe(ClockState.StoppedForThirdParty);
        waiting.UsedDays.ShouldBe(6);
        waiting.ResumesBy.ShouldBe(D(2026, 10, 20));
        // At the latest it resumes on 20 Oct with 14 days left: due 9 Nov.
        waiting.DueDate.ShouldBe(D(2026, 11, 9));
        waiting.Provisional.ShouldBeTrue();
        // The opinion arrives Friday 9 Oct: 14 days from then (Sat 10 Oct counts): due 28 Oct.
        trail.Add(E(RequestEventKind.ThirdPartyReplied, D(2026, 10, 9)));
        var resumed = RequestClock.Compute(Cal, trail, D(2026, 10, 9));
        resumed.State.ShouldBe(ClockState.Running);
        resumed.DueDate.ShouldBe(D(2026, 10, 28));
    }

    [Fact]
    public void Without_an_opinion_the_clock_resumes_by_itself_at_the_end_of_the_fifteen_days()
    {
        var trail = new List<ClockEvent> { E(RequestEventKind.Received, D(2026, 9, 15)), E(RequestEventKind.ThirdPartyConsulted, D(2026, 9, 22)) };
        var lapsed = RequestClock.Compute(Cal, trail, D(2026, 10, 21));
        lapsed.State.ShouldBe(ClockState.Running);
        lapsed.DueDate.ShouldBe(D(2026, 11, 9));
        lapsed.Provisional.ShouldBeFalse();
        // A late opinion changes nothing: the clock had already resumed.
        trail.Add(E(RequestEventKind.ThirdPartyReplied, D(2026, 10, 26)));
        RequestClock.Compute(Cal, trail, D(2026, 10, 26)).DueDate.ShouldBe(D(2026, 11, 9));
    }

    [Fact]
    public void One_extension_adds_its_working_days_and_a_second_adds_nothing()
    {
        var trail = new List<ClockEvent> { E(RequestEventKind.Received, D(2026, 2, 6)), E(RequestEventKind.Extended, D(2026, 3, 10), 10) };
        // Ten more after 12 Mar: 13, 16–20, 23–26 March.
        RequestClock.Compute(Cal, trail, D(2026, 3, 10)).DueDate.ShouldBe(D(2026, 3, 26));
        trail.Add(E(RequestEventKind.Extended, D(2026, 3, 20), 20));
        var twice = RequestClock.Compute(Cal, trail, D(2026, 3, 20));
        twice.DueDate.ShouldBe(D(2026, 3, 26));
        twice.LimitDays.ShouldBe(30);
        // An extension is capped at twenty working days.
        RequestClock.Compute(Cal, [E(RequestEventKind.Received, D(2026, 2, 6)), E(RequestEventKind.Extended, D(2026, 2, 9), 60)], D(2026, 2, 9))
            .LimitDays.ShouldBe(40);
    }

    [Fact]
    public void A_fee_notice_stops_the_clock_until_paid_and_gives_twenty_working_days_to_pay()
    {
        var trail = new List<ClockEvent> { E(RequestEventKind.Received, D(2026, 9, 15)), E(RequestEventKind.FeeNoticed, D(2026, 9, 18)) };
        var waiting = RequestClock.Compute(Cal, trail, D(2026, 9, 30));
        waiting.State.ShouldBe(ClockState.StoppedForFee);
        waiting.UsedDays.ShouldBe(3);
        // Sun 20 Sep (1) … 30 Sep (8), 8–10 Oct (11), 12–16 (16), 19–22 Oct (20).
        waiting.FeePayBy.ShouldBe(D(2026, 10, 22));
        trail.Add(E(RequestEventKind.FeePaid, D(2026, 10, 9)));
        // 17 days left from Friday 9 Oct: Sat 10, 12–16, 19–23, 26–30 Oct, 2 Nov.
        RequestClock.Compute(Cal, trail, D(2026, 10, 9)).DueDate.ShouldBe(D(2026, 11, 2));
    }

    [Fact]
    public void An_answer_on_the_due_date_is_on_time_and_the_day_after_is_late()
    {
        var received = E(RequestEventKind.Received, D(2026, 2, 6));
        var onTime = RequestClock.Compute(Cal, [received, E(RequestEventKind.Answered, D(2026, 3, 12))], D(2026, 4, 1));
        onTime.State.ShouldBe(ClockState.Answered);
        onTime.OnTime.ShouldBe(true);
        onTime.FinishedOn.ShouldBe(D(2026, 3, 12));
        RequestClock.Compute(Cal, [received, E(RequestEventKind.Answered, D(2026, 3, 13))], D(2026, 4, 1)).OnTime.ShouldBe(false);
    }

    [Fact]
    public void The_trail_steps_show_the_deadline_after_each_event()
    {
        var steps = RequestClock.Steps(Cal,
        [
            E(RequestEventKind.Received, D(2026, 9, 15)),
            E(RequestEventKind.ThirdPartyConsulted, D(2026, 9, 22)),
            E(RequestEventKind.ThirdPartyReplied, D(2026, 10, 9)),
            E(RequestEventKind.Extended, D(2026, 10, 20), 5),
        ]);
        steps.Select(s => s.DueDate).ShouldBe([D(2026, 10, 19), D(2026, 11, 9), D(2026, 10, 28), D(2026, 11, 4)]);
    }

    [Fact]
    public void The_shipped_calendar_and_the_shared_files_agree_on_every_deadline_of_2025_and_2026()
    {
        var shipped = CalendarService.ShippedOnly();
        for (var day = D(2025, 1, 1); day <= D(2026, 10, 31); day = day.AddDays(1))
        {
            RequestClock.Compute(shipped, [E(RequestEventKind.Received, day)], day).DueDate
                .ShouldBe(RequestClock.Compute(Cal, [E(RequestEventKind.Received, day)], day).DueDate, $"received {day}");
        }
    }
}
