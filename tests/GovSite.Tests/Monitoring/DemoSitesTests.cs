using GovSite.Common;
using GovSite.Demo;
using GovSite.Monitoring;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace GovSite.Tests.Monitoring;

/// <summary>
/// "Sites the checker has never seen": GovSite's own public pages on a real port, with the demo
/// region's planted facts, plus two new hosted sites with real vetoes. The footer's national
/// links (beian, conac, 找错) go to a loopback stand-in for the internet, since tests have no network.
/// </summary>
public sealed class DemoSitesFixture : GovSiteFactory
{
    public const string EmptySiteCode = "3501000081";
    public const string MisspeltSiteCode = "3501000082";
    public static readonly IReadOnlyList<string> DemoCodes = DemoRegion.SiteCodes;

    public DateOnly AsOf { get; } = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    public string BaseUrl { get; private set; } = "";
    public Dictionary<string, SiteReport> Reports { get; } = [];
    public List<string> PlantedBroken { get; } = [];
    private WebApplication _internet = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        // The rest of the internet: everything exists except paths under /gone.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _internet = builder.Build();
        _internet.Run(context =>
        {
            context.Response.StatusCode = context.Request.Path.StartsWithSegments("/gone") ? 404 : 200;
            return Task.CompletedTask;
        });
        await _internet.StartAsync();
        var internet = _internet.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        var empty = await CreateSiteAsync(EmptySiteCode, "测试监测空站点市人民政府", SiteType.Portal, "www.empty.monitor.test.gov.cn");
        var misspelt = await CreateSiteAsync(MisspeltSiteCode, "测试监测错字市人民政府", SiteType.Portal, "www.typo.monitor.test.gov.cn");
        var news = await ColumnIdAsync(misspelt.Id, "要闻动态");
        var reformNews = await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            var site = db.Sites.Single(s => s.Code == DemoRegion.DevelopmentReformCode);
            return (site.Id, db.Columns.Single(c => c.SiteId == site.Id && c.Name == "工作动态").Id);
        });
        var yesterday = AsOf.AddDays(-1).ToDateTime(new TimeOnly(10, 0));
        PlantedBroken.Add($"{BaseUrl}/sites/{DemoRegion.DevelopmentReformCode}/articles/987654");
        PlantedBroken.Add("https://gone.example.gov.cn/gone/report.pdf");
        await AsSystemAsync(async sp =>
        {
            var articles = sp.GetRequiredService<ArticleService>();
            // A misspelling on a live page: the quality gate would stop it today, so it is planted in
            // the database as content from before the gate (or from a site the platform does not host) is.
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            var planted = new Article
            {
                SiteId = misspelt.Id, ColumnId = news, Title = "市政府召开常务会议", Status = ArticleStatus.Published,
                Body = "<p>会议传达学习了中华人民共和囯有关法律，部署下一阶段工作。</p>",
                PublishedAt = ChinaTime.ToUtc(yesterday), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            planted.Item = GovSite.Publishing.Library.LibraryService.FromArticle(planted);
            db.Articles.Add(planted);
            await db.SaveChangesAsync();
            await articles.SaveAsync(reformNews.Item1, null, new ArticleInput
            {
                Publish = true,
                ColumnId = reformNews.Item2,
                Title = "省发展改革委召开重点项目调度会",
                Body = $"<p>会议调度了重点项目进展。详见<a href=\"{PlantedBroken[0]}\">项目清单</a>和<a href=\"{PlantedBroken[1]}\">报告</a>。</p>",
                PublishedAt = yesterday,
            });
            return 0;
        });

        using var handler = new ToLoopback(internet, BaseUrl);
        var checker = new SiteChecker(handler, CrawlLimits.Loopback, TimeProvider.System);
        foreach (var code in DemoCodes.Append(EmptySiteCode).Append(MisspeltSiteCode))
        {
            Reports[code] = await checker.CheckAsync($"{BaseUrl}/sites/{code}/", new CheckOptions(AsOf, AvailabilityProbes: 2), null, default);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_internet is not null)
        {
            await _internet.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    /// <summary>Sends every request that is not for GovSite itself to the loopback internet, path and all.</summary>
    private sealed class ToLoopback(string internet, string govsite) : DelegatingHandler(Fetcher.DefaultHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (!request.RequestUri!.AbsoluteUri.StartsWith(govsite, StringComparison.Ordinal))
            {
                request.RequestUri = new Uri(internet + request.RequestUri.PathAndQuery);
            }
            return base.SendAsync(request, ct);
        }
    }
}

public sealed class DemoSitesTests(DemoSitesFixture demo, ITestOutputHelper output) : IClassFixture<DemoSitesFixture>
{
    [Fact]
    public void All_five_demo_sites_pass_and_the_two_planted_sites_fail_for_the_right_reasons()
    {
        foreach (var code in DemoSitesFixture.DemoCodes)
        {
            var r = demo.Reports[code];
            output.WriteLine($"{code} {r.Name} {r.Verdict} {r.Score} {string.Join(",", r.Vetoes.Select(v => v.Code))}");
            r.Vetoes.ShouldBeEmpty($"{code}: {string.Join("; ", r.Vetoes.Select(v => v.Detail))}");
            r.Verdict.ShouldBe("pass");
            r.IdentifierCode.ShouldBe(code);
            r.Findings.Where(f => f.Code is "missing_footer_item" or "missing_meta_tag" or "invalid_identifier_code")
                .Select(f => $"{f.Code} {f.Detail} @ {f.Url}").ShouldBeEmpty(code);
        }
        var empty = demo.Reports[DemoSitesFixture.EmptySiteCode];
        output.WriteLine($"empty: {string.Join(",", empty.Vetoes.Select(v => v.Code))}");
        empty.Verdict.ShouldBe("fail");
        empty.Vetoes.Select(v => v.Code).Order().ShouldBe(["columns_empty", "homepage_stale"]);
        var misspelt = demo.Reports[DemoSitesFixture.MisspeltSiteCode];
        output.WriteLine($"misspelt: {string.Join(",", misspelt.Vetoes.Select(v => v.Code))}");
        misspelt.Vetoes.Select(v => v.Code).Order().ShouldBe(["columns_empty", "serious_error"]);
        misspelt.Vetoes.Single(v => v.Code == "serious_error").Detail.ShouldContain("中华人民共和囯");
    }

    [Fact]
    public void The_demo_facts_are_read_from_GovSite_pages()
    {
        var hr = demo.Reports[DemoRegion.HumanResourcesCode].Columns.Single(c => c.Name == "工作动态");
        hr.Type.ShouldBe("news");
        hr.Latest.ShouldBe(Iso(demo.AsOf.AddDays(-DemoProfiles.StaleNewsDaysAgo)));
        hr.Stale.ShouldBeTrue();

        var education = demo.Reports[DemoRegion.EducationCode].Columns;
        education.Single(c => c.Name == DemoProfiles.EmptyColumnName).ShouldSatisfyAllConditions(c => c.Empty.ShouldBeTrue(), c => c.Type.ShouldBe("personnel"));
        var planning = education.Single(c => c.Name == "规划计划");
        planning.Type.ShouldBe("planning");
        planning.Latest.ShouldBe(Iso(demo.AsOf.AddDays(-395)));
        planning.Stale.ShouldBeTrue();

        var guides = demo.Reports[DemoRegion.CountyPortalCode].Findings.Where(f => f.Code == "service_guide_incomplete").ToList();
        guides.Count.ShouldBe(1);
        guides[0].Severity.ShouldBe("deduction");
        guides[0].Detail.ShouldContain("设定依据、收费标准、办理时间、联系电话");

        // Column types from GovSite's standard names.
        var portal = demo.Reports[DemoRegion.ProvincialPortalCode].Columns.ToDictionary(c => c.Name, c => c.Type);
        portal["要闻动态"].ShouldBe("news");
        portal["通知公告"].ShouldBe("notice");
        portal["政策文件"].ShouldBe("policy");
        portal["政策解读"].ShouldBe("interpretation");
        portal["领导信箱"].ShouldBe("interaction");
        portal["办事指南"].ShouldBe("service");
        portal["机构概况"].ShouldBe("overview");
    }

    [Fact]
    public void Planted_broken_links_on_a_GovSite_page_are_found_and_nothing_else()
    {
        var found = DemoSitesFixture.DemoCodes.SelectMany(c => demo.Reports[c].BrokenLinks).Select(b => b.Url).ToHashSet();
        output.WriteLine(string.Join("\n", found));
        found.SetEquals(demo.PlantedBroken).ShouldBeTrue(string.Join(", ", found));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
