using GovSite.Monitoring.Platform;

namespace GovSite.Monitoring;

public static class MonitoringSetup
{
    /// <summary>The checker, with the real network behind it and polite per-host limits.</summary>
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        // The platform (monitored sites, schedules, reports) is the checker's sub-feature.
        builder.AddMonitoringPlatform();
        builder.Services.AddSingleton<ISiteChecker>(sp =>
            new SiteChecker(Fetcher.DefaultHandler(), CrawlLimits.Default, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app) => app.MapMonitoringPlatform();
}
