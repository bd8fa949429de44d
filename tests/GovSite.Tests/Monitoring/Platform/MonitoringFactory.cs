using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Tests.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Monitoring.Platform;

/// <summary>
/// The checker is written on another branch; here it is a deterministic double at its seam. A
/// URL listed in <see cref="Reports"/> gets that report; any other gets a clean pass.
/// </summary>
public sealed class FixedSiteChecker : ISiteChecker
{
    public ConcurrentDictionary<string, SiteReport> Reports { get; } = new();
    public ConcurrentBag<(string Url, DateOnly AsOf)> Calls { get; } = [];

    /// <summary>The site kind each URL was last checked with (null: left to the checker).</summary>
    public ConcurrentDictionary<string, SiteKind?> Kinds { get; } = new();

    /// <summary>URLs whose check throws, with the message.</summary>
    public ConcurrentDictionary<string, string> Failing { get; } = new();

    /// <summary>
    /// The platform checks a hosted site through its own address (/sites/{code}/ on loopback); the
    /// double answers by the site's public address, which the tests know.
    /// </summary>
    public Func<string, string>? PublicUrl { get; set; }

    public Task<SiteReport> CheckAsync(string url, CheckOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        url = PublicUrl?.Invoke(url) ?? url;
        Calls.Add((url, options.AsOf));
        Kinds[url] = options.Kind;
        if (Failing.TryGetValue(url, out var message))
        {
            throw new HttpRequestException(message);
        }
        return Task.FromResult(Reports.TryGetValue(url, out var report)
            ? report with { Url = url }
            : new SiteReport { Url = url, Verdict = "pass", Score = 92 });
    }
}

/// <summary>
/// GovSite with the demo region, a fake clock, the checker double, and the monitor's outgoing
/// HTTP sent into the app itself (hosted sites answer by Host header, as in production).
/// </summary>
public class MonitoringFactory : GovSiteFactory
{
    public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public FixedSiteChecker Checker { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<ISiteChecker>(Checker);
            s.AddHttpClient(MonitoringOptions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Checker.PublicUrl = url =>
        {
            var m = Regex.Match(url, "/sites/([^/]+)/$");
            if (!m.Success)
            {
                return url;
            }
            using var scope = Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            var code = m.Groups[1].Value;
            return db.MonitoredSites.Where(x => x.SiteId != null && db.Sites.Any(site => site.Id == x.SiteId && site.Code == code))
                .Select(x => x.Url).FirstOrDefault() ?? url;
        };
    }

    /// <summary>Runs every due job until none is left.</summary>
    public async Task<int> RunJobsAsync()
    {
        var worker = Services.GetRequiredService<JobWorker>();
        var total = 0;
        int ran;
        while ((ran = await worker.RunDueAsync(CancellationToken.None)) > 0)
        {
            total += ran;
        }
        return total;
    }

    public Task<int> ScheduleAsync() => Services.GetRequiredService<MonitoringScheduler>().TickAsync(CancellationToken.None);

    /// <summary>Signs in through the login form, so pages see a cookie like a person's browser.</summary>
    public async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Token(form),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    public static string Token(string form) =>
        Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    public Task<User> CreateSupervisorAsync(string userName, string password, int regionId) =>
        AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var user = new User { UserName = userName, DisplayName = userName, CreatedAt = DateTime.UtcNow };
            user.PasswordHash = AccountService.HashPassword(user, password);
            user.Grants.Add(new RoleGrant { Role = Role.Supervisor, RegionId = regionId });
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return user;
        });
}
