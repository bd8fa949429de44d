using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Quality;

public sealed class QualityOptions
{
    public const string HttpClientName = "quality-links";
    public const string LinkJobType = "quality.link";

    /// <summary>Hosts of this platform itself (its /sites/{code}/ URLs are internal links).</summary>
    public HashSet<string> PlatformHosts { get; } = new(StringComparer.OrdinalIgnoreCase) { "localhost" };

    /// <summary>An external link slower than this counts as broken: a reader would give up too.</summary>
    public TimeSpan LinkTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>External results older than this are checked again.</summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The background check never connects to loopback or private addresses, so a link in an
    /// article cannot make the server probe its own network. Tests turn this off.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}

/// <param name="Reason">Chinese, for the finding's detail.</param>
public sealed record BrokenLink(BodyElement Element, string Reason);

/// <summary>
/// Broken links and images in a body. Links into the platform (a hosted site's domain, this
/// platform's /sites/{code}/ URLs, or relative URLs) are checked against the database at once;
/// external ones by a background job whose results are kept in a table: the gate reports
/// those already known broken and queues the unknown and the stale.
/// </summary>
public sealed class QualityLinks(GovSiteDb db, SiteDirectory sites, JobQueue jobs, QualityOptions options, TimeProvider clock)
{
    private sealed record Internal(BodyElement Element, int SiteId, string Path);

    public async Task<List<BrokenLink>> FindBrokenAsync(int siteId, IReadOnlyList<BodyElement> elements, CancellationToken ct)
    {
        var broken = new List<BrokenLink>();
        var internals = new List<Internal>();
        var externals = new List<(BodyElement Element, string Url)>();
        foreach (var e in elements)
        {
            var url = WebUtility.HtmlDecode(e.Url.Trim());
            if (url.Length == 0 || url.StartsWith('#') || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ||
                url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https")
            {
                var host = HostName.Normalise(abs.Authority);
                if (sites.FindByHost(host) is { } hosted)
                {
                    internals.Add(new Internal(e, hosted.Id, abs.AbsolutePath));
                }
                else if (options.PlatformHosts.Contains(host) || options.PlatformHosts.Contains(abs.Host))
                {
                    internals.Add(new Internal(e, siteId, abs.AbsolutePath));
                }
                else
                {
                    externals.Add((e, abs.GetLeftPart(UriPartial.Query)));
                }
            }
            else if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            {
                var path = url.Split('?', '#')[0];
                internals.Add(new Internal(e, siteId, path));
            }
            else if (url.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate("https:" + url, UriKind.Absolute, out var schemeless))
            {
                externals.Add((e, schemeless.GetLeftPart(UriPartial.Query)));
            }
        }
        broken.AddRange(await CheckInternalAsync(internals, ct));
        broken.AddRange(await CheckExternalAsync(externals, ct));
        return broken;
    }

    private async Task<List<BrokenLink>> CheckInternalAsync(List<Internal> links, CancellationToken ct)
    {
        var broken = new List<BrokenLink>();
        var articles = new List<(Internal Link, int Site, int Id)>();
        var columns = new List<(Internal Link, int Site, int Id)>();
        var topics = new List<(Internal Link, int Site, int Id)>();
        foreach (var link in links)
        {
            var segments = link.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var site = link.SiteId;
            if (segments.Length >= 2 && segments[0] == "sites")
            {
                if (sites.FindByCode(Uri.UnescapeDataString(segments[1])) is not { } named)
                {
                    broken.Add(new BrokenLink(link.Element, $"链接指向的网站（标识码 {segments[1]}）在平台上不存在"));
                    continue;
                }
                site = named.Id;
                segments = segments[2..];
            }
            // The public routes whose target can vanish; other paths (home, search, sitemap) always answer.
            if (segments.Length >= 2 && int.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                var target = (link, site, id);
                switch (segments[0])
                {
                    case "articles":
                        articles.Add(target);
                        break;
                    case "columns":
                        columns.Add(target);
                        break;
                    case "topics":
                        topics.Add(target);
                        break;
                }
            }
        }
        if (articles.Count > 0)
        {
            var ids = articles.Select(a => a.Id).Distinct().ToArray();
            // Without the query filters: whether a page is public does not depend on who asks.
            var found = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.SiteId, a.Status }).ToListAsync(ct);
            foreach (var (link, site, id) in articles)
            {
                var article = found.FirstOrDefault(a => a.Id == id && a.SiteId == site);
                if (article is null)
                {
                    broken.Add(new BrokenLink(link.Element, $"链接指向的文章（编号 {id}）不存在"));
                }
                else if (article.Status != ArticleStatus.Published)
                {
                    broken.Add(new BrokenLink(link.Element, $"链接指向的文章（编号 {id}）未发布或已撤回，公众打开会看到错误页"));
                }
            }
        }
        if (columns.Count > 0)
        {
            var ids = columns.Select(c => c.Id).Distinct().ToArray();
            var found = await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.SiteId, c.IsVisible }).ToListAsync(ct);
            foreach (var (link, site, id) in columns)
            {
                var column = found.FirstOrDefault(c => c.Id == id && c.SiteId == site);
                if (column is null || !column.IsVisible)
                {
                    broken.Add(new BrokenLink(link.Element, $"链接指向的栏目（编号 {id}）不存在或已隐藏"));
                }
            }
        }
        if (topics.Count > 0)
        {
            var ids = topics.Select(c => c.Id).Distinct().ToArray();
            var found = await db.SpecialTopics.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.SiteId }).ToListAsync(ct);
            foreach (var (link, site, id) in topics.Where(t => !found.Any(f => f.Id == t.Id && f.SiteId == t.Site)))
            {
                broken.Add(new BrokenLink(link.Element, $"链接指向的专题（编号 {id}）不存在"));
            }
        }
        return broken;
    }

    private async Task<List<BrokenLink>> CheckExternalAsync(List<(BodyElement Element, string Url)> links, CancellationToken ct)
    {
        var broken = new List<BrokenLink>();
        if (links.Count == 0)
        {
            return broken;
        }
        var hashes = links.Select(l => Hash(l.Url)).Distinct().ToArray();
        var known = await db.ExternalLinkStatuses.AsNoTracking().Where(s => hashes.Contains(s.UrlHash)).ToDictionaryAsync(s => s.UrlHash, ct);
        var stale = clock.GetUtcNow().UtcDateTime - options.RecheckAfter;
        // A link with a job under its key (waiting, or done and not yet cleaned up) would be refused
        // by the queue anyway; asking first means a gate run only reads.
        var keys = hashes.Where(h => !known.TryGetValue(h, out var s) || s.CheckedAt < stale).Select(JobKey).ToArray();
        var queued = keys.Length == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : (await db.Jobs.AsNoTracking().Where(j => keys.Contains(j.Key))
                .Select(j => j.Key!).ToListAsync(ct)).Select(k => k[(QualityOptions.LinkJobType.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
        foreach (var (element, url) in links)
        {
            var hash = Hash(url);
            if (known.TryGetValue(hash, out var status))
            {
                if (status.Broken)
                {
                    broken.Add(new BrokenLink(element, status.StatusCode is int code
                        ? string.Create(CultureInfo.InvariantCulture, $"外部链接无法打开（HTTP {code}，检查于 {ChinaTime.Format(status.CheckedAt)}）")
                        : $"外部链接无法打开（{status.Error}，检查于 {ChinaTime.Format(status.CheckedAt)}）"));
                }
                if (status.CheckedAt >= stale)
                {
                    continue;
                }
            }
            if (queued.Add(hash))
            {
                // The key makes a link queued by many gates at once one job.
                await jobs.EnqueueAsync(QualityOptions.LinkJobType, url, key: JobKey(hash), maxAttempts: 1, ct: ct);
            }
        }
        return broken;
    }

    private static string JobKey(string hash) => $"{QualityOptions.LinkJobType}:{hash}";

    public static string Hash(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
}

/// <summary>Checks one external link (the job's payload is the URL) and records the outcome.</summary>
public sealed class ExternalLinkCheckJob(GovSiteDb db, IHttpClientFactory http, QualityOptions options, TimeProvider clock) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        var url = job.Payload ?? "";
        var (brokenNow, code, error) = await ProbeAsync(url, ct);
        var hash = QualityLinks.Hash(url);
        var row = await db.ExternalLinkStatuses.FirstOrDefaultAsync(s => s.UrlHash == hash, ct);
        if (row is null)
        {
            row = new ExternalLinkStatus { UrlHash = hash, Url = url };
            db.ExternalLinkStatuses.Add(row);
        }
        row.Broken = brokenNow;
        row.StatusCode = code;
        row.Error = error is { Length: > 500 } ? error[..500] : error;
        row.CheckedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<(bool Broken, int? Code, string? Error)> ProbeAsync(string url, CancellationToken ct)
    {
        var client = http.CreateClient(QualityOptions.HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.LinkTimeout);
        try
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await client.SendAsync(head, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            // Many servers refuse HEAD; ask again the way a browser would before calling the link broken.
            if (status is 405 or 501 or 403 or 400)
            {
                using var get = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)get.StatusCode;
            }
            // A page behind a login or a rate limit exists; only "not there" and server failures are broken.
            var broken = status >= 400 && status is not (401 or 403 or 429);
            return (broken, status, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (true, null, string.Create(CultureInfo.InvariantCulture, $"超过{options.LinkTimeout.TotalSeconds:0}秒无响应"));
        }
        catch (HttpRequestException ex) when (ex.InnerException is PrivateAddressException)
        {
            // Not checked is not broken: an intranet link may be meant for staff.
            return (false, null, "内网地址，未检查");
        }
        catch (HttpRequestException ex)
        {
            return (true, null, ex.HttpRequestError == HttpRequestError.NameResolutionError ? "域名无法解析" : "无法连接");
        }
    }

    /// <summary>The handler behind the link checker's client: refuses loopback, private and link-local addresses.</summary>
    public static SocketsHttpHandler Handler(QualityOptions options) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => options.AllowPrivateAddresses || !IsPrivate(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new PrivateAddressException();
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    internal static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal ||
            address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) ||
               (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}

public sealed class PrivateAddressException() : IOException("内网地址，未检查");
