using GovSite.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>The demo region, indexed at start-up, with a rate limit high enough for a test class.</summary>
public class SearchFixture : GovSiteFactory
{
    protected virtual int RatePerMinute => 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GOVSITE_SEARCH_RATE", RatePerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<SearchResponse> SearchAsync(SearchRequest request) =>
        AsSystemAsync(sp => sp.GetRequiredService<SearchService>().SearchAsync(request, log: false));
}

/// <summary>A tight limit, so the test can reach it.</summary>
public sealed class RateLimitedSearchFixture : SearchFixture
{
    public const int Limit = 5;

    protected override int RatePerMinute => Limit;
}
