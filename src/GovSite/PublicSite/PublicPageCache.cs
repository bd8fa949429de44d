using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GovSite.PublicSite;

/// <summary>A rendered public page as stored: its bytes, compressed variants made on first demand, and its headers.</summary>
public sealed class CachedPage(byte[] body, KeyValuePair<string, StringValues>[] headers, string[] tags, DateTimeOffset storedAt, long expiresAt)
{
    public byte[] Body { get; } = body;
    internal byte[]? Brotli;
    internal byte[]? Gzip;
    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;
    public string[] Tags { get; } = tags;
    public DateTimeOffset StoredAt { get; } = storedAt;
    public long ExpiresAt { get; } = expiresAt;

    /// <summary>Strong, from the bytes: every node and every re-rendering of unchanged content agree on it.</summary>
    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
    public string LastModified { get; } = storedAt.ToString("r", CultureInfo.InvariantCulture);
}

/// <summary>
/// The public-page cache: rendered pages by scheme, host, path and query, with the
/// <see cref="PageTags"/> they show. It sits in front of the whole pipeline (see
/// <see cref="PublicPageCacheMiddleware"/>), so a hit costs a dictionary lookup and one write,
/// not routing, authentication and a page model. Evicted by tag through
/// <see cref="IOutputCacheStore.EvictByTagAsync"/> (see <see cref="EvictingOutputCacheStore"/>),
/// which is what <see cref="Sites.SiteChanges"/> calls on every node.
/// </summary>
public sealed class PublicPageCache(TimeProvider clock)
{
    /// <summary>Entries also expire on their own: scheduled articles appear by time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const long SizeLimit = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byTag = new(StringComparer.Ordinal);
    private long _bytes;
    private long _generation;

    /// <summary>Changes on every eviction: a page rendered across one is not stored (it may show the old content).</summary>
    public long Generation => Volatile.Read(ref _generation);

    public int Count => _pages.Count;

    public bool TryGet(string key, out CachedPage page)
    {
        if (_pages.TryGetValue(key, out page!))
        {
            if (page.ExpiresAt > clock.GetTimestamp())
            {
                return true;
            }
            Remove(key, page);
        }
        return false;
    }

    public CachedPage? Store(string key, byte[] body, KeyValuePair<string, StringValues>[] headers, IEnumerable<string> tags, long generation)
    {
        if (Generation != generation || body.Length > SizeLimit / 64)
        {
            return null;
        }
        if (Interlocked.Read(ref _bytes) + body.Length > SizeLimit)
        {
            Trim();
        }
        var page = new CachedPage(body, headers, [.. tags.Distinct(StringComparer.Ordinal)], clock.GetUtcNow(),
            clock.GetTimestamp() + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency));
        if (_pages.TryGetValue(key, out var previous))
        {
            Remove(key, previous);
        }
        // Index by tag before checking the generation again: an eviction that starts after the
        // check then finds the page; one that started before it makes us withdraw it.
        foreach (var tag in page.Tags)
        {
            _byTag.GetOrAdd(tag, _ => new(StringComparer.Ordinal))[key] = 0;
        }
        _pages[key] = page;
        Interlocked.Add(ref _bytes, body.Length);
        if (Generation != generation)
        {
            Remove(key, page);
            return null;
        }
        return page;
    }

    public void Evict(string tag)
    {
        Interlocked.Increment(ref _generation);
        if (_byTag.TryRemove(tag, out var keys))
        {
            foreach (var key in keys.Keys)
            {
                if (_pages.TryGetValue(key, out var page) && page.Tags.Contains(tag))
                {
                    Remove(key, page);
                }
            }
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, page) in _pages)
        {
            Remove(key, page);
        }
    }

    public byte[] Compressed(CachedPage page, string encoding)
    {
        if (encoding == "br")
        {
            return page.Brotli ?? Keep(ref page.Brotli, Compress(page.Body, s => new BrotliStream(s, CompressionLevel.Optimal)));
        }
        return page.Gzip ?? Keep(ref page.Gzip, Compress(page.Body, s => new GZipStream(s, CompressionLevel.Optimal)));

        byte[] Keep(ref byte[]? slot, byte[] bytes)
        {
            if (Interlocked.CompareExchange(ref slot, bytes, null) is { } other)
            {
                return other;
            }
            Interlocked.Add(ref _bytes, bytes.Length);
            return bytes;
        }
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream(body.Length / 3);
        using (var stream = compressor(output))
        {
            stream.Write(body);
        }
        return output.ToArray();
    }

    private void Remove(string key, CachedPage page)
    {
        if (!((ICollection<KeyValuePair<string, CachedPage>>)_pages).Remove(new(key, page)))
        {
            return;
        }
        Interlocked.Add(ref _bytes, -(page.Body.Length + (page.Brotli?.Length ?? 0) + (page.Gzip?.Length ?? 0)));
        foreach (var tag in page.Tags)
        {
            // A newer rendering stored under the same key in the meantime keeps its index entries.
            if (_byTag.TryGetValue(tag, out var keys) && !(_pages.TryGetValue(key, out var current) && current.Tags.Contains(tag)))
            {
                keys.TryRemove(key, out _);
            }
        }
    }

    // Over the limit: drop expired pages, then the oldest until a quarter of the room is free.
    private void Trim()
    {
        var now = clock.GetTimestamp();
        foreach (var (key, page) in _pages.Where(p => p.Value.ExpiresAt <= now).ToList())
        {
            Remove(key, page);
        }
        foreach (var (key, page) in _pages.OrderBy(p => p.Value.ExpiresAt).ToList())
        {
            if (Interlocked.Read(ref _bytes) < SizeLimit * 3 / 4)
            {
                break;
            }
            Remove(key, page);
        }
    }
}

/// <summary>
/// Set on a request that may be stored. <see cref="PublicPageCachePolicy"/> arms it once
/// routing has chosen a public page; the page is then rendered into <see cref="Buffer"/>,
/// uncompressed, and its <see cref="PageTags"/> collected in <see cref="Tags"/>.
/// </summary>
public sealed class PublicPageCapture
{
    public MemoryStream? Buffer { get; private set; }
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);
    internal IHttpResponseBodyFeature? OriginalBody { get; private set; }

    public void Arm(HttpContext context)
    {
        if (Buffer is not null)
        {
            return;
        }
        OriginalBody = context.Features.Get<IHttpResponseBodyFeature>();
        Buffer = new MemoryStream();
        context.Response.Body = Buffer;
        // Compression happens once per stored page, not inside the rendering.
        context.Request.Headers.Remove(HeaderNames.AcceptEncoding);
    }
}

/// <summary>
/// First in the pipeline: answers GET and HEAD for public pages straight from
/// <see cref="PublicPageCache"/>, with 304 for a matching ETag or Last-Modified and a
/// compressed variant for clients that accept one. A miss goes through the whole pipeline and
/// is stored when the page allows it (see <see cref="PublicPageCachePolicy"/>). Public pages
/// do not depend on who is signed in (a theme preview, the one exception, is never cached),
/// so staff and visitors share entries.
/// </summary>
public sealed class PublicPageCacheMiddleware(RequestDelegate next, PublicPageCache cache)
{
    // Headers the cache writes itself, or that belong to one response only.
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.SetCookie, HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.TransferEncoding,
        HeaderNames.Date, HeaderNames.Age, HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.Vary,
        HeaderNames.CacheControl, Observability.RequestIds.Header,
    };
    private static readonly string[] AgeValues = [.. Enumerable.Range(0, 3601).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    private const string Revalidate = "public, max-age=0, must-revalidate";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsHead(request.Method)
            || request.QueryString.Value?.Contains("preview", StringComparison.OrdinalIgnoreCase) == true)
        {
            return next(context);
        }
        var key = string.Concat(request.Scheme, "://", request.Headers.Host.ToString(), request.PathBase.Value, request.Path.Value,
            request.QueryString.Value);
        if (cache.TryGet(key, out var page))
        {
            Observability.GovSiteMetrics.PageCacheHits.Add(1);
            return ServeAsync(context, page);
        }
        return isGet ? RenderAsync(context, key) : next(context);
    }

    private async Task RenderAsync(HttpContext context, string key)
    {
        var capture = new PublicPageCapture();
        var acceptEncoding = context.Request.Headers.AcceptEncoding;
        var generation = cache.Generation;
        context.Features.Set(capture);
        try
        {
            await next(context);
        }
        finally
        {
            if (capture.OriginalBody is { } original)
            {
                context.Features.Set(original);
            }
        }
        if (capture.Buffer is not { } buffer)
        {
            return;
        }
        Observability.GovSiteMetrics.PageCacheMisses.Add(1);
        var response = context.Response;
        var body = buffer.ToArray();
        context.Request.Headers.AcceptEncoding = acceptEncoding;
        // A cookie or no-store (an antiforgery token, say) marks a response meant for one visitor.
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && !response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && !response.Headers.CacheControl.ToString().Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            var headers = response.Headers.Where(h => !NotStored.Contains(h.Key)).ToArray();
            if (cache.Store(key, body, headers, capture.Tags, generation) is { } stored)
            {
                await ServeAsync(context, stored);
                return;
            }
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private Task ServeAsync(HttpContext context, CachedPage page)
    {
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }
        headers.ETag = page.ETag;
        headers.LastModified = page.LastModified;
        headers.CacheControl = Revalidate;
        headers.Vary = HeaderNames.AcceptEncoding;
        var age = (int)(DateTimeOffset.UtcNow - page.StoredAt).TotalSeconds;
        headers.Age = AgeValues[Math.Clamp(age, 0, AgeValues.Length - 1)];
        if (NotModified(request, page))
        {
            headers.Remove(HeaderNames.ContentType);
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        var body = page.Body;
        if (PreferredEncoding(request.Headers.AcceptEncoding) is { } encoding && body.Length > 256)
        {
            body = cache.Compressed(page, encoding);
            headers.ContentEncoding = encoding;
        }
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static bool NotModified(HttpRequest request, CachedPage page)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            foreach (var value in ifNoneMatch)
            {
                if (value is not null && (value.Contains(page.ETag, StringComparison.Ordinal) || value.Trim() == "*"))
                {
                    return true;
                }
            }
            return false;
        }
        return request.Headers.IfModifiedSince.Count > 0
            && DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var since)
            && since >= page.StoredAt.AddTicks(-(page.StoredAt.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>"br" or "gzip" when the client accepts it (q above zero), brotli first; null for identity.</summary>
    internal static string? PreferredEncoding(StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0)
        {
            return null;
        }
        bool br = false, gzip = false;
        foreach (var value in acceptEncoding)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var semicolon = part.IndexOf(';', StringComparison.Ordinal);
                var token = semicolon < 0 ? part : part[..semicolon].Trim();
                if (semicolon >= 0 && System.Text.RegularExpressions.Regex.IsMatch(part[semicolon..], @"q\s*=\s*0(\.0*)?\s*$"))
                {
                    continue;
                }
                br |= token.Equals("br", StringComparison.OrdinalIgnoreCase);
                gzip |= token.Equals("gzip", StringComparison.OrdinalIgnoreCase);
            }
        }
        return br ? "br" : gzip ? "gzip" : null;
    }
}

/// <summary>
/// The output cache's store, also evicting <see cref="PublicPageCache"/>: every caller of
/// <see cref="IOutputCacheStore.EvictByTagAsync"/> (site changes, other nodes' announcements,
/// message handling) thereby evicts public pages without knowing about them.
/// </summary>
public sealed class EvictingOutputCacheStore(IOutputCacheStore inner, PublicPageCache pages) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        pages.Evict(tag);
        return inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);
}
