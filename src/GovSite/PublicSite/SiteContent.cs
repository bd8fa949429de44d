using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite;

public sealed record ArticleLink(int Id, string Title, DateTime? PublishedAt, int ColumnId);

public sealed record ArticleCard(int Id, string Title, DateTime? PublishedAt, string? ImageUrl);

public sealed record FeedItem(int Id, string Title, string? Summary, string Body, DateTime? PublishedAt, string? Author);

/// <summary>A homepage or topic block as the theme configured it.</summary>
public sealed record ThemedBlock(Column Column, Themes.HomeBlock Settings, IReadOnlyList<ArticleCard> Articles);

/// <summary>The queries behind public pages. Everything here is published and due.</summary>
public sealed class SiteContent(GovSiteDb db, TimeProvider clock)
{
    public const int PageSize = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Set by the static exporter for its renderings: the same answers, read once for the whole site.</summary>
    public StaticExport.SiteSnapshot? Snapshot { get; set; }

    private StaticExport.SiteSnapshot? SnapshotOf(int siteId) => Snapshot is { } snapshot && snapshot.SiteId == siteId ? snapshot : null;

    public IQueryable<Article> Published(int siteId) =>
        ArticleService.Visible(db.Articles.AsNoTracking(), Now).Where(a => a.SiteId == siteId);

    public Task<List<Column>> ColumnsAsync(int siteId, CancellationToken ct = default) => SnapshotOf(siteId) is { } snapshot
        ? Task.FromResult(new List<Column>(snapshot.Columns))
        : db.Columns.AsNoTracking().Where(c => c.SiteId == siteId && c.IsVisible)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    public async Task<List<ThemedBlock>> BlocksAsync(int siteId, List<Column> columns, IEnumerable<Themes.HomeBlock> blocks,
        CancellationToken ct = default)
    {
        var result = new List<ThemedBlock>();
        foreach (var block in blocks)
        {
            if (columns.FirstOrDefault(c => c.Id == block.ColumnId) is not { } column)
            {
                continue;
            }
            var pictures = block.Kind == Themes.BlockKind.Pictures;
            var count = Math.Clamp(block.Count, 1, 20);
            List<ArticleCard> articles;
            if (SnapshotOf(siteId) is { Articles: { } all } snapshot)
            {
                articles = [.. snapshot.Listing(column.Id).Select(l => all[l.Id]).Where(a => !pictures || a.ImageUrl != null).Take(count)
                    .Select(a => new ArticleCard(a.Id, a.Title, a.PublishedAt, a.ImageUrl))];
            }
            else
            {
                var ids = ColumnService.WithDescendants(columns, column.Id);
                var query = Published(siteId).Where(a => ids.Contains(a.ColumnId));
                if (pictures)
                {
                    query = query.Where(a => a.ImageUrl != null);
                }
                articles = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count)
                    .Select(a => new ArticleCard(a.Id, a.Title, a.PublishedAt, a.ImageUrl)).ToListAsync(ct);
            }
            result.Add(new ThemedBlock(column, block, articles));
        }
        return result;
    }

    /// <summary>The newest articles' ids and last changes, for the sitemap.</summary>
    public async Task<List<(int Id, DateTime UpdatedAt)>> SitemapArticlesAsync(int siteId, int take, CancellationToken ct = default)
    {
        if (SnapshotOf(siteId) is { Articles: { } all })
        {
            return [.. all.Values.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take).Select(a => (a.Id, a.UpdatedAt))];
        }
        var rows = await Published(siteId).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new { a.Id, a.UpdatedAt }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.UpdatedAt))];
    }

    /// <summary>A column's newest articles with its sub-columns', for its feed.</summary>
    /// <summary>
    /// A column's newest articles with its sub-columns', for its feed. <paramref name="disclosedOnly"/>
    /// leaves out what is marked 依申请公开 or 不予公开 (unmarked news stays: it is public by nature).
    /// </summary>
    public async Task<List<FeedItem>> FeedArticlesAsync(int siteId, List<Column> columns, int columnId, int take,
        bool disclosedOnly = false, CancellationToken ct = default)
    {
        if (SnapshotOf(siteId) is { Articles: { } all } snapshot)
        {
            return [.. snapshot.Listing(columnId).Select(l => all[l.Id]).Where(a => !disclosedOnly || IsDisclosed(a)).Take(take)
                .Select(a => new FeedItem(a.Id, a.Title, a.Summary, a.Body, a.PublishedAt, a.Author))];
        }
        var ids = ColumnService.WithDescendants(columns, columnId);
        var articles = Published(siteId).Where(a => ids.Contains(a.ColumnId));
        if (disclosedOnly)
        {
            articles = articles.Where(a => a.Disclosure == null || a.Disclosure == DisclosureMode.Proactive);
        }
        return await articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new FeedItem(a.Id, a.Title, a.Summary, a.Body, a.PublishedAt, a.Author)).ToListAsync(ct);
    }

    private static bool IsDisclosed(Article a) => a.Disclosure is null or DisclosureMode.Proactive;

    /// <summary>The newest published 主动公开 documents of one 主题分类 on a site (the 政府信息公开目录's entries under it).</summary>
    public async Task<List<FeedItem>> PolicyThemeFeedArticlesAsync(int siteId, string subject, int take, CancellationToken ct = default)
    {
        if (SnapshotOf(siteId) is { Articles: { } all })
        {
            return [.. all.Values.Where(a => a.Disclosure == DisclosureMode.Proactive && a.SubjectCategory == subject)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take)
                .Select(a => new FeedItem(a.Id, a.Title, a.Summary, a.Body, a.PublishedAt, a.Author))];
        }
        return await Published(siteId).Where(a => a.Disclosure == DisclosureMode.Proactive && a.SubjectCategory == subject)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new FeedItem(a.Id, a.Title, a.Summary, a.Body, a.PublishedAt, a.Author)).ToListAsync(ct);
    }

    /// <summary>
    /// The 主题分类 a site has a feed for: the platform taxonomy's and any other its published
    /// 主动公开 documents carry (a name the taxonomy has since dropped), in taxonomy order.
    /// </summary>
    public async Task<List<string>> PolicyThemesAsync(int siteId, CancellationToken ct = default)
    {
        var taxonomy = await db.Classifications.AsNoTracking().Where(c => c.Scheme == Publishing.Library.ClassificationScheme.Subject)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => c.Name).ToListAsync(ct);
        var used = await Published(siteId).Where(a => a.Disclosure == DisclosureMode.Proactive && a.SubjectCategory != null && a.SubjectCategory != "")
            .Select(a => a.SubjectCategory!).Distinct().OrderBy(s => s).Take(200).ToListAsync(ct);
        return [.. taxonomy.Concat(used).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="subject"/> is one of <see cref="PolicyThemesAsync"/>, without listing them.</summary>
    public async Task<bool> IsPolicyThemeAsync(int siteId, string subject, CancellationToken ct = default) =>
        await db.Classifications.AsNoTracking().AnyAsync(c => c.Scheme == Publishing.Library.ClassificationScheme.Subject && c.Name == subject, ct)
        || await Published(siteId).AnyAsync(a => a.Disclosure == DisclosureMode.Proactive && a.SubjectCategory == subject, ct);

    public async Task<Themes.ThemeSettings> ThemeAsync(int siteId, bool draft, CancellationToken ct = default)
    {
        if (!draft && SnapshotOf(siteId) is { } snapshot)
        {
            return snapshot.Theme;
        }
        var row = await db.SiteThemes.AsNoTracking().Where(t => t.SiteId == siteId)
            .Select(t => new { t.Settings, t.Draft }).FirstOrDefaultAsync(ct);
        return Themes.ThemeSettings.Parse(draft && row?.Draft is not null ? row.Draft : row?.Settings);
    }

    /// <summary>Whether the site shows grey now (哀悼日); a full export reads it once with its snapshot.</summary>
    public Task<bool> MourningAsync(int siteId, CancellationToken ct = default) => SnapshotOf(siteId) is { } snapshot
        ? Task.FromResult(snapshot.Mourning)
        : Mourning.MourningService.IsMourningAsync(db, siteId, Now, ct);

    public Task<List<Topics.SpecialTopic>> TopicsAsync(int siteId, CancellationToken ct = default) => SnapshotOf(siteId) is { } snapshot
        ? Task.FromResult(new List<Topics.SpecialTopic>(snapshot.Topics))
        : db.SpecialTopics.AsNoTracking().Where(t => t.SiteId == siteId).OrderByDescending(t => t.OpenedAt).ToListAsync(ct);

    public async Task<(int Total, List<ArticleLink> Items)> ColumnPageAsync(int siteId, List<Column> columns, int columnId, int page,
        CancellationToken ct = default)
    {
        if (SnapshotOf(siteId) is { Articles: not null } snapshot)
        {
            var all = snapshot.Listing(columnId);
            return (all.Count, [.. all.Skip((page - 1) * PageSize).Take(PageSize)]);
        }
        var ids = ColumnService.WithDescendants(columns, columnId);
        var query = Published(siteId).Where(a => ids.Contains(a.ColumnId));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new ArticleLink(a.Id, a.Title, a.PublishedAt, a.ColumnId)).ToListAsync(ct);
        return (total, items);
    }

    public Task<Article?> ArticleAsync(int siteId, int id, CancellationToken ct = default) =>
        SnapshotOf(siteId) is { Articles: { } articles } ? Task.FromResult(articles.GetValueOrDefault(id)) : Published(siteId).Include(a => a.Column).Include(a => a.Interprets).FirstOrDefaultAsync(a => a.Id == id, ct);

    public Task<List<ArticleLink>> InterpretationsAsync(int siteId, int policyId, CancellationToken ct = default) =>
        SnapshotOf(siteId) is { InterpretationsOf: { } interpretations }
        ? Task.FromResult(interpretations[policyId].OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new ArticleLink(a.Id, a.Title, a.PublishedAt, a.ColumnId)).ToList())
        : Published(siteId).Where(a => a.InterpretsId == policyId).OrderBy(a => a.PublishedAt)
            .Select(a => new ArticleLink(a.Id, a.Title, a.PublishedAt, a.ColumnId)).ToListAsync(ct);
}
