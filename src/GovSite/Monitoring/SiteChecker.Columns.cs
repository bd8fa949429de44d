using System.Collections.Concurrent;
using System.Globalization;
using GovSite.Rules;

namespace GovSite.Monitoring;

public sealed partial class SiteChecker
{
    /// <summary>What a navigation entry turned out to be.</summary>
    private enum PageKind
    {
        /// <summary>A list of dated (or titled) entries: a column.</summary>
        List,

        /// <summary>A list page with nothing in it, or one that says 暂无信息: an empty column.</summary>
        EmptyList,

        /// <summary>A single page (机构概况, 联系我们), an entry page (依申请公开, a form) or a section front: not a column.</summary>
        Page,

        /// <summary>The address did not answer.</summary>
        Broken,
    }

    private sealed record ColumnResult(ColumnReport Report, PageKind Kind, List<(string Name, Uri Url)> Children);

    // Names of pages that are not columns (domain.md: single pages and entry pages).
    private static readonly string[] SinglePageWords =
    [
        "联系我们", "联系方式", "网站声明", "网站地图", "关于我们", "隐私", "版权", "使用帮助", "帮助", "无障碍", "机构职能", "机构概况", "部门概况",
        "单位概况", "领导信息", "领导简介", "领导之窗", "现任领导", "本局领导", "部门领导", "机构设置", "内设机构", "主要职责", "职能配置", "简介", "概况",
        "走进", "地理", "历史", "区划", "人口", "自然", "交通", "网站纠错", "我为政府网站找错", "English", "无障碍浏览", "长者模式",
    ];

    private static readonly string[] EntryPageWords =
    [
        "政府信息公开目录", "信息公开目录", "公开目录", "依申请公开", "申请公开", "政府信息公开指南", "信息公开指南", "公开指南", "政府信息公开制度",
        "信息公开制度", "意见箱", "我要写信", "我要留言", "我要咨询", "我要投诉", "写信", "在线申请", "搜索", "检索",
    ];

    private static bool NamedSinglePage(string name) => SinglePageWords.Any(w => name.Contains(w, StringComparison.Ordinal));

    private static bool NamedEntryPage(string name) => EntryPageWords.Any(w => name.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// The front of a site's disclosure section (政务公开, 政府信息公开): the entry to the 政府信息公开目录,
    /// never itself a list of items, so never an empty column when it leads on (domain.md).
    /// </summary>
    private static bool NamedDisclosureFront(string name) =>
        name is "政务公开" or "政府信息公开" or "信息公开" or "政务信息公开" or "政府信息公开专栏" or "政务公开专栏" or "信息公开专栏" or "法定主动公开内容";

    private sealed partial class Run
    {
        /// <summary>At most this many columns are read, nested ones included.</summary>
        private const int MaxColumns = 120;

        /// <summary>Phase 2: the columns, from the navigation and homepage blocks, then two levels of sub-columns.</summary>
        private async Task<List<ColumnReport>> ReadColumnsAsync(PageReader homePage, CancellationToken ct)
        {
            progress?.Report($"{start}：读取栏目");
            var known = new HashSet<string>(StringComparer.Ordinal) { homePage.Url.AbsoluteUri, _root.AbsoluteUri };
            var level = new List<(string Name, Uri Url)>();
            foreach (var (n, u) in homePage.ColumnLinks())
            {
                if (IsInternal(u) && known.Add(u.AbsoluteUri))
                {
                    level.Add((n, u));
                }
            }
            var reports = new List<ColumnReport>();
            for (var depth = 0; depth < 3 && level.Count > 0 && reports.Count < MaxColumns; depth++)
            {
                var results = new ConcurrentDictionary<int, ColumnResult>();
                var take = level.Take(MaxColumns - reports.Count).ToList();
                await Parallel.ForEachAsync(take.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = ColumnParallelism, CancellationToken = ct },
                    async (x, token) => results[x.i] = await ExamineColumnAsync(x.c.Name, x.c.Url, depth, token));
                var next = new List<(string Name, Uri Url)>();
                foreach (var (_, result) in results.OrderBy(r => r.Key))
                {
                    // The navigation's entries are all reported; nested ones only when they are columns.
                    if (depth == 0 || result.Kind is PageKind.List or PageKind.EmptyList)
                    {
                        reports.Add(result.Report);
                    }
                    foreach (var (n, u) in result.Children)
                    {
                        if (IsInternal(u) && known.Add(u.AbsoluteUri))
                        {
                            next.Add((n, u));
                        }
                    }
                }
                level = next;
            }
            return reports;
        }

        // Columns are read one page after another (pagination); several columns at once keep the
        // host's connections busy. The per-host gate still bounds what reaches the site.
        private int ColumnParallelism => Math.Max(4, Limits.PerHost);

        /// <summary>Reads a column's list pages, following pagination; notes its items for the item checks.</summary>
        private async Task<ColumnResult> ExamineColumnAsync(string name, Uri url, int depth, CancellationToken ct)
        {
            var type = ColumnTypes.FromName(name);
            var items = new List<ListItem>();
            var children = new List<(string, Uri)>();
            var rows = new List<(Uri? Url, MessageFacts Facts)>();
            PageReader? first = null;
            // The page that holds the list, when it is not the column page itself (an iframe's document).
            PageReader? framedList = null;
            var broken = false;
            var isHub = false;
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
                        broken |= page == 0;
                    }
                    break;
                }
                if (Read(result) is not { } reader)
                {
                    break;
                }
                if (page == 0 && reader.Forward() is { } forward && IsInternal(forward) && _fetched.TryAdd(forward.AbsoluteUri, 0))
                {
                    // A column that forwards to its first sub-column (政务公开 → 政府信息公开目录).
                    var forwarded = await fetcher.GetAsync(forward, keepHtml: true, ct);
                    Interlocked.Increment(ref _pages);
                    if (forwarded is { Ok: true, Html: not null } && Read(forwarded) is { } target)
                    {
                        Harvest(reader, result);
                        (reader, result) = (target, forwarded);
                    }
                }
                if (page == 0)
                {
                    first = reader;
                    if (depth < 2)
                    {
                        children = reader.SubColumnLinks();
                    }
                }
                Harvest(reader, result);
                var minTitle = type is "service" or "interaction" ? 4 : 6;
                if (page == 0 && reader.ListItems(_asOf, minTitle).Count == 0 && reader.FrameSources().FirstOrDefault(IsInternal) is { } frame
                    && _fetched.TryAdd(frame.AbsoluteUri, 0))
                {
                    // Dreamweaver-era column pages hold their list in an iframe (list.htm, list_2.htm):
                    // the frame's document is the list, and its pager is the column's.
                    _seen.TryAdd(frame.AbsoluteUri, 0);
                    var framed = await fetcher.GetAsync(frame, keepHtml: true, ct);
                    Interlocked.Increment(ref _pages);
                    if (!framed.Ok)
                    {
                        _broken.TryAdd(frame.AbsoluteUri, new BrokenLink(frame.AbsoluteUri, url.AbsoluteUri, framed.Status, framed.Error));
                    }
                    else if (framed.Html is not null && Read(framed) is { } inner)
                    {
                        Harvest(inner, framed);
                        (reader, result, framedList) = (inner, framed, inner);
                    }
                }
                if (page == 0 && depth < 2 && type != "service" && !NamedSinglePage(name))
                {
                    // A section front: its own list holds short names without dates, the sub-columns.
                    var hub = reader.HubLinks(_asOf).Where(h => IsInternal(h.Url)).ToList();
                    if (hub.Count >= 2 && !reader.ListItems(_asOf).Any(i => i.Date is not null))
                    {
                        children.AddRange(hub);
                        isHub = true;
                    }
                }
                var list = reader.ListItems(_asOf, minTitle).Where(i => IsInternal(i.Url) && !IsColumnLink(i.Url, children)).ToList();
                items.AddRange(list);
                if (type == "interaction")
                {
                    var pageRows = Messages.Rows(reader, _asOf);
                    rows.AddRange(pageRows);
                    // Lists run newest first: past a page of messages all older than a year, the rest cannot matter.
                    if (pageRows.Count > 0 && pageRows.All(r => r.Facts.Posted < _asOf.AddYears(-1)))
                    {
                        break;
                    }
                }
                next = reader.NextPage();
                if (next is not null && !IsInternal(next))
                {
                    next = null;
                }
            }
            items = [.. items.DistinctBy(i => i.Url.AbsoluteUri)];
            foreach (var item in items.Where(i => type is not ("service" or "interaction")))
            {
                _itemKinds.TryAdd(item.Url.AbsoluteUri, "article");
            }
            var latest = items.Where(i => i.Date is { } d && d <= _asOf.AddDays(1)).Select(i => i.Date).Max();
            if (latest is null && items.Count > 0 && ColumnTypes.StaleAfterDays(type) is not null)
            {
                // Dates only on the articles themselves: the newest entries are read for theirs.
                latest = await DatesFromItemsAsync(items.Take(3), url, ct);
            }
            if (type == "service")
            {
                await ReadGuidesAsync(items, url, ct);
            }
            else if (type == "interaction")
            {
                await ReadMessagesAsync(rows, items, url, ct);
            }
            var kind = broken ? PageKind.Broken : Classify(name, type, first, framedList, items.Count, rows.Count, isHub);
            if (kind == PageKind.Page && type is "news" or "notice" or "policy" or "personnel" or "planning" && !NamedSinglePage(name))
            {
                // A dated-list name on a page of text stays what the site calls it, but is judged as a page.
                type = "overview";
            }
            if (first is not null && kind is PageKind.List or PageKind.EmptyList)
            {
                // The column meta tags belong on column pages, not on single or entry pages.
                CheckMeta(first, ["ColumnName", "ColumnType"], "栏目页");
            }
            var staleAfter = ColumnTypes.StaleAfterDays(type);
            var isStale = kind == PageKind.List && latest is { } l && staleAfter is { } days && _asOf.DayNumber - l.DayNumber > days;
            var report = new ColumnReport(name, url.AbsoluteUri, type, latest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Math.Max(items.Count, rows.Count), isStale, kind == PageKind.EmptyList);
            return new ColumnResult(report, kind, kind is PageKind.Broken ? [] : children);
        }

        /// <summary>A link of the list that is one of the page's sub-columns, not an entry.</summary>
        private static bool IsColumnLink(Uri url, List<(string, Uri Url)> children) => children.Any(c => c.Url.AbsoluteUri == url.AbsoluteUri);

        /// <summary>
        /// A column page without entries is empty when it says so or holds nothing of its own; a
        /// single page, an entry page (依申请公开, a form) or a section front is not a column at all.
        /// </summary>
        private PageKind Classify(string name, string type, PageReader? page, PageReader? framedList, int items, int rows, bool isHub)
        {
            if (items > 0 || rows > 0)
            {
                return PageKind.List;
            }
            if (page is null)
            {
                return PageKind.Page;
            }
            // An entry page is not an empty column even when it says it has nothing to show yet (a
            // mailbox that takes letters and has published none).
            if (NamedEntryPage(name) || NamedSinglePage(name) || page.OffersWriting()
                || type is "interaction" && page.Document.QuerySelector("form") is not null
                || NamedDisclosureFront(name) && page.LeadsOn())
            {
                return PageKind.Page;
            }
            if (framedList is not null)
            {
                // The list lives in a frame of its own: what the frame holds decides.
                page = framedList;
            }
            // A content system's list that the page carries as data (大汉 JCMS's datastore) with no
            // records is empty, whatever else the page's template shows.
            if (page.SaysNothing() || page.HasEmptyDataStore())
            {
                return PageKind.EmptyList;
            }
            if (page.OwnText(_boilerplate, name) >= 30)
            {
                return PageKind.Page;
            }
            // A section front that only leads to its sub-columns (政府信息公开, 政民互动).
            if (isHub)
            {
                return PageKind.Page;
            }
            return PageKind.EmptyList;
        }

        /// <summary>The newest publication date the first entries' own pages state.</summary>
        private async Task<DateOnly?> DatesFromItemsAsync(IEnumerable<ListItem> items, Uri column, CancellationToken ct)
        {
            DateOnly? latest = null;
            foreach (var item in items)
            {
                if (await FetchItemAsync(item.Url, column, ct) is { } page && page.PublishedOn(_asOf) is { } d && d <= _asOf.AddDays(1) && (latest is null || d > latest))
                {
                    latest = d;
                }
            }
            return latest;
        }

        /// <summary>An entry's page, fetched once for the whole check; null when it does not load.</summary>
        private async Task<PageReader?> FetchItemAsync(Uri item, Uri foundOn, CancellationToken ct)
        {
            if (_pages >= options.MaxPages || !_fetched.TryAdd(item.AbsoluteUri, 0))
            {
                return null;
            }
            _seen.TryAdd(item.AbsoluteUri, 0);
            var result = await fetcher.GetAsync(item, keepHtml: true, ct);
            Interlocked.Increment(ref _pages);
            if (!result.Ok || result.Html is null)
            {
                if (!result.Ok)
                {
                    _broken.TryAdd(item.AbsoluteUri, new BrokenLink(item.AbsoluteUri, foundOn.AbsoluteUri, result.Status, result.Error));
                }
                return null;
            }
            if (Read(result) is not { } reader)
            {
                return null;
            }
            Harvest(reader, result);
            if (_itemKinds.ContainsKey(item.AbsoluteUri))
            {
                CheckMeta(reader, ["ArticleTitle", "PubDate"], "文章页");
            }
            return reader;
        }

        /// <summary>Service guides: every entry of a service column (and of its category pages, one level down).</summary>
        private async Task ReadGuidesAsync(List<ListItem> items, Uri column, CancellationToken ct)
        {
            var queue = new Queue<(ListItem Item, int Level)>(items.Select(i => (i, 0)));
            while (queue.Count > 0 && _pages < options.MaxPages)
            {
                var (item, level) = queue.Dequeue();
                if (await FetchItemAsync(item.Url, column, ct) is not { } page)
                {
                    continue;
                }
                var present = ServiceGuides.Present(page);
                var listed = page.ListItems(_asOf, 4).Where(i => IsInternal(i.Url)).ToList();
                // A page that lists three or more entries and shows few elements is a list of guides
                // (办事指南, a theme's items), even when its heading says 指南.
                if (present.Count >= 3 || (listed.Count < 3 && ServiceGuides.IsGuide(page, present)))
                {
                    var lacking = ServiceGuides.Elements.Where(e => !present.Contains(e)).ToArray();
                    _guides.TryAdd(item.Url.AbsoluteUri, (lacking.Length, lacking));
                }
                else if (level < 2)
                {
                    foreach (var inner in listed)
                    {
                        queue.Enqueue((inner, level + 1));
                    }
                }
            }
        }

        /// <summary>Messages: what the list rows say, completed by each message's own page.</summary>
        private async Task ReadMessagesAsync(List<(Uri? Url, MessageFacts Facts)> rows, List<ListItem> items, Uri column, CancellationToken ct)
        {
            var byUrl = new Dictionary<string, MessageFacts>(StringComparer.Ordinal);
            var k = 0;
            foreach (var (rowUrl, facts) in rows)
            {
                if (rowUrl is null || !IsInternal(rowUrl))
                {
                    _messages.TryAdd($"{column.AbsoluteUri}#row{k++}", facts);
                }
                else
                {
                    byUrl[rowUrl.AbsoluteUri] = facts;
                }
            }
            var urls = items.Select(i => i.Url).Concat(rows.Where(r => r.Url is not null && IsInternal(r.Url)).Select(r => r.Url!))
                .DistinctBy(u => u.AbsoluteUri).ToList();
            foreach (var url in urls)
            {
                // Rows older than a year, or answered by their list's own word, need no visit to be judged.
                var row = byUrl.GetValueOrDefault(url.AbsoluteUri);
                if (row is not null && (row.Posted < _asOf.AddYears(-1) || row.Answered && row.Replied is not null))
                {
                    _messages.TryAdd(url.AbsoluteUri, row);
                    continue;
                }
                var detail = await FetchItemAsync(url, column, ct) is { } page ? Messages.Read(page, _asOf) : null;
                var facts = row?.Merge(detail) ?? detail;
                if (facts is not null)
                {
                    _messages.TryAdd(url.AbsoluteUri, facts);
                }
            }
        }
    }
}
