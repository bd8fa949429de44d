namespace GovSite.Monitoring;

public static class MonitoringSetup
{
    /// <summary>The checker, with the real network behind it and polite per-host limits.</summary>
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISiteChecker>(sp =>
            new SiteChecker(Fetcher.DefaultHandler(), CrawlLimits.Default, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
