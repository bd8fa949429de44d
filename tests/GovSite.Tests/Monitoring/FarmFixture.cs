using GovSite.Monitoring;
using GovSite.Tests.Monitoring.Farm;

namespace GovSite.Tests.Monitoring;

/// <summary>The farm served on loopback and checked once; the tests read the reports.</summary>
public sealed class FarmFixture : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public FarmServer Farm { get; private set; } = null!;
    public List<FarmSite> Sites { get; } = FarmCatalogue.Sites();
    public Dictionary<string, SiteReport> Reports { get; } = [];
    public Dictionary<string, Expected> Expected { get; } = [];

    public async Task InitializeAsync()
    {
        Farm = await FarmServer.StartAsync(Sites, AsOf);
        using var handler = Fetcher.DefaultHandler();
        var checker = new SiteChecker(handler, CrawlLimits.Loopback, TimeProvider.System);
        var options = new CheckOptions(AsOf, MaxPages: 2000, AvailabilityProbes: 2);
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, SiteReport>();
        await Parallel.ForEachAsync(Sites, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (site, ct) =>
            results[site.Slug] = await checker.CheckAsync(Farm.UrlOf(site), options, null, ct));
        foreach (var site in Sites)
        {
            Reports[site.Slug] = results[site.Slug];
            Expected[site.Slug] = site.Expect(AsOf);
        }
    }

    public async Task DisposeAsync() => await Farm.DisposeAsync();
}
