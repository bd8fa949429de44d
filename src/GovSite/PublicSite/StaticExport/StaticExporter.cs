using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.StaticExport;

/// <summary>One file of an export: its path inside the export and the SHA-256 of its bytes.</summary>
public sealed record ManifestEntry(string Path, string Sha256, long Bytes);

public sealed record ExportManifest(string Site, string Host, DateTime GeneratedAt, List<ManifestEntry> Files)
{
    public const string FileName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ExportManifest? Read(string dir) =>
        File.Exists(Path.Combine(dir, FileName)) ? JsonSerializer.Deserialize<ExportManifest>(File.ReadAllText(Path.Combine(dir, FileName)), Json) : null;

    public void Write(string dir) => AtomicFile.Write(Path.Combine(dir, FileName), JsonSerializer.SerializeToUtf8Bytes(this, Json));
}

public sealed record ExportReport(int Rendered, int Written, int Deleted, TimeSpan Elapsed);

/// <summary>
/// 内外网分离: writes a site's public pages as files for nginx or a CDN, rendered by GovSite
/// itself (so a static page is byte for byte the dynamic one). Pages are fetched through
/// <paramref name="fetch"/> with the site's own Host header, so every link is root-relative.
/// Files whose bytes did not change are not rewritten; the manifest lists every file and its hash.
/// </summary>
public sealed partial class StaticExporter(GovSiteDb db, TimeProvider clock)
{
    public delegate Task<byte[]?> Fetch(string path, CancellationToken ct);

    private const int Parallelism = 8;

    /// <summary>Every page, feed, the sitemap, robots.txt, and every local asset or attachment they reference.</summary>
    public async Task<ExportReport> ExportAllAsync(SiteInfo site, string dir, Fetch fetch, CancellationToken ct = default)
    {
        var paths = await AllPathsAsync(site.Id, ct);
        return await RunAsync(site, dir, fetch, paths, full: true, ct);
    }

    /// <summary>Only the pages an article change affects (see <see cref="PageTags.ForArticle"/>), then the manifest.</summary>
    public async Task<ExportReport> ExportArticlesAsync(SiteInfo site, string dir, Fetch fetch, IEnumerable<int> articleIds, CancellationToken ct = default)
    {
        var columns = await db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => c.SiteId == site.Id && c.IsVisible).ToListAsync(ct);
        var ids = articleIds.ToList();
        var rows = await db.Articles.AsNoTracking().IgnoreQueryFilters().Where(a => a.SiteId == site.Id && ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ColumnId, a.InterpretsId }).ToListAsync(ct);
        var interpretations = await db.Articles.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.SiteId == site.Id && a.InterpretsId != null && ids.Contains(a.InterpretsId.Value)).Select(a => a.Id).ToListAsync(ct);
        var topics = await db.SpecialTopics.AsNoTracking().Where(t => t.SiteId == site.Id).ToListAsync(ct);
        var paths = new HashSet<string> { "/", "/sitemap.xml" };
        foreach (var id in ids.Concat(interpretations).Concat(rows.Select(r => r.InterpretsId).OfType<int>()))
        {
            paths.Add($"/articles/{id}");
        }
        var byId = columns.ToDictionary(c => c.Id);
        var manifest = ExportManifest.Read(dir);
        foreach (var row in rows)
        {
            for (int? c = row.ColumnId; c is int columnId && byId.TryGetValue(columnId, out var column); c = column.ParentId)
            {
                // All listing pages of the column: a new article shifts every page by one. Pages
                // that no longer exist (the column got shorter) answer 404 and are deleted.
                var pages = await ColumnPageCountAsync(site.Id, columns, columnId, ct);
                var known = manifest?.Files.Count(f => f.Path.StartsWith($"columns/{columnId}/page/", StringComparison.Ordinal)) + 1 ?? 1;
                paths.Add($"/columns/{columnId}");
                for (var n = 2; n <= Math.Max(pages, known); n++)
                {
                    paths.Add($"/columns/{columnId}/page/{n}");
                }
                paths.Add($"/columns/{columnId}/rss.xml");
                foreach (var topic in topics.Where(t => t.ColumnId == columnId))
                {
                    paths.Add($"/topics/{topic.Id}");
                }
            }
        }
        return await RunAsync(site, dir, fetch, paths, full: false, ct);
    }

    // One export at a time per folder: a background re-export after a save and a full export
    // each read the old manifest and write a new one, so overlapping runs would drop entries.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FolderLocks = new(StringComparer.Ordinal);

    private async Task<ExportReport> RunAsync(SiteInfo site, string dir, Fetch fetch, ICollection<string> paths, bool full, CancellationToken ct)
    {
        var folderLock = FolderLocks.GetOrAdd(Path.GetFullPath(dir), _ => new SemaphoreSlim(1, 1));
        await folderLock.WaitAsync(ct);
        try
        {
            return await RunLockedAsync(site, dir, fetch, paths, full, ct);
        }
        finally
        {
            folderLock.Release();
        }
    }

    private async Task<ExportReport> RunLockedAsync(SiteInfo site, string dir, Fetch fetch, ICollection<string> paths, bool full, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Directory.CreateDirectory(dir);
        var old = ExportManifest.Read(dir)?.Files.ToDictionary(f => f.Path) ?? [];
        var files = new ConcurrentDictionary<string, ManifestEntry>(full ? [] : old);
        var assets = new ConcurrentDictionary<string, byte>();
        var missing = new ConcurrentBag<string>();
        int rendered = 0, written = 0;

        async ValueTask ExportOneAsync(string path, CancellationToken token)
        {
            var body = await fetch(path, token);
            Interlocked.Increment(ref rendered);
            var file = FileFor(path);
            if (body is null)
            {
                missing.Add(file);
                return;
            }
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                foreach (Match m in LocalReference().Matches(System.Text.Encoding.UTF8.GetString(body)))
                {
                    assets.TryAdd(m.Groups[1].Value, 0);
                }
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(body));
            files[file] = new ManifestEntry(file, hash, body.Length);
            if (!old.TryGetValue(file, out var before) || before.Sha256 != hash || !File.Exists(Path.Combine(dir, file)))
            {
                AtomicFile.Write(Path.Combine(dir, file), body);
                Interlocked.Increment(ref written);
            }
        }

        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, ExportOneAsync);
        // Assets and attachments the pages point at (stylesheets, scripts, images, documents).
        var assetPaths = assets.Keys.Where(a => !files.ContainsKey(FileFor(a)) || full).Where(a => !paths.Contains(a)).ToList();
        await Parallel.ForEachAsync(assetPaths, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (a, token) =>
        {
            if (!IsPagePath(a))
            {
                await ExportOneAsync(a, token);
            }
        });

        var deleted = 0;
        var stale = full ? old.Keys.Where(k => !files.ContainsKey(k)) : missing;
        foreach (var file in stale.ToList())
        {
            files.TryRemove(file, out _);
            var full_ = Path.Combine(dir, file);
            if (File.Exists(full_))
            {
                File.Delete(full_);
                deleted++;
            }
        }
        new ExportManifest(site.Code, site.MainHost ?? "", clock.GetUtcNow().UtcDateTime, [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)])
            .Write(dir);
        return new ExportReport(rendered, written, deleted, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private async Task<List<string>> AllPathsAsync(int siteId, CancellationToken ct)
    {
        var content = new SiteContent(db, clock);
        var columns = await content.ColumnsAsync(siteId, ct);
        var paths = new List<string> { "/", "/sitemap.xml", "/robots.txt" };
        var topics = await content.TopicsAsync(siteId, ct);
        if (topics.Count > 0)
        {
            paths.Add("/topics");
            paths.AddRange(topics.Select(t => $"/topics/{t.Id}"));
        }
        foreach (var column in columns)
        {
            paths.Add($"/columns/{column.Id}");
            paths.Add($"/columns/{column.Id}/rss.xml");
            var pages = await ColumnPageCountAsync(siteId, columns, column.Id, ct);
            for (var n = 2; n <= pages; n++)
            {
                paths.Add($"/columns/{column.Id}/page/{n}");
            }
        }
        var articles = await content.Published(siteId).Select(a => a.Id).ToListAsync(ct);
        paths.AddRange(articles.Select(id => $"/articles/{id}"));
        return paths;
    }

    private async Task<int> ColumnPageCountAsync(int siteId, List<Column> columns, int columnId, CancellationToken ct)
    {
        var ids = ColumnService.WithDescendants(columns, columnId);
        var total = await new SiteContent(db, clock).Published(siteId).CountAsync(a => ids.Contains(a.ColumnId), ct);
        return Math.Max(1, (total + SiteContent.PageSize - 1) / SiteContent.PageSize);
    }

    private static bool IsPagePath(string path) =>
        path == "/" || path.StartsWith("/articles/", StringComparison.Ordinal) || path.StartsWith("/columns/", StringComparison.Ordinal)
        || path.StartsWith("/topics", StringComparison.Ordinal);

    /// <summary>"/" → index.html, "/columns/3" → columns/3/index.html, "/sitemap.xml" → sitemap.xml.</summary>
    public static string FileFor(string path)
    {
        var clean = path.Split('?')[0].Trim('/');
        if (clean.Length == 0)
        {
            return "index.html";
        }
        var last = clean[(clean.LastIndexOf('/') + 1)..];
        return last.Contains('.') ? clean : clean + "/index.html";
    }

    // Root-relative references to files: stylesheets, scripts, images, attachments. Pages are
    // listed from the database instead, so links to pages are not followed.
    [GeneratedRegex("(?:href|src|data-cn2t)=\"(/[^\"/?#][^\"?#]*\\.[A-Za-z0-9]{1,5})(?:\\?[^\"]*)?\"")]
    private static partial Regex LocalReference();
}

/// <summary>Write-then-rename, so nginx never serves a half-written file.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Environment.CurrentManagedThreadId;
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
