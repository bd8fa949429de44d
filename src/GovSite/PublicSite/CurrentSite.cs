using GovSite.Sites;

namespace GovSite.PublicSite;

/// <summary>The site a public request is for, resolved once per request.</summary>
public sealed class CurrentSite
{
    public SiteInfo? Site { get; set; }

    /// <summary>True when the site was addressed as /sites/{code}/… rather than by its own domain.</summary>
    public bool ByPath { get; set; }
}

public static class SiteResolution
{
    /// <summary>
    /// Resolves the site from /sites/{code}/… (moving that prefix into PathBase so every link
    /// the page generates keeps it) or else from the Host header.
    /// </summary>
    public static IApplicationBuilder UseSiteResolution(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var directory = context.RequestServices.GetRequiredService<SiteDirectory>();
            var current = context.RequestServices.GetRequiredService<CurrentSite>();
            var path = context.Request.Path;
            if (path.StartsWithSegments("/sites", out var rest) && rest.HasValue)
            {
                var value = rest.Value!;
                var end = value.IndexOf('/', 1);
                var code = end < 0 ? value[1..] : value[1..end];
                var site = directory.FindByCode(code);
                if (site is not null)
                {
                    current.Site = site;
                    current.ByPath = true;
                    context.Request.PathBase = context.Request.PathBase.Add("/sites/" + site.Code);
                    context.Request.Path = end < 0 ? "/" : value[end..];
                }
            }
            else if (!IsPlatformPath(path))
            {
                // The raw header: Request.Host throws on malformed punycode; Normalise does not.
                current.Site = directory.FindByHost(context.Request.Headers.Host.ToString());
            }
            await next(context);
        });

    private static bool IsPlatformPath(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/api") ||
        path.StartsWithSegments("/openapi") || path.StartsWithSegments("/healthz") ||
        // Health must answer without the site directory, which a database outage leaves unloadable.
        path.StartsWithSegments("/health");
}
