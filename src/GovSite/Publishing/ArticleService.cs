using System.Globalization;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Publishing.Quality;
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

    /// <summary>China local time; empty means now. A past time dates the article then (an import of older documents).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Publish as well as save. Off unless asked for: new content is a draft until someone publishes it.</summary>
    public bool Publish { get; set; }
    public string? IndexNumber { get; set; }
    public string? Issuer { get; set; }
    public string? DocNumber { get; set; }
    public DateOnly? WrittenDate { get; set; }
    public string? SubjectCategory { get; set; }
    public PolicyValidity? Validity { get; set; }
    public int? InterpretsId { get; set; }
}

/// <summary>
/// The article API's door onto the library (先入库后使用): an article is a placement of a library
/// item, so writing one writes the item through <see cref="LibraryService"/> and publishing goes
/// through <see cref="Workflow"/>, with the same validation, review levels, revisions of published
/// items and quality gate as the library's own pages. Nothing here writes an article row itself.
/// </summary>
public sealed class ArticleService(GovSiteDb db, SiteAccess access, LibraryService library, Workflow workflow, QualityGate gate)
{
    /// <summary>Longest body accepted, in characters of sanitised HTML (about 300 pages of text).</summary>
    public const int MaxBodyLength = LibraryService.MaxBodyLength;

    public async Task<SaveResult<Article>> SaveAsync(int siteId, int? id, ArticleInput input, CancellationToken ct = default)
    {
        if (!access.CanEditContent(siteId))
        {
            return SaveResult<Article>.Denied();
        }
        Article? article = null;
        LibraryItem? item = null;
        if (id is int existing)
        {
            article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == existing && a.SiteId == siteId, ct);
            if (article?.ItemId is not int itemId || (item = await db.LibraryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct)) is null)
            {
                return SaveResult<Article>.Missing();
            }
            // A reprint's text belongs to the site that wrote it: it is corrected there, and every placement follows.
            if (item.OwnerSiteId != siteId)
            {
                return SaveResult<Article>.Denied();
            }
        }
        var errors = new ValidationErrors();
        var indexNumber = TypedText.Line(input.IndexNumber);
        if (indexNumber is not null && indexNumber != article?.IndexNumber)
        {
            if (article is { Status: ArticleStatus.Published })
            {
                errors.Add(nameof(input.IndexNumber), "已发布文件的索引号不能修改");
            }
            else if (await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.SiteId == siteId && a.IndexNumber == indexNumber && a.Id != (id ?? 0), ct))
            {
                errors.Add(nameof(input.IndexNumber), "索引号已被本网站的其他文章使用");
            }
        }
        if (input.InterpretsId is int policyArticle && policyArticle != article?.InterpretsId &&
            (policyArticle == id || !await db.Articles.AnyAsync(a => a.Id == policyArticle && a.SiteId == siteId && a.ItemId != null, ct)))
        {
            errors.Add(nameof(input.InterpretsId), "所解读的政策文件不存在或不属于本网站");
        }
        var live = item?.Status == ItemStatus.Published;
        if (input.Publish && !live)
        {
            var column = await db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.ColumnId && c.SiteId == siteId, ct);
            if (!library.IsEditor(siteId))
            {
                errors.Add(nameof(input.Publish), "信息员只能提交审核，不能直接发布");
            }
            else if (column is { ReviewLevels: > 0 } or { RequiresConfidentialityReview: true })
            {
                errors.Add(nameof(input.Publish), "该栏目的稿件须经审核后发布，请保存后提交审核");
            }
            else if (column is not null)
            {
                // Publishing on save passes the gate first, so a refused publication saves nothing half-way.
                var findings = await gate.CheckAsync(new QualityInput(siteId, TypedText.LineOrEmpty(input.Title), input.Body ?? "", item?.Id), ct);
                foreach (var (field, messages) in LibraryService.GateErrors(findings).All)
                {
                    messages.ForEach(m => errors.Add(field, m));
                }
            }
        }
        if (!errors.IsValid)
        {
            return SaveResult<Article>.Invalid(errors);
        }

        var itemInput = await ToItemInputAsync(input, item, article?.ColumnId, ct);
        var saved = item is null
            ? await library.CreateAsync(siteId, itemInput, ct)
            : await library.UpdateAsync(item.Id, itemInput, null, ct);
        if (!saved.Succeeded)
        {
            return saved.Forbidden ? SaveResult<Article>.Denied() : saved.NotFound ? SaveResult<Article>.Missing() : SaveResult<Article>.Invalid(Renamed(saved.Errors));
        }
        item = saved.Value!;
        var placement = await db.Articles.FirstAsync(a => a.ItemId == item.Id && a.SiteId == siteId && (id == null || a.Id == id), ct);
        if (indexNumber is not null && placement.IndexNumber != indexNumber && placement.Status != ArticleStatus.Published)
        {
            placement.IndexNumber = indexNumber;
            await db.SaveChangesAsync(ct);
        }
        if (input.Publish && item.Status != ItemStatus.Published)
        {
            var step = await workflow.PublishAsync(item.Id, input.PublishedAt is DateTime local ? ChinaTime.ToUtc(local) : null, ct);
            if (!step.Succeeded)
            {
                // Saved as a draft; say why it did not go out.
                var refused = step.Blocked ? LibraryService.GateErrors(step.Findings) : Renamed(step.Errors);
                return SaveResult<Article>.Invalid(refused);
            }
        }
        await db.Entry(placement).ReloadAsync(ct);
        return SaveResult<Article>.Ok(placement);
    }

    /// <summary>
    /// Takes an article down. The site's own article is the item: it is withdrawn through the workflow
    /// (a request for review where the column asks for it). A reprint is this site's placement only.
    /// </summary>
    public async Task<SaveResult<Article>> WithdrawAsync(int siteId, int id, CancellationToken ct = default)
    {
        if (!access.CanEditContent(siteId))
        {
            return SaveResult<Article>.Denied();
        }
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.SiteId == siteId, ct);
        if (article?.ItemId is not int itemId)
        {
            return SaveResult<Article>.Missing();
        }
        if (!library.IsEditor(siteId))
        {
            return SaveResult<Article>.Denied();
        }
        var owner = await db.LibraryItems.IgnoreQueryFilters().Where(i => i.Id == itemId).Select(i => i.OwnerSiteId).FirstAsync(ct);
        if (owner != siteId)
        {
            article.Status = ArticleStatus.Withdrawn;
            article.UpdatedAt = library.Now;
            article.UpdatedById = access.UserId;
            var item = await db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == itemId, ct);
            library.AddTransition(item, item.Status, item.Status, "withdraw_placement", $"从本网站撤下转载（文章 {article.Id}）", null);
            await db.SaveChangesAsync(ct);
            await library.AnnounceAsync(article, article.ColumnId, article.InterpretsId, ct);
            return SaveResult<Article>.Ok(article);
        }
        var step = await workflow.WithdrawAsync(itemId, null, null, ct: ct);
        if (step.Forbidden)
        {
            return SaveResult<Article>.Denied();
        }
        if (!step.Succeeded)
        {
            return SaveResult<Article>.Invalid(step.Errors);
        }
        await db.Entry(article).ReloadAsync(ct);
        return SaveResult<Article>.Ok(article);
    }

    /// <summary>The article's fields as the item's; a policy named by its article becomes the policy's item.</summary>
    private async Task<ItemInput> ToItemInputAsync(ArticleInput input, LibraryItem? item, int? placementColumn, CancellationToken ct)
    {
        var current = item is null ? null : ItemInput.From(await library.WorkingCopyAsync(item, ct));
        var policyItem = input.InterpretsId is int policy
            ? await db.Articles.Where(a => a.Id == policy).Select(a => a.ItemId).FirstOrDefaultAsync(ct)
            : null;
        return new ItemInput
        {
            // An article in another of the item's columns edits the item, not where it lives.
            ColumnId = current is not null && placementColumn is int other && other != current.ColumnId && input.ColumnId == other
                ? current.ColumnId : input.ColumnId,
            Title = input.Title,
            Body = input.Body,
            Summary = input.Summary,
            Source = input.Source,
            Author = input.Author,
            Keywords = input.Keywords,
            ImageUrl = input.ImageUrl,
            Issuer = input.Issuer,
            DocNumber = input.DocNumber,
            WrittenDate = input.WrittenDate,
            SubjectClass = input.SubjectCategory,
            Validity = input.Validity,
            InterpretsItemId = policyItem,
            // What the article API has no field for stays as the library holds it.
            Subtitle = current?.Subtitle,
            GenreClass = current?.GenreClass,
            Language = current?.Language,
            ValidityDate = current?.ValidityDate,
            InterpretationKind = current?.InterpretationKind,
            Attachments = null,
        };
    }

    /// <summary>The library's field names, as the article API calls them.</summary>
    private static ValidationErrors Renamed(ValidationErrors errors)
    {
        var renamed = new ValidationErrors();
        foreach (var (field, messages) in errors.All)
        {
            var name = field switch
            {
                nameof(ItemInput.SubjectClass) => nameof(ArticleInput.SubjectCategory),
                nameof(ItemInput.InterpretsItemId) => nameof(ArticleInput.InterpretsId),
                "Status" => nameof(ArticleInput.Publish),
                _ => field,
            };
            messages.ForEach(m => renamed.Add(name, m));
        }
        return renamed;
    }

    /// <summary>Published and due: what the public may see.</summary>
    public static IQueryable<Article> Visible(IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc);

    public static string FormatWrittenDate(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
