using System.Net;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.PublicSite.Mourning;
using GovSite.PublicSite.StaticExport;
using GovSite.Services;
using GovSite.Sites;
using GovSite.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>哀悼日: a region's sites grey for a period that ends by itself, set by those over the region.</summary>
public class MourningTests(ServicesFactory app) : IClassFixture<ServicesFactory>
{
    private const string Grey = "<html lang=\"zh-CN\" class=\"mourning\"";

    private async Task<(int Region, Site Elsewhere)> RegionsAsync()
    {
        var elsewhere = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.FirstOrDefaultAsync(s => s.Code == "3504000001"))
            ?? await app.CreateSiteAsync("3504000001", "测试邻市人民政府", SiteType.Portal, "www.neighbour.test.gov.cn");
        var region = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Id == app.Portal.Id).Select(s => s.RegionId).SingleAsync());
        return (region, elsewhere);
    }

    [Fact]
    public async Task A_regions_sites_turn_grey_at_once_others_do_not_and_all_return_when_it_ends()
    {
        var (region, elsewhere) = await RegionsAsync();
        using var visitor = app.CreateClient();
        // Cached before: the change must reach the cache.
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/")).ShouldNotContain(Grey);
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.DepartmentCode}/")).ShouldNotContain(Grey);

        var period = await app.AsSystemAsync(async sp =>
        {
            var result = await sp.GetRequiredService<MourningService>().StartAsync(new MourningInput
            {
                RegionId = region, EndsLocal = GovSite.Common.ChinaTime.ToLocal(DateTime.UtcNow).AddHours(6), Reason = "全国哀悼日",
            });
            result.Succeeded.ShouldBeTrue(string.Join("；", result.Errors.All.SelectMany(e => e.Value)));
            return result.Value!;
        });
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/")).ShouldContain(Grey);
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.DepartmentCode}/services")).ShouldContain(Grey);
        (await visitor.GetStringAsync($"/sites/{elsewhere.Code}/")).ShouldNotContain(Grey);

        // Time passes: the period's end is in the past, and the job queued for that moment tells every node.
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().MourningPeriods.Where(p => p.Id == period.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EndsAt, DateTime.UtcNow.AddSeconds(-1))));
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/")).ShouldContain(Grey, customMessage: "still cached until the end is announced");
        var payload = period.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ends = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Jobs.Where(j => j.Type == MourningService.EdgeJob && j.Payload == payload).ToListAsync());
        ends.ShouldHaveSingleItem().RunAt.ShouldBe(period.EndsAt, TimeSpan.FromSeconds(1));
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Jobs.Where(j => j.Type == MourningService.EdgeJob && j.Payload == payload)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RunAt, DateTime.UtcNow.AddSeconds(-1))));
        await app.Services.GetRequiredService<JobWorker>().RunDueAsync(default);
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/")).ShouldNotContain(Grey);
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.DepartmentCode}/services")).ShouldNotContain(Grey);
    }

    [Fact]
    public async Task Only_those_over_the_region_may_set_it_and_the_period_must_end_by_itself()
    {
        var (region, _) = await RegionsAsync();
        await app.CreateUserAsync("region-supervisor", ServicesFactory.Password, (Role.Supervisor, null));
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var user = await db.Users.Include(u => u.Grants).SingleAsync(u => u.UserName == "region-supervisor");
            user.Grants.Single().RegionId = region;
            await db.SaveChangesAsync();
            return 0;
        });
        var input = new MourningInput { RegionId = region, EndsLocal = GovSite.Common.ChinaTime.ToLocal(DateTime.UtcNow).AddHours(1), Reason = "国家公祭日" };
        (await app.AsUserAsync("svc-admin", sp => sp.GetRequiredService<MourningService>().StartAsync(input))).Forbidden.ShouldBeTrue();
        (await app.AsUserAsync("region-supervisor", sp => sp.GetRequiredService<MourningService>().StartAsync(new MourningInput { RegionId = null, EndsLocal = input.EndsLocal, Reason = "x" })))
            .Forbidden.ShouldBeTrue("the whole platform is for platform admins");
        var noEnd = await app.AsUserAsync("region-supervisor", sp => sp.GetRequiredService<MourningService>().StartAsync(new MourningInput { RegionId = region, Reason = "国家公祭日" }));
        noEnd.Errors.ToDictionary()["EndsLocal"][0].ShouldContain("自动结束");
        var tooLong = await app.AsUserAsync("region-supervisor", sp => sp.GetRequiredService<MourningService>().StartAsync(new MourningInput
        {
            RegionId = region, Reason = "国家公祭日", EndsLocal = GovSite.Common.ChinaTime.ToLocal(DateTime.UtcNow).AddDays(30),
        }));
        tooLong.Errors.ToDictionary()["EndsLocal"][0].ShouldContain("最长");
        var done = await app.AsUserAsync("region-supervisor", sp => sp.GetRequiredService<MourningService>().StartAsync(input));
        done.Succeeded.ShouldBeTrue();
        (await app.AsUserAsync("region-supervisor", sp => sp.GetRequiredService<MourningService>().EndAsync(done.Value!.Id))).Succeeded.ShouldBeTrue();

        using var admin = await PublicTestHelpers.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        var page = await admin.GetStringAsync("/admin/mourning");
        page.ShouldContain("全平台所有网站");
        page.ShouldContain("国家公祭日");
        using var siteAdmin = await PublicTestHelpers.SignInAsync(app, "svc-admin", ServicesFactory.Password);
        (await siteAdmin.GetAsync("/admin/mourning")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

/// <summary>The static export holds the catalogue and its guides, and follows 哀悼日, byte for byte the dynamic pages.</summary>
public class ServiceExportTests(ExportFixture app) : IClassFixture<ExportFixture>
{
    private async Task<string> DynamicAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Host = ExportFixture.Host;
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync(path));
    }

    private string Exported(string file) => File.ReadAllText(Path.Combine(app.SiteDir, file));

    [Fact]
    public async Task The_catalogue_and_guides_are_exported_and_follow_mourning_there_and_back()
    {
        await app.AsSystemAsync(async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            if (!await sp.GetRequiredService<GovSiteDb>().ServiceItems.AnyAsync(i => i.Code == "X001"))
            {
                var created = await editor.CreateAsync(app.Site.Id, ServicesFactory.CompleteGuide("X001", "出口退税备案"));
                await editor.ActAsync(created.Value!.Id, ServiceAction.Submit, null);
                (await editor.ActAsync(created.Value.Id, ServiceAction.Approve, null)).Succeeded.ShouldBeTrue();
            }
            return 0;
        });
        await app.WaitForReExportAsync();
        await app.ExportAllAsync();
        var files = ExportManifest.Read(app.SiteDir)!.Files.Select(f => f.Path).ToList();
        files.ShouldContain("services/index.html");
        files.ShouldContain("services/X001/index.html");
        files.ShouldContain("services/theme/社会保障/index.html");
        files.ShouldContain("services/for/person/index.html");
        files.ShouldContain("services/department/测试服务市民政局/index.html");
        files.ShouldContain("services/rss.xml");
        Exported("services/rss.xml").ShouldBe(await DynamicAsync("/services/rss.xml"));
        Exported("services/rss.xml").ShouldContain("出口退税备案");
        foreach (var (path, file) in new[] { ("/services/X001", "services/X001/index.html"), ("/services", "services/index.html"), ("/", "index.html") })
        {
            Exported(file).ShouldBe(await DynamicAsync(path), path);
        }

        var region = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Id == app.Site.Id).Select(s => s.RegionId).SingleAsync());
        var period = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<MourningService>().StartAsync(new MourningInput
        {
            RegionId = region, EndsLocal = GovSite.Common.ChinaTime.ToLocal(DateTime.UtcNow).AddHours(2), Reason = "全国哀悼日",
        })).Value!);
        await app.WaitForReExportAsync();
        foreach (var (path, file) in new[] { ("/services/X001", "services/X001/index.html"), ("/", "index.html"), ($"/columns/{app.NewsColumnId}", $"columns/{app.NewsColumnId}/index.html") })
        {
            var exported = Exported(file);
            exported.ShouldContain("class=\"mourning\"", customMessage: file);
            exported.ShouldBe(await DynamicAsync(path), path);
        }
        var articles = Directory.EnumerateFiles(Path.Combine(app.SiteDir, "articles"), "index.html", SearchOption.AllDirectories).ToList();
        articles.ShouldAllBe(a => File.ReadAllText(a).Contains("class=\"mourning\"", StringComparison.Ordinal));

        await app.AsSystemAsync(sp => sp.GetRequiredService<MourningService>().EndAsync(period.Id));
        await app.WaitForReExportAsync();
        Exported("index.html").ShouldNotContain("class=\"mourning\"");
        Exported("services/X001/index.html").ShouldBe(await DynamicAsync("/services/X001"));
    }
}
