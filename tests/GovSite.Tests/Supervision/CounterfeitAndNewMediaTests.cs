using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Sites;
using GovSite.Supervision;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Supervision;

/// <summary>The name look-up seam in tests: names it was told about resolve to loopback; every name asked is remembered.</summary>
public sealed class LoopbackResolver : ILookAlikeResolver
{
    public ConcurrentDictionary<string, string> Known { get; } = new();
    public ConcurrentBag<string> Asked { get; } = [];

    public Task<IReadOnlyList<string>> ResolveAsync(string host, CancellationToken ct)
    {
        Asked.Add(host);
        return Task.FromResult<IReadOnlyList<string>>(Known.TryGetValue(host, out var address) ? [address] : []);
    }
}

/// <summary>The supervision factory with look-ups turned on and answered by <see cref="LoopbackResolver"/>.</summary>
public sealed class LookupFactory : SupervisionFactory
{
    public LoopbackResolver Resolver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GOVSITE_COUNTERFEIT_LOOKUP", "true");
        builder.ConfigureTestServices(s => s.AddSingleton<ILookAlikeResolver>(Resolver));
    }
}

public sealed class CounterfeitAndNewMediaTests(LookupFactory app) : IClassFixture<LookupFactory>
{
    [Fact]
    public async Task Look_alike_names_that_resolve_become_cases_once_and_are_handled_step_by_step()
    {
        var portal = app.Sites[SupervisionFactory.PortalCode];
        using var client = await app.SupervisorAsync();
        var names = (await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/sites/{portal.Code}/look-alikes")))
            .EnumerateArray().Select(n => n.GetProperty("host").GetString()).ToList();
        names.ShouldContain("www.jg.test.com");
        app.Resolver.Known["www.jg.test.com"] = "127.0.0.2";
        var scan = await SupervisionFactory.JsonAsync(await client.PostAsync($"/api/v1/sites/{portal.Code}/look-alikes/scan", null));
        scan.GetProperty("resolved").GetInt32().ShouldBe(1);
        scan.GetProperty("checked").GetInt32().ShouldBe(names.Count);
        var found = scan.GetProperty("newCases")[0];
        found.GetProperty("host").GetString().ShouldBe("www.jg.test.com");
        found.GetProperty("source").GetString().ShouldBe("lookAlikeCheck");
        // A second scan finds the same name and opens nothing new.
        (await SupervisionFactory.JsonAsync(await client.PostAsync($"/api/v1/sites/{portal.Code}/look-alikes/scan", null)))
            .GetProperty("newCases").GetArrayLength().ShouldBe(0);
        // Steps: reported to 网信 → reported; 关停 → shut down; 公告 → closed.
        var id = found.GetProperty("id").GetInt32();
        var bad = await SupervisionFactory.PostAsync(client, $"/api/v1/counterfeits/{id}/steps", new { kind = "shutDown", date = "昨天" });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("请按“2026-03-18”的格式填写日期");
        async Task<string> Step(string kind, string date) =>
            (await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/counterfeits/{id}/steps", new { kind, date }))).GetProperty("status").GetString()!;
        (await Step("reportCyberspace", "2026-03-01")).ShouldBe("reported");
        (await Step("shutDown", "2026-03-05")).ShouldBe("shutDown");
        (await Step("announce", "2026-03-06")).ShouldBe("closed");
        var figures = await app.AsSystemAsync(async sp =>
        {
            var region = await sp.GetRequiredService<GovSiteDb>().Regions.FirstAsync(r => r.Code == SupervisionFactory.RegionCode);
            return await sp.GetRequiredService<Counterfeits>().FiguresAsync([region.Id], 2026);
        });
        (figures.ReportedToAuthorities, figures.ShutDown).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Without_an_operator_turning_look_ups_on_nothing_is_resolved()
    {
        var portal = app.Sites[SupervisionFactory.PortalCode];
        var asked = app.Resolver.Asked.Count;
        var refused = await app.AsSystemAsync(sp => new Counterfeits(sp.GetRequiredService<GovSiteDb>(), sp.GetRequiredService<GovSite.Accounts.SiteAccess>(),
            sp.GetRequiredService<SiteDirectory>(), app.Resolver, Microsoft.Extensions.Options.Options.Create(new SupervisionOptions()), TimeProvider.System).ScanAsync(portal.Id));
        refused.Errors.ToDictionary()["Lookup"][0].ShouldContain("未开启仿冒域名探测");
        app.Resolver.Asked.Count.ShouldBe(asked);
        // The default is off: an installation resolves nothing until an operator says so.
        new SupervisionOptions().LookupEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task A_public_error_report_of_a_counterfeit_becomes_a_case_through_the_seam()
    {
        var opened = await app.AsSystemAsync(sp => sp.GetRequiredService<Counterfeits>().FromErrorReportAsync(
            4711, "http://jg-test.gov.cn.com/zhengce/", SupervisionFactory.PortalCode, "网页冒用市政府名称发布招聘信息"));
        opened.Succeeded.ShouldBeTrue();
        (opened.Value!.Source, opened.Value.ErrorReportId, opened.Value.Host).ShouldBe((CounterfeitSource.Public, 4711, "jg-test.gov.cn.com"));
        // A registered domain is never a counterfeit.
        var own = await app.AsSystemAsync(sp => sp.GetRequiredService<Counterfeits>().FromErrorReportAsync(
            4712, "https://www.jg.test.gov.cn/", SupervisionFactory.PortalCode, "x"));
        own.Errors.ToDictionary()["Url"][0].ShouldContain("是本平台登记的政府网站域名");
    }

    [Fact]
    public async Task New_media_accounts_are_flagged_after_two_weeks_without_a_post_and_figures_import_line_by_line()
    {
        using var client = await app.SupervisorAsync();
        var org = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Organisations.Where(o => o.Region!.Code == SupervisionFactory.RegionCode).Select(o => o.Id).FirstAsync());
        var account = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, "/api/v1/new-media",
            new { organisationId = org, name = "测试监管发布", platform = "weChat", accountId = "jgfb2026", status = "approved" }));
        var id = account.GetProperty("id").GetInt32();
        var duplicate = await SupervisionFactory.PostAsync(client, "/api/v1/new-media", new { organisationId = org, name = "重复", platform = "weChat", accountId = "jgfb2026" });
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("该平台上的这个账号已登记");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/new-media/{id}/figures",
            new { asOf = D(today), posts = 120, followers = 5000, lastPostDate = D(today.AddDays(-14)) }));
        bool Stale(JsonElement list) => list.EnumerateArray().Single(a => a.GetProperty("account").GetProperty("id").GetInt32() == id).GetProperty("stale").GetBoolean();
        Stale(await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/new-media?region={SupervisionFactory.RegionCode}"))).ShouldBeFalse();
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/new-media/{id}/figures",
            new { asOf = D(today), posts = 120, followers = 5000, lastPostDate = D(today.AddDays(-15)) }));
        Stale(await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/new-media?region={SupervisionFactory.RegionCode}"))).ShouldBeTrue();

        var csv = $"平台,账号,统计日期,发文量,关注量,最近发布\n微信,jgfb2026,{D(today.AddDays(-40))},90,4000,{D(today.AddDays(-41))}\n抖音,nobody,{D(today)},1,1,\n微信,jgfb2026,2026-13-01,1,1,\n";
        var (recorded, problems) = await app.AsSystemAsync(async sp =>
            await sp.GetRequiredService<NewMedia>().ImportFiguresAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv))));
        recorded.ShouldBe(1);
        problems.Select(p => p.Line).ShouldBe([3, 4]);
        // Posts in the year: the newest figure of the year minus the last before it (none here): 120.
        var year = await app.AsSystemAsync(async sp =>
        {
            var region = await sp.GetRequiredService<GovSiteDb>().Regions.FirstAsync(r => r.Code == SupervisionFactory.RegionCode);
            return await sp.GetRequiredService<NewMedia>().YearAsync([region.Id], today.Year);
        });
        var row = year.Single(y => y.AccountId == id);
        row.Followers.ShouldBe(5000);
        row.PostsInYear.ShouldBe(today.AddDays(-40).Year == today.Year ? 120 : 30);
    }

    [Fact]
    public async Task A_foreign_language_version_shows_missing_and_older_translations_and_their_lag()
    {
        var chinese = await app.CreateSiteAsync("3502000701", "测试外文版局", SiteType.Department, "wwb.test.gov.cn");
        var english = await app.CreateSiteAsync("3502000702", "Test Bureau (English)", SiteType.Department, "en.wwb.test.gov.cn");
        var figures = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var translations = sp.GetRequiredService<Translations>();
            var version = (await translations.AddVersionAsync(chinese.Id, english.Code, "en")).Value!;
            var now = app.Clock.GetUtcNow().UtcDateTime;
            GovSite.Publishing.Library.LibraryItem Item(int site, string title, double publishedDaysAgo, double updatedDaysAgo) => new()
            {
                OwnerSiteId = site, HomeColumnId = db.Columns.First(c => c.SiteId == site).Id, Title = title, Body = "<p>x</p>",
                Status = GovSite.Publishing.Library.ItemStatus.Published, PublishedAt = now.AddDays(-publishedDaysAgo), CreatedAt = now.AddDays(-publishedDaysAgo),
                UpdatedAt = now.AddDays(-updatedDaysAgo),
            };
            var missing = Item(chinese.Id, "缺译文", 10, 10);
            var original = Item(chinese.Id, "有译文", 20, 20);
            var translated = Item(english.Id, "Translated", 16, 16);
            var changed = Item(chinese.Id, "原文又改了", 30, 2);
            var stale = Item(english.Id, "Stale", 28, 28);
            db.LibraryItems.AddRange(missing, original, translated, changed, stale);
            await db.SaveChangesAsync();
            await translations.FlagAsync(version.Id, missing.Id, null);
            await translations.FlagAsync(version.Id, original.Id, translated.Id);
            await translations.FlagAsync(version.Id, changed.Id, stale.Id);
            (await translations.FlagAsync(version.Id, translated.Id, null)).Errors.IsValid.ShouldBeFalse();
            return Translations.Figures(await translations.RowsAsync(version.Id));
        });
        // Missing: 10 days so far; current: published 4 days after the original; older: original changed 2 days ago.
        (figures.Flagged, figures.Missing, figures.Older, figures.Current).ShouldBe((3, 1, 1, 1));
        figures.LongestLagDays.ShouldBe(10);
        figures.AverageLagDays.ShouldBe(Math.Round((10 + 4 + 2) / 3.0, 1));
    }

    [Fact]
    public async Task The_demo_shows_a_year_of_supervision()
    {
        var facts = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var province = await db.Regions.FirstAsync(r => r.Code == DemoRegion.ProvinceCode);
            var rounds = await db.SpotCheckRounds.Where(r => r.RegionId == province.Id).ToListAsync();
            var ids = rounds.Select(r => r.Id).ToList();
            return new
            {
                Rounds = rounds.Count,
                Failing = await db.Assessments.CountAsync(a => ids.Contains(a.RoundId!.Value) && a.Verdict == "fail"),
                Published = await db.SupervisionNotices.CountAsync(n => ids.Contains(n.RoundId) && n.PublishedAt != null),
                Closed = await db.RectificationOrders.CountAsync(o => o.State == RectificationState.Closed),
                Open = await db.RectificationOrders.CountAsync(o => o.State != RectificationState.Closed),
                Accountability = await db.AccountabilityRecords.CountAsync(r => db.Regions.Any(x => x.Id == r.RegionId && x.Code.StartsWith("99"))),
                Counterfeits = await db.CounterfeitCases.CountAsync(c => c.RegionId == province.Id),
                Accounts = await db.NewMediaAccounts.CountAsync(a => db.Regions.Any(x => x.Id == a.RegionId && x.Code.StartsWith("99"))),
                Proof = await db.MigrationProofEntries.CountAsync(),
                ProofMatched = await db.MigrationProofEntries.CountAsync(p => p.Match),
            };
        });
        facts.Rounds.ShouldBe(4);
        facts.Failing.ShouldBeGreaterThanOrEqualTo(4);
        facts.Published.ShouldBe(4);
        facts.Closed.ShouldBeGreaterThan(0);
        facts.Open.ShouldBe(1);
        facts.Accountability.ShouldBe(5);
        facts.Counterfeits.ShouldBe(2);
        facts.Accounts.ShouldBe(4);
        facts.Proof.ShouldBeGreaterThan(0);
        facts.ProofMatched.ShouldBe(facts.Proof);
        using var integrated = app.ClientForHost("www.nyj.qinghe.gov.cn");
        (await integrated.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await integrated.GetStringAsync("/")).ShouldContain("清河县农业农村局已关停");
        using var closed = app.ClientForHost("www.tzcj.qinghe.gov.cn");
        var notice = await closed.GetStringAsync("/");
        notice.ShouldContain("机构职能调整");
        notice.ShouldContain("清河县人民政府");
        using var portal = app.ClientForHost("www.jiangchuan.gov.cn");
        (await portal.GetStringAsync("/supervision/notices")).ShouldContain("政府网站抽查情况的通报");
    }
}
