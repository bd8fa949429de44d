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
    /// Fetches for <see cref="StaticExporter"/> (rendering as <paramref name="scheme"/>://main domain). With <paramref name="allArticles"/> every
    /// published article is loaded once up front (a full export); otherwise pages query as usual.
    /// Dispose the session when the export is done.
    /// </summary>
    public RenderSession For(SiteInfo site, string scheme, bool allArticles)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("the page renderer is not in the pipeline");
        var host = HostName.ToAscii(site.MainHost ?? throw new InvalidOperationException($"网站 {site.Code} 没有主域名，无法导出静态页面"));
        return new RenderSession(scopes, pipeline, site.Id, scheme, host, allArticles);
    }

    /// <summary>
    /// One export's rendering. Request scopes are reused from page to page (one per page being
    /// rendered at a time): creating a scope and its DbContext for each of ten thousand pages was
    /// a tenth of the rendering. What a scope keeps between requests is the same for every page of
    /// an export: the anonymous visitor, the site, the snapshot; public-page queries do not track.
    /// </summary>
    public sealed class RenderSession : IAsyncDisposable
    {
        private readonly IServiceScopeFactory _scopes;
        private readonly Lazy<Task<SiteSnapshot>> _snapshot;
        private readonly System.Collections.Concurrent.ConcurrentBag<AsyncServiceScope> _idle = [];
        private readonly System.Collections.Concurrent.ConcurrentQueue<AsyncServiceScope> _all = new();

        internal RenderSession(IServiceScopeFactory scopes, RequestDelegate pipeline, int siteId, string scheme, string host, bool allArticles)
        {
            _scopes = scopes;
            // Read at the first page, after the exporter has listed what to render: a change in
            // between then shows in the pages and is caught by the next re-export.
            _snapshot = new Lazy<Task<SiteSnapshot>>(async () =>
            {
                // As an anonymous visitor, like the pages themselves: query filters depend on who asks.
                await using var scope = scopes.CreateAsyncScope();
                return await SiteSnapshot.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteContent>(), siteId, allArticles, CancellationToken.None);
            });
            Fetch = async (path, token) =>
            {
                var snapshot = await _snapshot.Value;
                if (!_idle.TryTake(out var scope))
                {
                    scope = _scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<SiteContent>().Snapshot = snapshot;
                    _all.Enqueue(scope);
                }
                try
                {
                    var (status, body) = await RenderAsync(pipeline, scope.ServiceProvider, scheme, host, path, token);
                    return status switch
                    {
                        StatusCodes.Status200OK => body,
                        StatusCodes.Status404NotFound => null,
                        _ => throw new HttpRequestException($"{path} answered {status}", null, (HttpStatusCode)status),
                    };
                }
                finally
                {
                    _idle.Add(scope);
                }
            };
        }

        public StaticExporter.Fetch Fetch { get; }

        public async ValueTask DisposeAsync()
        {
            while (_all.TryDequeue(out var scope))
            {
                await scope.DisposeAsync();
            }
        }
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
