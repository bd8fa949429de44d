using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// One file of an export: its path inside the export and the SHA-256 of its bytes. A column's
/// listing page also keeps a hash of the articles it lists (<see cref="Items"/>), so a later
/// re-export rewrites only the listing pages whose articles changed.
/// </summary>
public sealed record ManifestEntry(string Path, string Sha256, long Bytes, string? Items = null);

public sealed record ExportManifest(string Site, string Host, DateTime GeneratedAt, List<ManifestEntry> Files)
{
    public const string FileName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static ExportManifest? Read(string dir) =>
        File.Exists(Path.Combine(dir, FileName)) ? JsonSerializer.Deserialize<ExportManifest>(File.ReadAllText(Path.Combine(dir, FileName)), Json) : null;

    public byte[] Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public void Write(string dir) => AtomicFile.Write(Path.Combine(dir, FileName), Bytes());
}

public sealed record ExportReport(int Rendered, int Written, int Deleted, TimeSpan Elapsed);

/// <summary>
/// 内外网分离: writes a site's public pages as files for nginx or a CDN, rendered by GovSite
/// itself (so a static page is byte for byte the dynamic one; see <see cref="PageRenderer"/>)
/// for the site's main domain. Pages render in parallel; files whose bytes did not change are
/// not rewritten; the manifest lists every file and its hash.
/// </summary>
public sealed class StaticExporter(GovSiteDb db, TimeProvider clock, IEnumerable<IExportedPages> features)
{
    public delegate Task<byte[]?> Fetch(string path, CancellationToken ct);

    /// <summary>Told (files rendered, files listed) every few dozen files: the command line's progress bar.</summary>
    public Action<int, int>? Progress { get; set; }

    // Rendering from a snapshot is CPU work: one worker per core (more only contend).
    private static readonly int Parallelism = Environment.ProcessorCount;

    /// <summary>
    /// Every page, feed, the sitemap, robots.txt, and every local asset or attachment they
    /// reference, listed from the snapshot the pages render from (read from the database only
    /// when the session's snapshot holds no articles).
    /// </summary>
    public async Task<ExportReport> ExportAllAsync(SiteInfo site, string dir, PageRenderer.RenderSession session, CancellationToken ct = default)
    {
        if (site.Status is SiteStatus.Offline or SiteStatus.Closed)
        {
            return await ExportNoticeAsync(site, dir, ct);
        }
        var snapshot = await session.Snapshot;
        var columns = snapshot.Columns;
        var articles = snapshot.Articles is { } all
            ? [.. all.Values.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => new ArticleLink(a.Id, a.Title, a.PublishedAt, a.ColumnId))]
            : await PublishedAsync(site.Id, ct);
        var listings = Listings(columns, articles);
        var paths = new List<string> { "/", "/sitemap.xml", "/robots.txt" };
        var topics = snapshot.Topics;
        if (topics.Count > 0)
        {
            paths.Add("/topics");
            paths.AddRange(topics.Select(t => $"/topics/{t.Id}"));
            paths.AddRange(topics.Select(t => SiteFeeds.TopicFeedPath(t.Id)));
        }
        paths.AddRange(columns.Select(c => $"/columns/{c.Id}/rss.xml"));
        paths.AddRange(await PolicyThemeFeedsAsync(site.Id, ct));
        paths.AddRange(listings.Keys);
        paths.AddRange(articles.Select(a => $"/articles/{a.Id}"));
        foreach (var feature in features)
        {
            paths.AddRange(await feature.PathsAsync(site, ct));
        }
        return await RunAsync(site, dir, session.Fetch, paths, listings, full: true, ct);
    }

    /// <summary>Only the pages an article change affects (see <see cref="PageTags.ForArticle"/>), then the manifest.</summary>
    public async Task<ExportReport> ExportArticlesAsync(SiteInfo site, string dir, PageRenderer.RenderSession session, IEnumerable<int> articleIds,
        CancellationToken ct = default)
    {
        if (site.Status is SiteStatus.Offline or SiteStatus.Closed)
        {
            return await ExportNoticeAsync(site, dir, ct);
        }
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
        foreach (var row in rows)
        {
            for (int? c = row.ColumnId; c is int columnId && byId.TryGetValue(columnId, out var column); c = column.ParentId)
            {
                paths.Add($"/columns/{columnId}/rss.xml");
                foreach (var topic in topics.Where(t => t.ColumnId == columnId))
                {
                    paths.Add($"/topics/{topic.Id}");
                    paths.Add(SiteFeeds.TopicFeedPath(topic.Id));
                }
            }
        }
        // An article may have entered or left a 主题分类 (its old one is not known here): all of them, a few small feeds.
        paths.UnionWith(await PolicyThemeFeedsAsync(site.Id, ct));
        // Listing pages of every column whose articles changed: an edited title changes the one
        // page showing it, a new or withdrawn article shifts the pages after it (and a move
        // changes the old column too). Pages past the end answer 404 and are deleted.
        var listings = Listings(columns, await PublishedAsync(site.Id, ct));
        var before = ExportManifest.Read(dir)?.Files.ToDictionary(f => f.Path) ?? [];
        foreach (var (path, items) in listings)
        {
            if (!before.TryGetValue(FileFor(path)!, out var entry) || entry.Items != items)
            {
                paths.Add(path);
                paths.Add(path[..(path.IndexOf("/page/", StringComparison.Ordinal) is var p and >= 0 ? p : path.Length)] + "/rss.xml");
            }
        }
        foreach (var file in before.Keys.Where(f => f.StartsWith("columns/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal)))
        {
            if (!listings.ContainsKey("/" + file[..^"/index.html".Length]))
            {
                paths.Add("/" + file[..^"/index.html".Length]);
            }
        }
        return await RunAsync(site, dir, session.Fetch, paths, listings, full: false, ct);
    }

    // One export at a time per folder: a background re-export after a save and a full export
    // each read the old manifest and write a new one, so overlapping runs would drop entries.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FolderLocks = new(StringComparer.Ordinal);

    private async Task<ExportReport> RunAsync(SiteInfo site, string dir, Fetch fetch, ICollection<string> paths,
        Dictionary<string, string> listings, bool full, CancellationToken ct)
    {
        var folderLock = FolderLocks.GetOrAdd(Path.GetFullPath(dir), _ => new SemaphoreSlim(1, 1));
        await folderLock.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(dir);
            AtomicFile.BeginExport(dir);
            var report = await RunLockedAsync(site, dir, fetch, paths, listings, full, ct);
            AtomicFile.EndExport(dir);
            return report;
        }
        finally
        {
            folderLock.Release();
        }
    }

    private async Task<ExportReport> RunLockedAsync(SiteInfo site, string dir, Fetch fetch, ICollection<string> paths,
        Dictionary<string, string> listings, bool full, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Directory.CreateDirectory(dir);
        var manifest = ExportManifest.Read(dir);
        var old = manifest?.Files.ToDictionary(f => f.Path) ?? [];
        // A folder without a manifest has never been published from: its files are written in
        // place. Once it has one, nginx may be serving it, so changed files are staged beside the
        // old ones and swapped in together at the end (ExportCommit): a reader sees the previous
        // export or this one, never a mix. (Write-and-rename costs a second directory operation
        // per file: a third of a first export's time on ext4 here.) A crash during a first export
        // leaves no manifest, so the next export writes every file again.
        var inPlace = manifest is null;
        var commit = inPlace ? null : new ExportCommit(dir);
        var files = new ConcurrentDictionary<string, ManifestEntry>(full ? [] : old);
        var assets = new ConcurrentDictionary<string, byte>();
        var missing = new ConcurrentBag<string>();
        var folders = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        int rendered = 0, written = 0;

        async ValueTask ExportOneAsync(string path, CancellationToken token)
        {
            if (FileFor(path) is not { } file)
            {
                return;
            }
            var body = await fetch(path, token);
            if (Interlocked.Increment(ref rendered) % 64 == 0)
            {
                Progress?.Invoke(rendered, paths.Count);
            }
            if (body is null)
            {
                missing.Add(file);
                return;
            }
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                foreach (var reference in LocalReferences(body))
                {
                    assets.TryAdd(reference, 0);
                }
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(body));
            files[file] = new ManifestEntry(file, hash, body.Length, listings.GetValueOrDefault(path));
            var target = Path.Combine(dir, file);
            if (!old.TryGetValue(file, out var before) || before.Sha256 != hash || !File.Exists(target))
            {
                // Marked only once made: a file is never written before its folder exists (two
                // stylesheets in a new css/ folder raced here).
                folders.GetOrAdd(Path.GetDirectoryName(target)!, folder =>
                {
                    Directory.CreateDirectory(folder);
                    return 0;
                });
                if (inPlace)
                {
                    AtomicFile.WriteNew(target, body);
                }
                else
                {
                    commit!.Stage(target, body);
                }
                Interlocked.Increment(ref written);
            }
        }

        try
        {
            await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, ExportOneAsync);
            // Assets and attachments the pages point at (stylesheets, scripts, images, documents).
            var assetPaths = assets.Keys.Where(a => FileFor(a) is { } file && (!files.ContainsKey(file) || full)).Where(a => !paths.Contains(a)).ToList();
            await Parallel.ForEachAsync(assetPaths, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (a, token) =>
            {
                if (!IsPagePath(a))
                {
                    await ExportOneAsync(a, token);
                }
            });

            var deletes = new List<string>();
            var stale = full ? old.Keys.Where(k => !files.ContainsKey(k)) : missing;
            var inside = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (var file in stale.ToList())
            {
                files.TryRemove(file, out _);
                var full_ = Path.GetFullPath(Path.Combine(dir, file));
                // Never outside the export, whatever a manifest says.
                if (full_.StartsWith(inside, StringComparison.Ordinal) && File.Exists(full_))
                {
                    deletes.Add(file);
                }
            }
            var next = new ExportManifest(site.Code, site.MainHost ?? "", clock.GetUtcNow().UtcDateTime, [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)]);
            if (commit is null)
            {
                deletes.ForEach(file => File.Delete(Path.Combine(dir, file)));
                next.Write(dir);
            }
            else
            {
                commit.Commit(deletes, next);
            }
            return new ExportReport(rendered, written, deletes.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            commit?.Discard();
            throw;
        }
    }

    /// <summary>
    /// A temporarily offline or closed site exports only what it answers with: its notice (as the
    /// homepage and the page for gone addresses) and its redirects as an nginx map; every page it
    /// exported while open is deleted, so the internet-facing copy is never served as if open.
    /// </summary>
    private async Task<ExportReport> ExportNoticeAsync(SiteInfo site, string dir, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var folderLock = FolderLocks.GetOrAdd(Path.GetFullPath(dir), _ => new SemaphoreSlim(1, 1));
        await folderLock.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(dir);
            AtomicFile.BeginExport(dir);
            var old = ExportManifest.Read(dir)?.Files.Select(f => f.Path).ToList() ?? [];
            var files = await Supervision.SiteLifecycleGate.ExportFilesAsync(db, site, ct);
            // The notice replaces the open site all at once, like any re-export.
            var commit = new ExportCommit(dir);
            try
            {
                var entries = new List<ManifestEntry>();
                foreach (var (file, body) in files)
                {
                    var target = Path.Combine(dir, file);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    commit.Stage(target, body);
                    entries.Add(new ManifestEntry(file, Convert.ToHexStringLower(SHA256.HashData(body)), body.Length));
                }
                var inside = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                var deletes = old.Where(f => !files.ContainsKey(f))
                    .Where(f => Path.GetFullPath(Path.Combine(dir, f)) is var full && full.StartsWith(inside, StringComparison.Ordinal) && File.Exists(full))
                    .ToList();
                commit.Commit(deletes, new ExportManifest(site.Code, site.MainHost ?? "", clock.GetUtcNow().UtcDateTime, [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)]));
                AtomicFile.EndExport(dir);
                return new ExportReport(files.Count, files.Count, deletes.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            catch
            {
                commit.Discard();
                throw;
            }
        }
        finally
        {
            folderLock.Release();
        }
    }

    /// <summary>The feed of every 主题分类 the site answers for; a name with a slash has no file of its own, so it is left to the dynamic site.</summary>
    private async Task<IEnumerable<string>> PolicyThemeFeedsAsync(int siteId, CancellationToken ct) =>
        (await new SiteContent(db, clock).PolicyThemesAsync(siteId, ct)).Where(s => !s.Contains('/', StringComparison.Ordinal)).Select(SiteFeeds.PolicyThemeFeedPath);

    /// <summary>The site's published articles, newest first, as the listing pages order them.</summary>
    private Task<List<ArticleLink>> PublishedAsync(int siteId, CancellationToken ct) =>
        new SiteContent(db, clock).Published(siteId)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleLink(a.Id, a.Title, a.PublishedAt, a.ColumnId)).ToListAsync(ct);

    /// <summary>
    /// Every listing page of every column ("/columns/3", "/columns/3/page/2", …) with a hash of
    /// what it shows: the column's total and its twenty articles (id, title, date, column), from
    /// <paramref name="all"/>, the published articles newest first.
    /// </summary>
    private static Dictionary<string, string> Listings(List<Column> columns, List<ArticleLink> all)
    {
        var listings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var ids = ColumnService.WithDescendants(columns, column.Id).ToHashSet();
            var items = all.Where(a => ids.Contains(a.ColumnId)).ToList();
            var pages = Math.Max(1, (items.Count + SiteContent.PageSize - 1) / SiteContent.PageSize);
            for (var n = 1; n <= pages; n++)
            {
                var text = new System.Text.StringBuilder().Append(items.Count).Append('\n');
                foreach (var item in items.Skip((n - 1) * SiteContent.PageSize).Take(SiteContent.PageSize))
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{item.Id}\t{item.PublishedAt:O}\t{item.ColumnId}\t{item.Title}\n");
                }
                var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
                listings[n == 1 ? $"/columns/{column.Id}" : $"/columns/{column.Id}/page/{n}"] = hash;
            }
        }
        return listings;
    }

    private static bool IsPagePath(string path) =>
        path == "/" || path.StartsWith("/articles/", StringComparison.Ordinal) || path.StartsWith("/columns/", StringComparison.Ordinal)
        || path.StartsWith("/topics", StringComparison.Ordinal);

    /// <summary>
    /// "/" → index.html, "/columns/3" → columns/3/index.html, "/sitemap.xml" → sitemap.xml,
    /// "/files/7/%E6%8A%A5%E5%91%8A.pdf" → files/7/报告.pdf (nginx decodes the address before it
    /// looks for the file). Null for an address that cannot name a file inside the export: a page
    /// body may reference "/../../x.png", and the exporter deletes the files of addresses that
    /// answer 404.
    /// </summary>
    public static string? FileFor(string path)
    {
        var clean = Uri.UnescapeDataString(path.Split('?')[0]).Trim('/');
        if (clean.Length == 0)
        {
            return "index.html";
        }
        var segments = clean.Split('/');
        if (segments.Any(s => s is "" or "." or ".." || s.Contains('\\') || s.Contains('\0')))
        {
            return null;
        }
        return segments[^1].Contains('.') ? clean : clean + "/index.html";
    }

    /// <summary>
    /// Root-relative references to files in a page: stylesheets, scripts, images, attachments
    /// (<c>href</c>, <c>src</c> or <c>data-cn2t</c> whose value is <c>/path.ext</c>, optionally with a
    /// query, which is dropped). Pages are listed from the database instead, so links to pages are
    /// not followed. Read from the UTF-8 bytes with a vectorised search for <c>="/</c>: decoding
    /// every page to a string for a regular expression cost as much as writing it.
    /// </summary>
    internal static List<string> LocalReferences(ReadOnlySpan<byte> html)
    {
        var found = new List<string>();
        for (var at = html.IndexOf("=\"/"u8); at >= 0;)
        {
            var start = at + 2;
            var length = html[start..].IndexOf((byte)'"');
            if (length < 0)
            {
                break;
            }
            var name = html[..at];
            if (name.EndsWith("href"u8) || name.EndsWith("src"u8) || name.EndsWith("data-cn2t"u8))
            {
                var value = html.Slice(start, length);
                var cut = value.IndexOfAny((byte)'?', (byte)'#');
                var path = cut < 0 ? value : value[..cut];
                var dot = path.LastIndexOf((byte)'.');
                var extension = dot < 0 ? default : path[(dot + 1)..];
                if ((cut < 0 || value[cut] == '?') && dot >= 2 && path[1] != '/'
                    && extension.Length is >= 1 and <= 5 && !extension.ContainsAnyExcept(AsciiLettersAndDigits))
                {
                    found.Add(System.Text.Encoding.UTF8.GetString(path));
                }
            }
            var next = html[(start + length)..].IndexOf("=\"/"u8);
            at = next < 0 ? -1 : start + length + next;
        }
        return found;
    }

    private static readonly System.Buffers.SearchValues<byte> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"u8);
}

/// <summary>
/// Write-then-rename, so nginx never serves a half-written file, and nothing half-written is left
/// behind: a write that fails (a full disk) deletes what it began, and the temporary files of an
/// export that was killed are swept by the next export into the same folder (see
/// <see cref="BeginExport"/>).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Temporary files end with this (and start with a dot, which nginx configurations hide).</summary>
    public const string TempSuffix = ".govsite-tmp";

    /// <summary>Present in an export folder while an export writes into it; left there only by a process that died.</summary>
    public const string RunningMarker = ".export-running";

    /// <summary>
    /// Marks the folder as being written; when the mark of an earlier run is still there, that run
    /// died part-way and its temporary files are deleted first.
    /// </summary>
    public static void BeginExport(string dir)
    {
        // A run killed after its commit point is finished first: the export it committed stands.
        ExportCommit.Recover(dir);
        var marker = Path.Combine(dir, RunningMarker);
        if (File.Exists(marker))
        {
            foreach (var temp in Directory.EnumerateFiles(dir, "*" + TempSuffix + "*", SearchOption.AllDirectories))
            {
                File.Delete(temp);
            }
        }
        File.WriteAllBytes(marker, []);
    }

    public static void EndExport(string dir) => File.Delete(Path.Combine(dir, RunningMarker));

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Writes a file that is normally not there yet. File.WriteAllBytes opens without truncating,
    /// takes .NET's advisory lock and then truncates with a separate call, which on ext4 is a
    /// journalled inode change per file: creating the file exclusively needs no truncation. A file
    /// left by an interrupted export is simply replaced.
    /// </summary>
    public static void WriteNew(string path, byte[] bytes)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle file;
        try
        {
            file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(path))
        {
            file = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        }
        try
        {
            using (file)
            {
                RandomAccess.Write(file, bytes, 0);
            }
        }
        catch
        {
            // A full disk: no truncated file stays behind for nginx to serve.
            DeleteQuietly(path);
            throw;
        }
    }

    public static void Write(string path, byte[] bytes, bool createFolder = true)
    {
        if (createFolder)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        var name = Path.GetFileName(path);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $".{name}{TempSuffix}-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}"));
        WriteNew(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
