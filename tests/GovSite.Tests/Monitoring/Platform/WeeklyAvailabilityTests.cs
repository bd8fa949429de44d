using GovSite.Monitoring;
using GovSite.Monitoring.Platform;

namespace GovSite.Tests.Monitoring.Platform;

public class WeeklyAvailabilityTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A week of hourly probes (168), the first <paramref name="failures"/> failed.</summary>
    private static IEnumerable<(DateTime, bool)> Week(int failures) =>
        Enumerable.Range(0, 168).Select(i => (Now.AddHours(-i), i >= failures));

    [Fact]
    public void Five_percent_of_probes_failing_is_a_veto()
    {
        // 9 of 168 is 5.4%; 8 of 168 is 4.8%.
        WeeklyAvailability.Evaluate(Week(9), Now).Veto.ShouldBeTrue();
        WeeklyAvailability.Evaluate(Week(8), Now).Veto.ShouldBeFalse();
        var exact = Enumerable.Range(0, 140).Select(i => (Now.AddMinutes(-i * 72), i >= 7));
        var result = WeeklyAvailability.Evaluate(exact, Now);
        (result.Probes, result.Failures, result.Veto).ShouldBe((140, 7, true));
        result.FullDays.ShouldBe(7);
    }

    [Fact]
    public void Probes_older_than_a_week_do_not_count()
    {
        var old = Enumerable.Range(0, 50).Select(i => (Now.AddDays(-8).AddMinutes(-i), false));
        var result = WeeklyAvailability.Evaluate(Week(0).Concat(old), Now);
        (result.Probes, result.Failures, result.Veto).ShouldBe((168, 0, false));
    }

    [Fact]
    public void Fewer_than_a_days_probes_leave_the_one_shot_judgement_in_place()
    {
        var few = Enumerable.Range(0, 19).Select(i => (Now.AddHours(-i), false)).ToList();
        var result = WeeklyAvailability.Evaluate(few, Now);
        result.Judged.ShouldBeFalse();
        var report = new SiteReport { Verdict = "fail", Vetoes = [new Veto(VetoCodes.SiteUnreachable, "首页3次探测均失败", ["https://a.gov.cn/"])] };
        WeeklyAvailability.Apply(report, result, "https://a.gov.cn/").ShouldBeSameAs(report);
    }

    [Fact]
    public void The_weekly_verdict_replaces_the_one_shot_probes()
    {
        var oneShotFailed = new SiteReport
        {
            Verdict = "fail",
            Vetoes = [new Veto(VetoCodes.SiteUnreachable, "首页3次探测有1次失败", ["https://a.gov.cn/"])],
        };
        var healthyWeek = WeeklyAvailability.Evaluate(Week(1), Now);
        var applied = WeeklyAvailability.Apply(oneShotFailed, healthyWeek, "https://a.gov.cn/");
        applied.Vetoes.ShouldBeEmpty();
        applied.Verdict.ShouldBe("pass");

        var cleanCheck = new SiteReport { Verdict = "pass", Score = 90 };
        var badWeek = WeeklyAvailability.Evaluate(Week(20), Now);
        var failed = WeeklyAvailability.Apply(cleanCheck, badWeek, "https://a.gov.cn/");
        failed.Verdict.ShouldBe("fail");
        failed.Vetoes.Single().Code.ShouldBe(VetoCodes.SiteUnreachable);
        failed.Vetoes.Single().Evidence.ShouldBe(["https://a.gov.cn/"]);
    }

    [Fact]
    public void A_site_failed_on_its_score_stays_failed()
    {
        var lowScore = new SiteReport { Verdict = "fail", Score = 52 };
        WeeklyAvailability.Apply(lowScore, WeeklyAvailability.Evaluate(Week(0), Now), "https://a.gov.cn/").Verdict.ShouldBe("fail");
    }
}
