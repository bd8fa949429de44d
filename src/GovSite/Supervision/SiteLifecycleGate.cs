using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using GovSite.Data;
using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

/// <summary>What an offline or closed site answers with: its notice and, once migrated, its old addresses' new places.</summary>
public sealed record LifecycleAnswer(SiteNotice? Notice, FrozenDictionary<string, string?> Moved);

/// <summary>
/// The notices and URL maps of the sites that are not open, held in memory like the site
/// directory and reloaded with it: whenever the registry changes on any node, the directory's
/// snapshot is replaced, and this follows on the next request.
/// </summary>
public sealed class LifecycleDirectory(IServiceScopeFactory scopes, SiteDirectory directory)
{
    private volatile State? _state;
    private readonly Lock _lock = new();

    private sealed record State(IReadOnlyList<SiteInfo> Snapshot, FrozenDictionary<int, LifecycleAnswer> Sites);

    public LifecycleAnswer For(SiteInfo site)
    {
        var snapshot = directory.All;
        var state = _state;
        if (state is null || !ReferenceEquals(state.Snapshot, snapshot))
        {
            lock (_lock)
            {
                state = _state;
                if (state is null || !ReferenceEquals(state.Snapshot, snapshot))
                {
                    _state = state = Load(snapshot);
                }
            }
        }
        return state.Sites.GetValueOrDefault(site.Id) ?? Empty;
    }

    private static readonly LifecycleAnswer Empty = new(null, FrozenDictionary<string, string?>.Empty);

    private State Load(IReadOnlyList<SiteInfo> snapshot)
    {
        var ids = snapshot.Where(s => s.Status is SiteStatus.Offline or SiteStatus.Closed).Select(s => s.Id).ToList();
        if (ids.Count == 0)
        {
            return new State(snapshot, FrozenDictionary<int, LifecycleAnswer>.Empty);
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var notices = db.SiteNotices.AsNoTracking().Where(n => ids.Contains(n.SiteId)).ToDictionary(n => n.SiteId);
        var maps = (from m in db.UrlMappings.AsNoTracking()
                    join g in db.SiteMigrations.AsNoTracking() on m.MigrationId equals g.Id
                    where ids.Contains(g.SourceSiteId) && g.Status == MigrationStatus.Done
                    select new { g.SourceSiteId, m.OldPath, m.NewUrl }).ToList().ToLookup(m => m.SourceSiteId, m => (m.OldPath, m.NewUrl));
        return new State(snapshot, ids.ToFrozenDictionary(id => id, id => new LifecycleAnswer(notices.GetValueOrDefault(id),
            maps[id].GroupBy(m => m.OldPath, m => m.NewUrl, StringComparer.Ordinal).ToFrozenDictionary<IGrouping<string, string?>, string, string?>(g => g.Key, g => g.First(), StringComparer.Ordinal))));
    }
}

/// <summary>
/// In the request path once, right after the site is resolved: a temporarily offline site answers
/// every address with its notice (503); a closed one answers an old address that has a new place
/// with 301, its homepage with the notice, and anything else with 410 and the notice's link to
/// where the content went. Nothing of a closed site is served as if it were open: no page,
/// sitemap, feed or search.
/// </summary>
public static class SiteLifecycleGate
{
    public static IApplicationBuilder UseSiteLifecycle(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var site = context.RequestServices.GetRequiredService<CurrentSite>().Site;
            if (site is null || site.Status is not (SiteStatus.Offline or SiteStatus.Closed))
            {
                await next(context);
                return;
            }
            var answer = context.RequestServices.GetRequiredService<LifecycleDirectory>().For(site);
            var (status, location, body) = Answer(site, answer, context.Request.Path.Value ?? "/");
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-cache";
            if (location is not null)
            {
                context.Response.Headers.Location = location;
                return;
            }
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "3600";
            }
            context.Response.ContentType = body.StartsWith("User-agent", StringComparison.Ordinal) ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
        });

    /// <summary>The status, redirect target or body for a path of a site that is not open.</summary>
    public static (int Status, string? Location, string Body) Answer(SiteInfo site, LifecycleAnswer answer, string path)
    {
        if (site.Status == SiteStatus.Offline)
        {
            return (StatusCodes.Status503ServiceUnavailable, null, NoticePage(site, answer.Notice));
        }
        if (path == "/robots.txt")
        {
            // Crawlers may come and see the redirects and 410s, and so drop the old pages.
            return (StatusCodes.Status200OK, null, "User-agent: *\nAllow: /\n");
        }
        if (answer.Moved.TryGetValue(path, out var moved) && moved is not null && path != "/")
        {
            return (StatusCodes.Status301MovedPermanently, moved, "");
        }
        return (path == "/" ? StatusCodes.Status200OK : StatusCodes.Status410Gone, null, NoticePage(site, answer.Notice));
    }

    /// <summary>The notice as a page of its own: inline style, nothing else fetched, readable and accessible.</summary>
    public static string NoticePage(SiteInfo site, SiteNotice? notice)
    {
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var closed = site.Status == SiteStatus.Closed;
        var heading = closed ? $"{site.Name}已关停" : $"{site.Name}临时下线";
        var text = notice?.Text ?? (closed ? $"{site.Name}已关停。" : $"{site.Name}正在维护，暂时无法访问。");
        var sb = new StringBuilder(2048);
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(heading)}</title><meta name=\"SiteName\" content=\"{E(site.Name)}\"><meta name=\"SiteIDCode\" content=\"{E(site.Code)}\">");
        sb.Append("<meta name=\"robots\" content=\"noindex\">");
        sb.Append("<style>body{font-family:\"Noto Sans CJK SC\",sans-serif;margin:0;background:#f5f5f5;color:#1a1a1a;line-height:1.8}")
            .Append("main{max-width:42rem;margin:3rem auto;background:#fff;padding:2rem;border-top:4px solid #a8101a}")
            .Append("h1{font-size:1.6rem;margin-top:0}a{color:#0b57d0}.muted{color:#555}</style></head><body><main>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(heading)}</h1>");
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>");
        }
        if (notice?.SuccessorUrl is { } url)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"successor\">原网站内容已迁移至：<a href=\"{E(url)}\">{E(notice.SuccessorName ?? url)}</a></p>");
        }
        if (!closed && notice?.ExpectedBack is DateOnly back)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>预计恢复时间：{back:yyyy年M月d日}</p>");
        }
        if (closed && notice?.NoticeUntil is DateOnly until)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">本公告自{GovSite.Common.ChinaTime.FormatDate(notice.Since)}起发布，保留至少至{until:yyyy年M月d日}。</p>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">网站标识码：{E(site.Code)}{(site.HostUnitName is null ? "" : $"　主办单位：{E(site.HostUnitName)}")}</p>");
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// A closed or offline site's static export: its notice as the homepage and as the page for
    /// every gone address, and its redirects as an nginx map (old path → new address) to include.
    /// </summary>
    public static async Task<Dictionary<string, byte[]>> ExportFilesAsync(GovSiteDb db, SiteInfo site, CancellationToken ct)
    {
        var notice = await db.SiteNotices.AsNoTracking().FirstOrDefaultAsync(n => n.SiteId == site.Id, ct);
        var moved = site.Status == SiteStatus.Closed
            ? await (from m in db.UrlMappings.AsNoTracking()
                     join g in db.SiteMigrations.AsNoTracking() on m.MigrationId equals g.Id
                     where g.SourceSiteId == site.Id && g.Status == MigrationStatus.Done && m.NewUrl != null && m.OldPath != "/"
                     orderby m.OldPath
                     select new { m.OldPath, m.NewUrl }).ToListAsync(ct)
            : [];
        var page = Encoding.UTF8.GetBytes(NoticePage(site, notice));
        var map = new StringBuilder("# GovSite: old addresses of this closed site and their new places (nginx map; 301 each).\n");
        foreach (var m in moved.DistinctBy(m => m.OldPath))
        {
            map.Append(CultureInfo.InvariantCulture, $"{Quote(m.OldPath)} {Quote(m.NewUrl!)};\n");
        }
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["index.html"] = page,
            ["410.html"] = page,
            ["robots.txt"] = Encoding.UTF8.GetBytes(site.Status == SiteStatus.Closed ? "User-agent: *\nAllow: /\n" : "User-agent: *\nDisallow: /\n"),
            ["redirects.map"] = Encoding.UTF8.GetBytes(map.ToString()),
        };

        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
