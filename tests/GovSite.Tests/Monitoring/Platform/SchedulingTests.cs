using System.Globalization;
using System.Text.Json;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Monitoring.Platform;

/// <summary>Scheduling, running and keeping checks and probes, through the real queue and worker.</summary>
public class SchedulingTests(MonitoringFactory app) : IClassFixture<MonitoringFactory>
{
    private Task<T> DbAsync<T>(Func<GovSiteDb, Task<T>> work) => app.AsSystemAsync(sp => work(sp.GetRequiredService<GovSiteDb>()));

    private Task<MonitoredSite> AddExternalAsync(string url, string name) => app.AsSystemAsync(async sp =>
    {
        var region = await sp.GetRequiredService<GovSiteDb>().Regions.OrderBy(r => r.Id).FirstAsync();
        var result = await sp.GetRequiredService<MonitoredSiteRegistry>().AddAsync(new MonitoredSiteInput { Url = url, Name = name, RegionCode = region.Code });
        result.Succeeded.ShouldBeTrue();
        return result.Value!;
    });

    private Task EnqueueCheckAsync(int monitoredSiteId) => app.AsSystemAsync(sp =>
        sp.GetRequiredService<JobQueue>().EnqueueAsync(MonitoringJobTypes.Check, monitoredSiteId.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Each_sites_daily_check_probe_and_tamper_check_are_queued_once_across_nodes()
    {
        await app.ScheduleAsync();
        var (active, hosted) = await DbAsync(async db => (
            await db.MonitoredSites.CountAsync(m => m.IsActive),
            await db.MonitoredSites.CountAsync(m => m.IsActive && m.SiteId != null)));
        active.ShouldBeGreaterThan(0);
        var counts = await DbAsync(db => db.Jobs.Where(j => j.Type.StartsWith("monitoring.") && j.Key != null).GroupBy(j => j.Type)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        counts[MonitoringJobTypes.Check].ShouldBe(active);
        counts[MonitoringJobTypes.Probe].ShouldBe(active);
        counts[MonitoringJobTypes.Tamper].ShouldBe(hosted);

        // The same slot again, on this node or on another node's scheduler, adds nothing.
        (await app.ScheduleAsync()).ShouldBe(0);
        var otherNode = ActivatorUtilities.CreateInstance<MonitoringScheduler>(app.Services);
        (await otherNode.TickAsync(CancellationToken.None)).ShouldBe(0);

        // A site registered later gets its jobs on the next pass.
        var late = await AddExternalAsync("https://late.schedule.gov.cn/", "后登记的网站");
        (await app.ScheduleAsync()).ShouldBe(2);
        (await DbAsync(db => db.Jobs.CountAsync(j => j.Key != null && j.Payload == late.Id.ToString(CultureInfo.InvariantCulture)))).ShouldBe(2);

        // The next probe slot (an hour later) queues one more probe per site: 24 a day.
        app.Clock.Advance(TimeSpan.FromMinutes(60));
        var added = await app.ScheduleAsync();
        added.ShouldBeGreaterThanOrEqualTo(active + 1);
    }

    [Fact]
    public async Task A_check_run_keeps_the_report_and_updates_the_site()
    {
        var site = await AddExternalAsync("https://history.schedule.gov.cn/", "历史记录测试县");
        app.Checker.Reports[site.Url] = new SiteReport
        {
            Name = "历史记录测试县",
            Verdict = "fail",
            Vetoes = [new Veto(VetoCodes.HomepageStale, "首页最新信息为 2026-10-01，已超过14天", ["https://history.schedule.gov.cn/"])],
            Findings = [new Finding("missing_footer_item", "deduction", "https://history.schedule.gov.cn/", "icp")],
            Columns = [new ColumnReport("工作动态", "https://history.schedule.gov.cn/gzdt/", "news", "2026-10-01", 12, true, false)],
            BrokenLinks = [new BrokenLink("https://history.schedule.gov.cn/missing.html", "https://history.schedule.gov.cn/", 404, null)],
        };
        await EnqueueCheckAsync(site.Id);
        (await app.RunJobsAsync()).ShouldBeGreaterThan(0);

        var run = await DbAsync(db => db.CheckRuns.SingleAsync(r => r.MonitoredSiteId == site.Id));
        run.Verdict.ShouldBe("fail");
        run.VetoCodes.ShouldBe(VetoCodes.HomepageStale);
        (run.VetoCount, run.FindingCount, run.BrokenLinkCount, run.ColumnCount, run.StaleColumnCount).ShouldBe((1, 1, 1, 1, 1));
        var report = JsonSerializer.Deserialize<SiteReport>(run.Report, CheckReport.Json)!;
        report.Vetoes.Single().Evidence.ShouldBe(["https://history.schedule.gov.cn/"]);
        using (var json = JsonDocument.Parse(run.Report))
        {
            json.RootElement.GetProperty("brokenLinks")[0].GetProperty("foundOn").GetString().ShouldBe("https://history.schedule.gov.cn/");
        }
        var saved = await DbAsync(db => db.MonitoredSites.SingleAsync(m => m.Id == site.Id));
        saved.LastVerdict.ShouldBe("fail");
        saved.LastCheckedAt.ShouldNotBeNull();

        // The next day's run is kept beside it, not over it.
        app.Clock.Advance(TimeSpan.FromDays(1));
        app.Checker.Reports[site.Url] = new SiteReport { Verdict = "pass", Score = 88 };
        await EnqueueCheckAsync(site.Id);
        await app.RunJobsAsync();
        var runs = await DbAsync(db => db.CheckRuns.Where(r => r.MonitoredSiteId == site.Id).OrderBy(r => r.Id).ToListAsync());
        runs.Select(r => r.Verdict).ShouldBe(["fail", "pass"]);
        runs[1].AsOf.ShouldBe(runs[0].AsOf.AddDays(1));
        (await DbAsync(db => db.MonitoredSites.SingleAsync(m => m.Id == site.Id))).LastScore.ShouldBe(88);
    }

    [Fact]
    public async Task A_week_with_five_percent_failed_probes_fails_the_site_as_unreachable()
    {
        var flaky = await AddExternalAsync("https://flaky.schedule.gov.cn/", "偶尔打不开的县");
        var steady = await AddExternalAsync("https://steady.schedule.gov.cn/", "基本稳定的县");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await DbAsync(async db =>
        {
            for (var i = 0; i < 140; i++)
            {
                var at = now.AddMinutes(-72 * i - 1);
                db.ProbeResults.Add(new AvailabilityProbe { MonitoredSiteId = flaky.Id, At = at, Ok = i >= 7, Milliseconds = 100 });
                db.ProbeResults.Add(new AvailabilityProbe { MonitoredSiteId = steady.Id, At = at, Ok = i >= 6, Milliseconds = 100 });
            }
            return await db.SaveChangesAsync();
        });
        await EnqueueCheckAsync(flaky.Id);
        await EnqueueCheckAsync(steady.Id);
        await app.RunJobsAsync();

        var flakyRun = await DbAsync(db => db.CheckRuns.SingleAsync(r => r.MonitoredSiteId == flaky.Id));
        (flakyRun.Verdict, flakyRun.VetoCodes, flakyRun.ProbeCount, flakyRun.ProbeFailures).ShouldBe(("fail", VetoCodes.SiteUnreachable, 140, 7));
        JsonSerializer.Deserialize<SiteReport>(flakyRun.Report, CheckReport.Json)!.Vetoes.Single().Detail.ShouldContain("140 次");
        var steadyRun = await DbAsync(db => db.CheckRuns.SingleAsync(r => r.MonitoredSiteId == steady.Id));
        (steadyRun.Verdict, steadyRun.VetoCodes, steadyRun.ProbeFailures).ShouldBe(("pass", "", 6));
    }

    [Fact]
    public async Task Probes_of_hosted_sites_are_recorded_with_their_outcome()
    {
        var hosted = await app.CreateSiteAsync("3794000001", "探测测试局", GovSite.Sites.SiteType.Department, "probe.test.gov.cn");
        await app.AsSystemAsync(sp => sp.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync());
        var monitored = await DbAsync(db => db.MonitoredSites.SingleAsync(m => m.SiteId == hosted.Id));
        // A site on this platform that does not exist answers 404: a failed probe.
        var missing = await AddExternalAsync("https://probe.test.gov.cn/no-such-page", "不存在的页面");
        await app.AsSystemAsync(async sp =>
        {
            var queue = sp.GetRequiredService<JobQueue>();
            await queue.EnqueueAsync(MonitoringJobTypes.Probe, monitored.Id.ToString(CultureInfo.InvariantCulture), maxAttempts: 1);
            return await queue.EnqueueAsync(MonitoringJobTypes.Probe, missing.Id.ToString(CultureInfo.InvariantCulture), maxAttempts: 1);
        });
        await app.RunJobsAsync();

        var ok = await DbAsync(db => db.ProbeResults.SingleAsync(p => p.MonitoredSiteId == monitored.Id));
        (ok.Ok, ok.StatusCode).ShouldBe((true, 200));
        var failed = await DbAsync(db => db.ProbeResults.SingleAsync(p => p.MonitoredSiteId == missing.Id));
        (failed.Ok, failed.StatusCode, failed.Error).ShouldBe((false, 404, "HTTP 404"));
    }

    [Fact]
    public async Task A_check_that_keeps_failing_is_retried_then_kept_as_an_error_run()
    {
        var site = await AddExternalAsync("https://broken-checker.schedule.gov.cn/", "检测出错的县");
        app.Checker.Reports.TryRemove(site.Url, out _);
        app.Checker.Failing[site.Url] = "连接被重置";
        await EnqueueCheckAsync(site.Id);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await app.RunJobsAsync();
            (await DbAsync(db => db.CheckRuns.CountAsync(r => r.MonitoredSiteId == site.Id))).ShouldBe(attempt < 2 ? 0 : 1);
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        var run = await DbAsync(db => db.CheckRuns.SingleAsync(r => r.MonitoredSiteId == site.Id));
        (run.Verdict, run.Error).ShouldBe(("error", "连接被重置"));
        var job = await DbAsync(db => db.Jobs.SingleAsync(j => j.Type == MonitoringJobTypes.Check && j.Payload == site.Id.ToString(CultureInfo.InvariantCulture)));
        (job.Status, job.Attempts).ShouldBe((JobStatus.Failed, 3));
        job.LastError!.ShouldContain("连接被重置");
        app.Checker.Failing.TryRemove(site.Url, out _);
    }

    [Fact]
    public async Task A_hosted_sites_kind_goes_to_the_checker_and_an_external_sites_is_left_to_its_name()
    {
        var portal = await app.CreateSiteAsync("3795000000", "种类测试县人民政府", GovSite.Sites.SiteType.Portal, "kind.portal.test.gov.cn");
        await app.AsSystemAsync(sp => sp.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync());
        var monitored = await DbAsync(db => db.MonitoredSites.SingleAsync(m => m.SiteId == portal.Id));
        var external = await AddExternalAsync("https://kind.external.gov.cn/", "种类测试外部网站");
        await EnqueueCheckAsync(monitored.Id);
        await EnqueueCheckAsync(external.Id);
        await app.RunJobsAsync();
        app.Checker.Kinds[monitored.Url].ShouldBe(SiteKind.Portal);
        app.Checker.Kinds[external.Url].ShouldBeNull();
    }
}
