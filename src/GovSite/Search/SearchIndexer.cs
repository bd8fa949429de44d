using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

/// <summary>
/// Keeps the index in step with publishing. ArticleService calls it after every save and
/// withdrawal, in the writer's transaction, so the index is current when the save returns; it
/// lives in the database, so every node sees it at once.
/// </summary>
public sealed class SearchIndexer(GovSiteDb db, ISearchBackend backend, SearchText text, SiteDirectory sites, TimeProvider clock)
    : IArticleObserver
{
    // Databases whose token table this process has made sure of: the CLI and other callers
    // that save articles run no start-up work, so the first change creates the table if needed.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Ensured = new();

    public async Task ArticleChangedAsync(Article article, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        if (!Ensured.ContainsKey(database))
        {
            if (await backend.EnsureSchemaAsync(ct))
            {
                // Fresh token tables under old documents: forget them, so the next start's
                // CatchUpAsync indexes every published article again.
                await db.SearchDocuments.ExecuteDeleteAsync(ct);
            }
            Ensured[database] = true;
        }
        if (article.Status == ArticleStatus.Published && article.PublishedAt is not null)
        {
            var column = await db.Columns.IgnoreQueryFilters().FirstAsync(c => c.Id == article.ColumnId, ct);
            await IndexAsync(article, column, ct);
        }
        else
        {
            await RemoveAsync(article.Id, ct);
        }
    }

    public async Task IndexAsync(Article article, Column column, CancellationToken ct)
    {
        var existing = await db.SearchDocuments.FindAsync([article.Id], ct);
        var document = existing ?? new SearchDocument { Id = article.Id };
        var attachments = await AttachmentNamesAsync([article], ct);
        Fill(document, article, column, attachments.GetValueOrDefault(article.Id));
        if (existing is null)
        {
            db.SearchDocuments.Add(document);
        }
        await db.SaveChangesAsync(ct);
        var (title, body) = Tokens(article, document.Text);
        await backend.IndexAsync(article.Id, title, body, ct);
    }

    public async Task RemoveAsync(int articleId, CancellationToken ct)
    {
        await db.SearchDocuments.Where(d => d.Id == articleId).ExecuteDeleteAsync(ct);
        await backend.RemoveAsync(articleId, ct);
    }

    /// <summary>Empties the index and indexes every published article again, in batches.</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await backend.EnsureSchemaAsync(ct);
        await backend.ClearAsync(ct);
        await db.SearchDocuments.ExecuteDeleteAsync(ct);
        return await IndexWhereAsync(db.Articles.IgnoreQueryFilters().Where(a => a.Status == ArticleStatus.Published), progress, ct);
    }

    /// <summary>
    /// At start-up: index what was published without passing through ArticleService (the demo
    /// seed, an import, a restored backup) and drop what is no longer published.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        if (await backend.EnsureSchemaAsync(ct))
        {
            // Fresh token tables (first start, or a new layout): every document goes in again.
            await db.SearchDocuments.ExecuteDeleteAsync(ct);
        }
        var published = db.Articles.IgnoreQueryFilters().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null);
        var stale = await db.SearchDocuments.Where(d => !published.Any(a => a.Id == d.Id)).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in stale)
        {
            await RemoveAsync(id, ct);
        }
        return await IndexWhereAsync(published.Where(a => !db.SearchDocuments.Any(d => d.Id == a.Id)), null, ct) + stale.Count;
    }

    private async Task<int> IndexWhereAsync(IQueryable<Article> articles, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var total = await articles.CountAsync(ct);
        var done = 0;
        var lastId = 0;
        var columns = new Dictionary<int, Column>();
        progress?.Report((0, total));
        while (true)
        {
            var batch = await articles.Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(500).AsNoTracking().ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            var missing = batch.Select(a => a.ColumnId).Where(id => !columns.ContainsKey(id)).Distinct().ToList();
            foreach (var column in await db.Columns.IgnoreQueryFilters().Where(c => missing.Contains(c.Id)).AsNoTracking().ToListAsync(ct))
            {
                columns[column.Id] = column;
            }
            // One transaction per batch: one commit for 500 documents instead of 500.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var documents = new List<(SearchDocument Document, Article Article)>();
            var attachments = await AttachmentNamesAsync(batch, ct);
            foreach (var article in batch)
            {
                var document = new SearchDocument { Id = article.Id };
                Fill(document, article, columns[article.ColumnId], attachments.GetValueOrDefault(article.Id));
                documents.Add((document, article));
            }
            var ids = batch.Select(a => a.Id).ToList();
            await db.SearchDocuments.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(ct);
            db.SearchDocuments.AddRange(documents.Select(d => d.Document));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            foreach (var (document, article) in documents)
            {
                var (title, body) = Tokens(article, document.Text);
                await backend.IndexAsync(article.Id, title, body, ct);
            }
            await tx.CommitAsync(ct);
            done += batch.Count;
            lastId = batch[^1].Id;
            progress?.Report((done, total));
        }
        return done;
    }

    private (string Title, string Body) Tokens(Article article, string plainText) =>
        text.DocumentTokens(article.Title, article.Keywords, plainText, article.DocNumber, article.IndexNumber);

    /// <summary>
    /// The names of the articles' attachments (from their library items), by article: a 文号 is
    /// often only in the name of the attached file.
    /// </summary>
    private async Task<Dictionary<int, List<string>>> AttachmentNamesAsync(IReadOnlyCollection<Article> articles, CancellationToken ct)
    {
        var itemIds = articles.Where(a => a.ItemId is not null).Select(a => a.ItemId!.Value).Distinct().ToList();
        if (itemIds.Count == 0)
        {
            return [];
        }
        var items = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Attachments, i.OwnerSiteId }).ToListAsync(ct);
        var fileIds = items.SelectMany(i => Publishing.Library.ItemContent.AttachmentIds(i.Attachments)).Distinct().ToList();
        if (fileIds.Count == 0)
        {
            return [];
        }
        var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName, f.SiteId })
            .ToDictionaryAsync(f => f.Id, ct);
        var byItem = items.ToDictionary(i => i.Id, i => Publishing.Library.ItemContent.AttachmentIds(i.Attachments)
            .Select(id => files.GetValueOrDefault(id)).Where(f => f is not null && f.SiteId == i.OwnerSiteId).Select(f => f!.FileName).ToList());
        return articles.Where(a => a.ItemId is int id && byItem.ContainsKey(id) && byItem[id].Count > 0)
            .ToDictionary(a => a.Id, a => byItem[a.ItemId!.Value]);
    }

    private void Fill(SearchDocument document, Article article, Column column, List<string>? attachments)
    {
        var plain = HtmlSanitiser.ToPlainText(article.Body);
        if (plain.Length > SearchText.MaxIndexedBody)
        {
            plain = plain[..SearchText.MaxIndexedBody];
        }
        if (attachments is { Count: > 0 })
        {
            // File names without their extensions, on a line of their own: found, ranked as body text, shown in snippets.
            plain += "\n附件：" + string.Join("；", attachments.Select(Path.GetFileNameWithoutExtension));
        }
        var summary = article.Summary is { Length: > 0 } s ? s + " " : "";
        var published = article.PublishedAt ?? clock.GetUtcNow().UtcDateTime;
        document.SiteId = article.SiteId;
        document.SiteCode = sites.FindById(article.SiteId)?.Code ?? "";
        document.ColumnId = article.ColumnId;
        document.ColumnType = column.Type;
        document.Title = article.Title;
        document.Keywords = article.Keywords;
        document.Text = summary + plain;
        document.SubjectCategory = article.SubjectCategory;
        document.Issuer = article.Issuer;
        document.Validity = article.Validity;
        document.DocNumber = article.DocNumber;
        document.IndexNumber = article.IndexNumber;
        document.Year = ChinaTime.ToLocal(published).Year;
        document.PublishedAt = published;
        document.IndexedAt = clock.GetUtcNow().UtcDateTime;
    }
}
