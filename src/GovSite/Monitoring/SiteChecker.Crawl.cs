namespace GovSite.Monitoring;

public sealed partial class SiteChecker
{
    // Share buttons and the like: addresses built for a visitor's click, not pages of the site or
    // links to content. They are left out of the link check entirely.
    private static readonly string[] ShareEndpoints =
    [
        "service.weibo.com/share", "v.t.sina.com.cn/share", "connect.qq.com", "sns.qzone.qq.com", "share.v.t.qq.com", "widget.renren.com",
        "api.qrserver.com", "qr.liantu.com", "chart.googleapis.com", "www.facebook.com/sharer", "twitter.com/intent", "x.com/intent",
        "shuo.douban.com", "www.douban.com/share", "share.baidu.com", "bshare.cn", "jiathis.com",
    ];

    internal static bool IsShareLink(Uri u)
    {
        var s = u.Host + u.AbsolutePath;
        return ShareEndpoints.Any(e => s.StartsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private sealed partial class Run
    {
        /// <summary>Checks one fully parsed page of the site and queues its links.</summary>
        private void Harvest(PageReader page, FetchResult result)
        {
            var texts = page.TextNodes(withChrome: true);
            if (_boilerplate.Count > 0 && result.FinalUrl.AbsoluteUri != _root.AbsoluteUri)
            {
                foreach (var text in texts)
                {
                    var clean = PageReader.Clean(text);
                    if (_boilerplate.Contains(clean))
                    {
                        _repeated.TryAdd(clean, 0);
                    }
                }
            }
            Harvest(page.Title, texts.Concat(page.AltTexts()), page.RawLinks(), page.BaseUrl, result);
        }

        /// <summary>
        /// Checks one page of the site (its text and its images' alt texts against the dictionary,
        /// its speed) and queues its links, resolved against the page's base address.
        /// </summary>
        private void Harvest(string title, IEnumerable<string> texts, IEnumerable<string> rawLinks, Uri baseUrl, FetchResult result)
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
            var origin = baseUrl.GetLeftPart(UriPartial.Authority);
            foreach (var raw in rawLinks)
            {
                // Most links are root-relative and already seen: the set is asked first, so a
                // Uri is built only for a new URL (building one costs more than the lookup).
                if (SimpleRootPath(raw) && _seen.ContainsKey(string.Concat(origin, raw)))
                {
                    continue;
                }
                if (PageReader.Resolve(baseUrl, raw) is { } link && !IsShareLink(link))
                {
                    var inside = IsInternal(link);
                    if (inside || MayContact(link))
                    {
                        Enqueue(new Job(link, pageUrl, inside));
                    }
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
            if (text.Length < GovSite.Rules.SeriousErrors.MinTermLength - 1 || _clean.ContainsKey(text))
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

        /// <summary>An off-site address may be requested: external checks are on, or its host is allowed, or it is this site's own host.</summary>
        private bool MayContact(Uri link) =>
            options.ExternalLinks || options.AllowedHosts.Contains(link.Host) || SameSite(link.Authority, _root.Authority);

        private void Enqueue(Job job)
        {
            if (_queue is null || !_seen.TryAdd(job.Url.AbsoluteUri, 0))
            {
                return;
            }
            Interlocked.Increment(ref _pending);
            _queue.Writer.TryWrite(job);
        }

        /// <summary>Phase 3: everything else, breadth-first over the site, every link checked once.</summary>
        private async Task CrawlAsync(CancellationToken ct)
        {
            if (Volatile.Read(ref _pending) == 0)
            {
                return;
            }
            var workers = Enumerable.Range(0, Math.Max(8, Limits.PerHost * 2)).Select(_ => Task.Run(async () =>
            {
                await foreach (var job in _queue.Reader.ReadAllAsync(ct))
                {
                    try
                    {
                        await ProcessAsync(job, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Unreadable(job.Url.AbsoluteUri, ex);
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
                        Harvest(scan.Title, scan.Texts.Concat(scan.AltTexts), scan.Links, PageReader.BaseOf(result.FinalUrl, scan.BaseHref), result);
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
            return path[dot..].ToLowerInvariant() is ".html" or ".htm" or ".shtml" or ".php" or ".jsp" or ".asp" or ".aspx" or ".do" or ".xhtml";
        }
    }
}
