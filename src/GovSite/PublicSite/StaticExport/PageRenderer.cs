using System.Net;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.Features;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// Renders public pages inside this process as the site answers them (so a static page is byte
/// for byte the dynamic one), without a socket, an HTTP client or the public-page cache. Every
/// page, feed and file an export holds is written by the same code the dynamic endpoints call
/// (<see cref="ArticleView"/>, <see cref="ColumnView"/>, <see cref="HomeView"/>, <see cref="Topics.TopicView"/>,
/// <see cref="SiteFeeds"/> for the sitemap and the column, topic and 主题分类 feeds, the asset and attachment files), so a command-line export needs no
/// routing, MVC or middleware. Any other address (none today) goes to the pipeline as a request
/// from a visitor to the site's main domain, its bytes read back from memory.
/// </summary>
public sealed class PageRenderer(IServiceScopeFactory scopes)
{
    private RequestDelegate? _pipeline;
    private Task<RequestDelegate>? _starting;
    private readonly Lock _lock = new();

    /// <summary>
    /// Set by a command line that has not built the pipeline (see <see cref="PublishStaticCommand"/>):
    /// builds and starts it, the first time an address needs it.
    /// </summary>
    public Func<Task>? StartPipeline { get; set; }

    private Task<RequestDelegate> PipelineAsync()
    {
        if (_pipeline is { } pipeline)
        {
            return Task.FromResult(pipeline);
        }
        lock (_lock)
        {
            return _starting ??= StartAsync();
        }

        async Task<RequestDelegate> StartAsync()
        {
            if (StartPipeline is { } start)
            {
                await start();
            }
            return _pipeline ?? throw new InvalidOperationException("the page renderer is not in the pipeline");
        }
    }

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
        var host = HostName.ToAscii(site.MainHost ?? throw new InvalidOperationException($"网站 {site.Code} 没有主域名，无法导出静态页面"));
        return new RenderSession(scopes, PipelineAsync, site, scheme, host, allArticles);
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
        private readonly Task<SiteSnapshot> _snapshot;
        private readonly System.Collections.Concurrent.ConcurrentBag<AsyncServiceScope> _idle = [];
        private readonly System.Collections.Concurrent.ConcurrentQueue<AsyncServiceScope> _all = new();

        internal RenderSession(IServiceScopeFactory scopes, Func<Task<RequestDelegate>> pipeline, SiteInfo site, string scheme, string host,
            bool allArticles)
        {
            _scopes = scopes;
            var siteId = site.Id;
            var origin = $"{scheme}://{host}";
            // Read from here on, while the exporter lists what to render (on the other core): a
            // change in between shows in either and is caught by the re-export that change queues.
            _snapshot = Task.Run(async () =>
            {
                // As an anonymous visitor, like the pages themselves: query filters depend on who asks.
                await using var scope = scopes.CreateAsyncScope();
                return await SiteSnapshot.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteContent>(), siteId, allArticles, CancellationToken.None);
            });
            Fetch = async (path, token) =>
            {
                var snapshot = await _snapshot;
                if (!_idle.TryTake(out var scope))
                {
                    scope = _scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<SiteContent>().Snapshot = snapshot;
                    _all.Enqueue(scope);
                }
                try
                {
                    var direct = await RenderDirectAsync(scope.ServiceProvider, snapshot, site, origin, path, token);
                    if (direct.Rendered)
                    {
                        return direct.Body;
                    }
                    var (status, body) = await RenderAsync(await pipeline(), scope.ServiceProvider, scheme, host, path, token);
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

        /// <summary>What the pages render from: read once per export, from the session's start.</summary>
        public Task<SiteSnapshot> Snapshot => _snapshot;

        public async ValueTask DisposeAsync()
        {
            // Loaded even if no page was asked for; its failure, if any, reached every page that was.
            await ((Task)_snapshot).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (_all.TryDequeue(out var scope))
            {
                await scope.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The addresses an export holds, written without the pipeline: (true, bytes), or (true, null)
    /// where the dynamic site answers 404; (false, null) for an address left to the pipeline.
    /// </summary>
    private static async Task<(bool Rendered, byte[]? Body)> RenderDirectAsync(IServiceProvider services, SiteSnapshot snapshot, SiteInfo site,
        string origin, string path, CancellationToken ct)
    {
        if (ArticleId(path) is int articleId)
        {
            return (true, await RenderArticleAsync(services, snapshot, site, origin, path, articleId, ct));
        }
        if (ColumnPage(path) is var (columnId, page))
        {
            return (true, await RenderColumnAsync(services, snapshot, site, origin, path, columnId, page, ct));
        }
        var content = services.GetRequiredService<SiteContent>();
        var encoder = services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>();
        switch (path)
        {
            case "/":
                var shell = ShellFor(services, snapshot, site, origin, path);
                var blocks = await content.BlocksAsync(site.Id, snapshot.Columns, HomeView.BlocksOf(snapshot.Theme, shell.NavColumns), ct);
                return (true, Utf8(sb => HomeView.Write(sb, shell, blocks, encoder)));
            case "/topics":
                return (true, Utf8(sb => Topics.TopicView.WriteIndex(sb, ShellFor(services, snapshot, site, origin, path), encoder)));
            case "/robots.txt":
                return (true, Utf8(SiteFeeds.Robots(origin)));
            case "/sitemap.xml":
                return (true, Utf8(await SiteFeeds.SitemapAsync(content, site, origin, ct)));
        }
        if (TopicFeed(path) is int feedTopic)
        {
            return (true, await SiteFeeds.TopicRssAsync(content, site, feedTopic, origin, ct) is { } rss ? Utf8(rss) : null);
        }
        if (PolicyThemeFeed(path) is { } subject)
        {
            return (true, await SiteFeeds.PolicyThemeRssAsync(content, site, subject, origin, ct) is { } rss ? Utf8(rss) : null);
        }
        if (TopicId(path) is int topicId)
        {
            if (snapshot.Topics.Find(t => t.Id == topicId) is not { } topic)
            {
                return (true, null);
            }
            var blocks = await content.BlocksAsync(site.Id, snapshot.Columns, Topics.TopicView.BlocksOf(snapshot.Columns, topic), ct);
            return (true, Utf8(sb => Topics.TopicView.Write(sb, ShellFor(services, snapshot, site, origin, path), topic, blocks, encoder)));
        }
        if (FeedColumn(path) is int feedColumn)
        {
            return (true, await SiteFeeds.RssAsync(content, site, feedColumn, origin, ct) is { } rss ? Utf8(rss) : null);
        }
        if (FileId(path) is int fileId)
        {
            // As the download endpoint answers an anonymous visitor: a file of a published item, whatever name the address gives.
            if (await services.GetRequiredService<Publishing.Files.FileService>().FindReadableAsync(fileId, ct) is not var (file, _)
                || services.GetRequiredService<Publishing.Files.FileStore>().PathOf(file.StoredName) is var stored && !File.Exists(stored))
            {
                return (true, null);
            }
            return (true, await File.ReadAllBytesAsync(stored, ct));
        }
        if (path.StartsWith("/lib/", StringComparison.Ordinal) && !path.Contains('?', StringComparison.Ordinal))
        {
            // As UseStaticFiles on /lib (GovSiteApp) serves the libraries: files of known types only.
            var name = Uri.UnescapeDataString(path["/lib".Length..]);
            var info = GovSiteApp.Libraries.GetFileInfo(name);
            return (true, info is { Exists: true, IsDirectory: false, PhysicalPath: { } physical } && KnownTypes.TryGetContentType(name, out _)
                ? await File.ReadAllBytesAsync(physical, ct) : null);
        }
        if (services.GetRequiredService<AssetLinks>().Read(path[1..]) is { } asset)
        {
            return (true, asset);
        }
        return (false, null);
    }

    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider KnownTypes = new();

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    // One builder per thread, kept between pages: a page is written, encoded and done before the
    // worker awaits anything, and a builder of its own plus the string made from it were a third
    // of what a page allocated (an export allocated a gigabyte; collections were a fifth of its time).
    [ThreadStatic]
    private static System.Text.StringBuilder? t_page;

    /// <summary>A page written by a view, as UTF-8, through this thread's builder.</summary>
    private static byte[] Utf8(Action<System.Text.StringBuilder> write)
    {
        var sb = t_page ?? new System.Text.StringBuilder(32 * 1024); // 64 KB: below the large-object heap
        t_page = null;
        sb.Clear();
        write(sb);
        byte[] bytes;
        var chunks = sb.GetChunks();
        if (chunks.MoveNext() && chunks.Current is var first && !chunks.MoveNext())
        {
            bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(first.Span)];
            System.Text.Encoding.UTF8.GetBytes(first.Span, bytes);
        }
        else
        {
            // Grown past one chunk (a very long page): chunks may split a surrogate pair, so encode
            // the whole text, and let this builder go rather than keep its size.
            return System.Text.Encoding.UTF8.GetBytes(sb.ToString());
        }
        t_page = sb;
        return bytes;
    }

    /// <summary>The id in "/topics/{id}", else null.</summary>
    internal static int? TopicId(string path) =>
        path.StartsWith("/topics/", StringComparison.Ordinal) && Number(path.AsSpan("/topics/".Length)) is int id ? id : null;

    /// <summary>The column in "/columns/{id}/rss.xml", else null.</summary>
    internal static int? FeedColumn(string path) =>
        path.StartsWith("/columns/", StringComparison.Ordinal) && path.EndsWith("/rss.xml", StringComparison.Ordinal)
        && path.Length > "/columns//rss.xml".Length && Number(path.AsSpan("/columns/".Length, path.Length - "/columns/".Length - "/rss.xml".Length)) is int id
            ? id : null;

    /// <summary>The topic in "/topics/{id}/rss.xml", else null.</summary>
    internal static int? TopicFeed(string path) =>
        path.StartsWith("/topics/", StringComparison.Ordinal) && path.EndsWith("/rss.xml", StringComparison.Ordinal)
        && path.Length > "/topics//rss.xml".Length && Number(path.AsSpan("/topics/".Length, path.Length - "/topics/".Length - "/rss.xml".Length)) is int id
            ? id : null;

    /// <summary>The 主题分类 in "/disclosure/subjects/{escaped name}/rss.xml" (<see cref="SiteFeeds.PolicyThemeFeedPath"/>), else null.</summary>
    internal static string? PolicyThemeFeed(string path)
    {
        const string prefix = "/disclosure/subjects/", suffix = "/rss.xml";
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal) || path.Length <= prefix.Length + suffix.Length)
        {
            return null;
        }
        var escaped = path[prefix.Length..^suffix.Length];
        return escaped.Contains('/', StringComparison.Ordinal) || escaped.Contains('?', StringComparison.Ordinal) ? null : Uri.UnescapeDataString(escaped);
    }

    /// <summary>The file in "/files/{id}/{name}" (any name, as the download route takes), else null.</summary>
    internal static int? FileId(string path)
    {
        if (!path.StartsWith("/files/", StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }
        var rest = path.AsSpan("/files/".Length);
        var slash = rest.IndexOf('/');
        return slash > 0 && Number(rest[..slash]) is int id ? id : null;
    }

    /// <summary>The id in "/articles/{id}" (the dynamic route's address, without a query), else null.</summary>
    internal static int? ArticleId(string path) =>
        path.StartsWith("/articles/", StringComparison.Ordinal) && Number(path.AsSpan("/articles/".Length)) is int id ? id : null;

    /// <summary>The column and page in "/columns/{id}" or "/columns/{id}/page/{n}" (the dynamic routes), else null.</summary>
    internal static (int Column, int Page)? ColumnPage(string path)
    {
        if (!path.StartsWith("/columns/", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = path.AsSpan("/columns/".Length);
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            return Number(rest) is int column ? (column, 1) : null;
        }
        return rest[slash..].StartsWith("/page/") && Number(rest[..slash]) is int id && Number(rest[(slash + "/page/".Length)..]) is int page
            ? (id, page) : null;
    }

    // The routes' {id:int}: digits only here (the exporter writes them so), no sign, no overflow.
    private static int? Number(ReadOnlySpan<char> text) =>
        text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9')
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The layout's data for a page of the export: an anonymous visitor of the site's main domain.</summary>
    private static PageShell ShellFor(IServiceProvider services, SiteSnapshot snapshot, SiteInfo site, string origin, string path)
    {
        var shell = new PageShell
        {
            Site = site, Columns = snapshot.Columns, Theme = snapshot.Theme, Topics = snapshot.Topics, Mourning = snapshot.Mourning,
            PathBase = "", Origin = origin, Path = path, Assets = services.GetRequiredService<AssetLinks>(),
            CountVisits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Visits.VisitOptions>>().Value.Enabled,
        };
        shell.AddSiteMeta();
        return shell;
    }

    /// <summary>
    /// An article page as <see cref="PublicSite.ArticlePageModel"/> answers it, without the request
    /// pipeline: the same queries (answered from the snapshot in a full export) and the same
    /// <see cref="ArticleView"/>. Null when the article is not published (the dynamic page's 404).
    /// </summary>
    private static async Task<byte[]?> RenderArticleAsync(IServiceProvider services, SiteSnapshot snapshot, SiteInfo site, string origin,
        string path, int id, CancellationToken ct)
    {
        var content = services.GetRequiredService<SiteContent>();
        if (await content.ArticleAsync(site.Id, id, ct) is not { } article)
        {
            return null;
        }
        var interpretations = article.IsPolicyDocument ? await content.InterpretationsAsync(site.Id, id, ct) : [];
        var attachments = article.ItemId is int itemId
            ? await services.GetRequiredService<Publishing.Files.FileService>().AttachmentsOfItemAsync(itemId, ct)
            : [];
        return Utf8(sb => ArticleView.Write(sb, ShellFor(services, snapshot, site, origin, path), article, interpretations, attachments,
            services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>()));
    }

    /// <summary>A column's listing page as <see cref="PublicSite.ColumnPageModel"/> answers it, through <see cref="ColumnView"/>.</summary>
    private static async Task<byte[]?> RenderColumnAsync(IServiceProvider services, SiteSnapshot snapshot, SiteInfo site, string origin,
        string path, int id, int page, CancellationToken ct)
    {
        if (snapshot.Columns.Find(c => c.Id == id) is not { } column)
        {
            return null;
        }
        page = Math.Max(page, 1);
        var (total, articles) = await services.GetRequiredService<SiteContent>().ColumnPageAsync(site.Id, snapshot.Columns, id, page, ct);
        if (page > ColumnView.PageCount(total))
        {
            return null;
        }
        return Utf8(sb => ColumnView.Write(sb, ShellFor(services, snapshot, site, origin, path), column, page, total, articles,
            services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>()));
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
