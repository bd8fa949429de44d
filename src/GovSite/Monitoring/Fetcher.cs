using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace GovSite.Monitoring;

/// <summary>How hard the checker may press on one host.</summary>
/// <param name="PerHost">Requests in flight to one host at once.</param>
/// <param name="PolitenessDelay">Least time between the starts of two requests to one host.</param>
/// <param name="Timeout">Per request, headers and body.</param>
public sealed record CrawlLimits(int PerHost = 6, TimeSpan? PolitenessDelay = null, TimeSpan? Timeout = null)
{
    public static readonly CrawlLimits Default = new(6, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(15));

    /// <summary>For a farm on loopback: no delay between requests.</summary>
    public static readonly CrawlLimits Loopback = new(16, TimeSpan.Zero, TimeSpan.FromSeconds(15));

    public TimeSpan Delay => PolitenessDelay ?? TimeSpan.Zero;
    public TimeSpan RequestTimeout => Timeout ?? TimeSpan.FromSeconds(15);
}

/// <summary>The result of one request; the body is kept only for HTML pages of the site itself.</summary>
public sealed record FetchResult(Uri Url, Uri FinalUrl, int? Status, string? Error, string? Html, TimeSpan Elapsed, string? ContentType)
{
    /// <summary>A final answer of 2xx. Redirects are followed by the handler: a 3xx left at the end is a loop or a redirect nowhere.</summary>
    public bool Ok => Status is >= 200 and < 300 && Error is null;
}

/// <summary>
/// Outgoing HTTP of the checker, with a per-host limit on concurrent requests and a politeness
/// delay between request starts. The handler is the seam: tests and the bench pass their own.
/// </summary>
public sealed class Fetcher : IDisposable
{
    /// <summary>Pages bigger than this are read only this far: enough for the text and the links.</summary>
    public const int MaxHtmlBytes = 2 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly CrawlLimits _limits;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public Fetcher(HttpMessageHandler handler, CrawlLimits limits, bool disposeHandler = false)
    {
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("GovSite-Checker/1.0 (+government website monitoring)");
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        _limits = limits;
    }

    public HttpClient Http => _http;

    private int _requests;

    /// <summary>URLs requested (a HEAD followed by a GET for the same URL counts once).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static HttpMessageHandler DefaultHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 10,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 64,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>GET, keeping the body when it is HTML and <paramref name="keepHtml"/> asks for it.</summary>
    public Task<FetchResult> GetAsync(Uri url, bool keepHtml, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        return GetCoreAsync(url, keepHtml, ct);
    }

    private async Task<FetchResult> GetCoreAsync(Uri url, bool keepHtml, CancellationToken ct)
    {
        using var lease = await GateFor(url).EnterAsync(_limits.Delay, ct);
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_limits.RequestTimeout);
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var type = response.Content.Headers.ContentType?.MediaType;
            string? html = null;
            if (keepHtml && response.IsSuccessStatusCode && (type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase)))
            {
                html = await ReadTextAsync(response, timeout.Token);
            }
            else
            {
                // Drain (bounded) so the connection can be reused.
                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                await DrainAsync(body, timeout.Token);
            }
            return new FetchResult(url, response.RequestMessage?.RequestUri ?? url, (int)response.StatusCode, null, html,
                Stopwatch.GetElapsedTime(started), type);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new FetchResult(url, url, null, "timeout", null, Stopwatch.GetElapsedTime(started), null);
        }
        catch (HttpRequestException e)
        {
            return new FetchResult(url, url, null, e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString(),
                null, Stopwatch.GetElapsedTime(started), null);
        }
    }

    /// <summary>HEAD, then GET when the server refuses HEAD; redirects are followed by the handler.</summary>
    public async Task<FetchResult> CheckLinkAsync(Uri url, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        FetchResult head;
        using (var lease = await GateFor(url).EnterAsync(_limits.Delay, ct))
        {
            var started = Stopwatch.GetTimestamp();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_limits.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Head, url);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                head = new FetchResult(url, response.RequestMessage?.RequestUri ?? url, (int)response.StatusCode, null, null,
                    Stopwatch.GetElapsedTime(started), response.Content.Headers.ContentType?.MediaType);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new FetchResult(url, url, null, "timeout", null, Stopwatch.GetElapsedTime(started), null);
            }
            catch (HttpRequestException e)
            {
                return new FetchResult(url, url, null, e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString(),
                    null, Stopwatch.GetElapsedTime(started), null);
            }
        }
        // Many servers answer HEAD with 405/501, some with 403 or 400 while GET works.
        return head.Status is 405 or 501 or 403 or 400 or 404 or 500 ? await GetCoreAsync(url, keepHtml: false, ct) : head;
    }

    private static async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        // Pooled buffers: a crawl reads thousands of pages, and fresh 64 KB arrays per page
        // would land on the large-object heap.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(response.Content.Headers.ContentLength + 1 ?? 64 * 1024, 4096, MaxHtmlBytes));
        try
        {
            var length = 0;
            while (length < MaxHtmlBytes)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxHtmlBytes, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxHtmlBytes) - length), ct);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
            return EncodingOf(response.Content.Headers.ContentType?.CharSet, buffer.AsSpan(0, length)).GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The header's charset, else a &lt;meta charset&gt; near the top (many government sites
    /// still serve GBK and say so only there), else UTF-8.
    /// </summary>
    internal static Encoding EncodingOf(string? charset, ReadOnlySpan<byte> body)
    {
        if (charset is null)
        {
            var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 1024)]);
            var at = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var label = head.AsSpan(at + 8).TrimStart("\"' ");
                var end = label.IndexOfAny(CharsetEnd);
                charset = (end < 0 ? label : label[..end]).ToString();
            }
        }
        if (charset is not null)
        {
            var label = charset.Trim('"', '\'', ' ').ToLowerInvariant();
            // Pages labelled gb2312 or gbk routinely hold characters only GB18030 (their superset) has.
            if (label is "gb2312" or "gbk" or "gb_2312-80" or "x-gbk" or "cp936" or "euc-cn")
            {
                return Encoding.GetEncoding("GB18030");
            }
            try
            {
                return Encoding.GetEncoding(label);
            }
            catch (ArgumentException)
            {
                // Unknown charset label: decided by the bytes below.
            }
        }
        // No declaration at all: UTF-8 when the bytes are valid UTF-8, else the Chinese national
        // encoding that older government sites still serve without saying so.
        return System.Text.Unicode.Utf8.IsValid(body) ? Encoding.UTF8 : Encoding.GetEncoding("GB18030");
    }

    private static readonly SearchValues<char> CharsetEnd = SearchValues.Create("\"' ;/>");

    private static async Task DrainAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while (total < MaxHtmlBytes && (read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private HostGate GateFor(Uri url) => _gates.GetOrAdd(url.Authority, _ => new HostGate(_limits.PerHost));

    public void Dispose()
    {
        _http.Dispose();
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class HostGate(int perHost) : IDisposable
    {
        private readonly SemaphoreSlim _slots = new(perHost, perHost);
        private readonly Lock _lock = new();
        private long _nextStart;

        public async Task<Lease> EnterAsync(TimeSpan delay, CancellationToken ct)
        {
            await _slots.WaitAsync(ct);
            if (delay > TimeSpan.Zero)
            {
                long wait;
                lock (_lock)
                {
                    var now = Stopwatch.GetTimestamp();
                    var start = Math.Max(now, _nextStart);
                    _nextStart = start + (long)(delay.TotalSeconds * Stopwatch.Frequency);
                    wait = start - now;
                }
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
                }
            }
            return new Lease(_slots);
        }

        public void Dispose() => _slots.Dispose();
    }

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
