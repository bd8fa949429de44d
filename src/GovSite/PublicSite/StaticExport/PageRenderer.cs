using System.Net;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.Features;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// Renders public pages inside this process, through the same middleware and pages that answer
/// visitors (so a static page is byte for byte the dynamic one), without a socket, an HTTP
/// client or the public-page cache: the exporter hands the pipeline a request as a visitor to
/// the site's main domain would send it, and reads the bytes back from memory.
/// </summary>
public sealed class PageRenderer(IServiceScopeFactory scopes)
{
    private RequestDelegate? _pipeline;

    /// <summary>Placed in the pipeline right after the public-page cache; costs nothing per request.</summary>
    public static IApplicationBuilder UsePageRenderer(IApplicationBuilder app)
    {
        var renderer = app.ApplicationServices.GetRequiredService<PageRenderer>();
        return app.Use(next =>
        {
            renderer._pipeline = next;
            return next;
        });
    }

    /// <summary>
    /// A fetch for <see cref="StaticExporter"/> (rendering as <paramref name="scheme"/>://main domain). With <paramref name="allArticles"/> every
    /// published article is loaded once up front (a full export); otherwise pages query as usual.
    /// </summary>
    public StaticExporter.Fetch For(SiteInfo site, string scheme, bool allArticles)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("the page renderer is not in the pipeline");
        var host = HostName.ToAscii(site.MainHost ?? throw new InvalidOperationException($"网站 {site.Code} 没有主域名，无法导出静态页面"));
        // Read at the first page, after the exporter has listed what to render: a change in
        // between then shows in the pages and is caught by the next re-export.
        var snapshot = new Lazy<Task<SiteSnapshot>>(async () =>
        {
            // As an anonymous visitor, like the pages themselves: query filters depend on who asks.
            await using var scope = scopes.CreateAsyncScope();
            return await SiteSnapshot.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteContent>(), site.Id, allArticles, CancellationToken.None);
        });
        return async (path, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<SiteContent>().Snapshot = await snapshot.Value;
            var (status, body) = await RenderAsync(pipeline, scope.ServiceProvider, scheme, host, path, token);
            return status switch
            {
                StatusCodes.Status200OK => body,
                StatusCodes.Status404NotFound => null,
                _ => throw new HttpRequestException($"{path} answered {status}", null, (HttpStatusCode)status),
            };
        };
    }

    private static async Task<(int Status, byte[] Body)> RenderAsync(RequestDelegate pipeline, IServiceProvider services,
        string scheme, string host, string path, CancellationToken ct)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var request = new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = scheme,
            Protocol = "HTTP/1.1",
            Path = query < 0 ? path : path[..query],
            QueryString = query < 0 ? "" : path[query..],
            RawTarget = path,
        };
        request.Headers.Host = host;
        var body = new MemoryStream();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IServiceProvidersFeature>(new RequestServicesFeature(services));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = ct });
        var context = new DefaultHttpContext(features);
        await pipeline(context);
        return (context.Response.StatusCode, body.ToArray());
    }

    private sealed class RequestServicesFeature(IServiceProvider services) : IServiceProvidersFeature
    {
        public IServiceProvider RequestServices { get; set; } = services;
    }
}
