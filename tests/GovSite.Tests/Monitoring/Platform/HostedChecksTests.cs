using System.Collections.Concurrent;
using System.Text.Json;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovSite.Tests.Monitoring.Platform;

/// <summary>Any request off the machine fails, and is written down, as in a sandbox with no way out.</summary>
public sealed class LoopbackOnlyHandler() : DelegatingHandler(Fetcher.DefaultHandler())
{
    public ConcurrentQueue<string> Refused { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!request.RequestUri!.IsLoopback)
        {
            Refused.Enqueue(request.RequestUri.AbsoluteUri);
            throw new HttpRequestException($"outbound traffic refused: {request.RequestUri}");
        }
        return base.SendAsync(request, ct);
    }
}

/// <summary>The demo on a real port, its checks made by the platform's own jobs with the internet refused.</summary>
public sealed class HostedChecksFactory : GovSiteFactory
{
    public LoopbackOnlyHandler Outbound { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GOVSITE_NO_WORKERS", "true");
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<ISiteChecker>(sp => new SiteChecker(Outbound, CrawlLimits.Loopback, TimeProvider.System));
            s.AddHttpClient(MonitoringOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackOnlyHandler());
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
    }
}

public sealed class HostedChecksTests(HostedChecksFactory app, ITestOutputHelper output) : IClassFixture<HostedChecksFactory>
{
    [Fact]
    public async Task Hosted_sites_are_checked_through_the_platform_and_reported_in_their_public_address_with_nothing_sent_off_the_machine()
    {
        var sites = await app.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync();
            return await sp.GetRequiredService<GovSiteDb>().MonitoredSites.AsNoTracking().Where(m => m.SiteId != null).ToListAsync();
        });
        sites.Count.ShouldBeGreaterThanOrEqualTo(DemoRegion.SiteCodes.Count);
        // Hosted sites' off-site links are not checked unless someone turns that on.
        sites.ShouldAllBe(m => !m.CheckExternalLinks);
        foreach (var site in sites)
        {
            await app.AsSystemAsync(async sp =>
            {
                var job = ActivatorUtilities.CreateInstance<CheckSiteJob>(sp);
                await job.HandleAsync(new Job { Type = MonitoringJobTypes.Check, Payload = site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Attempts = 1, MaxAttempts = 3 }, default);
                var probe = ActivatorUtilities.CreateInstance<ProbeSiteJob>(sp);
                await probe.HandleAsync(new Job { Type = MonitoringJobTypes.Probe, Payload = site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Attempts = 1, MaxAttempts = 3 }, default);
                return 0;
            });
        }
        var runs = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().CheckRuns.AsNoTracking().ToListAsync());
        var probes = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ProbeResults.AsNoTracking().ToListAsync());
        foreach (var site in sites)
        {
            var run = runs.Single(r => r.MonitoredSiteId == site.Id);
            var report = JsonSerializer.Deserialize<SiteReport>(run.Report, CheckReport.Json)!;
            output.WriteLine($"{site.Name} {site.Url}: {run.Verdict} {run.Score} [{run.VetoCodes}] {string.Join("; ", report.Findings.Select(f => f.Code + " " + f.Detail))}");
            run.Verdict.ShouldBe("pass", $"{site.Name}: {run.VetoCodes}");
            report.Url.ShouldBe(site.Url);
            report.Columns.ShouldNotBeEmpty(site.Name);
            report.Columns.ShouldAllBe(c => c.Url.StartsWith(site.Url, StringComparison.Ordinal));
            // GovSite's own interaction page takes letters: a channel, never an empty column.
            report.Columns.Where(c => c.Url.EndsWith("/interaction", StringComparison.Ordinal)).ShouldAllBe(c => !c.Empty && c.Type == "interaction");
            probes.Single(p => p.MonitoredSiteId == site.Id).Ok.ShouldBeTrue(site.Name);
        }
        app.Outbound.Refused.ShouldBeEmpty();
    }
}
