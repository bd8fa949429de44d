using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

public sealed class MigrationInput
{
    /// <summary>网站标识码 of the site the content moves into.</summary>
    public string? Target { get; set; }
    public MigrationKind Kind { get; set; } = MigrationKind.Integration;

    /// <summary>Hand-made lines of the URL map (kept over generated ones).</summary>
    public List<MappingInput>? Mappings { get; set; }
}

public sealed class MappingInput
{
    public string? OldPath { get; set; }

    /// <summary>The new address; empty: the old address answers 410 with a link to the new site.</summary>
    public string? NewUrl { get; set; }
}

public sealed record ImportProblem(int Line, string Message);

/// <summary>
/// 迁移/整合 without losing anything (内容不少、数据不丢): every published item of the old site is
/// placed on the new one (columns matched by name, the rest under a column named after the old
/// site), the URL map is generated from those placements (editable, importable as CSV), and on
/// completion the proof lists every item, placement and attachment of the old site with its new
/// address and content hash; then the old site closes with a notice naming its successor, and
/// every old address answers 301 to its new place or 410 with a link.
/// </summary>
public sealed class SiteMoves(GovSiteDb db, SiteAccess access, LibraryService library, IndexNumbers indexNumbers, SiteLifecycle lifecycle,
    Publishing.Files.FileStore files, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<SiteMigration?> CurrentAsync(int sourceSiteId, CancellationToken ct = default) =>
        db.SiteMigrations.AsNoTracking().Where(m => m.SourceSiteId == sourceSiteId).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);

    /// <summary>Starts (or continues) moving a site into another: content placed, map generated, hand-made lines applied.</summary>
    public async Task<SaveResult<SiteMigration>> PrepareAsync(string sourceCode, MigrationInput input, CancellationToken ct = default)
    {
        var source = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == sourceCode, ct);
        if (source is null)
        {
            return SaveResult<SiteMigration>.Missing();
        }
        if (!lifecycle.Supervises(source.RegionId))
        {
            return SaveResult<SiteMigration>.Denied();
        }
        var errors = new ValidationErrors();
        var migration = await db.SiteMigrations.Where(m => m.SourceSiteId == source.Id).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (migration is { Status: MigrationStatus.Done })
        {
            errors.Add("Status", "迁移已完成，网址对照表不能再修改");
            return SaveResult<SiteMigration>.Invalid(errors);
        }
        var targetCode = TypedText.Line(input.Target);
        var target = targetCode is null ? null : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == targetCode, ct);
        if (migration is null)
        {
            if (target is null || target.Id == source.Id || target.Status != SiteStatus.Online)
            {
                errors.Add(nameof(input.Target), "请填写承接内容的网站（已上线的其他网站）的网站标识码");
            }
            else if (!lifecycle.Supervises(target.RegionId))
            {
                return SaveResult<SiteMigration>.Denied();
            }
            if (!Enum.IsDefined(input.Kind))
            {
                errors.Add(nameof(input.Kind), "迁移方式无效");
            }
            if (source.Status is not (SiteStatus.Online or SiteStatus.Offline))
            {
                errors.Add("Status", $"网站当前状态为“{GovSite.Common.Labels.Of(source.Status)}”，不能迁移");
            }
        }
        else if (target is not null && target.Id != migration.TargetSiteId)
        {
            errors.Add(nameof(input.Target), "迁移已开始，不能更换承接网站");
        }
        var lines = ValidateLines(input.Mappings ?? [], errors);
        if (!errors.IsValid)
        {
            return SaveResult<SiteMigration>.Invalid(errors);
        }
        if (migration is null)
        {
            migration = new SiteMigration
            {
                SourceSiteId = source.Id, TargetSiteId = target!.Id, Kind = input.Kind, Status = MigrationStatus.Planning,
                CreatedAt = Now, CreatedBy = access.UserName ?? "系统",
            };
            db.SiteMigrations.Add(migration);
            await db.SaveChangesAsync(ct);
            await lifecycle.StartMigratingAsync(source.Id, $"{(input.Kind == MigrationKind.Integration ? "整合" : "迁移")}至{target.Name}", ct);
        }
        await MoveContentAsync(migration, ct);
        await GenerateMapAsync(migration, ct);
        await ApplyLinesAsync(migration.Id, lines, ct);
        return SaveResult<SiteMigration>.Ok(migration);
    }

    private static List<(string OldPath, string? NewUrl)> ValidateLines(IEnumerable<MappingInput> input, ValidationErrors errors)
    {
        var lines = new List<(string, string?)>();
        var n = 0;
        foreach (var m in input)
        {
            n++;
            var old = TypedText.Line(m.OldPath);
            var url = TypedText.Line(m.NewUrl);
            if (old is null || !old.StartsWith('/') || old.Length > 500)
            {
                errors.Add("Mappings", $"第{n}行：旧地址应为以“/”开头的路径（如 /articles/12）");
                continue;
            }
            if (url is not null && (url.Length > 2000 || !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") && !url.StartsWith('/')))
            {
                errors.Add("Mappings", $"第{n}行：新地址应为 http(s):// 开头的网址，或留空表示该页面已不再提供");
                continue;
            }
            lines.Add((old, url));
        }
        return lines;
    }

    private async Task ApplyLinesAsync(int migrationId, List<(string OldPath, string? NewUrl)> lines, CancellationToken ct)
    {
        foreach (var (old, url) in lines)
        {
            var row = await db.UrlMappings.FirstOrDefaultAsync(m => m.MigrationId == migrationId && m.OldPath == old, ct);
            if (row is null)
            {
                db.UrlMappings.Add(new UrlMapping { MigrationId = migrationId, OldPath = old, NewUrl = url, Kind = "other", Edited = true });
            }
            else
            {
                row.NewUrl = url;
                row.Edited = true;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reads old,new lines (旧地址,新地址); every bad line is reported by number and the good ones kept.</summary>
    public async Task<(SaveResult<SiteMigration> Result, List<ImportProblem> Problems)> ImportCsvAsync(string sourceCode, Stream csv, CancellationToken ct = default)
    {
        var source = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == sourceCode, ct);
        var migration = source is null ? null : await db.SiteMigrations.Where(m => m.SourceSiteId == source.Id).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (source is null || migration is null)
        {
            return (SaveResult<SiteMigration>.Missing(), []);
        }
        if (!lifecycle.Supervises(source.RegionId))
        {
            return (SaveResult<SiteMigration>.Denied(), []);
        }
        if (migration.Status == MigrationStatus.Done)
        {
            var errors = new ValidationErrors();
            errors.Add("Status", "迁移已完成，网址对照表不能再修改");
            return (SaveResult<SiteMigration>.Invalid(errors), []);
        }
        var problems = new List<ImportProblem>();
        var lines = new List<(string, string?)>();
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        var line = 0;
        while (await parser.ReadAsync())
        {
            line++;
            var row = parser.Record ?? [];
            if (row.Length == 0 || row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (line == 1 && row[0].Trim() is "old" or "旧地址" or "oldPath" or "OldPath")
            {
                continue;
            }
            var errors = new ValidationErrors();
            var parsed = ValidateLines([new MappingInput { OldPath = row[0], NewUrl = row.Length > 1 ? row[1] : null }], errors);
            if (!errors.IsValid)
            {
                problems.Add(new ImportProblem(line, string.Join("；", errors.All.SelectMany(e => e.Value)).Replace("第1行：", "", StringComparison.Ordinal)));
                continue;
            }
            lines.AddRange(parsed);
        }
        await ApplyLinesAsync(migration.Id, lines, ct);
        return (SaveResult<SiteMigration>.Ok(migration), problems);
    }

    /// <summary>Places every published item of the old site on the new one that is not there yet.</summary>
    private async Task MoveContentAsync(SiteMigration migration, CancellationToken ct)
    {
        var source = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == migration.SourceSiteId, ct);
        var columns = await ColumnMapAsync(migration, source, ct);
        var moved = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.SiteId == migration.TargetSiteId && a.ItemId != null)
            .Select(a => a.ItemId!.Value).ToListAsync(ct);
        var have = moved.ToHashSet();
        var placements = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == source.Id && a.Status == ArticleStatus.Published && a.ItemId != null)
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => new { a.ItemId, a.ColumnId }).ToListAsync(ct);
        var made = new List<Article>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var p in placements.Where(p => have.Add(p.ItemId!.Value)))
            {
                var item = await db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == p.ItemId, ct);
                if (item.Status != ItemStatus.Published)
                {
                    continue;
                }
                var article = library.NewPlacement(item, migration.TargetSiteId, columns[p.ColumnId]);
                if (item.IsPolicy)
                {
                    article.IndexNumber = await indexNumbers.NextAsync(migration.TargetSiteId, item.PublishedAt ?? Now, ct);
                }
                db.Articles.Add(article);
                await db.SaveChangesAsync(ct);
                made.Add(article);
            }
            foreach (var article in made)
            {
                var item = await db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == article.ItemId, ct);
                await library.LinkInterpretationsAsync(item, [article], ct);
            }
            await tx.CommitAsync(ct);
        }
        foreach (var article in made)
        {
            await library.AnnounceAsync(article, 0, null, ct);
        }
    }

    /// <summary>Each old column's place on the new site: the column of the same name, else one made under a column named after the old site.</summary>
    private async Task<Dictionary<int, int>> ColumnMapAsync(SiteMigration migration, Site source, CancellationToken ct)
    {
        var old = await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => c.SiteId == source.Id).OrderBy(c => c.Id).ToListAsync(ct);
        // Only columns with something published get a place of their own: an empty column moved is an empty column made.
        var withContent = (await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.SiteId == source.Id && a.Status == ArticleStatus.Published)
            .Select(a => a.ColumnId).Distinct().ToListAsync(ct)).ToHashSet();
        var target = await db.Columns.IgnoreQueryFilters().Where(c => c.SiteId == migration.TargetSiteId).OrderBy(c => c.Id).ToListAsync(ct);
        var map = new Dictionary<int, int>();
        Column? holder = target.FirstOrDefault(c => c.ParentId == null && c.Name == source.Name);
        foreach (var column in old.OrderBy(c => withContent.Contains(c.Id) ? 0 : 1).ThenBy(c => c.Id))
        {
            // Integration keeps the old site's columns together under its name; a migration matches names.
            var same = migration.Kind == MigrationKind.Migration ? target.FirstOrDefault(c => c.Name == column.Name && c.ParentId != holder?.Id) : null;
            if (same is null && !withContent.Contains(column.Id))
            {
                same = holder ?? target.Where(c => c.ParentId == null).OrderBy(c => c.SortOrder).First();
            }
            if (same is null)
            {
                if (holder is null)
                {
                    holder = new Column
                    {
                        SiteId = migration.TargetSiteId, Name = source.Name.Length > 100 ? source.Name[..100] : source.Name, Type = ColumnType.Other,
                        IsSubSite = true, SortOrder = (target.Where(c => c.ParentId == null).Max(c => (int?)c.SortOrder) ?? 0) + 10,
                        Description = $"原{source.Name}网站内容",
                    };
                    db.Columns.Add(holder);
                    await db.SaveChangesAsync(ct);
                    target.Add(holder);
                }
                same = target.FirstOrDefault(c => c.ParentId == holder.Id && c.Name == column.Name);
                if (same is null)
                {
                    same = new Column { SiteId = migration.TargetSiteId, ParentId = holder.Id, Name = column.Name, Type = column.Type, SortOrder = column.SortOrder };
                    db.Columns.Add(same);
                    await db.SaveChangesAsync(ct);
                    target.Add(same);
                }
            }
            map[column.Id] = same.Id;
        }
        return map;
    }

    /// <summary>The URL map from the placements: home, columns, feeds, articles, attachments, fixed pages. Hand-made lines stay.</summary>
    private async Task GenerateMapAsync(SiteMigration migration, CancellationToken ct)
    {
        var source = await db.Sites.AsNoTracking().Include(s => s.Domains).FirstAsync(s => s.Id == migration.SourceSiteId, ct);
        var target = await db.Sites.AsNoTracking().Include(s => s.Domains).FirstAsync(s => s.Id == migration.TargetSiteId, ct);
        var origin = Origin(target);
        var columns = await ColumnMapAsync(migration, source, ct);
        var lines = new Dictionary<string, (string? Url, string Kind, int? Id)>(StringComparer.Ordinal)
        {
            ["/"] = (origin + "/", "home", null),
            ["/interaction"] = (origin + "/interaction", "other", null),
            ["/search"] = (origin + "/search", "other", null),
            ["/topics"] = (origin + "/topics", "other", null),
            ["/sitemap.xml"] = (null, "other", null),
        };
        foreach (var (oldColumn, newColumn) in columns)
        {
            lines[$"/columns/{oldColumn}"] = ($"{origin}/columns/{newColumn}", "column", oldColumn);
            lines[$"/columns/{oldColumn}/rss.xml"] = ($"{origin}/columns/{newColumn}/rss.xml", "column", oldColumn);
        }
        var newByItem = (await db.Articles.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.SiteId == target.Id && a.ItemId != null && a.Status == ArticleStatus.Published)
                .Select(a => new { a.Id, a.ItemId }).ToListAsync(ct))
            .GroupBy(a => a.ItemId!.Value).ToDictionary(g => g.Key, g => g.Min(a => a.Id));
        var oldArticles = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.SiteId == source.Id)
            .Select(a => new { a.Id, a.ItemId }).ToListAsync(ct);
        foreach (var a in oldArticles)
        {
            lines[$"/articles/{a.Id}"] = (a.ItemId is int item && newByItem.TryGetValue(item, out var id) ? $"{origin}/articles/{id}" : null, "article", a.Id);
        }
        foreach (var f in await db.StoredFiles.AsNoTracking().Where(f => f.SiteId == source.Id).ToListAsync(ct))
        {
            lines[f.Url] = (origin + f.Url, "file", f.Id);
        }
        var existing = await db.UrlMappings.Where(m => m.MigrationId == migration.Id).ToDictionaryAsync(m => m.OldPath, StringComparer.Ordinal, ct);
        foreach (var (path, (url, kind, id)) in lines)
        {
            if (!existing.TryGetValue(path, out var row))
            {
                db.UrlMappings.Add(new UrlMapping { MigrationId = migration.Id, OldPath = path, NewUrl = url, Kind = kind, SourceId = id });
            }
            else if (!row.Edited)
            {
                (row.NewUrl, row.Kind, row.SourceId) = (url, kind, id);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    public static string Origin(Site site) =>
        site.Domains.OrderByDescending(d => d.IsMain).ThenBy(d => d.Id).FirstOrDefault()?.Host is { } host ? $"https://{host}" : $"/sites/{site.Code}";

    /// <summary>Makes the proof, then closes the old site with its notice; its old addresses answer from the map from now on.</summary>
    public async Task<SaveResult<SiteMigration>> CompleteAsync(string sourceCode, ClosureInput closure, CancellationToken ct = default)
    {
        var source = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == sourceCode, ct);
        var migration = source is null ? null : await db.SiteMigrations.Where(m => m.SourceSiteId == source.Id).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (source is null || migration is null)
        {
            return SaveResult<SiteMigration>.Missing();
        }
        if (!lifecycle.Supervises(source.RegionId))
        {
            return SaveResult<SiteMigration>.Denied();
        }
        if (migration.Status == MigrationStatus.Done)
        {
            var errors = new ValidationErrors();
            errors.Add("Status", "迁移已完成");
            return SaveResult<SiteMigration>.Invalid(errors);
        }
        // Anything published on the old site since the map was made moves too.
        await MoveContentAsync(migration, ct);
        await GenerateMapAsync(migration, ct);
        var proof = await BuildProofAsync(migration, ct);
        if (proof.Any(p => !p.Match))
        {
            var errors = new ValidationErrors();
            errors.Add("Proof", $"有 {proof.Count(p => !p.Match)} 项内容在新网站上没有找到或内容不一致，请先处理（见迁移证明）");
            await SaveProofAsync(migration.Id, proof, ct);
            return SaveResult<SiteMigration>.Invalid(errors);
        }
        await SaveProofAsync(migration.Id, proof, ct);
        var target = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == migration.TargetSiteId, ct);
        closure.Successor ??= target.Code;
        closure.Reason ??= migration.Kind == MigrationKind.Integration ? $"整合至{target.Name}" : $"迁移至{target.Name}";
        migration.Status = MigrationStatus.Done;
        migration.CompletedAt = Now;
        migration.CompletedBy = access.UserName ?? "系统";
        await db.SaveChangesAsync(ct);
        var closed = await lifecycle.CloseAsync(source.Id, closure, ct);
        if (!closed.Succeeded)
        {
            migration.Status = MigrationStatus.Planning;
            migration.CompletedAt = null;
            migration.CompletedBy = null;
            await db.SaveChangesAsync(ct);
            return closed.Forbidden ? SaveResult<SiteMigration>.Denied() : SaveResult<SiteMigration>.Invalid(closed.Errors);
        }
        return SaveResult<SiteMigration>.Ok(migration);
    }

    private async Task SaveProofAsync(int migrationId, List<MigrationProofEntry> proof, CancellationToken ct)
    {
        await db.MigrationProofEntries.Where(p => p.MigrationId == migrationId).ExecuteDeleteAsync(ct);
        db.MigrationProofEntries.AddRange(proof);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Every library item the old site owns, every placement it shows and every attachment it
    /// stores, with the old address, the new one and a hash of the content at each end.
    /// </summary>
    public async Task<List<MigrationProofEntry>> BuildProofAsync(SiteMigration migration, CancellationToken ct)
    {
        var source = await db.Sites.AsNoTracking().Include(s => s.Domains).FirstAsync(s => s.Id == migration.SourceSiteId, ct);
        var oldOrigin = Origin(source);
        var map = await db.UrlMappings.AsNoTracking().Where(m => m.MigrationId == migration.Id).ToDictionaryAsync(m => m.OldPath, m => m.NewUrl, StringComparer.Ordinal, ct);
        var targetArticles = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.SiteId == migration.TargetSiteId && a.ItemId != null)
            .ToDictionaryAsync(a => a.Id, ct);
        var items = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.OwnerSiteId == source.Id).ToDictionaryAsync(i => i.Id, ct);
        var oldArticles = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.SiteId == source.Id).OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var missingItem in oldArticles.Where(a => a.ItemId is int i && !items.ContainsKey(i)).Select(a => a.ItemId!.Value).Distinct().ToList())
        {
            items[missingItem] = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking().FirstAsync(i => i.Id == missingItem, ct);
        }
        var proof = new List<MigrationProofEntry>();
        Article? NewArticleAt(string? url) =>
            url is not null && url.LastIndexOf("/articles/", StringComparison.Ordinal) is var at and >= 0
            && int.TryParse(url.AsSpan(at + "/articles/".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? targetArticles.GetValueOrDefault(id) : null;

        foreach (var a in oldArticles)
        {
            var item = a.ItemId is int itemId ? items.GetValueOrDefault(itemId) : null;
            var newUrl = map.GetValueOrDefault($"/articles/{a.Id}");
            var moved = NewArticleAt(newUrl);
            var oldHash = Hash(a, item);
            var published = a.Status == ArticleStatus.Published;
            proof.Add(new MigrationProofEntry
            {
                MigrationId = migration.Id, Kind = "placement", SourceId = a.Id, Title = Cut(a.Title, 500), OldAddress = $"{oldOrigin}/articles/{a.Id}",
                NewAddress = published ? newUrl : $"信息资源库 #{a.ItemId}", OldHash = oldHash,
                NewHash = published ? moved is null ? null : Hash(moved, item) : oldHash,
                // An unpublished placement was never public: its item stays in the library.
                Match = !published || moved is not null && Hash(moved, item) == oldHash,
            });
        }
        foreach (var item in items.Values.OrderBy(i => i.Id))
        {
            var moved = targetArticles.Values.Where(t => t.ItemId == item.Id).OrderBy(t => t.Id).FirstOrDefault();
            var itemHash = ItemHash(item);
            var published = item.Status == ItemStatus.Published;
            proof.Add(new MigrationProofEntry
            {
                MigrationId = migration.Id, Kind = "item", SourceId = item.Id, Title = Cut(item.Title, 500), OldAddress = $"信息资源库 #{item.Id}",
                NewAddress = moved is not null ? $"{Origin(await TargetAsync(migration, ct))}/articles/{moved.Id}" : $"信息资源库 #{item.Id}",
                OldHash = itemHash,
                NewHash = moved is not null ? Hash(moved, item) : itemHash,
                Match = moved is not null ? Hash(moved, item) == itemHash : !published || !oldArticles.Any(a => a.ItemId == item.Id && a.Status == ArticleStatus.Published),
            });
        }
        foreach (var f in await db.StoredFiles.AsNoTracking().Where(f => f.SiteId == source.Id).OrderBy(f => f.Id).ToListAsync(ct))
        {
            var path = files.PathOf(f.StoredName);
            string? actual = File.Exists(path) ? Convert.ToHexStringLower(await SHA256.HashDataAsync(File.OpenRead(path), ct)) : null;
            var newUrl = map.GetValueOrDefault(f.Url);
            proof.Add(new MigrationProofEntry
            {
                MigrationId = migration.Id, Kind = "attachment", SourceId = f.Id, Title = Cut(f.FileName, 500), OldAddress = oldOrigin + f.Url,
                NewAddress = newUrl, OldHash = f.Sha256, NewHash = actual, Match = newUrl is not null && actual == f.Sha256,
            });
        }
        return proof;
    }

    private Site? _target;

    private async Task<Site> TargetAsync(SiteMigration migration, CancellationToken ct) =>
        _target ??= await db.Sites.AsNoTracking().Include(s => s.Domains).FirstAsync(s => s.Id == migration.TargetSiteId, ct);

    public async Task<(SiteMigration Migration, List<MigrationProofEntry> Proof)?> ProofAsync(string sourceCode, CancellationToken ct = default)
    {
        var source = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == sourceCode, ct);
        var migration = source is null ? null : await CurrentAsync(source.Id, ct);
        if (migration is null || !lifecycle.Supervises(source!.RegionId))
        {
            return null;
        }
        var proof = await db.MigrationProofEntries.AsNoTracking().Where(p => p.MigrationId == migration.Id).OrderBy(p => p.Kind).ThenBy(p => p.SourceId).ToListAsync(ct);
        if (proof.Count == 0)
        {
            proof = await BuildProofAsync(migration, ct);
        }
        return (migration, proof);
    }

    /// <summary>The proof as CSV (UTF-8 with BOM for Excel, formula cells guarded: <see cref="CsvExport"/>).</summary>
    public static byte[] ProofCsv(IEnumerable<MigrationProofEntry> proof) =>
        CsvExport.Write(["类别", "编号", "标题", "原地址", "新地址", "原内容哈希(SHA-256)", "新内容哈希(SHA-256)", "一致"],
            proof.Select(p => (IReadOnlyList<string?>)[KindLabel(p.Kind), p.SourceId.ToString(CultureInfo.InvariantCulture), p.Title, p.OldAddress,
                p.NewAddress ?? "（无）", p.OldHash, p.NewHash ?? "", p.Match ? "是" : "否"]));

    public static string KindLabel(string kind) => kind switch
    {
        "item" => "信息资源",
        "placement" => "页面",
        "attachment" => "附件",
        _ => kind,
    };

    /// <summary>The hash of what a placement shows (its content and its item's attachments).</summary>
    public static string Hash(Article a, LibraryItem? item) =>
        ContentHash(a.Title, a.Body, a.Summary, a.Author, a.Keywords, a.Issuer, a.DocNumber, a.WrittenDate, a.SubjectCategory, a.Validity, item?.Attachments);

    public static string ItemHash(LibraryItem i) =>
        ContentHash(i.Title, i.Body, i.Summary, i.Author, i.Keywords, i.Issuer, i.DocNumber, i.WrittenDate, i.SubjectClass, i.Validity, i.Attachments);

    private static string ContentHash(string title, string body, string? summary, string? author, string? keywords, string? issuer,
        string? docNumber, DateOnly? written, string? subject, PolicyValidity? validity, string? attachments)
    {
        var text = string.Join('\u001f', title, body, summary, author, keywords, issuer, docNumber,
            written?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), subject, validity?.ToString(), attachments ?? "[]");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
