using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.PublicSite.StaticExport;
using GovSite.Sites;
using GovSite.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Supervision;

/// <summary>
/// A site's life through the API and the public request path: offline with a notice (503), a
/// department integrated into a portal (URL map from the placements, proof, 301 for every old
/// address, 410 with a link when there is none, the notice on the old homepage), gone from search,
/// sitemap and the static export.
/// </summary>
public sealed class LifecycleTests(SupervisionFactory app) : IClassFixture<SupervisionFactory>
{
    private async Task<(Site Source, Site Target, List<int> Articles)> SitesWithContentAsync(string sourceCode, string targetCode, string word)
    {
        var source = await app.CreateSiteAsync(sourceCode, $"测试整合县{word}局", SiteType.Department, $"{word}.zh.test.gov.cn");
        var target = await app.CreateSiteAsync(targetCode, $"测试整合县{word}人民政府", SiteType.Portal, $"www.{word}.zh.test.gov.cn");
        var news = await app.ColumnIdAsync(source.Id, "工作动态");
        var policies = await app.ColumnIdAsync(source.Id, "政策文件");
        var ids = await app.AsSystemAsync(async sp =>
        {
            var articles = sp.GetRequiredService<ArticleService>();
            var list = new List<int>();
            for (var i = 1; i <= 3; i++)
            {
                var a = await articles.SaveAsync(source.Id, null, new ArticleInput
                {
                    Publish = true, ColumnId = news, Title = $"{word}工作动态第{i}期", Body = $"<p>{word}局召开第{i}次推进会。</p>", PublishedAt = DateTime.UtcNow.AddDays(-i),
                });
                list.Add(a.Value!.Id);
            }
            var p = await articles.SaveAsync(source.Id, null, new ArticleInput
            {
                Publish = true, ColumnId = policies, Title = $"关于{word}工作的通知", Body = "<p>各单位：现将有关事项通知如下。</p>", DocNumber = "测政〔2026〕1号", Issuer = $"测试整合县{word}局",
                WrittenDate = new DateOnly(2026, 1, 5), PublishedAt = DateTime.UtcNow.AddDays(-10),
            });
            list.Add(p.Value!.Id);
            return list;
        });
        return (source, target, ids);
    }

    [Fact]
    public async Task An_integrated_site_redirects_every_old_address_proves_nothing_was_lost_and_shows_its_notice()
    {
        var (source, target, articles) = await SitesWithContentAsync("3502000201", "3502000202", "桔梗");
        using var client = await app.SupervisorAsync();
        var prepared = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{source.Code}/migration",
            new { target = target.Code, kind = "integration", mappings = new[] { new { oldPath = "/special/old-page.html", newUrl = "" } } }));
        prepared.GetProperty("status").GetString().ShouldBe("planning");
        var map = prepared.GetProperty("map").EnumerateArray().ToDictionary(m => m.GetProperty("oldPath").GetString()!, m => m.GetProperty("newUrl").GetString());
        foreach (var id in articles)
        {
            map[$"/articles/{id}"].ShouldNotBeNull().ShouldStartWith("https://www.桔梗.zh.test.gov.cn/articles/");
        }
        map["/"].ShouldBe("https://www.桔梗.zh.test.gov.cn/");
        map["/special/old-page.html"].ShouldBeNull();
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Id == source.Id).Select(s => s.Status).FirstAsync())).ShouldBe(SiteStatus.Migrating);
        // The moved content is on the target under a column named after the old site.
        using var targetVisitor = app.ClientForHost("www.桔梗.zh.test.gov.cn");
        var moved = map[$"/articles/{articles[0]}"]!;
        (await targetVisitor.GetStringAsync(new Uri(moved).AbsolutePath)).ShouldContain("桔梗局召开第1次推进会");

        // A map edited by CSV: a bad line reported by number, the good one kept.
        var imported = await app.AsSystemAsync(async sp =>
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("旧地址,新地址\n/about.html,https://www.桔梗.zh.test.gov.cn/columns/1\nnot-a-path,x\n"));
            return (await sp.GetRequiredService<SiteMoves>().ImportCsvAsync(source.Code, stream)).Problems;
        });
        imported.Select(p => p.Line).ShouldBe([3]);

        var done = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{source.Code}/migration/complete", new { }));
        done.GetProperty("status").GetString().ShouldBe("done");
        var proof = await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/sites/{source.Code}/migration/proof"));
        // Four placements, four items: every one found on the new site with the same content hash.
        proof.GetProperty("proof").EnumerateArray().Count(p => p.GetProperty("kind").GetString() == "placement").ShouldBe(4);
        proof.GetProperty("proof").EnumerateArray().Count(p => p.GetProperty("kind").GetString() == "item").ShouldBe(4);
        proof.GetProperty("matched").GetInt32().ShouldBe(proof.GetProperty("entries").GetInt32());
        proof.GetProperty("proof").EnumerateArray().ShouldAllBe(p => p.GetProperty("oldHash").GetString() == p.GetProperty("newHash").GetString());
        var csvProof = await client.GetAsync($"/api/v1/sites/{source.Code}/migration/proof?format=csv");
        var csvText = await csvProof.Content.ReadAsStringAsync();
        csvText.ShouldContain("原地址,新地址");
        csvText.ShouldContain("桔梗工作动态第1期");

        // The old site now answers only with its notice and redirects.
        using var old = app.ClientForHost("桔梗.zh.test.gov.cn");
        var redirect = await old.GetAsync($"/articles/{articles[1]}");
        redirect.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        redirect.Headers.Location!.ToString().ShouldBe(map[$"/articles/{articles[1]}"]);
        (await old.GetAsync("/about.html")).Headers.Location!.ToString().ShouldBe("https://www.桔梗.zh.test.gov.cn/columns/1");
        var gone = await old.GetAsync("/special/old-page.html");
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
        var goneText = await gone.Content.ReadAsStringAsync();
        goneText.ShouldContain("href=\"https://www.桔梗.zh.test.gov.cn/\"");
        (await old.GetAsync("/never-existed")).StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await old.GetAsync("/sitemap.xml")).StatusCode.ShouldBe(HttpStatusCode.Gone);
        var home = await old.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var notice = await home.Content.ReadAsStringAsync();
        notice.ShouldContain("测试整合县桔梗局已关停");
        notice.ShouldContain("原有内容已迁移至测试整合县桔梗人民政府");
        // By path too, and never an open page.
        (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/sites/{source.Code}/articles/{articles[0]}")).StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        // A second completion is refused.
        (await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{source.Code}/migration/complete", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_temporarily_offline_site_answers_503_with_its_notice_until_it_comes_back()
    {
        var site = await app.CreateSiteAsync("3502000301", "测试临时下线局", SiteType.Department, "xx.offline.test.gov.cn");
        using var client = await app.SupervisorAsync();
        var bad = await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{site.Code}/offline", new { reason = "", expectedBack = "下周" });
        var problems = await bad.Content.ReadAsStringAsync();
        problems.ShouldContain("请填写下线原因");
        problems.ShouldContain("预计恢复日期应为");
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{site.Code}/offline",
            new { reason = "服务器迁移<维护>", expectedBack = "2026-12-20" }));
        using var visitor = app.ClientForHost("xx.offline.test.gov.cn");
        var page = await visitor.GetAsync("/columns/1");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter.ShouldNotBeNull();
        var text = await page.Content.ReadAsStringAsync();
        text.ShouldContain("测试临时下线局临时下线");
        text.ShouldContain("服务器迁移&lt;维护&gt;");
        text.ShouldContain("2026年12月20日");
        // Closed is not offline: a site may not go straight back from closed, but offline comes back.
        await SupervisionFactory.JsonAsync(await client.PostAsync($"/api/v1/sites/{site.Code}/online", null));
        (await visitor.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_closed_site_leaves_search_and_its_export_holds_only_the_notice_and_its_redirects()
    {
        var (source, target, articles) = await SitesWithContentAsync("3502000401", "3502000402", "紫苑");
        using var anonymous = app.CreateClient();
        async Task<int> Hits() => (await SupervisionFactory.JsonAsync(await anonymous.GetAsync($"/api/v1/search?q={Uri.EscapeDataString("紫苑局召开")}")))
            .GetProperty("results").EnumerateArray().Count(r => r.GetProperty("siteCode").GetString() == source.Code);
        (await Hits()).ShouldBeGreaterThan(0);
        var dir = Path.Combine(app.Database.DataDirectory, "export-" + source.Code);
        async Task<ExportReport> Export() => await app.AsSystemAsync(async sp =>
        {
            var info = sp.GetRequiredService<SiteDirectory>().FindByCode(source.Code)!;
            await using var session = sp.GetRequiredService<PageRenderer>().For(info, "https", allArticles: true);
            return await sp.GetRequiredService<StaticExporter>().ExportAllAsync(info, dir, session);
        });
        await Export();
        File.Exists(Path.Combine(dir, "articles", articles[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "index.html")).ShouldBeTrue();

        using var client = await app.SupervisorAsync();
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{source.Code}/migration", new { target = target.Code, kind = "migration" }));
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{source.Code}/migration/complete",
            new { text = "本网站已整体迁移。", noticeDays = 45 }));
        (await Hits()).ShouldBe(0);
        var report = await Export();
        report.Deleted.ShouldBeGreaterThan(0);
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order().ToList();
        files.ShouldBe(["410.html", "index.html", "manifest.json", "redirects.map", "robots.txt"]);
        var index = await File.ReadAllTextAsync(Path.Combine(dir, "index.html"));
        index.ShouldContain("本网站已整体迁移。");
        var redirects = await File.ReadAllTextAsync(Path.Combine(dir, "redirects.map"));
        redirects.ShouldContain($"\"/articles/{articles[0]}\" \"https://www.紫苑.zh.test.gov.cn/articles/");
        var until = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(45);
        index.ShouldContain($"{until:yyyy年M月d日}");
    }

    [Fact]
    public async Task A_notice_kept_fewer_days_than_the_rule_and_a_closed_site_reopening_are_refused()
    {
        var site = await app.CreateSiteAsync("3502000501", "测试关停局", SiteType.Department, "gt.close.test.gov.cn");
        using var client = await app.SupervisorAsync();
        var short_ = await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{site.Code}/close", new { reason = "机构撤并", noticeDays = 7 });
        (await short_.Content.ReadAsStringAsync()).ShouldContain("公告保留天数不能少于30天");
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/sites/{site.Code}/close", new { reason = "机构撤并", successorUrl = "https://www.example.gov.cn/" }));
        var reopen = await client.PostAsync($"/api/v1/sites/{site.Code}/online", null);
        reopen.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reopen.Content.ReadAsStringAsync()).ShouldContain("不能变为“已上线”");
        // A site administrator may not close a site.
        await app.CreateUserAsync("admin3502000501", SupervisionFactory.Password, (GovSite.Accounts.Role.SiteAdmin, site.Id));
        using var staff = await app.ClientWithTokenAsync("admin3502000501", SupervisionFactory.Password);
        (await SupervisionFactory.PostAsync(staff, $"/api/v1/sites/{site.Code}/close", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void The_lifecycle_table_allows_only_its_steps()
    {
        SiteLifecycle.Allowed(SiteStatus.Applied, SiteStatus.Approved).ShouldBeTrue();
        SiteLifecycle.Allowed(SiteStatus.Applied, SiteStatus.Online).ShouldBeFalse();
        SiteLifecycle.Allowed(SiteStatus.Online, SiteStatus.Offline).ShouldBeTrue();
        SiteLifecycle.Allowed(SiteStatus.Offline, SiteStatus.Online).ShouldBeTrue();
        SiteLifecycle.Allowed(SiteStatus.Migrating, SiteStatus.Online).ShouldBeFalse();
        SiteLifecycle.Allowed(SiteStatus.Closed, SiteStatus.Online).ShouldBeFalse();
        SiteLifecycle.Next(SiteStatus.Closed).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_application_is_approved_by_the_supervisor_then_checked_and_put_online()
    {
        var unit = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Organisations.Where(o => o.Region!.Code == SupervisionFactory.RegionCode).Select(o => o.Id).FirstAsync());
        var applied = await app.AsSystemAsync(sp => sp.GetRequiredService<SiteLifecycle>().ApplyAsync(new SiteApplicationInput
        {
            Site = new SiteInput { Code = "3502000601", Name = "测试新开办局", Type = SiteType.Department, Level = SiteLevel.City, RegionCode = SupervisionFactory.RegionCode,
                HostUnitId = unit, Domains = ["xkb.test.gov.cn"], MainDomain = "xkb.test.gov.cn" },
            Reason = "机构新设",
        }));
        applied.Succeeded.ShouldBeTrue();
        var bad = await app.AsSystemAsync(sp => sp.GetRequiredService<SiteLifecycle>().ApplyAsync(new SiteApplicationInput
        {
            // A code in another format is only a warning in the registry; a missing one is refused.
            Site = new SiteInput { Code = " ", Name = "", RegionCode = SupervisionFactory.RegionCode, Domains = ["example.com"] },
        }));
        bad.Errors.ToDictionary().Keys.ShouldBe(["Site.Name", "Site.Code", "Site.Domains"], ignoreOrder: true);
        var decided = await app.AsSystemAsync(sp => sp.GetRequiredService<SiteLifecycle>().DecideAsync(applied.Value!.Id, true, "同意开办"));
        decided.Succeeded.ShouldBeTrue();
        var siteId = decided.Value!.SiteId!.Value;
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Id == siteId).Select(s => s.Status).FirstAsync())).ShouldBe(SiteStatus.Approved);
        var online = await app.AsSystemAsync(sp => sp.GetRequiredService<SiteLifecycle>().GoOnlineAsync(siteId));
        online.Succeeded.ShouldBeTrue();
        var columns = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns.Where(c => c.SiteId == siteId && c.ParentId == null).Select(c => c.Name).ToListAsync());
        columns.ShouldContain("政府信息公开");
        var history = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SiteLifecycleEvents.Where(e => e.SiteId == siteId).OrderBy(e => e.Id).Select(e => e.To).ToListAsync());
        history.ShouldBe([SiteStatus.Approved, SiteStatus.Online]);
        // The registry's audit log has the step to online.
        var audited = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().AuditEntries.Where(a => a.SiteId == siteId && a.Action == GovSite.Audit.AuditActions.Registry)
            .Select(a => a.Detail).ToListAsync());
        audited.ShouldContain("状态：已审批 → 已上线\n理由：审核通过后上线");
    }
}
