using GovSite.Accounts;
using GovSite.AnnualReports;
using GovSite.Admin;
using GovSite.Audit;
using GovSite.Calendar;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Disclosure;
using GovSite.ErrorReports;
using GovSite.Monitoring;
using GovSite.Notifications;
using GovSite.Observability;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.PublicSite;
using GovSite.PublicSite.StaticExport;
using GovSite.Search;
using GovSite.Security;
using GovSite.Citizens;
using GovSite.Services;
using GovSite.Sites;
using GovSite.Visits;
using GovSite.Supervision;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace GovSite;

/// <summary>The table of contents: each feature registers its services and maps its endpoints.</summary>
public static class GovSiteApp
{
    /// <summary>
    /// The npm libraries copied beside the program at build (see GovSite.csproj), served at /lib
    /// (their URLs carry the version) and copied by the static export.
    /// </summary>
    public static Microsoft.Extensions.FileProviders.IFileProvider Libraries => LibraryFiles.Value;

    private static readonly Lazy<Microsoft.Extensions.FileProviders.PhysicalFileProvider> LibraryFiles =
        new(() => new(Path.Combine(AppContext.BaseDirectory, "lib")));

    /// <summary>Largest request body for forms and JSON (uploads get their own limit).</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>Longest request line (method, address with its query string): a search of a few thousand characters still reaches the page.</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>Largest total of request headers (a Referer may carry a long search address).</summary>
    public const int MaxRequestHeaderBytes = MaxRequestLineBytes + 32 * 1024;

    /// <param name="background">
    /// False for a command-line run that uses the app only to render or query (publish-static):
    /// GovSite's own hosted services other than the schema check are left out, so the command does
    /// its one job and not a share of the job queue, the monitoring schedule or the listeners.
    /// </param>
    public static WebApplication Build(string[] args, bool background = true)
    {
        var app = Create(args, background);
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>
    /// The app with its services but without middleware or endpoints: what a command needs that
    /// renders in code (publish-static) and builds the pipeline only if it must (<see cref="ConfigurePipeline"/>).
    /// </summary>
    public static WebApplication Create(string[] args, bool background = true)
    {
        // Run from anywhere (`dotnet path/to/govsite.dll`): without appsettings.json in the working
        // directory, the content root is the program's own directory. Tests set their own root.
        var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? null
            : AppContext.BaseDirectory;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = contentRoot,
            // The app is govsite whichever program hosts it (a bench, say): names its static-asset manifest.
            ApplicationName = typeof(GovSiteApp).Assembly.GetName().Name,
        });
        // First of the hosted services: the schema, the first admin and the demo before anything else
        // starts. Registered before the web defaults, whose Razor Pages and antiforgery bring Data
        // Protection's own hosted service, which reads the key ring from the database at start.
        builder.Services.AddHostedService<StartupWork>();
        builder.AddWebDefaults();
        builder.AddData();
        builder.AddAccounts();
        builder.AddSecurity();
        builder.AddSites();
        builder.AddPublishing();
        builder.AddPublicSite();
        builder.AddAdmin();
        builder.AddMonitoring();
        builder.AddCalendar();
        builder.AddInteraction();
        builder.AddSearch();
        builder.AddSupervision();
        builder.AddDisclosure();
        builder.AddErrorReports();
        builder.AddNotifications();
        builder.AddAudit();
        builder.AddVisits();
        builder.AddAnnualReports();
        builder.AddServices();
        builder.AddCitizens();
        builder.AddObservability();

        if (!background)
        {
            // "Now listening on 127.0.0.1:…" means nothing to someone running a command.
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            var own = builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType != typeof(StartupWork)
                && (d.ImplementationType ?? d.ImplementationFactory?.Method.DeclaringType)?.Assembly == typeof(GovSiteApp).Assembly).ToList();
            foreach (var descriptor in own)
            {
                builder.Services.Remove(descriptor);
            }
            // No sockets: should a command need the pipeline (PageRenderer's fallback), it renders
            // in-process. And the schema check runs beside the pipeline's construction, on the other core.
            builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.Server.IServer, InProcessOnlyServer>();
            builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        }
        var app = builder.Build();
        // EF Core builds its model on first use, a few hundred milliseconds (mostly JIT): start that
        // now on another core, while the pipeline and endpoints are put together. The schema check
        // at start-up then finds it built (or waits for it).
        _ = Task.Run(() =>
        {
            using var scope = app.Services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<GovSiteDb>().Model;
        });
        return app;
    }

    /// <summary>Middleware and endpoints, once, before the app starts.</summary>
    public static void ConfigurePipeline(WebApplication app)
    {
        // Behind a TLS-terminating proxy on this machine (nginx), pages and feeds link with https, and
        // the client's address is the visitor's (rate limits, 热门搜索's distinct visitors), not the
        // proxy's. Only loopback proxies are believed (the options' defaults).
        // A request line or headers longer than the app takes get a Chinese answer, not Kestrel's blank one.
        app.UseMiddleware<OversizedRequests>();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor });
        // Every response and every log line of a request carries its id (X-Request-Id).
        app.UseRequestIds();
        // Every response, a cached page's included, carries the security headers (CSP, nosniff, …).
        app.UseSecurityHeaders();
        // Cached public pages are answered here, before anything below runs for them.
        app.UseMiddleware<PublicPageCacheMiddleware>();
        // The counting script's requests too (Visits/): one per page view, so they skip the rest.
        app.UseVisitCounting();
        // The static export renders pages through everything from here on.
        PageRenderer.UsePageRenderer(app);
        app.UseStatusCodePages(ProblemResponses.StatusCodePage);
        app.UseExceptionHandler();
        app.UseSiteResolution();
        // A temporarily offline or closed site answers with its notice and redirects, and nothing else.
        app.UseSiteLifecycle();
        // Routing runs after site resolution so that /sites/{code}/… is matched without its prefix.
        app.UseRouting();
        app.UseMiddleware<BadRequests>();
        app.UseAuthentication();
        app.UseSiteAccess();
        app.UseAuthorization();
        // Runs PublicPageCachePolicy once routing has chosen a page; PublicPageCacheMiddleware stores.
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseAntiforgery();

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Libraries,
            RequestPath = "/lib",
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        app.MapObservability();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Readiness (and /healthz, its older name) asks the database: a load balancer stops sending
        // requests to a node that cannot reach it. Liveness asks nothing: the process answers, so a
        // database outage does not make the supervisor restart every node.
        app.MapHealthChecks("/healthz", HealthOptions(_ => true));
        app.MapHealthChecks("/health/ready", HealthOptions(_ => true));
        app.MapHealthChecks("/health/live", HealthOptions(_ => false));
        app.MapAccounts();
        app.MapSites();
        app.MapPublishing();
        app.MapAdmin();
        app.MapMonitoring();
        app.MapCalendar();
        app.MapInteraction();
        app.MapSearch();
        app.MapVisits();
        app.MapAnnualReports();
        app.MapSupervision();
        app.MapServices();
        app.MapCitizens();
        app.MapDisclosure();
        app.MapErrorReports();
        app.MapPublicSite();
        // Page links to ~/css and ~/js resolve to fingerprinted URLs that are cached for a year.
        app.MapRazorPages().WithStaticAssets();
    }

    private static HealthCheckOptions HealthOptions(Func<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration, bool> checks) => new()
    {
        Predicate = checks,
        ResultStatusCodes =
        {
            [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
            [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK,
            [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

}

/// <summary>
/// Schema, first admin and the demo region on an empty database, then the list of site URLs.
/// A hosted service so that it finishes before the server accepts requests, in tests too.
/// </summary>
public sealed class StartupWork(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // SQLite's async calls complete synchronously: without this the schema check would run
        // before the host moves on, even when hosted services start concurrently (command line).
        await Task.Yield();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        await DataSetup.MigrateAsync(db, cancellationToken);
        var password = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .EnsureAdminAsync(configuration["GOVSITE_ADMIN_PASSWORD"], cancellationToken);
        if (password is not null)
        {
            Console.WriteLine($"已创建平台管理员 admin，初始密码（仅显示这一次）：{password}");
        }
        string? demoPassword = null;
        var demoSeeded = false;
        if (!configuration.GetValue("GOVSITE_NO_DEMO", false) && await DemoRegion.SeedIfEmptyAsync(scope.ServiceProvider, cancellationToken))
        {
            demoSeeded = true;
            demoPassword = await DemoAccounts.SeedAsync(db, configuration["GOVSITE_DEMO_PASSWORD"],
                scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
            // Letters, consultations and work in progress need the accounts: each step is taken as the person who would take it.
            await DemoInteraction.SeedAsync(services, cancellationToken);
            await DemoWorkflow.SeedAsync(services, cancellationToken);
        }
        if (configuration.GetValue("GOVSITE_QUIET", false))
        {
            return;
        }
        var baseUrl = (configuration["urls"] ?? "http://localhost:5080").Split(';')[0].TrimEnd('/');
        var directory = services.GetRequiredService<SiteDirectory>();
        Console.WriteLine($"GovSite 后台：{baseUrl}/admin");
        foreach (var site in directory.All.Take(50))
        {
            Console.WriteLine($"  {site.Name}  {baseUrl}/sites/{site.Code}/  ({site.MainHost})");
        }
        if (directory.All.Count > 50)
        {
            Console.WriteLine($"  ……共 {directory.All.Count} 个网站");
        }
        if (demoSeeded)
        {
            Console.WriteLine(demoPassword is null
                ? "演示账号（密码为 GOVSITE_DEMO_PASSWORD 的值）："
                : $"演示账号，密码均为 {demoPassword}（仅显示这一次；首次启动前设置 GOVSITE_DEMO_PASSWORD 可指定）：");
            foreach (var account in DemoAccounts.All)
            {
                Console.WriteLine($"  {account.UserName,-12} {account.Name}  {account.What}");
            }
        }
        if ((password is not null || demoSeeded) && configuration.GetValue("GOVSITE_SECOND_FACTOR_REQUIRED", true))
        {
            Console.WriteLine("两步验证：admin（平台管理员）和 supervisor（监管人员）首次登录时须先绑定验证器——页面显示二维码和密钥，"
                + "用手机验证器扫码，或在没有手机时用任一 TOTP 工具按密钥计算（如 oathtool --totp -b 密钥），之后每次登录输入 6 位验证码。");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The server of a command-line run: nothing listens; pages are rendered in-process.</summary>
internal sealed class InProcessOnlyServer : Microsoft.AspNetCore.Hosting.Server.IServer
{
    public Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();

    public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
