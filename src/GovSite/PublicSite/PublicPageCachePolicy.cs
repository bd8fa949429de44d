using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

/// <summary>
/// Decides which responses <see cref="PublicPageCache"/> keeps: the endpoints that name this
/// policy (public pages, feeds, sitemap), for a known site, on GET without a theme preview.
/// Public pages never depend on who is signed in, so unlike the default policy this one also
/// caches for signed-in editors. Every entry is tagged with its site (a theme or registry change
/// evicts them all) and with what it shows (<see cref="PageTags"/>), so an article change evicts
/// only the pages that show it. ASP.NET's own output cache stores nothing: it only runs this
/// policy once routing has chosen the endpoint.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public";

    public static string SiteTag(int siteId) => $"site:{siteId}";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.EnableOutputCaching = false;
        context.AllowCacheLookup = false;
        context.AllowCacheStorage = false;
        var http = context.HttpContext;
        var site = http.RequestServices.GetRequiredService<CurrentSite>().Site;
        // A theme preview is for one admin and must never be stored or served to anyone else.
        if (site is not null && HttpMethods.IsGet(http.Request.Method) && !http.Request.Query.ContainsKey("preview")
            && http.Features.Get<PublicPageCapture>() is { } capture)
        {
            capture.Arm(http);
            capture.Tags.Add(SiteTag(site.Id));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;
}
