using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>A platform whose token endpoint takes three attempts per address and minute.</summary>
public sealed class TightTokenFactory : EmptyPlatformFactory
{
    public const string Limit = "3";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Rules:staff-sign-in:Limit", Limit);
        // Windows are fixed on the clock: an hour, so a test's attempts cannot straddle a window's end.
        builder.UseSetting("RateLimits:Rules:staff-sign-in:WindowSeconds", "3600");
    }
}

/// <summary>Rate limits counted in the database: a 429 in Chinese, shared by every node, old windows swept.</summary>
public sealed class RateLimitTests(TightTokenFactory app) : IClassFixture<TightTokenFactory>
{
    [Fact]
    public async Task Two_nodes_on_one_database_share_the_token_endpoint_limit()
    {
        await ClearAsync();
        using var other = new OtherNode(app.Database, ("RateLimits:Rules:staff-sign-in:Limit", TightTokenFactory.Limit), ("RateLimits:Rules:staff-sign-in:WindowSeconds", "3600"));
        using var first = app.CreateClient();
        using var second = other.CreateClient();
        var attempt = new { username = "nobody", password = "wrong-password-1" };

        (await first.PostAsJsonAsync("/api/v1/auth/token", attempt)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.PostAsJsonAsync("/api/v1/auth/token", attempt)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await first.PostAsJsonAsync("/api/v1/auth/token", attempt)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // The fourth attempt from this address, on whichever node: refused.
        var refused = await second.PostAsJsonAsync("/api/v1/auth/token", attempt);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("请求过于频繁");
        problem.GetProperty("detail").GetString()!.ShouldContain("秒后再试");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await first.PostAsJsonAsync("/api/v1/auth/token", attempt)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Windows_count_per_key_and_old_windows_are_swept()
    {
        await ClearAsync();
        var (within, over, otherKey) = await app.AsSystemAsync(async sp =>
        {
            var limits = sp.GetRequiredService<RateLimits>();
            for (var i = 0; i < 3; i++)
            {
                (await limits.TakeAsync(RateLimitOptions.StaffSignIn, "203.0.113.7")).ShouldBeNull();
            }
            return (true, await limits.TakeAsync(RateLimitOptions.StaffSignIn, "203.0.113.7"), await limits.TakeAsync(RateLimitOptions.StaffSignIn, "203.0.113.8"));
        });
        within.ShouldBeTrue();
        over.ShouldNotBeNull();
        over.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(3600));
        otherKey.ShouldBeNull("another address has its own window");

        var swept = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            db.Add(new RateLimitWindow { Bucket = RateLimitOptions.StaffSignIn, Key = "old", WindowStart = DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeSeconds(), Count = 9 });
            await db.SaveChangesAsync();
            return await sp.GetRequiredService<RateLimits>().SweepAsync();
        });
        swept.ShouldBe(1);
        var left = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Set<RateLimitWindow>().Select(w => w.Key).ToListAsync());
        left.ShouldBe(["203.0.113.7", "203.0.113.8"], ignoreOrder: true);
    }

    private Task ClearAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Set<RateLimitWindow>().ExecuteDeleteAsync());
}
