using GovSite.Monitoring;
using GovSite.Monitoring.Platform;

namespace GovSite.Tests.Monitoring.Platform;

public class WeeklyAvailabilityTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A week of hourly probes (168), the first <paramref name="failures"/> failed.</summary>
    private static IEnumerable<ProbeResult> Week(int failures) =>
        Enumerable.Range(0, 168).Select(i => Probe(Now.AddHours(-i), i >= failures));

    private static ProbeResult Probe(DateTime at, bool ok) => AvailabilityProbe.ToResult(at, ok, 300);

    [Fact]
    public void Five_percent_of_probes_failing_is_a_veto()
    {
        // 9 of 168 is 5.4%; 8 of 168 is 4.8%.
        Availability.EvaluateWeek(Week(9), new DateTimeOffset(Now)).Vetoed.ShouldBeTrue();
        Availability.EvaluateWeek(Week(8), new DateTimeOffset(Now)).Vetoed.ShouldBeFalse();
        var exact = Enumerable.Range(0, 140).Select(i => Probe(Now.AddMinutes(-i * 72), i >= 7));
        var result = Availability.EvaluateWeek(exact, new DateTimeOffset(Now));
        (result.Probes, result.Failed, result.Vetoed).ShouldBe((140, 7, true));
        result.FullDays.ShouldBe(7);
    }

    [Fact]
    public void Probes_older_than_a_week_do_not_count()
    {
        var old = Enumerable.Range(0, 50).Select(i => Probe(Now.AddDays(-8).AddMinutes(-i), false));
        var result = Availability.EvaluateWeek(Week(0).Concat(old), new DateTimeOffset(Now));
        (result.Probes, result.Failed, result.Vetoed).ShouldBe((168, 0, false));
    }

    [Fact]
    public void Fewer_than_a_days_probes_leave_the_one_shot_judgement_in_place()
    {
        var few = Enumerable.Range(0, 19).Select(i => Probe(Now.AddHours(-i), false)).ToList();
        var result = Availability.EvaluateWeek(few, new DateTimeOffset(Now));
        result.Judged.ShouldBeFalse();
        var report = new SiteReport { Verdict = "fail", Vetoes = [new Veto(VetoCodes.SiteUnreachable, "首页3次探测均失败", ["https://a.gov.cn/"])] };
        Availability.ApplyWeek(report, result, "https://a.gov.cn/").ShouldBeSameAs(report);
    }

    [Fact]
    public void The_weekly_verdict_replaces_the_one_shot_probes()
    {
        var oneShotFailed = new SiteReport
        {
            Verdict = "fail",
            Vetoes = [new Veto(VetoCodes.SiteUnreachable, "首页3次探测有1次失败", ["https://a.gov.cn/"])],
        };
        var healthyWeek = Availability.EvaluateWeek(Week(1), new DateTimeOffset(Now));
        var applied = Availability.ApplyWeek(oneShotFailed, healthyWeek, "https://a.gov.cn/");
        applied.Vetoes.ShouldBeEmpty();
        applied.Verdict.ShouldBe("pass");

        var cleanCheck = new SiteReport { Verdict = "pass", Score = 90 };
        var badWeek = Availability.EvaluateWeek(Week(20), new DateTimeOffset(Now));
        var failed = Availability.ApplyWeek(cleanCheck, badWeek, "https://a.gov.cn/");
        failed.Verdict.ShouldBe("fail");
        failed.Vetoes.Single().Code.ShouldBe(VetoCodes.SiteUnreachable);
        failed.Vetoes.Single().Evidence.ShouldBe(["https://a.gov.cn/"]);
    }

    [Fact]
    public void A_site_failed_on_its_score_stays_failed()
    {
        var lowScore = new SiteReport { Verdict = "fail", Score = 52 };
        Availability.ApplyWeek(lowScore, Availability.EvaluateWeek(Week(0), new DateTimeOffset(Now)), "https://a.gov.cn/").Verdict.ShouldBe("fail");
    }
}
