using System.Collections.Concurrent;
using System.Diagnostics;
using GovSite.Monitoring;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>The second farm served on loopback and checked once, every site in parallel; the tests read the reports.</summary>
public sealed class Farm2Fixture : IAsyncLifetime
{
    public Farm2Server Farm { get; private set; } = null!;
    public List<SiteModel> Sites => Farm.Sites;
    public Dictionary<string, SiteReport> Reports { get; } = [];

    /// <summary>Sites whose check threw (or did not finish): slug → what happened.</summary>
    public Dictionary<string, string> Crashes { get; } = [];

    public Dictionary<string, Expectation> Expected { get; } = [];
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        Farm = await Farm2Server.StartAsync();
        foreach (var site in Sites)
        {
            Expected[site.Slug] = Farm.Expect(site);
        }
        using var handler = Fetcher.DefaultHandler();
        var checker = new SiteChecker(handler, CrawlLimits.Loopback, TimeProvider.System);
        var options = new CheckOptions(Catalogue.AsOf, MaxPages: 2000, AvailabilityProbes: 2);
        var reports = new ConcurrentDictionary<string, SiteReport>();
        var crashes = new ConcurrentDictionary<string, string>();
        // A bound on the whole run so a hanging check fails the tests instead of stalling them.
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Sites, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (site, _) =>
        {
            try
            {
                reports[site.Slug] = await checker.CheckAsync(Farm.UrlOf(site), options, null, bound.Token);
            }
            catch (Exception e)
            {
                crashes[site.Slug] = $"{e.GetType().Name}: {e.Message}";
            }
        });
        Elapsed = clock.Elapsed;
        foreach (var (slug, report) in reports)
        {
            Reports[slug] = report;
        }
        foreach (var (slug, crash) in crashes)
        {
            Crashes[slug] = crash;
        }
    }

    public async Task DisposeAsync() => await Farm.DisposeAsync();
}
