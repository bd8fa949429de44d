using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using GovSite.Publishing;
using GovSite.Rules;

namespace GovSite.Monitoring;

/// <summary>
/// The checker: probes the homepage, reads the columns from the navigation and the homepage
/// blocks, then crawls the site breadth-first and checks every link. Page bodies are parsed and
/// dropped at once; what stays is one URL set and the findings, so memory grows with the number
/// of URLs, not with their pages. The work is in phases, one file each: availability and the
/// homepage (SiteChecker.Homepage.cs), columns (SiteChecker.Columns.cs), the crawl
/// (SiteChecker.Crawl.cs) and the verdict (SiteChecker.Verdict.cs).
/// </summary>
public sealed partial class SiteChecker : ISiteChecker
{
    private readonly HttpMessageHandler _handler;
    private readonly CrawlLimits _limits;
    private readonly TimeProvider _clock;

    /// <param name="handler">Outgoing HTTP; not disposed by the checker, so one handler serves many checks.</param>
    public SiteChecker(HttpMessageHandler handler, CrawlLimits limits, TimeProvider clock)
    {
        _handler = handler;
        _limits = limits;
        _clock = clock;
    }

    /// <summary>Listed findings of one kind are capped so a 100,000-page site gives a readable report.</summary>
    public const int MaxListed = 50;

    static SiteChecker() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private const string WarmUpPage = "<html><head><title>首页</title><meta name=\"SiteName\" content=\"x\"></head><body><div class=\"nav\">"
        + "<a href=\"/a/\">要闻&amp;动态</a></div><ul><li><a href=\"/a/1.html\">中华人民共和国国务院办公厅</a><span>2026-11-03</span></li></ul>"
        + "<div class=\"footer\">网站标识码</div></body></html>";

    /// <summary>
    /// A fresh process spends a few hundred milliseconds on the HTML parser's first document,
    /// the dictionary's index and JIT; a one-shot check starts that on another core while its
    /// first requests are in flight. Once per process: in the server it is long done.
    /// </summary>
    private static readonly Lazy<Task> WarmUp = new(() => Task.Run(() =>
    {
        var page = new PageReader(WarmUpPage, new Uri("http://localhost/"));
        _ = page.ColumnLinks();
        _ = page.ListItems(new DateOnly(2026, 11, 3));
        _ = page.Footer();
        foreach (var text in PageScan.Read(WarmUpPage).Texts)
        {
            _ = SeriousErrors.Default.Find(text);
        }
    }));

    /// <summary>
    /// Judges one site. Whatever the site serves, the answer is a report: an unexpected failure
    /// gives the verdict "error" with the reason and the address being read, so that one site
    /// never ends a region-wide run.
    /// </summary>
    public async Task<SiteReport> CheckAsync(string url, CheckOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var start) || (start.Scheme != Uri.UriSchemeHttp && start.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"不是有效的网址：{url}", nameof(url));
        }
        var watch = Stopwatch.StartNew();
        Run? run = null;
        try
        {
            using var fetcher = new Fetcher(_handler, _limits);
            run = new Run(this, fetcher, start, options, progress, options.ExtraTerms.Count > 0 ? new SeriousErrors(options.ExtraTerms) : SeriousErrors.Default);
            return await run.ExecuteAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return ErrorReport(start, ex, run?.Reading, watch.Elapsed);
        }
    }

    /// <summary>The report of a site whose check failed unexpectedly: verdict "error", the reason and the address.</summary>
    public static SiteReport ErrorReport(Uri start, Exception ex, string? at, TimeSpan elapsed) => new()
    {
        Url = start.AbsoluteUri,
        Verdict = "error",
        Findings = [new Finding("check_error", "notice", at ?? start.AbsoluteUri, $"检查未能完成：{ex.GetType().Name}: {ex.Message}")],
        Stats = new CheckStats(0, 0, elapsed.TotalSeconds),
    };

    private sealed partial class Run(SiteChecker owner, Fetcher fetcher, Uri start, CheckOptions options, IProgress<string>? progress, SeriousErrors dictionary)
    {
        private readonly DateOnly _asOf = options.AsOf;
        private readonly CheckRules _rules = options.Rules;
        // The site: the homepage's address after redirects and forwarding pages; its folder is the scope.
        private Uri _root = null!;
        private string _scopePrefix = "/";
        private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
        // Pages the column phase fetched itself; the crawl does not fetch them again.
        private readonly ConcurrentDictionary<string, byte> _fetched = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, BrokenLink> _broken = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (int Count, string Example)> _missingMeta = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SeriousFinding> _errors = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<Finding> _slow = new();
        private readonly ConcurrentQueue<Finding> _unreadable = new();
        private readonly ConcurrentDictionary<string, string> _itemKinds = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (int Missing, string[] Lacking)> _guides = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, MessageFacts> _messages = new(StringComparer.Ordinal);
        // Text nodes the dictionary found nothing in (see CheckText).
        private readonly ConcurrentDictionary<string, byte> _clean = new(StringComparer.Ordinal);
        // The homepage's text nodes: the header and footer every page repeats, whatever its markup.
        private HashSet<string> _boilerplate = new(StringComparer.Ordinal);
        // Homepage texts that other pages show too: the frame of the site, not news.
        private readonly ConcurrentDictionary<string, byte> _repeated = new(StringComparer.Ordinal);
        private int _cleanCount;
        private const int MaxCleanTexts = 20_000;
        private int _pages;
        private int _parsed;
        private int _slowCount;
        private int _unreadableCount;
        private Channel<Job> _queue = null!;
        private int _pending;

        /// <summary>The address being read, for the report of a check that fails.</summary>
        public string? Reading { get; private set; }

        private sealed record Job(Uri Url, string FoundOn, bool Internal);
        private sealed class SeriousFinding(SeriousError error, string url)
        {
            public SeriousError Error { get; } = error;
            public string Url { get; } = url;
            public List<string> Evidence { get; } = [url];
        }

        private CrawlLimits Limits => owner._limits;

        public async Task<SiteReport> ExecuteAsync(CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            _ = WarmUp.Value;
            _root = start;
            _scopePrefix = start.AbsolutePath[..(start.AbsolutePath.LastIndexOf('/') + 1)];
            var home = await ReadHomepageAsync(ct);
            if (home.Unreachable is { } unreachable)
            {
                return unreachable with { Stats = new CheckStats(1, 0, watch.Elapsed.TotalSeconds) };
            }
            var columns = await ReadColumnsAsync(home.Page!, ct);
            progress?.Report($"{start}：抓取页面与检查链接（已发现栏目 {columns.Count} 个）");
            await CrawlAsync(ct);
            return Verdict(home, columns) with { Stats = new CheckStats(_parsed, fetcher.Requests, watch.Elapsed.TotalSeconds) };
        }

        /// <summary>A page that cannot be read is noted and skipped: the rest of the site is still judged.</summary>
        private void Unreadable(string url, Exception ex)
        {
            if (Interlocked.Increment(ref _unreadableCount) <= MaxListed)
            {
                _unreadable.Enqueue(new Finding("page_unreadable", "notice", url, $"页面无法解析：{ex.GetType().Name}: {ex.Message}"));
            }
        }

        private bool IsInternal(Uri u) => SameSite(u.Authority, _root.Authority) && u.AbsolutePath.StartsWith(_scopePrefix, StringComparison.Ordinal);

        // http and https of one host, and its www. and bare names, are one site.
        private static bool SameSite(string a, string b) =>
            string.Equals(TrimWww(a), TrimWww(b), StringComparison.OrdinalIgnoreCase);

        private static string TrimWww(string authority) =>
            authority.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? authority[4..] : authority;

        private PageReader? Read(FetchResult result)
        {
            Reading = result.Url.AbsoluteUri;
            try
            {
                return new PageReader(result.Html!, result.FinalUrl);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Unreadable(result.Url.AbsoluteUri, ex);
                return null;
            }
        }
    }
}
