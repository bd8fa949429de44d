using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace GovSite.PublicSite;

/// <summary>
/// Caches rendered public pages per site. Public pages never depend on who is signed in, so
/// unlike the default policy this one also caches for signed-in editors. Every entry is
/// tagged with its site (a theme or registry change evicts them all) and with what it shows
/// (<see cref="PageTags"/>), so an article change evicts only the pages that show it.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public";

    public static string SiteTag(int siteId) => $"site:{siteId}";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var site = context.HttpContext.RequestServices.GetRequiredService<CurrentSite>().Site;
        var request = context.HttpContext.Request;
        // A theme preview is for one admin and must never be stored or served to anyone else.
        var cacheable = site is not null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Query.ContainsKey("preview");
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
        if (cacheable)
        {
            // Validators for the stored copy, set before rendering because the cache captures
            // headers when the body starts: the output cache answers If-None-Match and
            // If-Modified-Since with 304 from them. A hit replaces them with the stored ones; a
            // new rendering (after an eviction) gets a new ETag.
            var headers = context.HttpContext.Response.Headers;
            headers.ETag = $"W/\"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}\"";
            headers.LastModified = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            headers.CacheControl = "public, max-age=0, must-revalidate";
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
