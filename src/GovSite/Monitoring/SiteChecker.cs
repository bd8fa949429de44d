using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using GovSite.Publishing;
using GovSite.Sites;

namespace GovSite.Monitoring;

/// <summary>
/// The checker: probes the homepage, reads the columns from the navigation and the homepage
/// blocks, then crawls the site breadth-first and checks every link. Page bodies are parsed and
/// dropped at once; what stays is one URL set and the findings, so memory grows with the number
/// of URLs, not with their pages.
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

    public async Task<SiteReport> CheckAsync(string url, CheckOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var start) || (start.Scheme != Uri.UriSchemeHttp && start.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"不是有效的网址：{url}", nameof(url));
        }
        using var fetcher = new Fetcher(_handler, _limits);
        var run = new Run(this, fetcher, start, options, progress, options.ExtraTerms.Count > 0 ? new SeriousErrors(options.ExtraTerms) : SeriousErrors.Default);
        return await run.ExecuteAsync(ct);
    }

    private sealed partial class Run(SiteChecker owner, Fetcher fetcher, Uri start, CheckOptions options, IProgress<string>? progress, SeriousErrors dictionary)
    {
        private readonly DateOnly _asOf = options.AsOf;
        private readonly CheckRules _rules = options.Rules;
        private readonly string _scopePrefix = start.AbsolutePath[..(start.AbsolutePath.LastIndexOf('/') + 1)];
        private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
        // Pages the column phase fetched itself; the crawl does not fetch them again.
        private readonly ConcurrentDictionary<string, byte> _fetched = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, BrokenLink> _broken = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (int Count, string Example)> _missingMeta = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SeriousFinding> _errors = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<Finding> _slow = new();
        private readonly ConcurrentDictionary<string, string> _itemKinds = new(StringComparer.Ordinal);
        private readonly ConcurrentBag<(string Url, int Missing, string[] Lacking)> _guides = [];
        private readonly ConcurrentBag<(string Url, MessageFacts Facts)> _messages = [];
        // Text nodes the dictionary found nothing in (see CheckText).
        private readonly ConcurrentDictionary<string, byte> _clean = new(StringComparer.Ordinal);
        private int _cleanCount;
        private const int MaxCleanTexts = 20_000;
        private int _pages;
        private int _parsed;
        private int _slowCount;
        private Channel<Job> _queue = null!;
        private int _pending;

        private sealed record Job(Uri Url, string FoundOn, bool Internal);
        private sealed class SeriousFinding(SeriousError error, string url)
        {
            public SeriousError Error { get; } = error;
            public string Url { get; } = url;
            public List<string> Evidence { get; } = [url];
        }

        private bool IsInternal(Uri u) => string.Equals(u.Authority, start.Authority, StringComparison.OrdinalIgnoreCase)
            && u.Scheme == start.Scheme && u.AbsolutePath.StartsWith(_scopePrefix, StringComparison.Ordinal);

        public async Task<SiteReport> ExecuteAsync(CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            _ = WarmUp.Value;
            progress?.Report($"{start}：可用性探测");
            var probes = new List<ProbeResult>();
            for (var i = 0; i < Math.Max(1, options.AvailabilityProbes); i++)
            {
                probes.Add(await Availability.ProbeAsync(fetcher.Http, start, owner._clock, ct));
            }
            var findings = new List<Finding>();
            var vetoes = new List<Veto>();
            var failedProbes = probes.Count(p => !p.Ok);
            _seen.TryAdd(start.AbsoluteUri, 0);
            var home = failedProbes == probes.Count ? null : await fetcher.GetAsync(start, keepHtml: true, ct);
            Interlocked.Increment(ref _pages);
            if (home is not { Ok: true, Html: not null })
            {
                var why = probes.FirstOrDefault(p => !p.Ok)?.Error ?? home?.Error ?? $"HTTP {home?.Status}";
                return new SiteReport
                {
                    Url = start.AbsoluteUri,
                    Verdict = "fail",
                    Vetoes = [new Veto(VetoCodes.SiteUnreachable, $"首页 {probes.Count} 次探测均未能在15秒内打开：{why}", [start.AbsoluteUri])],
                    Stats = new CheckStats(1, 0, watch.Elapsed.TotalSeconds),
                };
            }
            if (failedProbes > 0)
            {
                findings.Add(new Finding("availability_probe_failed", "deduction", start.AbsoluteUri,
                    $"首页 {probes.Count} 次探测中 {failedProbes} 次失败：{probes.First(p => !p.Ok).Error}"));
            }

            _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = false });
            var homePage = new PageReader(home.Html, home.FinalUrl);
            var name = NonEmpty(homePage.Meta("SiteName")) ?? SiteNameFromTitle(homePage.Title);
            var identifierCode = CheckFooter(homePage, findings);
            CheckMeta(homePage, ["SiteName", "SiteDomain", "SiteIDCode"], "首页");
            var homeDates = homePage.ContentDates(_asOf).Where(d => d <= _asOf.AddDays(1)).ToList();
            Harvest(homePage, home);

            // Columns: navigation, homepage blocks, then one level of side navigation.
            progress?.Report($"{start}：读取栏目");
            var candidates = new List<(string Name, Uri Url)>();
            var candidateUrls = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (n, u) in homePage.ColumnLinks())
            {
                if (IsInternal(u) && candidateUrls.Add(u.AbsoluteUri))
                {
                    candidates.Add((n, u));
                }
            }
            var columns = new ConcurrentBag<(int Order, ColumnReport Report, List<(string, Uri)> Children)>();
            await Parallel.ForEachAsync(candidates.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = ColumnParallelism, CancellationToken = ct },
                async (x, token) =>
                {
                    var (report, kids) = await ExamineColumnAsync(x.c.Name, x.c.Url, token);
                    columns.Add((x.i, report, kids));
                });
            var children = new List<(string Name, Uri Url)>();
            foreach (var (_, _, kids) in columns.OrderBy(c => c.Order))
            {
                foreach (var (n, u) in kids)
                {
                    if (IsInternal(u) && candidateUrls.Add(u.AbsoluteUri))
                    {
                        children.Add((n, u));
                    }
                }
            }
            var childReports = new ConcurrentBag<(int Order, ColumnReport Report)>();
            await Parallel.ForEachAsync(children.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = ColumnParallelism, CancellationToken = ct },
                async (x, token) => childReports.Add((x.i, (await ExamineColumnAsync(x.c.Name, x.c.Url, token)).Report)));
            var columnReports = columns.OrderBy(c => c.Order).Select(c => c.Report)
                .Concat(childReports.OrderBy(c => c.Order).Select(c => c.Report)).ToList();

            // Everything else: breadth-first over the site, every link checked.
            progress?.Report($"{start}：抓取页面与检查链接（已发现栏目 {columnReports.Count} 个）");
            await CrawlAsync(ct);

            // Judgement.
            var newestOnHome = homeDates.Count > 0 ? homeDates.Max() : (DateOnly?)null;
            // A homepage without any date is judged by its newest column instead.
            var newest = newestOnHome ?? columnReports.Where(c => c.Latest is not null)
                .Select(c => (DateOnly?)DateOnly.Parse(c.Latest!, System.Globalization.CultureInfo.InvariantCulture)).Max();
            if (newest is null || _asOf.DayNumber - newest.Value.DayNumber > _rules.HomepageStaleDays)
            {
                vetoes.Add(new Veto(VetoCodes.HomepageStale,
                    newest is null ? "首页未发现任何带日期的信息" : $"首页最新信息日期为 {newest:yyyy-MM-dd}，已 {_asOf.DayNumber - newest.Value.DayNumber} 天未更新（超过 {_rules.HomepageStaleDays} 天）",
                    [start.AbsoluteUri]));
            }
            var stale = columnReports.Where(c => c.Stale).ToList();
            var staleKey = stale.Where(c => ColumnTypes.IsKeyType(c.Type)).ToList();
            if (staleKey.Count >= _rules.StaleKeyColumnsForVeto || stale.Count >= _rules.StaleColumnsForVeto)
            {
                vetoes.Add(new Veto(VetoCodes.ColumnsStale,
                    $"动态、通知公告、政策文件类栏目中 {staleKey.Count} 个未按时更新，全部栏目中 {stale.Count} 个未按时更新：{string.Join("、", stale.Select(c => c.Name))}",
                    [.. stale.Select(c => c.Url)]));
            }
            var empty = columnReports.Where(c => c.Empty).ToList();
            if (empty.Count >= _rules.EmptyColumnsForVeto)
            {
                vetoes.Add(new Veto(VetoCodes.ColumnsEmpty, $"{empty.Count} 个栏目为空：{string.Join("、", empty.Select(c => c.Name))}", [.. empty.Select(c => c.Url)]));
            }
            if (!_errors.IsEmpty)
            {
                var list = _errors.Values.OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
                vetoes.Add(new Veto(VetoCodes.SeriousError,
                    string.Join("；", list.Take(10).Select(e => $"“{e.Error.Text}”应为“{e.Error.Term}”")),
                    [.. list.SelectMany(e => e.Evidence).Distinct().Take(MaxListed)]));
                findings.AddRange(list.Take(MaxListed).Select(e => new Finding("serious_error", "veto", e.Url, $"“{e.Error.Text}”应为“{e.Error.Term}”")));
            }
            var kind = options.Kind ?? Scoring.KindFromName(name);
            var homeLinks = homePage.NamedLinks();
            var channels = Offered(columnReports, "interaction", homeLinks.Where(l => ColumnTypes.NamesChannel(l.Name)));
            if (channels.Working.Count == 0)
            {
                vetoes.Add(new Veto(VetoCodes.InteractionUnresponsive, channels.All.Count == 0
                        ? "首页和导航中未发现任何互动交流渠道（信箱、留言、咨询、投诉等）"
                        : $"互动交流渠道均无法使用：{string.Join("、", channels.All.Take(5))}",
                    channels.All.Count == 0 ? [start.AbsoluteUri] : [.. channels.All.Take(MaxListed)]) { Reason = VetoReasons.NoChannel });
            }
            var services = Offered(columnReports, "service", homeLinks.Where(l => ColumnTypes.NamesService(l.Name)));
            var hasServices = services.Working.Count > 0 || !_guides.IsEmpty;
            // Only a portal must offer services; a department without external services is scored without them.
            if (kind == SiteKind.Portal && !hasServices)
            {
                vetoes.Add(new Veto(VetoCodes.ServiceGuideIncomplete, services.All.Count == 0
                        ? "门户网站首页和导航中未发现任何办事服务入口"
                        : $"办事服务入口均无法使用：{string.Join("、", services.All.Take(5))}",
                    services.All.Count == 0 ? [start.AbsoluteUri] : [.. services.All.Take(MaxListed)]) { Reason = VetoReasons.NoServices });
            }
            var unanswered = _messages.Where(m => m.Facts.Unresponsive(_asOf)).OrderBy(m => m.Url, StringComparer.Ordinal).ToList();
            if (unanswered.Count > 0)
            {
                vetoes.Add(new Veto(VetoCodes.InteractionUnresponsive,
                    $"{unanswered.Count} 条一年内的有效留言超过 {_rules.UnansweredMonths} 个月未答复：" + string.Join("；",
                        unanswered.Take(5).Select(m => $"{m.Facts.Posted:yyyy-MM-dd} 留言" + (m.Facts.Replied is { } r ? $"，{r:yyyy-MM-dd} 才答复" : "，至今未答复"))),
                    [.. unanswered.Select(m => m.Url).Take(MaxListed)]) { Reason = VetoReasons.UnansweredMessage });
            }
            var incomplete = _guides.Where(g => g.Missing >= _rules.GuideMissingElements).OrderBy(g => g.Url, StringComparer.Ordinal).ToList();
            foreach (var g in incomplete.Take(MaxListed))
            {
                findings.Add(new Finding("service_guide_incomplete", incomplete.Count >= _rules.IncompleteGuidesForVeto ? "veto" : "deduction", g.Url,
                    $"办事指南缺少 {g.Missing} 项要素：{string.Join("、", g.Lacking)}"));
            }
            if (incomplete.Count >= _rules.IncompleteGuidesForVeto)
            {
                vetoes.Add(new Veto(VetoCodes.ServiceGuideIncomplete,
                    $"{incomplete.Count} 个办事指南各缺少 {_rules.GuideMissingElements} 项及以上要素", [.. incomplete.Select(g => g.Url).Take(MaxListed)])
                { Reason = VetoReasons.IncompleteGuides });
            }
            foreach (var c in stale.Where(_ => vetoes.All(v => v.Code != VetoCodes.ColumnsStale)))
            {
                findings.Add(new Finding("column_stale", "deduction", c.Url, $"栏目“{c.Name}”最新信息为 {c.Latest}，未按时更新"));
            }
            foreach (var c in empty.Where(_ => vetoes.All(v => v.Code != VetoCodes.ColumnsEmpty)))
            {
                findings.Add(new Finding("column_empty", "deduction", c.Url, $"栏目“{c.Name}”为空"));
            }
            foreach (var (tag, (count, example)) in _missingMeta.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                findings.Add(new Finding("missing_meta_tag", "deduction", example, $"{tag}（{count} 个页面缺少）"));
            }
            findings.AddRange(_slow.Take(MaxListed));
            var broken = _broken.Values.OrderBy(b => b.Url, StringComparer.Ordinal).ToList();
            findings.AddRange(broken.Take(MaxListed).Select(b => new Finding("broken_link", "deduction", b.Url,
                $"{(b.Status is { } s ? $"HTTP {s}" : b.Error)}（所在页面 {b.FoundOn}）")));

            var bonus = kind == SiteKind.Portal ? Scoring.BonusItemsIn(homeLinks.Select(l => l.Name)) : [];
            var score = vetoes.Count > 0 ? (double?)null : Scoring.Score(findings, broken.Count, _slowCount, kind, hasServices, bonus);
            return new SiteReport
            {
                Url = start.AbsoluteUri,
                Name = name,
                IdentifierCode = identifierCode ?? NonEmpty(homePage.Meta("SiteIDCode")),
                Verdict = vetoes.Count > 0 || score < Scoring.PassMark ? "fail" : "pass",
                Score = score,
                Kind = kind == SiteKind.Portal ? "portal" : "department",
                Bonus = bonus,
                Vetoes = vetoes,
                Findings = findings,
                Columns = columnReports,
                BrokenLinks = broken,
                Stats = new CheckStats(_parsed, fetcher.Requests, watch.Elapsed.TotalSeconds),
            };
        }

        /// <summary>
        /// Where the site offers something (interaction, services): its columns of that type and the
        /// links that name it, on the site or off it; working = not found broken by the crawl.
        /// </summary>
        private (List<string> All, List<string> Working) Offered(List<ColumnReport> columns, string type, IEnumerable<(string Name, Uri Url)> links)
        {
            var all = columns.Where(c => c.Type == type).Select(c => c.Url).Concat(links.Select(l => l.Url.AbsoluteUri)).Distinct(StringComparer.Ordinal).ToList();
            return (all, [.. all.Where(u => !_broken.ContainsKey(u))]);
        }

        /// <summary>Reads a column's list pages, following pagination; notes its items for the item checks.</summary>
        private async Task<(ColumnReport Report, List<(string, Uri)> Children)> ExamineColumnAsync(string name, Uri url, CancellationToken ct)
        {
            var type = ColumnTypes.FromName(name);
            var items = 0;
            DateOnly? latest = null;
            var mainText = 0;
            var itemUrls = new List<Uri>();
            var children = new List<(string, Uri)>();
            Uri? next = url;
            for (var page = 0; next is not null && page < 1000 && _pages < options.MaxPages; page++)
            {
                if (!_fetched.TryAdd(next.AbsoluteUri, 0) && page > 0)
                {
                    break;
                }
                _seen.TryAdd(next.AbsoluteUri, 0);
                var result = await fetcher.GetAsync(next, keepHtml: true, ct);
                Interlocked.Increment(ref _pages);
                if (!result.Ok || result.Html is null)
                {
                    if (!result.Ok)
                    {
                        _broken.TryAdd(next.AbsoluteUri, new BrokenLink(next.AbsoluteUri, start.AbsoluteUri, result.Status, result.Error));
                    }
                    break;
                }
                var reader = new PageReader(result.Html, result.FinalUrl);
                if (page == 0)
                {
                    children = reader.SubColumnLinks();
                    CheckMeta(reader, ["ColumnName", "ColumnType"], "栏目页");
                    mainText = reader.Text(withChrome: false).Length;
                }
                Harvest(reader, result);
                var list = reader.ListItems(_asOf).Where(i => IsInternal(i.Url)).ToList();
                items += list.Count;
                foreach (var item in list)
                {
                    if (item.Date is { } d && d <= _asOf.AddDays(1) && (latest is null || d > latest))
                    {
                        latest = d;
                    }
                    if (type is "service" or "interaction")
                    {
                        itemUrls.Add(item.Url);
                    }
                    else
                    {
                        _itemKinds.TryAdd(item.Url.AbsoluteUri, "article");
                    }
                }
                next = reader.NextPage();
                if (next is not null && !IsInternal(next))
                {
                    next = null;
                }
            }
            foreach (var item in itemUrls)
            {
                if (_pages >= options.MaxPages || !_fetched.TryAdd(item.AbsoluteUri, 0))
                {
                    continue;
                }
                _seen.TryAdd(item.AbsoluteUri, 0);
                var result = await fetcher.GetAsync(item, keepHtml: true, ct);
                Interlocked.Increment(ref _pages);
                if (!result.Ok || result.Html is null)
                {
                    if (!result.Ok)
                    {
                        _broken.TryAdd(item.AbsoluteUri, new BrokenLink(item.AbsoluteUri, url.AbsoluteUri, result.Status, result.Error));
                    }
                    continue;
                }
                var reader = new PageReader(result.Html, result.FinalUrl);
                Harvest(reader, result);
                CheckMeta(reader, ["ArticleTitle", "PubDate"], "文章页");
                if (type == "service")
                {
                    var present = ServiceGuides.Present(reader);
                    if (ServiceGuides.IsGuide(reader, present))
                    {
                        var lacking = ServiceGuides.Elements.Where(e => !present.Contains(e)).ToArray();
                        _guides.Add((item.AbsoluteUri, lacking.Length, lacking));
                    }
                }
                else if (Messages.Read(reader, _asOf) is { } message)
                {
                    _messages.Add((item.AbsoluteUri, message));
                }
            }
            // A column that is one page of text (机构概况 often is) has no list but is not empty.
            var isEmpty = items == 0 && mainText < 150;
            var staleAfter = ColumnTypes.StaleAfterDays(type);
            var isStale = latest is { } l && staleAfter is { } days && _asOf.DayNumber - l.DayNumber > days;
            return (new ColumnReport(name, url.AbsoluteUri, type, latest?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), items, isStale, isEmpty), children);
        }

        /// <summary>Checks one fully parsed page of the site and queues its links.</summary>
        private void Harvest(PageReader page, FetchResult result) =>
            Harvest(page.Title, page.TextNodes(withChrome: true), page.RawLinks(), result);

        /// <summary>Checks one page of the site (its text against the dictionary, its speed) and queues its links.</summary>
        private void Harvest(string title, IEnumerable<string> texts, IEnumerable<string> rawLinks, FetchResult result)
        {
            Interlocked.Increment(ref _parsed);
            if (result.Elapsed > _rules.SlowPage)
            {
                if (Interlocked.Increment(ref _slowCount) <= MaxListed)
                {
                    _slow.Enqueue(new Finding("slow_page", "deduction", result.Url.AbsoluteUri, $"页面加载用时 {result.Elapsed.TotalSeconds:0.0} 秒（超过 {_rules.SlowPage.TotalSeconds:0} 秒）"));
                }
            }
            var pageUrl = result.Url.AbsoluteUri;
            CheckText(title, pageUrl);
            foreach (var text in texts)
            {
                CheckText(text, pageUrl);
            }
            var origin = result.FinalUrl.GetLeftPart(UriPartial.Authority);
            foreach (var raw in rawLinks)
            {
                // Most links are root-relative and already seen: the set is asked first, so a
                // Uri is built only for a new URL (building one costs more than the lookup).
                if (SimpleRootPath(raw) && _seen.ContainsKey(string.Concat(origin, raw)))
                {
                    continue;
                }
                if (PageReader.Resolve(result.FinalUrl, raw) is { } link)
                {
                    Enqueue(new Job(link, pageUrl, IsInternal(link)));
                }
            }
        }

        /// <summary>
        /// The dictionary runs per text node: a near miss never spans two nodes (its window must be
        /// all ideographs), so the answer is the same as for the whole text, and a node repeated on
        /// every page (navigation, footer, boilerplate) is looked up once. The memo is bounded.
        /// </summary>
        private void CheckText(string text, string pageUrl)
        {
            if (text.Length < SeriousErrors.MinTermLength - 1 || _clean.ContainsKey(text))
            {
                return;
            }
            var errors = dictionary.Find(text);
            if (errors.Count == 0)
            {
                if (Interlocked.Increment(ref _cleanCount) <= MaxCleanTexts)
                {
                    _clean.TryAdd(text, 0);
                }
                return;
            }
            foreach (var error in errors)
            {
                var finding = _errors.GetOrAdd(error.Text, _ => new SeriousFinding(error, pageUrl));
                lock (finding)
                {
                    if (finding.Evidence.Count < 10 && !finding.Evidence.Contains(pageUrl))
                    {
                        finding.Evidence.Add(pageUrl);
                    }
                }
            }
        }

        /// <summary>"/a/b.html?x=1": a path that Uri would keep exactly as written.</summary>
        private static bool SimpleRootPath(string raw)
        {
            if (raw.Length < 2 || raw[0] != '/' || raw[1] == '/')
            {
                return false;
            }
            for (var k = 1; k < raw.Length; k++)
            {
                var c = raw[k];
                if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '?' or '=' or '&' or '.')
                    || (c == '.' && raw[k - 1] == '/'))
                {
                    return false;
                }
            }
            return true;
        }

        private void Enqueue(Job job)
        {
            if (_queue is null || !_seen.TryAdd(job.Url.AbsoluteUri, 0))
            {
                return;
            }
            Interlocked.Increment(ref _pending);
            _queue.Writer.TryWrite(job);
        }

        private async Task CrawlAsync(CancellationToken ct)
        {
            if (Volatile.Read(ref _pending) == 0)
            {
                return;
            }
            var workers = Enumerable.Range(0, Math.Max(8, limits.PerHost * 2)).Select(_ => Task.Run(async () =>
            {
                await foreach (var job in _queue.Reader.ReadAllAsync(ct))
                {
                    try
                    {
                        await ProcessAsync(job, ct);
                    }
                    finally
                    {
                        if (Interlocked.Decrement(ref _pending) == 0)
                        {
                            _queue.Writer.TryComplete();
                        }
                    }
                }
            }, ct)).ToList();
            await Task.WhenAll(workers);
        }

        private CrawlLimits limits => owner._limits;

        // Columns are read one page after another (pagination); several columns at once keep the
        // host's connections busy. The per-host gate still bounds what reaches the site.
        private int ColumnParallelism => Math.Max(4, limits.PerHost);

        private async Task ProcessAsync(Job job, CancellationToken ct)
        {
            if (_fetched.ContainsKey(job.Url.AbsoluteUri))
            {
                return;
            }
            FetchResult result;
            if (job.Internal && LooksLikePage(job.Url))
            {
                if (Interlocked.Increment(ref _pages) > options.MaxPages)
                {
                    return;
                }
                result = await fetcher.GetAsync(job.Url, keepHtml: true, ct);
                if (result.Ok && result.Html is not null)
                {
                    // A page reached only by the crawl needs no DOM: the scan gives its text and links.
                    var scan = PageScan.Read(result.Html);
                    if (_itemKinds.ContainsKey(job.Url.AbsoluteUri))
                    {
                        CheckMeta(scan.HasMeta, result.FinalUrl, ["ArticleTitle", "PubDate"], "文章页");
                    }
                    // Off-site after a redirect: checked, not crawled further.
                    if (IsInternal(result.FinalUrl))
                    {
                        Harvest(scan.Title, scan.Texts, scan.Links, result);
                    }
                }
            }
            else
            {
                result = await fetcher.CheckLinkAsync(job.Url, ct);
            }
            if (!result.Ok)
            {
                _broken.TryAdd(job.Url.AbsoluteUri, new BrokenLink(job.Url.AbsoluteUri, job.FoundOn, result.Status, result.Error));
            }
        }

        private static bool LooksLikePage(Uri u)
        {
            var path = u.AbsolutePath;
            var dot = path.LastIndexOf('.');
            if (dot < 0 || dot < path.LastIndexOf('/'))
            {
                return true;
            }
            return path[dot..].ToLowerInvariant() is ".html" or ".htm" or ".shtml" or ".php" or ".jsp" or ".asp" or ".aspx" or ".do";
        }

        private void CheckMeta(PageReader page, string[] tags, string kind) => CheckMeta(page.HasMeta, page.Url, tags, kind);

        private void CheckMeta(Func<string, bool> hasMeta, Uri url, string[] tags, string kind)
        {
            foreach (var tag in tags)
            {
                if (!hasMeta(tag))
                {
                    _missingMeta.AddOrUpdate($"{kind} {tag}", _ => (1, url.AbsoluteUri), (_, v) => (v.Count + 1, v.Example));
                }
            }
        }

        /// <summary>Footer items and the identifier code; returns the code when one is shown.</summary>
        private string? CheckFooter(PageReader home, List<Finding> findings)
        {
            var (text, links) = home.Footer();
            var flat = PageReader.Clean(text);
            string? code = null;
            if (IdentifierCode().Match(flat) is { Success: true } m)
            {
                code = m.Groups[1].Value;
                if (SiteCode.Check(code).Warning is { } warning)
                {
                    findings.Add(new Finding("invalid_identifier_code", "deduction", start.AbsoluteUri, $"{code}：{warning}"));
                }
            }
            else
            {
                Missing("identifier_code");
            }
            if (!Icp().IsMatch(flat))
            {
                Missing("icp");
            }
            if (!Police().IsMatch(flat))
            {
                Missing("police_record");
            }
            if (!links.Any(a => a.TextContent.Contains("找错", StringComparison.Ordinal) || (a.GetAttribute("href") ?? "").Contains("jiucuo", StringComparison.OrdinalIgnoreCase)))
            {
                Missing("error_report_entry");
            }
            if (!HostUnit().IsMatch(flat))
            {
                Missing("host_unit");
            }
            if (!Contact().IsMatch(flat))
            {
                Missing("contact");
            }
            return code;

            void Missing(string item) => findings.Add(new Finding("missing_footer_item", "deduction", start.AbsoluteUri, item));
        }

        private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        private static string? SiteNameFromTitle(string title) =>
            NonEmpty(title.Split(['-', '_', '|', '—', '–'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault());

        [GeneratedRegex(@"网站标识码[：:]?([A-Za-z0-9]+)")]
        private static partial Regex IdentifierCode();

        [GeneratedRegex(@"ICP(备|证)\d+号", RegexOptions.IgnoreCase)]
        private static partial Regex Icp();

        [GeneratedRegex(@"公网安备\d+号|公安机关备案号[：:]?\d+")]
        private static partial Regex Police();

        [GeneratedRegex(@"主办单位|主办[：:]")]
        private static partial Regex HostUnit();

        [GeneratedRegex(@"(联系方式|联系电话|电话|邮箱|联系我们)[：:]?\s*[0-9０-９(（]|@|联系我们")]
        private static partial Regex Contact();
    }
}
