using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using OpenTelemetry.Metrics;

namespace GovSite.Observability;

/// <summary>
/// GovSite's own measurements, beside ASP.NET Core's request count and latency and Npgsql's
/// connection pool: what an operator watches to see a node cope (docs/operations.md).
/// </summary>
public static class GovSiteMetrics
{
    public const string MeterName = "GovSite";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> PageCacheHits = Meter.CreateCounter<long>(
        "govsite.page_cache.hits", description: "Public pages answered from the page cache");

    public static readonly Counter<long> PageCacheMisses = Meter.CreateCounter<long>(
        "govsite.page_cache.misses", description: "Cacheable public pages that had to be rendered");

    public static readonly Counter<long> JobFailures = Meter.CreateCounter<long>(
        "govsite.jobs.failures", description: "Failed attempts of background jobs, by type");

    private static long _queueDepth;

    /// <summary>Jobs due and not yet leased, as this node's worker last counted them (every poll).</summary>
    public static long QueueDepth
    {
        get => Interlocked.Read(ref _queueDepth);
        set => Interlocked.Exchange(ref _queueDepth, value);
    }

    private static readonly ObservableGauge<long> QueueDepthGauge = Meter.CreateObservableGauge(
        "govsite.jobs.queued", () => QueueDepth, description: "Background jobs due and waiting for a worker");

    /// <summary>Makes sure the static instruments exist before the first scrape.</summary>
    internal static void Touch() => _ = QueueDepthGauge;
}

/// <summary>
/// Who may read /metrics: loopback and the networks in GOVSITE_METRICS_ALLOW (comma-separated,
/// CIDR), by default the private networks, as for the back office behind nginx. Anyone else gets
/// 404, as if there were nothing there.
/// </summary>
public sealed class MetricsAccess
{
    public const string Setting = "GOVSITE_METRICS_ALLOW";
    public const string DefaultNetworks = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

    private readonly IPNetwork[] _networks;

    public MetricsAccess(IConfiguration configuration)
    {
        var text = configuration[Setting] is { Length: > 0 } set ? set : DefaultNetworks;
        _networks = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => IPNetwork.TryParse(n, out var network) ? network
                : throw new InvalidOperationException($"{Setting} 中的网段“{n}”无法识别（应为 CIDR，如 10.0.0.0/8）"))];
    }

    /// <summary>No address: a request made inside the process (the test server, the static export).</summary>
    public bool Allows(IPAddress? remote)
    {
        if (remote is null || IPAddress.IsLoopback(remote))
        {
            return true;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        return _networks.Any(n => n.Contains(remote));
    }
}

public static class ObservabilitySetup
{
    /// <summary>
    /// OpenTelemetry metrics (ASP.NET Core requests, GovSite's meter, Npgsql's pool) for a
    /// Prometheus scrape; JSON console logs with scopes when GOVSITE_LOG_FORMAT=json.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        GovSiteMetrics.Touch();
        builder.Services.AddSingleton<MetricsAccess>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(GovSiteMetrics.MeterName, "Npgsql")
            // Finer buckets below 5 ms than ASP.NET Core's default: most public answers come from
            // the page cache or the counting endpoint in well under 5 ms, and an operator (and
            // bench/visits.sh) reads their latency from this histogram.
            .AddView("http.server.request.duration", new OpenTelemetry.Metrics.ExplicitBucketHistogramConfiguration
            {
                Boundaries = [0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
            })
            .AddPrometheusExporter());
        if (string.Equals(builder.Configuration["GOVSITE_LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                // Scopes carry the request id (RequestIds) and the request's path.
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions
                {
                    // Chinese messages stay readable in the journal.
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                };
            });
        }
        return builder;
    }

    /// <summary>The request id first (so every later log line and cached answer carries it), /metrics restricted.</summary>
    public static void UseRequestIds(this WebApplication app) => app.UseMiddleware<RequestIds>();

    public static void MapObservability(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/metrics") && !access.Allows(context.Connection.RemoteIpAddress),
            refused => refused.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.MapPrometheusScrapingEndpoint("/metrics");
    }
}

/// <summary>
/// Gives every request an id: the caller's X-Request-Id when it is a plain token (a proxy's or a
/// load balancer's, so one request can be followed through both logs), else a new one. It is
/// returned as X-Request-Id and is the RequestId of every log line written for the request.
/// </summary>
public sealed class RequestIds(RequestDelegate next, ILogger<RequestIds> log)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[Header].ToString() is { Length: > 0 and <= 64 } given && given.All(IsTokenChar)
            ? given
            : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (log.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            // An access log line at Debug (Logging__LogLevel__GovSite.Observability.RequestIds=Debug):
            // under load, Information for every request would cost more than the request.
            if (log.IsEnabled(LogLevel.Debug))
            {
                log.LogDebug("{Method} {Path} answered {Status} in {Elapsed} ms", context.Request.Method, context.Request.Path.Value,
                    context.Response.StatusCode, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
