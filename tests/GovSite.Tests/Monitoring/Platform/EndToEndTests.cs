using System.Net;
using System.Text.Json;
using GovSite.Common;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Publishing;
using GovSite.Tests.Monitoring.Farm;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Monitoring.Platform;

/// <summary>
/// Sends loopback requests (the farm) over real sockets and every other host (the hosted demo
/// sites, by Host header) into the app itself, as a production node reaches both.
/// </summary>
public sealed class FarmAndAppHandler(HttpMessageHandler app) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = true })
{
    private readonly HttpMessageInvoker _app = new(app);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
        request.RequestUri!.IsLoopback ? base.SendAsync(request, ct) : _app.SendAsync(request, ct);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>The platform with the real checker, and three farm sites on loopback dated for tomorrow's checks.</summary>
public sealed class RealCheckerFactory : MonitoringFactory
{
    public FarmServer Farm { get; private set; } = null!;
    public List<FarmSite> Sites { get; } = [];
    public DateOnly CheckDate { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<ISiteChecker>(sp => new SiteChecker(
                new FarmAndAppHandler(((TestServer)sp.GetRequiredService<IServer>()).CreateHandler()), CrawlLimits.Loopback, TimeProvider.System));
            s.AddHttpClient(MonitoringOptions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => new FarmAndAppHandler(((TestServer)sp.GetRequiredService<IServer>()).CreateHandler()));
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Checks scheduled today run once the clock reaches tomorrow: the farm is dated for then.
        CheckDate = DateOnly.FromDateTime(ChinaTime.ToLocal(Clock.GetUtcNow().UtcDateTime.AddDays(1)));
        var all = FarmCatalogue.Sites();
        Sites.AddRange(new[] { "云溪市人民政府", "云溪市应急管理局", "南屏市退役军人事务局" }.Select(n => all.Single(s => s.Name == n)));
        Farm = await FarmServer.StartAsync(Sites, CheckDate);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Farm is not null)
        {
            await Farm.DisposeAsync();
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public class EndToEndTests(RealCheckerFactory app) : IClassFixture<RealCheckerFactory>
{
    [Fact]
    public async Task The_scheduler_runs_the_real_checker_on_watched_sites_keeps_each_run_and_shows_its_findings()
    {
        var ids = new Dictionary<string, int>();
        foreach (var site in app.Sites)
        {
            ids[site.Name] = await app.AsSystemAsync(async sp =>
            {
                var region = await sp.GetRequiredService<GovSiteDb>().Regions.OrderBy(r => r.Id).FirstAsync();
                var added = await sp.GetRequiredService<MonitoredSiteRegistry>().AddAsync(
                    new MonitoredSiteInput { Url = app.Farm.UrlOf(site), Name = site.Name, RegionCode = region.Code });
                added.Succeeded.ShouldBeTrue();
                return added.Value!.Id;
            });
        }
        (await app.ScheduleAsync()).ShouldBeGreaterThan(0);
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await app.RunJobsAsync()).ShouldBeGreaterThan(0);

        var runs = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().CheckRuns.AsNoTracking()
            .Where(r => ids.Values.Contains(r.MonitoredSiteId)).ToListAsync());
        runs.Count.ShouldBe(3);
        var byName = ids.ToDictionary(p => p.Key, p => runs.Single(r => r.MonitoredSiteId == p.Value));
        foreach (var (name, run) in byName)
        {
            run.AsOf.ShouldBe(app.CheckDate, name);
            run.ColumnCount.ShouldBeGreaterThan(5, name);
        }
        (byName["云溪市人民政府"].Verdict, byName["云溪市人民政府"].VetoCodes, byName["云溪市人民政府"].Score).ShouldBe(("pass", "", 100));
        (byName["云溪市应急管理局"].Verdict, byName["云溪市应急管理局"].VetoCodes).ShouldBe(("fail", VetoCodes.SeriousError));
        (byName["南屏市退役军人事务局"].Verdict, byName["南屏市退役军人事务局"].VetoCodes).ShouldBe(("fail", VetoCodes.InteractionUnresponsive));
        var misspelt = JsonSerializer.Deserialize<SiteReport>(byName["云溪市应急管理局"].Report, CheckReport.Json)!;
        var evidence = app.Farm.Origin + app.Sites[1].ItemPath(0, 0);
        misspelt.Vetoes.Single().Evidence.ShouldContain(evidence);

        // The supervisor's page of the site shows the stored run: the veto, its words and its evidence link.
        using var admin = await app.SignInAsync("admin", GovSiteFactory.AdminPassword);
        var page = await admin.GetAsync($"/admin/monitoring/sites/{ids["云溪市应急管理局"]}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("严重表述错误");
        html.ShouldContain("中华人民共和囯");
        html.ShouldContain($"href=\"{evidence}\"");
        var overview = await admin.GetStringAsync("/admin/monitoring");
        overview.ShouldContain("南屏市退役军人事务局");
    }
}
