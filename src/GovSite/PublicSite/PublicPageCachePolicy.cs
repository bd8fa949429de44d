using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

/// <summary>
/// Caches rendered public pages per site. Public pages never depend on who is signed in, so
/// unlike the default policy this one also caches for signed-in editors. Every entry is
/// tagged with its site so a change evicts exactly that site's pages.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public";

    public static string SiteTag(int siteId) => $"site:{siteId}";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var site = context.HttpContext.RequestServices.GetRequiredService<CurrentSite>().Site;
        var method = context.HttpContext.Request.Method;
        var cacheable = site is not null && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        // Scheduled articles appear by time, so entries also expire on their own.
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(5);
        if (site is not null)
        {
            context.Tags.Add(SiteTag(site.Id));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
