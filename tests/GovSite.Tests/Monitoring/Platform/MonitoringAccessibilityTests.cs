using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Monitoring.Platform;

/// <summary>The monitoring pages in a real browser with axe: no serious or critical WCAG 2.1 AA problem, chart drawn.</summary>
[Trait("Category", "Browser")]
public class MonitoringAccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task<int> MonitoredSiteWithHistoryAsync() => await app.AsSystemAsync(async sp =>
    {
        await sp.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync();
        var db = sp.GetRequiredService<GovSiteDb>();
        var site = await db.MonitoredSites.SingleAsync(m => m.SiteId == app.Site.Id);
        if (await db.CheckRuns.AnyAsync(r => r.MonitoredSiteId == site.Id))
        {
            return site.Id;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 5; i >= 0; i--)
        {
            var report = new SiteReport
            {
                Url = site.Url,
                Verdict = i % 2 == 0 ? "fail" : "pass",
                Score = i % 2 == 0 ? null : 80 + i,
                Vetoes = i % 2 == 0 ? [new Veto(VetoCodes.ColumnsStale, "5个动态、通知、政策类栏目未按时更新", [site.Url + "columns/1"])] : [],
                Findings = [new Finding("missing_footer_item", "deduction", site.Url, "icp"), new Finding("slow_page", "notice", site.Url + "articles/1", "加载用时 3.4 秒")],
                Columns = [new ColumnReport("工作动态", site.Url + "columns/1", "news", "2026-10-01", 22, true, false)],
                BrokenLinks = [new BrokenLink(site.Url + "missing", site.Url, 404, null)],
            };
            var run = new CheckRun { MonitoredSiteId = site.Id, StartedAt = DateTime.UtcNow.AddDays(-i), AsOf = today.AddDays(-i) };
            CheckSiteJob.Fill(run, report);
            run.FinishedAt = run.StartedAt;
            db.CheckRuns.Add(run);
            site.LastVerdict = run.Verdict;
            site.LastScore = run.Score;
            site.LastCheckedAt = run.FinishedAt;
        }
        db.ProbeResults.Add(new AvailabilityProbe { MonitoredSiteId = site.Id, At = DateTime.UtcNow.AddHours(-1), Ok = false, StatusCode = 502, Milliseconds = 120, Error = "HTTP 502" });
        db.TamperAlerts.Add(new TamperAlert
        {
            MonitoredSiteId = site.Id, Path = "/articles/1", DetectedAt = DateTime.UtcNow, BaselineAt = DateTime.UtcNow.AddHours(-1),
            OldHash = "a", NewHash = "b", Excerpt = "<p>被改动的内容</p>",
        });
        await db.SaveChangesAsync();
        return site.Id;
    });

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", GovSiteFactory.AdminPassword);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        return page;
    }

    public static TheoryData<string> Pages => new() { "/admin/monitoring", "SITE", "/admin/monitoring/sites/new", "/admin/monitoring/import" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Monitoring_pages_have_no_serious_or_critical_wcag_violations(string path)
    {
        var id = await MonitoredSiteWithHistoryAsync();
        var page = await SignedInPageAsync();
        var response = await page.GotoAsync(path == "SITE" ? $"/admin/monitoring/sites/{id}" : path);
        response!.Status.ShouldBe(200);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_trend_chart_is_drawn_beside_its_data_table()
    {
        var id = await MonitoredSiteWithHistoryAsync();
        var page = await SignedInPageAsync();
        await page.GotoAsync($"/admin/monitoring/sites/{id}");
        await page.WaitForSelectorAsync("#trend-site canvas");
        (await page.Locator("table.trend-table tbody tr").CountAsync()).ShouldBe(6);
        await page.GotoAsync("/admin/monitoring");
        await page.WaitForSelectorAsync("#trend-region canvas");
        await page.Context.CloseAsync();
    }
}
