using System.Globalization;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing;

public sealed class ArticleInput
{
    public int ColumnId { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string? Summary { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    public string? Keywords { get; set; }
    public string? ImageUrl { get; set; }

    /// <summary>China local time; empty means now.</summary>
    public DateTime? PublishedAt { get; set; }
    public bool Publish { get; set; } = true;
    public string? IndexNumber { get; set; }
    public string? Issuer { get; set; }
    public string? DocNumber { get; set; }
    public DateOnly? WrittenDate { get; set; }
    public string? SubjectCategory { get; set; }
    public PolicyValidity? Validity { get; set; }
    public int? InterpretsId { get; set; }
}

/// <summary>
/// The quick path for one site's article: write and publish in one step, for columns that need
/// no review. Behind it every article is a library item (先入库后使用): this keeps the item,
/// its versions and trail in step, so the library's rules hold whichever path was used.
/// </summary>
public sealed class ArticleService(GovSiteDb db, SiteAccess access, SiteChanges changes, TimeProvider clock,
    IEnumerable<IArticleObserver> observers, Library.IndexNumbers indexNumbers)
{
    /// <summary>Longest body accepted, in characters of sanitised HTML (about 300 pages of text).</summary>
    public const int MaxBodyLength = 1_000_000;

    public async Task<SaveResult<Article>> SaveAsync(int siteId, int? id, ArticleInput input, CancellationToken ct = default)
    {
        if (!access.CanEditContent(siteId))
        {
            return SaveResult<Article>.Denied();
        }
        Article? article;
        var now = clock.GetUtcNow().UtcDateTime;
        if (id is int existing)
        {
            article = await db.Articles.FirstOrDefaultAsync(a => a.Id == existing && a.SiteId == siteId, ct);
            if (article is null)
            {
                return SaveResult<Article>.Missing();
            }
        }
        else
        {
            article = new Article { SiteId = siteId, CreatedAt = now, CreatedById = access.UserId };
        }

        // What the public pages showed before this save, so both old and new places are refreshed.
        var before = (article.ColumnId, article.InterpretsId);
        var errors = new ValidationErrors();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(nameof(input.Title), "请填写标题");
        }
        else if (title.Length > 500)
        {
            errors.Add(nameof(input.Title), "标题不能超过500个字");
        }
        if (input.Body is { Length: > MaxBodyLength })
        {
            errors.Add(nameof(input.Body), $"正文过长（{input.Body.Length:N0} 字符），上限为 {MaxBodyLength:N0} 字符，请拆分为多篇或以附件发布");
        }
        var tooLong = input.Body is { Length: > MaxBodyLength };
        var body = tooLong ? "" : HtmlSanitiser.Sanitise(input.Body);
        if (!tooLong && HtmlSanitiser.ToPlainText(body).Trim().Length == 0 && !body.Contains("<img", StringComparison.Ordinal))
        {
            errors.Add(nameof(input.Body), "请填写正文");
        }
        if (!await db.Columns.AnyAsync(c => c.Id == input.ColumnId && c.SiteId == siteId, ct))
        {
            errors.Add(nameof(input.ColumnId), "请选择本网站的栏目");
        }
        if (input.InterpretsId is int policyId &&
            (policyId == article.Id || !await db.Articles.AnyAsync(a => a.Id == policyId && a.SiteId == siteId, ct)))
        {
            errors.Add(nameof(input.InterpretsId), "所解读的政策文件不存在或不属于本网站");
        }
        if (input.Validity is PolicyValidity v && !Enum.IsDefined(v))
        {
            errors.Add(nameof(input.Validity), "有效性无效");
        }
        var indexNumber = Clean(input.IndexNumber);
        if (indexNumber is not null && indexNumber != article.IndexNumber &&
            await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.SiteId == siteId && a.IndexNumber == indexNumber && a.Id != article.Id, ct))
        {
            errors.Add(nameof(input.IndexNumber), "索引号已被本网站的其他文章使用");
        }
        if (input.Publish && article.Status != ArticleStatus.Published && !access.Unrestricted)
        {
            var column = await db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.ColumnId && c.SiteId == siteId, ct);
            if (!access.HasRole(siteId, Role.Editor) && !access.HasRole(siteId, Role.SiteAdmin))
            {
                errors.Add(nameof(input.Publish), "信息员只能提交审核，不能直接发布");
            }
            else if (column is { ReviewLevels: > 0 } or { RequiresConfidentialityReview: true })
            {
                errors.Add(nameof(input.Publish), "该栏目的稿件须经审核后发布，请在信息资源库中提交审核");
            }
        }
        if (!errors.IsValid)
        {
            return SaveResult<Article>.Invalid(errors);
        }

        article.ColumnId = input.ColumnId;
        article.Title = title;
        article.Body = body;
        article.Summary = Clean(input.Summary);
        article.Source = Clean(input.Source);
        article.Author = Clean(input.Author);
        article.Keywords = Clean(input.Keywords);
        article.ImageUrl = Clean(input.ImageUrl);
        article.IndexNumber = indexNumber ?? article.IndexNumber;
        article.Issuer = Clean(input.Issuer);
        article.DocNumber = Clean(input.DocNumber);
        article.WrittenDate = input.WrittenDate;
        article.SubjectCategory = Clean(input.SubjectCategory);
        article.Validity = input.Validity ?? (article.DocNumber is not null || article.Issuer is not null ? PolicyValidity.Valid : null);
        article.InterpretsId = input.InterpretsId;
        article.UpdatedAt = now;
        article.UpdatedById = access.UserId;
        if (input.Publish)
        {
            article.Status = ArticleStatus.Published;
            article.PublishedAt = input.PublishedAt is DateTime local ? ChinaTime.ToUtc(local) : article.PublishedAt ?? now;
        }
        else if (article.Status != ArticleStatus.Published)
        {
            article.Status = ArticleStatus.Draft;
            article.PublishedAt = input.PublishedAt is DateTime local ? ChinaTime.ToUtc(local) : null;
        }
        if (article.Status == ArticleStatus.Published && article.IsPolicyDocument && article.IndexNumber is null)
        {
            article.IndexNumber = await indexNumbers.NextAsync(siteId, article.PublishedAt ?? now, ct);
        }
        // The importer runs many saves inside its own transaction; join it rather than nest.
        await using (var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            if (article.Id == 0)
            {
                db.Articles.Add(article);
            }
            await db.SaveChangesAsync(ct);
            await KeepItemInStepAsync(article, ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        await AfterChangeAsync(article, ct, before.ColumnId, before.InterpretsId);
        return SaveResult<Article>.Ok(article);
    }

    public async Task<SaveResult<Article>> WithdrawAsync(int siteId, int id, CancellationToken ct = default)
    {
        if (!access.CanEditContent(siteId))
        {
            return SaveResult<Article>.Denied();
        }
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.SiteId == siteId, ct);
        if (article is null)
        {
            return SaveResult<Article>.Missing();
        }
        article.Status = ArticleStatus.Withdrawn;
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        article.UpdatedById = access.UserId;
        await using (var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            await db.SaveChangesAsync(ct);
            await KeepItemInStepAsync(article, ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        await AfterChangeAsync(article, ct);
        return SaveResult<Article>.Ok(article);
    }

    /// <summary>
    /// Writes what this article now says back to its library item (a version and a trail entry
    /// when the state changed) and onto the item's other placements, inside the caller's transaction.
    /// </summary>
    private async Task KeepItemInStepAsync(Article article, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = article.ItemId is int itemId
            ? await db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == itemId, ct)
            : null;
        var from = item?.Status;
        if (item is null)
        {
            item = Library.LibraryService.FromArticle(article);
            db.LibraryItems.Add(item);
            await db.SaveChangesAsync(ct);
            article.ItemId = item.Id;
        }
        else
        {
            Library.LibraryService.TakeContent(item, article);
            item.UpdatedAt = now;
            item.UpdatedById = access.UserId;
            // Only the original's state is the item's; a placement elsewhere changes its text, not its workflow.
            if (article.SiteId == item.OwnerSiteId)
            {
                item.Status = Library.LibraryService.StatusOf(article.Status);
                item.PublishedAt = article.PublishedAt;
                item.HomeColumnId = article.ColumnId;
            }
            foreach (var other in await db.Articles.IgnoreQueryFilters().Where(a => a.ItemId == item.Id && a.Id != article.Id).ToListAsync(ct))
            {
                Library.LibraryService.CopyContent(item, other, now, access.UserId);
                if (article.SiteId == item.OwnerSiteId)
                {
                    // Publishing or withdrawing the original does the same to every placement of it.
                    other.Status = article.Status;
                    other.PublishedAt = article.PublishedAt;
                }
            }
        }
        item.VersionNumber++;
        db.ItemVersions.Add(Library.ItemVersion.Of(item, now, access.UserId, access.UserName ?? "系统", null));
        if (from != item.Status)
        {
            db.ItemTransitions.Add(new Library.ItemTransition
            {
                ItemId = item.Id,
                At = now,
                UserId = access.UserId,
                UserName = access.UserName ?? "系统",
                From = from ?? Library.ItemStatus.Draft,
                To = item.Status,
                Action = from is null ? "create" : item.Status == Library.ItemStatus.Withdrawn ? "withdraw" : "publish",
                Comment = "经文章管理直接保存",
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AfterChangeAsync(Article article, CancellationToken ct, int previousColumnId = 0, int? previousInterpretsId = null)
    {
        await changes.ArticleChangedAsync(article, previousColumnId, previousInterpretsId, ct);
        foreach (var observer in observers)
        {
            await observer.ArticleChangedAsync(article, ct);
        }
    }

    /// <summary>Published and due: what the public may see.</summary>
    public static IQueryable<Article> Visible(IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string FormatWrittenDate(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
