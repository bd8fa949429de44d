using System.Net.Http.Headers;
using System.Net.Http.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests;

/// <summary>
/// GovSite in-process over a real database. The demo region is seeded as on a first start
/// unless a test class asks for an empty platform.
/// </summary>
public class GovSiteFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin12345x";

    /// <summary>The password of the demo's accounts per role (Demo/DemoAccounts.cs).</summary>
    public const string DemoPassword = "Demo12345x";

    public TestDatabase Database { get; private set; } = null!;

    protected virtual bool SeedDemo => true;

    /// <summary>
    /// Off for the suite at large, whose tests sign in as platform administrators and supervisors
    /// by password; the second factor's own tests (Accounts/SecondFactorTests) turn it on.
    /// </summary>
    protected virtual bool RequireSecondFactor => false;

    /// <summary>The PostgreSQL server the test database is made on (GOVSITE_TEST_PG unless a fixture has its own); null for SQLite.</summary>
    protected virtual string? PostgresServer => TestDatabase.PostgresServer;

    public virtual async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(PostgresServer);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GOVSITE_DATA", Database.DataDirectory);
        if (Database.PostgresConnection is { } pg)
        {
            builder.UseSetting("GOVSITE_DB", pg);
        }
        builder.UseSetting("GOVSITE_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("GOVSITE_DEMO_PASSWORD", DemoPassword);
        builder.UseSetting("GOVSITE_QUIET", "true");
        builder.UseSetting("GOVSITE_NO_DEMO", SeedDemo ? "false" : "true");
        builder.UseSetting("GOVSITE_SECOND_FACTOR_REQUIRED", RequireSecondFactor ? "true" : "false");
        // The in-process test server gives every request the same (absent) client address, so a
        // class's tests together look like one visitor posting hundreds of forms. The public
        // limits are raised here; the tests of the limits (Security/PublicFormLimitTests) lower them.
        foreach (var bucket in GovSite.Security.RateLimitOptions.PublicBuckets)
        {
            builder.UseSetting($"RateLimits:Rules:{bucket}:Limit", "1000000");
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The virtual DisposeAsync, so fixtures that own more (a browser) release it too.
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Runs work with system access in a fresh scope of the running app.</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        return await work(scope.ServiceProvider);
    }

    public HttpClient ClientForHost(string host)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = new();

    /// <summary>One token per user and factory: the token endpoint is rate-limited per client address.</summary>
    public async Task<string> TokenAsync(string userName, string password)
    {
        if (_tokens.TryGetValue(userName + "\n" + password, out var cached))
        {
            return cached;
        }
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return _tokens[userName + "\n" + password] = body!.Token;
    }

    public async Task<HttpClient> ClientWithTokenAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, password));
        return client;
    }

    public Task<HttpClient> AdminClientAsync() => ClientWithTokenAsync("admin", AdminPassword);

    private sealed record TokenBody(string Token);

    /// <summary>Registers a site in a region created for it, with its standard columns.</summary>
    public Task<Site> CreateSiteAsync(string code, string name, SiteType type = SiteType.Department, params string[] domains) =>
        AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var regionCode = code[..6];
            if (!await db.Regions.AnyAsync(r => r.Code == regionCode))
            {
                db.Regions.Add(new Region { Code = regionCode, Name = $"测试地区{regionCode}", Level = RegionLevel.City });
                await db.SaveChangesAsync();
            }
            var region = await db.Regions.FirstAsync(r => r.Code == regionCode);
            var unit = new Organisation { Name = $"{name}办公室", RegionId = region.Id, Phone = "0000-12345678" };
            db.Organisations.Add(unit);
            await db.SaveChangesAsync();
            var result = await sp.GetRequiredService<SiteService>().CreateAsync(new SiteInput
            {
                Code = code,
                Name = name,
                Type = type,
                Level = SiteLevel.City,
                Status = SiteStatus.Online,
                RegionCode = regionCode,
                HostUnitId = unit.Id,
                Domains = domains.Length > 0 ? [.. domains] : [$"t{code}.test.gov.cn"],
                IcpNumber = "测ICP备00000001号",
                PoliceRecordNumber = "测公网安备 00000000000001号",
                ContactPhone = "0000-12345678",
            });
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
            return result.Value!;
        });

    public Task<User> CreateUserAsync(string userName, string password, params (Role Role, int? SiteId)[] grants) =>
        AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var user = new User { UserName = userName, DisplayName = userName, CreatedAt = DateTime.UtcNow };
            user.PasswordHash = AccountService.HashPassword(user, password);
            foreach (var (role, siteId) in grants)
            {
                user.Grants.Add(new RoleGrant { Role = role, SiteId = siteId });
            }
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return user;
        });

    public Task<int> ColumnIdAsync(int siteId, string name) =>
        AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
            .Where(c => c.SiteId == siteId && c.Name == name).Select(c => c.Id).FirstAsync());
}

/// <summary>A platform with no demo content, for tests that count things.</summary>
public class EmptyPlatformFactory : GovSiteFactory
{
    protected override bool SeedDemo => false;
}
