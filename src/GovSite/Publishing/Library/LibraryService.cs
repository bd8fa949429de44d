using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Quality;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

/// <summary>
/// The library's content side: creating and correcting items (every save is a version),
/// restoring versions, and keeping every placement's copy of the content in step.
/// The workflow (<see cref="Workflow"/>) and reprints (<see cref="Reprints"/>) build on it.
/// </summary>
public sealed class LibraryService(GovSiteDb db, SiteAccess access, SiteChanges changes, TimeProvider clock,
    IEnumerable<IArticleObserver> observers, NearDuplicates nearDuplicates)
{
    public const int MaxBodyLength = ArticleService.MaxBodyLength;

    internal GovSiteDb Db => db;
    internal SiteAccess Access => access;
    internal DateTime Now => clock.GetUtcNow().UtcDateTime;
    internal string ActorName => access.UserName ?? "系统";

    /// <summary>Editors and site admins; contributors may write and submit but not publish.</summary>
    public bool IsEditor(int siteId) => access.HasRole(siteId, Role.Editor) || access.HasRole(siteId, Role.SiteAdmin);

    public async Task<SaveResult<LibraryItem>> CreateAsync(int siteId, ItemInput input, CancellationToken ct = default)
    {
        if (!access.CanEditContent(siteId))
        {
            return SaveResult<LibraryItem>.Denied();
        }
        var now = Now;
        var item = new LibraryItem
        {
            OwnerSiteId = siteId,
            Status = ItemStatus.Draft,
            CreatedAt = now,
            CreatedById = access.UserId,
        };
        var errors = await ApplyAsync(item, input, ct);
        if (!errors.IsValid)
        {
            return SaveResult<LibraryItem>.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LibraryItems.Add(item);
        await db.SaveChangesAsync(ct);
        var article = NewPlacement(item, siteId, item.HomeColumnId);
        db.Articles.Add(article);
        AddVersion(item, note: null);
        AddTransition(item, ItemStatus.Draft, ItemStatus.Draft, "create", null, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SaveResult<LibraryItem>.Ok(item);
    }

    /// <summary>
    /// Corrects an item. The correction reaches every placement at once: public pages read the
    /// placements, so they are rewritten in the same transaction.
    /// </summary>
    public async Task<SaveResult<LibraryItem>> UpdateAsync(int id, ItemInput input, string? note = null, CancellationToken ct = default)
    {
        var item = await db.LibraryItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return SaveResult<LibraryItem>.Missing();
        }
        if (!CanEdit(item))
        {
            return SaveResult<LibraryItem>.Denied();
        }
        var before = (item.HomeColumnId, item.InterpretsItemId);
        var errors = await ApplyAsync(item, input, ct);
        if (!errors.IsValid)
        {
            return SaveResult<LibraryItem>.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var placements = await db.Articles.Where(a => a.ItemId == item.Id).ToListAsync(ct);
        var previousColumns = placements.ToDictionary(a => a.Id, a => (a.ColumnId, a.InterpretsId));
        foreach (var placement in placements)
        {
            CopyContent(item, placement, Now, access.UserId);
            // Moving the item's own column moves its home placement with it.
            if (placement.SiteId == item.OwnerSiteId && placement.ColumnId == before.HomeColumnId)
            {
                placement.ColumnId = item.HomeColumnId;
            }
        }
        AddVersion(item, note);
        await db.SaveChangesAsync(ct);
        if (before.InterpretsItemId != item.InterpretsItemId)
        {
            await LinkInterpretationsAsync(item, placements, ct);
        }
        await tx.CommitAsync(ct);
        if (item.Status == ItemStatus.Published)
        {
            await nearDuplicates.IndexAsync(item.Id, item.OwnerSiteId, item.PublishedAt ?? Now, item.Title, HtmlSanitiser.ToPlainText(item.Body), ct);
        }
        foreach (var placement in placements)
        {
            var (column, interprets) = previousColumns[placement.Id];
            await AnnounceAsync(placement, column, interprets, ct);
        }
        return SaveResult<LibraryItem>.Ok(item);
    }

    /// <summary>Restores an old version as a new one; the versions in between stay.</summary>
    public async Task<SaveResult<LibraryItem>> RestoreAsync(int id, int number, CancellationToken ct = default)
    {
        var version = await db.ItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == id && v.Number == number, ct);
        var item = await db.LibraryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (version is null || item is null)
        {
            return SaveResult<LibraryItem>.Missing();
        }
        var content = ItemContent.Parse(version.Content);
        // Versions made when an article was upgraded into the library carry no metadata: keep the current.
        var input = version.Content == "{}" ? ItemInput.From(item) : content.ToInput(version.Title, version.Body, item.HomeColumnId);
        input.Title = version.Title;
        input.Body = version.Body;
        return await UpdateAsync(id, input, $"恢复自第 {number} 版", ct);
    }

    /// <summary>Who may change an item's content in its current state.</summary>
    public bool CanEdit(LibraryItem item)
    {
        var site = item.OwnerSiteId;
        return item.Status switch
        {
            // A contributor may change only what they wrote, and only before it is submitted.
            ItemStatus.Draft => IsEditor(site) || (access.CanEditContent(site) && (item.CreatedById == access.UserId || access.UserId is null)),
            ItemStatus.Submitted or ItemStatus.ConfidentialityReview => IsEditor(site) || access.HasRole(site, Role.Reviewer),
            _ => IsEditor(site),
        };
    }

    /// <summary>Validates the input and writes it onto the item; nothing is saved here.</summary>
    internal async Task<ValidationErrors> ApplyAsync(LibraryItem item, ItemInput input, CancellationToken ct)
    {
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
        if (input.Subtitle is { Length: > 500 })
        {
            errors.Add(nameof(input.Subtitle), "副标题不能超过500个字");
        }
        var tooLong = input.Body is { Length: > MaxBodyLength };
        if (tooLong)
        {
            errors.Add(nameof(input.Body), $"正文过长（{input.Body!.Length:N0} 字符），上限为 {MaxBodyLength:N0} 字符，请拆分为多篇或以附件发布");
        }
        var body = tooLong ? "" : HtmlSanitiser.Sanitise(input.Body);
        if (!tooLong && HtmlSanitiser.ToPlainText(body).Trim().Length == 0 && !body.Contains("<img", StringComparison.Ordinal))
        {
            errors.Add(nameof(input.Body), "请填写正文");
        }
        var columnId = item.Id == 0 || input.ColumnId != 0 ? input.ColumnId : item.HomeColumnId;
        if (!await db.Columns.AnyAsync(c => c.Id == columnId && c.SiteId == item.OwnerSiteId, ct))
        {
            errors.Add(nameof(input.ColumnId), "请选择本网站的栏目");
        }
        if (input.InterpretsItemId is int policyId &&
            (policyId == item.Id || !await db.LibraryItems.AnyAsync(i => i.Id == policyId && (i.DocNumber != null || i.Issuer != null), ct)))
        {
            errors.Add(nameof(input.InterpretsItemId), "所解读的政策文件不存在");
        }
        if (input.InterpretationKind is InterpretationKind kind && !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.InterpretationKind), "解读形式无效");
        }
        if (input.Validity is PolicyValidity v && !Enum.IsDefined(v))
        {
            errors.Add(nameof(input.Validity), "有效性无效");
        }
        var subject = Clean(input.SubjectClass);
        if (subject is not null && subject != item.SubjectClass &&
            !await db.Classifications.AnyAsync(c => c.Scheme == ClassificationScheme.Subject && c.Name == subject, ct))
        {
            errors.Add(nameof(input.SubjectClass), "请从平台主题分类中选择");
        }
        var genre = Clean(input.GenreClass);
        if (genre is not null && genre != item.GenreClass &&
            !await db.Classifications.AnyAsync(c => c.Scheme == ClassificationScheme.Genre && c.Name == genre, ct))
        {
            errors.Add(nameof(input.GenreClass), "请从平台体裁分类中选择");
        }
        if (input.Attachments is { Count: > 100 })
        {
            errors.Add(nameof(input.Attachments), "附件不能超过100个");
        }
        // Listing a file makes it public when the item is published: only the site's own files.
        else if (input.Attachments is { Count: > 0 } wanted &&
                 await db.StoredFiles.CountAsync(f => f.SiteId == item.OwnerSiteId && wanted.Contains(f.Id), ct) != wanted.Distinct().Count())
        {
            errors.Add(nameof(input.Attachments), "附件不存在或不属于本网站，请重新上传");
        }
        var (disclosure, disclosureReason) = await DisclosureOfAsync(item, input, columnId, errors, ct);
        if (!errors.IsValid)
        {
            return errors;
        }
        item.Disclosure = disclosure;
        item.DisclosureReason = disclosureReason;
        item.HomeColumnId = columnId;
        item.Title = title;
        item.Body = body;
        item.Subtitle = Clean(input.Subtitle);
        item.Summary = Clean(input.Summary);
        item.Keywords = Clean(input.Keywords);
        item.Source = Clean(input.Source);
        item.Author = Clean(input.Author);
        item.Issuer = Clean(input.Issuer);
        item.DocNumber = Clean(input.DocNumber);
        item.WrittenDate = input.WrittenDate;
        item.SubjectClass = subject;
        item.GenreClass = genre;
        item.Language = Clean(input.Language) ?? "zh-CN";
        if (item.Validity != input.Validity && item.Validity is not null)
        {
            item.ValidityDate = input.ValidityDate ?? DateOnly.FromDateTime(ChinaTime.ToLocal(Now));
        }
        else
        {
            item.ValidityDate = input.ValidityDate ?? item.ValidityDate;
        }
        item.Validity = input.Validity ?? (item.IsPolicy ? PolicyValidity.Valid : null);
        item.InterpretsItemId = input.InterpretsItemId;
        item.InterpretationKind = input.InterpretsItemId is null ? null : input.InterpretationKind ?? InterpretationKind.Text;
        if (input.Attachments is { } attachments)
        {
            item.Attachments = ItemContent.AttachmentJson(attachments);
        }
        item.UpdatedAt = Now;
        item.UpdatedById = access.UserId;
        return errors;
    }

    /// <summary>
    /// 公开方式 is chosen when an item is entered. Left out (an older client, a form that cannot
    /// offer the item's value), an existing item keeps its own; a new one is 主动公开 when it is a
    /// policy or written for a disclosure column, and unmarked otherwise. 不予公开 needs its reason.
    /// </summary>
    private async Task<(DisclosureMode?, string?)> DisclosureOfAsync(LibraryItem item, ItemInput input, int columnId, ValidationErrors errors,
        CancellationToken ct)
    {
        var mode = input.Disclosure;
        if (mode is { } m && !Enum.IsDefined(m))
        {
            errors.Add(nameof(input.Disclosure), "公开方式无效，请选择主动公开、依申请公开或不予公开");
            return (item.Disclosure, item.DisclosureReason);
        }
        if (mode is null)
        {
            if (item.Id != 0)
            {
                return (item.Disclosure, item.DisclosureReason);
            }
            var disclosureColumn = await db.Columns.AnyAsync(c => c.Id == columnId && c.Type == ColumnType.Disclosure, ct);
            mode = Clean(input.DocNumber) is not null || Clean(input.Issuer) is not null || disclosureColumn ? DisclosureMode.Proactive : null;
        }
        var reason = Common.TypedText.Line(input.DisclosureReason ?? (input.Disclosure is null ? item.DisclosureReason : null));
        if (mode == DisclosureMode.NotDisclosed)
        {
            if (reason is null || Common.TypedText.Length(reason) < 2)
            {
                errors.Add(nameof(input.DisclosureReason), "选择不予公开时，请填写不予公开的理由（如涉及国家秘密、个人隐私）");
            }
            else if (Common.TypedText.Length(reason) > 500)
            {
                errors.Add(nameof(input.DisclosureReason), "不予公开的理由不能超过 500 个字");
            }
            return (mode, reason);
        }
        return (mode, null);
    }

    internal void AddVersion(LibraryItem item, string? note)
    {
        item.VersionNumber++;
        db.ItemVersions.Add(ItemVersion.Of(item, Now, access.UserId, ActorName, note));
    }

    internal void AddTransition(LibraryItem item, ItemStatus from, ItemStatus to, string action, string? comment, int? level) =>
        db.ItemTransitions.Add(new ItemTransition
        {
            ItemId = item.Id,
            At = Now,
            UserId = access.UserId,
            UserName = ActorName,
            From = from,
            To = to,
            Action = action,
            Comment = comment,
            Level = level,
        });

    internal Article NewPlacement(LibraryItem item, int siteId, int columnId)
    {
        var article = new Article
        {
            ItemId = item.Id,
            SiteId = siteId,
            ColumnId = columnId,
            CreatedAt = Now,
            CreatedById = access.UserId,
            Status = item.Status == ItemStatus.Published ? ArticleStatus.Published : ArticleStatus.Draft,
            PublishedAt = item.Status == ItemStatus.Published ? item.PublishedAt : null,
        };
        CopyContent(item, article, Now, access.UserId);
        return article;
    }

    /// <summary>A placement shows the item's content; these are the fields it copies.</summary>
    internal static void CopyContent(LibraryItem item, Article a, DateTime now, int? userId)
    {
        a.Title = item.Title;
        a.Body = item.Body;
        a.Summary = item.Summary;
        a.Source = a.ReprintedFromSiteId is null ? item.Source : a.Source;
        a.Author = item.Author;
        a.Keywords = item.Keywords;
        a.Issuer = item.Issuer;
        a.DocNumber = item.DocNumber;
        a.WrittenDate = item.WrittenDate;
        a.SubjectCategory = item.SubjectClass;
        a.GenreClass = item.GenreClass;
        a.Disclosure = item.Disclosure;
        a.Validity = item.Validity;
        a.UpdatedAt = now;
        a.UpdatedById = userId;
    }

    /// <summary>
    /// Public pages link a policy and its interpretations through placements on the same site
    /// (<see cref="Article.InterpretsId"/>); this keeps those links in step with the items'.
    /// </summary>
    internal async Task LinkInterpretationsAsync(LibraryItem item, IReadOnlyList<Article> placements, CancellationToken ct)
    {
        foreach (var placement in placements)
        {
            placement.InterpretsId = item.InterpretsItemId is int policyItem
                ? await db.Articles.Where(a => a.ItemId == policyItem && a.SiteId == placement.SiteId)
                    .OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
                : null;
        }
        // The other direction: interpretations already on these sites now find this policy's placement.
        if (item.IsPolicy)
        {
            foreach (var placement in placements)
            {
                var waiting = await db.Articles
                    .Where(a => a.SiteId == placement.SiteId && a.InterpretsId == null && a.Item != null && a.Item.InterpretsItemId == item.Id)
                    .ToListAsync(ct);
                waiting.ForEach(a => a.InterpretsId = placement.Id);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    internal async Task AnnounceAsync(Article placement, int previousColumnId, int? previousInterpretsId, CancellationToken ct)
    {
        await changes.ArticleChangedAsync(placement, previousColumnId, previousInterpretsId, ct);
        foreach (var observer in observers)
        {
            await observer.ArticleChangedAsync(placement, ct);
        }
    }

    /// <summary>The library item behind an article saved before the library existed: made on first touch.</summary>
    internal async Task<LibraryItem> AdoptAsync(Article article, CancellationToken ct)
    {
        var item = FromArticle(article);
        db.LibraryItems.Add(item);
        await db.SaveChangesAsync(ct);
        article.ItemId = item.Id;
        AddVersion(item, "由原文章生成");
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>An item holding what an article holds, for articles written before the library (and bulk seeding).</summary>
    public static LibraryItem FromArticle(Article a)
    {
        var item = new LibraryItem
        {
            OwnerSiteId = a.SiteId,
            HomeColumnId = a.ColumnId,
            Status = StatusOf(a.Status),
            PublishedAt = a.PublishedAt,
            CreatedAt = a.CreatedAt,
            CreatedById = a.CreatedById,
            UpdatedAt = a.UpdatedAt,
            UpdatedById = a.UpdatedById,
        };
        TakeContent(item, a);
        return item;
    }

    /// <summary>The reverse of <see cref="CopyContent"/>: an article edited directly writes its text back to its item.</summary>
    internal static void TakeContent(LibraryItem item, Article a)
    {
        item.Title = a.Title;
        item.Body = a.Body;
        item.Summary = a.Summary;
        item.Keywords = a.Keywords;
        // A reprint's 来源 names the site it came from, not the item's own source.
        item.Source = a.ReprintedFromSiteId is null ? a.Source : item.Source;
        item.Author = a.Author;
        item.Issuer = a.Issuer;
        item.DocNumber = a.DocNumber;
        item.WrittenDate = a.WrittenDate;
        item.SubjectClass = a.SubjectCategory;
        item.Validity = a.Validity;
    }

    internal static ItemStatus StatusOf(ArticleStatus status) => status switch
    {
        ArticleStatus.Published => ItemStatus.Published,
        ArticleStatus.Withdrawn => ItemStatus.Withdrawn,
        _ => ItemStatus.Draft,
    };

    /// <summary>
    /// Puts the last year's published items into the near-duplicate index: after seeding, or after
    /// an upgrade brought in items that were published before the index existed.
    /// </summary>
    public static async Task<int> IndexPublishedAsync(GovSiteDb db, NearDuplicates index, DateTime nowUtc, Action<int, int>? progress = null,
        CancellationToken ct = default)
    {
        var since = nowUtc - NearDuplicates.Window;
        var ids = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status == ItemStatus.Published && i.PublishedAt >= since).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var done = 0;
        foreach (var batch in ids.Chunk(200))
        {
            var items = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking().Where(i => batch.Contains(i.Id))
                .Select(i => new { i.Id, i.OwnerSiteId, i.PublishedAt, i.Title, i.Body }).ToListAsync(ct);
            foreach (var i in items)
            {
                await index.IndexAsync(i.Id, i.OwnerSiteId, i.PublishedAt!.Value, i.Title, HtmlSanitiser.ToPlainText(i.Body), ct);
                progress?.Invoke(++done, ids.Count);
            }
        }
        return done;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
