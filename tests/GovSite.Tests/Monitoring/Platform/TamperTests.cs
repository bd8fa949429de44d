using GovSite.Data;
using GovSite.Monitoring.Platform;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Monitoring.Platform;

/// <summary>
/// A page of a hosted site that changes without a publish event behind it raises an alert; a
/// change through the publishing workflow does not. The pages are fetched over HTTP from the
/// running app, as the scheduled job does.
/// </summary>
public class TamperTests(MonitoringFactory app) : IClassFixture<MonitoringFactory>
{
    private Task<T> DbAsync<T>(Func<GovSiteDb, Task<T>> work) => app.AsSystemAsync(sp => work(sp.GetRequiredService<GovSiteDb>()));

    private Task<TamperWatch.Outcome> CheckAsync(int monitoredSiteId) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<TamperWatch>().CheckSiteAsync(monitoredSiteId));

    private Task EvictPageCacheAsync(int siteId) => app.AsSystemAsync(async sp =>
    {
        await sp.GetRequiredService<SiteChanges>().ContentChangedAsync(siteId);
        return 0;
    });

    private async Task<(Site Site, int MonitoredId, int ArticleId, int ColumnId)> HostedSiteWithArticleAsync(string code, string host)
    {
        var site = await app.CreateSiteAsync(code, "防篡改测试局" + code[^2..], SiteType.Department, host);
        var column = await app.ColumnIdAsync(site.Id, "工作动态");
        var article = await app.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, null, new ArticleInput
        {
            Publish = true,
            ColumnId = column, Title = "全县秋粮收购工作有序推进", Body = "<p>截至目前，全县已收购秋粮三万吨。</p>",
        }));
        await app.AsSystemAsync(sp => sp.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync());
        var monitored = await DbAsync(db => db.MonitoredSites.SingleAsync(m => m.SiteId == site.Id));
        return (site, monitored.Id, article.Value!.Id, column);
    }

    [Fact]
    public async Task A_body_changed_in_the_database_behind_the_publishers_back_raises_an_alert()
    {
        var (site, monitoredId, articleId, _) = await HostedSiteWithArticleAsync("3793000001", "tamper-db.test.gov.cn");
        var first = await CheckAsync(monitoredId);
        first.Alerts.ShouldBe(0);
        first.Pages.ShouldBeGreaterThan(2);
        (await DbAsync(db => db.PageBaselines.CountAsync(b => b.MonitoredSiteId == monitoredId))).ShouldBe(first.Pages);

        // Nothing changed: nothing to report.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await CheckAsync(monitoredId)).Alerts.ShouldBe(0);

        // An intruder edits the row directly: no ArticleService, no observer, no publish event.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await DbAsync(db => db.Articles.Where(a => a.Id == articleId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Body, "<p>本站已被入侵。<a href=\"https://evil.example/\">点击领取</a></p>")));
        await EvictPageCacheAsync(site.Id);
        var tampered = await CheckAsync(monitoredId);
        tampered.Alerts.ShouldBeGreaterThanOrEqualTo(1);
        var alert = await DbAsync(db => db.TamperAlerts.SingleAsync(a => a.MonitoredSiteId == monitoredId && a.Path == $"/articles/{articleId}"));
        alert.ArticleId.ShouldBe(articleId);
        alert.Excerpt!.ShouldContain("本站已被入侵");
        alert.ResolvedAt.ShouldBeNull();

        // The alert is raised once, not again on every later check of the same content.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await CheckAsync(monitoredId)).Alerts.ShouldBe(0);
        (await DbAsync(db => db.TamperAlerts.CountAsync(a => a.MonitoredSiteId == monitoredId && a.Path == $"/articles/{articleId}"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_change_published_through_the_article_service_raises_no_alert()
    {
        var (site, monitoredId, articleId, column) = await HostedSiteWithArticleAsync("3793000002", "tamper-ok.test.gov.cn");
        (await CheckAsync(monitoredId)).Alerts.ShouldBe(0);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var saved = await app.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, articleId, new ArticleInput
        {
            Publish = true,
            ColumnId = column, Title = "全县秋粮收购工作有序推进（更新）", Body = "<p>截至目前，全县已收购秋粮四万吨。</p>",
        }));
        saved.Succeeded.ShouldBeTrue();
        (await DbAsync(db => db.PublishEvents.CountAsync(e => e.ArticleId == articleId))).ShouldBe(2);
        // A new article too: the homepage and column lists change, explained by its publish event.
        await app.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, null, new ArticleInput
        {
            Publish = true,
            ColumnId = column, Title = "冬季安全生产检查部署会召开", Body = "<p>会议部署了冬季安全生产检查。</p>",
        }));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await CheckAsync(monitoredId);
        after.Alerts.ShouldBe(0);
        (await DbAsync(db => db.TamperAlerts.CountAsync(a => a.MonitoredSiteId == monitoredId))).ShouldBe(0);
        var baseline = await DbAsync(db => db.PageBaselines.SingleAsync(b => b.MonitoredSiteId == monitoredId && b.Path == $"/articles/{articleId}"));
        baseline.TakenAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));

        // Withdrawing through the service is a publish event as well.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().WithdrawAsync(site.Id, articleId));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await CheckAsync(monitoredId)).Alerts.ShouldBe(0);
    }

    [Fact]
    public async Task The_scheduled_tamper_job_runs_the_check_for_hosted_sites()
    {
        var (site, monitoredId, articleId, _) = await HostedSiteWithArticleAsync("3793000003", "tamper-job.test.gov.cn");
        await app.ScheduleAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunJobsAsync();
        (await DbAsync(db => db.PageBaselines.CountAsync(b => b.MonitoredSiteId == monitoredId))).ShouldBeGreaterThan(0);

        await DbAsync(db => db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "被篡改的标题")));
        await EvictPageCacheAsync(site.Id);
        await app.ScheduleAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunJobsAsync();
        (await DbAsync(db => db.TamperAlerts.CountAsync(a => a.MonitoredSiteId == monitoredId))).ShouldBeGreaterThan(0);
    }
}
