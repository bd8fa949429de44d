using GovSite.Data;
using GovSite.Publishing;

namespace GovSite.Monitoring.Platform;

public sealed class MonitoringOptions
{
    public const string HttpClientName = "monitoring";

    /// <summary>Scheme of hosted sites' public domains (GOVSITE_PUBLIC_SCHEME, default https).</summary>
    public string PublicScheme { get; set; } = "https";

    /// <summary>Base URL of this platform, for hosted sites without a domain.</summary>
    public string PlatformUrl { get; set; } = "http://localhost:5080";

    /// <summary>72 minutes gives the 20 probes a day the national rule asks for; hourly gives 24.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMinutes(60);
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public int MaxPages { get; set; } = 2000;
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan KeepProbes { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Newest articles per hosted site whose pages the tamper check watches.</summary>
    public int TamperArticles { get; set; } = 30;

    /// <summary>
    /// This node's own address for reaching hosted sites when the server does not report one
    /// (GOVSITE_LOOPBACK_URL); normally the listening address is used.
    /// </summary>
    public string? LoopbackUrl { get; set; }

    /// <summary>
    /// Hosts outside the platform that every check may contact (GOVSITE_CHECK_ALLOWED_HOSTS,
    /// comma-separated); other off-site links are checked only for sites whose external link check
    /// is turned on. Empty by default: a fresh install contacts nothing outside the machine.
    /// </summary>
    public IReadOnlySet<string> AllowedHosts { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

public static class MonitoringPlatformSetup
{
    public static WebApplicationBuilder AddMonitoringPlatform(this WebApplicationBuilder builder)
    {
        var options = new MonitoringOptions
        {
            PublicScheme = builder.Configuration["GOVSITE_PUBLIC_SCHEME"] is { Length: > 0 } scheme ? scheme : "https",
            PlatformUrl = (builder.Configuration["GOVSITE_PUBLIC_URL"] is { Length: > 0 } url ? url : builder.Configuration["urls"] ?? "http://localhost:5080").Split(';')[0],
            ProbeInterval = TimeSpan.FromMinutes(builder.Configuration.GetValue("GOVSITE_PROBE_INTERVAL_MINUTES", 60)),
            LoopbackUrl = builder.Configuration["GOVSITE_LOOPBACK_URL"],
            AllowedHosts = new HashSet<string>((builder.Configuration["GOVSITE_CHECK_ALLOWED_HOSTS"] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase),
        };
        if (options.ProbeInterval > TimeSpan.FromMinutes(72) || options.ProbeInterval < TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException("GOVSITE_PROBE_INTERVAL_MINUTES must be 1–72: the national rule asks for at least 20 probes a day");
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<MonitoredSiteRegistry>();
        builder.Services.AddSingleton<HostedSiteRoute>();
        builder.Services.AddScoped<TamperWatch>();
        builder.Services.AddScoped<IArticleObserver, PublishEventRecorder>();
        builder.Services.AddHttpClient(MonitoringOptions.HttpClientName, c =>
        {
            // Per-request limits (15 s probes, page fetches) are set by the callers.
            c.Timeout = Timeout.InfiniteTimeSpan;
            c.DefaultRequestHeaders.UserAgent.ParseAdd("GovSite-Monitor/1.0 (+government website monitoring)");
        });
        builder.AddJobHandler<CheckSiteJob>(MonitoringJobTypes.Check);
        builder.AddJobHandler<ProbeSiteJob>(MonitoringJobTypes.Probe);
        builder.AddJobHandler<TamperCheckJob>(MonitoringJobTypes.Tamper);
        builder.Services.AddSingleton<MonitoringScheduler>();
        if (!JobQueueSetup.WorkersDisabled(builder.Configuration))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<MonitoringScheduler>());
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapMonitoringPlatform(this IEndpointRouteBuilder app)
    {
        // The back-office pages are Razor Pages under Monitoring/Platform/Admin; the report download is plain JSON.
        app.MapGet("/admin/monitoring/runs/{id:int}/report.json", MonitoringEndpoints.ReportAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
