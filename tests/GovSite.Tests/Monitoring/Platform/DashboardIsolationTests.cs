using System.Globalization;
using System.Net;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Monitoring.Platform;

/// <summary>Two hosted sites in two regions, each checked once, with their people.</summary>
public sealed class TwoRegionsFixture : MonitoringFactory
{
    public const string Password = "Password123x";
    public Site SiteA { get; private set; } = null!;
    public Site SiteB { get; private set; } = null!;
    public int MonitoredA { get; private set; }
    public int MonitoredB { get; private set; }
    public int RunB { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SiteA = await CreateSiteAsync("3792000001", "甲地监测局", SiteType.Department, "jia.monitor.test.gov.cn");
        SiteB = await CreateSiteAsync("3791000001", "乙地监测局", SiteType.Department, "yi.monitor.test.gov.cn");
        await AsSystemAsync(sp => sp.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync());
        (MonitoredA, MonitoredB) = await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            return (await db.MonitoredSites.Where(m => m.SiteId == SiteA.Id).Select(m => m.Id).SingleAsync(),
                    await db.MonitoredSites.Where(m => m.SiteId == SiteB.Id).Select(m => m.Id).SingleAsync());
        });
        Checker.Reports["https://jia.monitor.test.gov.cn/"] = Report("甲地页脚缺少备案号", VetoCodes.ColumnsEmpty, "https://jia.monitor.test.gov.cn/columns/1");
        Checker.Reports["https://yi.monitor.test.gov.cn/"] = Report("乙地内部问题线索", VetoCodes.SeriousError, "https://yi.monitor.test.gov.cn/articles/9");
        await AsSystemAsync(async sp =>
        {
            var queue = sp.GetRequiredService<JobQueue>();
            await queue.EnqueueAsync(MonitoringJobTypes.Check, MonitoredA.ToString(CultureInfo.InvariantCulture));
            return await queue.EnqueueAsync(MonitoringJobTypes.Check, MonitoredB.ToString(CultureInfo.InvariantCulture));
        });
        await RunJobsAsync();
        RunB = await AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().CheckRuns.Where(r => r.MonitoredSiteId == MonitoredB).Select(r => r.Id).SingleAsync());
        await CreateUserAsync("mon-admin-a", Password, (Role.SiteAdmin, SiteA.Id));
        await CreateUserAsync("mon-editor-a", Password, (Role.Editor, SiteA.Id));
        await CreateSupervisorAsync("mon-sup-a", Password, SiteA.RegionId);
    }

    private static SiteReport Report(string detail, string veto, string evidence) => new()
    {
        Verdict = "fail",
        Score = null,
        Vetoes = [new Veto(veto, detail + "（否决）", [evidence])],
        Findings = [new Finding("slow_page", "deduction", evidence, detail)],
    };
}

public class DashboardIsolationTests(TwoRegionsFixture app) : IClassFixture<TwoRegionsFixture>
{
    [Fact]
    public async Task A_site_admin_sees_their_sites_findings_and_nothing_of_another_site()
    {
        using var admin = await app.SignInAsync("mon-admin-a", TwoRegionsFixture.Password);
        var own = await admin.GetAsync($"/admin/monitoring/sites/{app.MonitoredA}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await own.Content.ReadAsStringAsync();
        page.ShouldContain("甲地页脚缺少备案号");
        page.ShouldContain("href=\"https://jia.monitor.test.gov.cn/columns/1\"");
        page.ShouldContain("空白栏目过多");

        var other = await admin.GetAsync($"/admin/monitoring/sites/{app.MonitoredB}");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Content.ReadAsStringAsync()).ShouldNotContain("乙地内部问题线索");
        (await admin.GetAsync($"/admin/monitoring/runs/{app.RunB}/report.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var overview = await admin.GetStringAsync("/admin/monitoring");
        overview.ShouldContain("甲地监测局");
        overview.ShouldNotContain("乙地监测局");
        // Nor may a site admin add sites to anyone's watch list.
        (await admin.GetAsync("/admin/monitoring/sites/new")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_editor_is_not_shown_the_monitoring_findings()
    {
        using var editor = await app.SignInAsync("mon-editor-a", TwoRegionsFixture.Password);
        (await editor.GetAsync($"/admin/monitoring/sites/{app.MonitoredA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.GetStringAsync("/admin/monitoring")).ShouldNotContain("甲地监测局");
    }

    [Fact]
    public async Task A_supervisor_sees_the_sites_of_their_regions_only()
    {
        using var supervisor = await app.SignInAsync("mon-sup-a", TwoRegionsFixture.Password);
        var overview = await supervisor.GetStringAsync("/admin/monitoring");
        overview.ShouldContain("甲地监测局");
        overview.ShouldNotContain("乙地监测局");
        overview.ShouldContain("空白栏目过多");
        (await supervisor.GetAsync($"/admin/monitoring/sites/{app.MonitoredA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.GetAsync($"/admin/monitoring/sites/{app.MonitoredB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetAsync($"/admin/monitoring?region={app.SiteB.RegionId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetAsync($"/admin/monitoring/runs/{app.RunB}/report.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_platform_admin_sees_every_region_and_the_report_as_published_json()
    {
        using var admin = await app.SignInAsync("admin", GovSiteFactory.AdminPassword);
        var b = await admin.GetStringAsync($"/admin/monitoring?region={app.SiteB.RegionId}");
        b.ShouldContain("乙地监测局");
        b.ShouldContain("严重表述错误");
        b.ShouldContain("<table class=\"list trend-table\"");
        var json = await admin.GetStringAsync($"/admin/monitoring/runs/{app.RunB}/report.json");
        json.ShouldContain("\"vetoes\"");
        json.ShouldContain("\"code\": \"serious_error\"");
    }

    [Fact]
    public async Task The_query_layer_itself_hides_other_regions_monitored_sites()
    {
        await using (var system = app.Database.NewContext())
        {
            (await system.MonitoredSites.CountAsync()).ShouldBeGreaterThan(2);
        }
        await using (var anonymous = app.Database.NewContext(new SiteAccess()))
        {
            (await anonymous.MonitoredSites.CountAsync()).ShouldBe(0);
        }
        var supervisor = new SiteAccess();
        supervisor.SetUser(1000, "someone", false, [], [app.SiteA.RegionId], [app.SiteA.Id]);
        await using (var scoped = app.Database.NewContext(supervisor))
        {
            (await scoped.MonitoredSites.Select(m => m.Id).ToListAsync()).ShouldBe([app.MonitoredA]);
        }
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_the_login_page()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in new[] { "/admin/monitoring", $"/admin/monitoring/sites/{app.MonitoredA}", "/admin/monitoring/import", $"/admin/monitoring/runs/{app.RunB}/report.json" })
        {
            var response = await anonymous.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldContain("/admin/login");
        }
    }
}
