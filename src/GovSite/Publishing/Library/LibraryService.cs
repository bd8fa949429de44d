using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Quality;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovSite.Publishing.Library;

/// <summary>
/// The library's content side: creating and correcting items (every save is a version),
/// restoring versions, and keeping every placement's copy of the content in step. A published
/// item is never changed in place by a save: the save becomes a pending revision that the public
/// pages do not see until it has passed the column's workflow (<see cref="Workflow"/>); in a
/// column without review it is published on save, through the quality gate. Every write to
/// content, from the back office, the API or import, comes through here.
/// </summary>
public sealed class LibraryService(GovSiteDb db, SiteAccess access, SiteChanges changes, TimeProvider clock,
    IEnumerable<IArticleObserver> observers, NearDuplicates nearDuplicates, QualityGate gate)
{
    /// <summary>Longest body accepted, in characters of sanitised HTML (about 300 pages of text).</summary>
    public const int MaxBodyLength = 1_000_000;

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
        await using var tx = await BeginAsync(ct);
        db.LibraryItems.Add(item);
        await db.SaveChangesAsync(ct);
        var article = NewPlacement(item, siteId, item.HomeColumnId);
        db.Articles.Add(article);
        AddVersion(item, note: null);
        AddTransition(item, ItemStatus.Draft, ItemStatus.Draft, "create", null, null);
        await db.SaveChangesAsync(ct);
        await CommitAsync(tx, ct);
        return SaveResult<LibraryItem>.Ok(item);
    }

    /// <summary>
    /// Saves what a person wrote into an item. Before the item is first published the save changes
    /// the item (a new version; an item already past review goes back to draft). Once it is
    /// published the save is a revision: in a column without review it is published at once if the
    /// quality gate lets it through; in a column with review it waits as a pending revision and the
    /// public pages keep the published version.
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
        if (item.Status == ItemStatus.Published)
        {
            return await ReviseAsync(item, input, note, ct);
        }
        var before = item.Copy();
        var changed = item.Copy();
        var errors = await ApplyAsync(changed, input, ct);
        if (!errors.IsValid)
        {
            return SaveResult<LibraryItem>.Invalid(errors);
        }
        if (SameContent(before, changed))
        {
            return SaveResult<LibraryItem>.Ok(item);
        }
        TakeContent(item, changed);
        item.UpdatedAt = changed.UpdatedAt;
        item.UpdatedById = changed.UpdatedById;
        await using var tx = await BeginAsync(ct);
        var placements = await db.Articles.IgnoreQueryFilters().Where(a => a.ItemId == item.Id).ToListAsync(ct);
        var previous = placements.ToDictionary(a => a.Id, a => (a.ColumnId, a.InterpretsId));
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
        var from = item.Status;
        // What a reviewer passed is what gets published: a change after approval goes back to draft.
        if (item.Status is ItemStatus.Approved or ItemStatus.Scheduled && !await IsDirectAsync(before.HomeColumnId, item.HomeColumnId, ct))
        {
            item.Status = ItemStatus.Draft;
            item.ReviewLevel = 0;
            item.PublishAt = null;
        }
        AddTransition(item, from, item.Status, from == item.Status ? "edit" : "reopen", note, null);
        await db.SaveChangesAsync(ct);
        if (before.InterpretsItemId != item.InterpretsItemId)
        {
            await LinkInterpretationsAsync(item, placements, ct);
        }
        await CommitAsync(tx, ct);
        foreach (var placement in placements)
        {
            var (column, interprets) = previous[placement.Id];
            await AnnounceAsync(placement, column, interprets, ct);
        }
        return SaveResult<LibraryItem>.Ok(item);
    }

    /// <summary>
    /// A save to a published item. The text is tried on a copy; the tracked item (and so the
    /// placements the public pages read) changes only when the revision is published.
    /// </summary>
    private async Task<SaveResult<LibraryItem>> ReviseAsync(LibraryItem item, ItemInput input, string? note, CancellationToken ct)
    {
        if (item.RevisionKind == Library.RevisionKind.Withdrawal)
        {
            var refused = new ValidationErrors();
            refused.Add("Status", "该稿件正在申请撤回，请先处理撤回申请再修改");
            return SaveResult<LibraryItem>.Invalid(refused);
        }
        var working = await WorkingCopyAsync(item, ct);
        var revised = working.Copy();
        var errors = await ApplyAsync(revised, input, ct);
        if (!errors.IsValid)
        {
            return SaveResult<LibraryItem>.Invalid(errors);
        }
        if (SameContent(working, revised))
        {
            return SaveResult<LibraryItem>.Ok(item);
        }
        if (await IsDirectAsync(item.HomeColumnId, revised.HomeColumnId, ct))
        {
            // No review in this column: the revision is published on save, but only through the gate.
            var findings = await gate.CheckAsync(new QualityInput(item.OwnerSiteId, revised.Title, revised.Body, item.Id, Now), ct);
            if (findings.Any(f => f.Severity == "block"))
            {
                return SaveResult<LibraryItem>.Invalid(GateErrors(findings));
            }
            await using var tx = await BeginAsync(ct);
            item.VersionNumber++;
            revised.VersionNumber = item.VersionNumber;
            db.ItemVersions.Add(ItemVersion.Of(revised, Now, access.UserId, ActorName, note ?? "修订，保存即发布"));
            ClearRevision(item);
            var announce = await GoLiveAsync(item, revised, ct);
            AddTransition(item, ItemStatus.Draft, ItemStatus.Published, "publish", note, null, revision: true);
            await db.SaveChangesAsync(ct);
            await CommitAsync(tx, ct);
            await AfterGoLiveAsync(item, announce, ct);
            return SaveResult<LibraryItem>.Ok(item);
        }
        await using (var tx = await BeginAsync(ct))
        {
            item.VersionNumber++;
            revised.VersionNumber = item.VersionNumber;
            db.ItemVersions.Add(ItemVersion.Of(revised, Now, access.UserId, ActorName, note ?? "修订（待审核，发布前前台仍显示已发布版本）"));
            var from = item.RevisionStatus;
            item.RevisionKind = Library.RevisionKind.Edit;
            item.RevisionVersion = item.VersionNumber;
            if (from is null)
            {
                item.RevisionStatus = ItemStatus.Draft;
                item.RevisedById = access.UserId;
            }
            else if (from is ItemStatus.Approved)
            {
                // Approved words are the ones published: a change after approval is reviewed again.
                item.RevisionStatus = ItemStatus.Draft;
                item.RevisionLevel = 0;
            }
            AddTransition(item, from ?? ItemStatus.Published, item.RevisionStatus!.Value, from is null ? "revise" : from == ItemStatus.Approved ? "reopen" : "edit",
                note, null, revision: true);
            await db.SaveChangesAsync(ct);
            await CommitAsync(tx, ct);
        }
        return SaveResult<LibraryItem>.Ok(item);
    }

    /// <summary>
    /// Publishes the pending revision's text: the item and every placement take it in one
    /// transaction. The caller (the workflow) has checked the stage, the rights and the gate.
    /// </summary>
    internal async Task<ValidationErrors> PublishRevisionAsync(LibraryItem item, string action, string? comment, CancellationToken ct)
    {
        var revised = await WorkingCopyAsync(item, ct);
        var errors = new ValidationErrors();
        // The revision was valid when saved; a column or policy it names may have gone since.
        if (!await db.Columns.IgnoreQueryFilters().AnyAsync(c => c.Id == revised.HomeColumnId && c.SiteId == item.OwnerSiteId, ct))
        {
            errors.Add("ColumnId", "修订所选的栏目已不存在，请修改后重新提交");
            return errors;
        }
        var from = item.RevisionStatus ?? ItemStatus.Approved;
        await using var tx = await BeginAsync(ct);
        AddTransition(item, from, ItemStatus.Published, action, comment, null, revision: true);
        ClearRevision(item);
        var announce = await GoLiveAsync(item, revised, ct);
        await db.SaveChangesAsync(ct);
        await CommitAsync(tx, ct);
        await AfterGoLiveAsync(item, announce, ct);
        return errors;
    }

    /// <summary>Drops a pending revision: the published version stays, the revision's version stays in the history.</summary>
    public async Task<SaveResult<LibraryItem>> DiscardRevisionAsync(int id, string? comment, CancellationToken ct = default)
    {
        var item = await db.LibraryItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return SaveResult<LibraryItem>.Missing();
        }
        if (!IsEditor(item.OwnerSiteId) && !(item.RevisedById == access.UserId && access.CanEditContent(item.OwnerSiteId)))
        {
            return SaveResult<LibraryItem>.Denied();
        }
        if (item.RevisionStatus is not { } from)
        {
            var errors = new ValidationErrors();
            errors.Add("Status", "该稿件没有待审修订");
            return SaveResult<LibraryItem>.Invalid(errors);
        }
        ClearRevision(item);
        AddTransition(item, from, ItemStatus.Published, "discard", TypedText.Line(comment), null, revision: true);
        await db.SaveChangesAsync(ct);
        return SaveResult<LibraryItem>.Ok(item);
    }

    /// <summary>Restores an old version as a new one; the versions in between stay. A published item gets it as a revision.</summary>
    public async Task<SaveResult<LibraryItem>> RestoreAsync(int id, int number, CancellationToken ct = default)
    {
        var version = await db.ItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == id && v.Number == number, ct);
        var item = await db.LibraryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (version is null || item is null)
        {
            return SaveResult<LibraryItem>.Missing();
        }
        var input = InputOf(version, item);
        return await UpdateAsync(id, input, $"恢复自第 {number} 版", ct);
    }

    /// <summary>What a version holds, as form input; fields a version from before they were recorded lacks come from the item.</summary>
    public static ItemInput InputOf(ItemVersion version, LibraryItem item)
    {
        // Versions made when an article was upgraded into the library carry no metadata: keep the current.
        if (version.Content == "{}")
        {
            var current = ItemInput.From(item);
            current.Title = version.Title;
            current.Body = version.Body;
            return current;
        }
        var content = ItemContent.Parse(version.Content);
        var input = content.ToInput(version.Title, version.Body, item.HomeColumnId);
        if (content.ColumnId is null)
        {
            input.ImageUrl = item.ImageUrl;
        }
        return input;
    }

    /// <summary>
    /// The text a person edits: the pending revision's when there is one, else the item's own.
    /// A copy: changing it changes nothing stored.
    /// </summary>
    public async Task<LibraryItem> WorkingCopyAsync(LibraryItem item, CancellationToken ct = default)
    {
        var copy = item.Copy();
        if (item.RevisionVersion is int number)
        {
            var version = await db.ItemVersions.AsNoTracking().FirstAsync(v => v.ItemId == item.Id && v.Number == number, ct);
            var input = InputOf(version, item);
            copy.Title = input.Title;
            copy.Body = input.Body ?? "";
            copy.HomeColumnId = input.ColumnId;
            copy.Subtitle = input.Subtitle;
            copy.Summary = input.Summary;
            copy.Keywords = input.Keywords;
            copy.Source = input.Source;
            copy.Author = input.Author;
            copy.Issuer = input.Issuer;
            copy.DocNumber = input.DocNumber;
            copy.WrittenDate = input.WrittenDate;
            copy.SubjectClass = input.SubjectClass;
            copy.GenreClass = input.GenreClass;
            copy.Language = input.Language ?? "zh-CN";
            copy.Validity = input.Validity;
            copy.ValidityDate = input.ValidityDate;
            copy.InterpretsItemId = input.InterpretsItemId;
            copy.InterpretationKind = input.InterpretationKind;
            copy.Attachments = ItemContent.AttachmentJson(input.Attachments ?? []);
            copy.ImageUrl = input.ImageUrl;
            // Versions from before 公开方式 was kept in them leave it out: the item's own stands.
            if (input.Disclosure is not null)
            {
                copy.Disclosure = input.Disclosure;
                copy.DisclosureReason = input.DisclosureReason;
            }
        }
        return copy;
    }

    /// <summary>Who may change an item's content in its current state.</summary>
    public bool CanEdit(LibraryItem item)
    {
        var site = item.OwnerSiteId;
        var stage = item.RevisionStatus ?? item.Status;
        return stage switch
        {
            // A contributor may change only what they wrote, and only before it is submitted.
            ItemStatus.Draft when item.RevisionStatus is null =>
                IsEditor(site) || (access.CanEditContent(site) && (item.CreatedById == access.UserId || access.UserId is null)),
            ItemStatus.Submitted or ItemStatus.ConfidentialityReview => IsEditor(site) || access.HasRole(site, Role.Reviewer),
            _ => IsEditor(site),
        };
    }

    /// <summary>True when neither column asks for review: an item moving between them may be published by its editors directly.</summary>
    internal async Task<bool> IsDirectAsync(int columnId, int otherColumnId, CancellationToken ct)
    {
        var ids = new[] { columnId, otherColumnId };
        return !await db.Columns.IgnoreQueryFilters().AnyAsync(c => ids.Contains(c.Id) && (c.ReviewLevels > 0 || c.RequiresConfidentialityReview), ct);
    }

    /// <summary>Validates the input and writes it onto the item; nothing is saved here.</summary>
    internal async Task<ValidationErrors> ApplyAsync(LibraryItem item, ItemInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var title = TypedText.LineOrEmpty(input.Title);
        if (title.Length == 0)
        {
            errors.Add(nameof(input.Title), "请填写标题");
        }
        else if (TypedText.Length(title) > 500)
        {
            errors.Add(nameof(input.Title), $"标题不能超过500个字（当前 {TypedText.Length(title)} 字）");
        }
        var subtitle = TypedText.Line(input.Subtitle);
        if (TypedText.Length(subtitle) > 500)
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
        if (input.InterpretsItemId is int policyId && policyId != item.InterpretsItemId &&
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
        // A classification outside today's taxonomy stays until a person changes it: only a new value must come from it.
        var subject = TypedText.Line(input.SubjectClass);
        if (subject is not null && subject != item.SubjectClass &&
            !await db.Classifications.AnyAsync(c => c.Scheme == ClassificationScheme.Subject && c.Name == subject, ct))
        {
            errors.Add(nameof(input.SubjectClass), "请从平台主题分类中选择");
        }
        var genre = TypedText.Line(input.GenreClass);
        if (genre is not null && genre != item.GenreClass &&
            !await db.Classifications.AnyAsync(c => c.Scheme == ClassificationScheme.Genre && c.Name == genre, ct))
        {
            errors.Add(nameof(input.GenreClass), "请从平台体裁分类中选择");
        }
        // Limits hold for what a person changes; a longer value stored before (an import) is kept as it is.
        foreach (var (field, value, stored, max, label) in new[]
                 {
                     (nameof(input.Keywords), input.Keywords, item.Keywords, 500, "关键词"), (nameof(input.Source), input.Source, item.Source, 200, "来源"),
                     (nameof(input.Author), input.Author, item.Author, 200, "作者"), (nameof(input.Issuer), input.Issuer, item.Issuer, 200, "发文机关"),
                     (nameof(input.DocNumber), input.DocNumber, item.DocNumber, 100, "文号"),
                     (nameof(input.ImageUrl), input.ImageUrl, item.ImageUrl, 1000, "题图地址"),
                 })
        {
            if (TypedText.Line(value) is { } typed && typed != stored && TypedText.Length(typed) > max)
            {
                errors.Add(field, $"{label}不能超过{max}个字（当前 {TypedText.Length(typed)} 字）");
            }
        }
        if (TypedText.Line(input.ImageUrl) is { } image && image != item.ImageUrl && !image.StartsWith('/') &&
            !image.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !image.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(nameof(input.ImageUrl), "题图地址须以 / 或 https:// 开头");
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
        item.Subtitle = subtitle;
        item.Summary = TypedText.Block(input.Summary);
        item.Keywords = TypedText.Line(input.Keywords);
        item.Source = TypedText.Line(input.Source);
        item.Author = TypedText.Line(input.Author);
        item.Issuer = TypedText.Line(input.Issuer);
        item.DocNumber = TypedText.Line(input.DocNumber);
        item.WrittenDate = input.WrittenDate;
        item.SubjectClass = subject;
        item.GenreClass = genre;
        item.Language = TypedText.Line(input.Language) ?? "zh-CN";
        item.ImageUrl = TypedText.Line(input.ImageUrl);
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

    /// <summary>
    /// Two states of an item say the same thing: then a save changes nothing and makes no version or
    /// revision. Line endings do not count (a browser sends CR LF for what an API client sent as LF).
    /// </summary>
    internal static bool SameContent(LibraryItem a, LibraryItem b) =>
        a.Title == b.Title && a.Body == b.Body &&
        ItemContent.Of(a).ToJson().Replace("\\r\\n", "\\n", StringComparison.Ordinal) ==
        ItemContent.Of(b).ToJson().Replace("\\r\\n", "\\n", StringComparison.Ordinal);

    /// <summary>The gate's block-level findings as field errors, for a save that publishes.</summary>
    internal static ValidationErrors GateErrors(IEnumerable<QualityFinding> findings)
    {
        var errors = new ValidationErrors();
        foreach (var f in findings.Where(f => f.Severity == "block"))
        {
            errors.Add(f.Field == "title" ? nameof(ItemInput.Title) : nameof(ItemInput.Body),
                $"质量检查：{QualityCodes.Label(f.Code)}「{f.Excerpt}」，{f.Detail}。须修改后才能发布");
        }
        return errors;
    }

    /// <summary>
    /// Writes <paramref name="source"/>'s content onto the published item and every placement: what
    /// publishing a revision does. Returns the placements with where they stood, to announce after commit.
    /// </summary>
    private async Task<List<(Article Placement, int Column, int? Interprets)>> GoLiveAsync(LibraryItem item, LibraryItem source, CancellationToken ct)
    {
        var previousColumn = item.HomeColumnId;
        var previousPolicy = item.InterpretsItemId;
        TakeContent(item, source);
        item.UpdatedAt = Now;
        item.UpdatedById = access.UserId;
        item.PublishedVersion = source.VersionNumber;
        var placements = await db.Articles.IgnoreQueryFilters().Where(a => a.ItemId == item.Id).ToListAsync(ct);
        var announce = placements.Select(p => (p, p.ColumnId, p.InterpretsId)).ToList();
        foreach (var placement in placements)
        {
            CopyContent(item, placement, Now, access.UserId);
            if (placement.SiteId == item.OwnerSiteId && placement.ColumnId == previousColumn)
            {
                placement.ColumnId = item.HomeColumnId;
            }
        }
        await db.SaveChangesAsync(ct);
        if (previousPolicy != item.InterpretsItemId)
        {
            await LinkInterpretationsAsync(item, placements, ct);
        }
        return announce;
    }

    private async Task AfterGoLiveAsync(LibraryItem item, List<(Article Placement, int Column, int? Interprets)> placements, CancellationToken ct)
    {
        await nearDuplicates.IndexAsync(item.Id, item.OwnerSiteId, item.PublishedAt ?? Now, item.Title, HtmlSanitiser.ToPlainText(item.Body), ct);
        foreach (var (placement, column, interprets) in placements)
        {
            await AnnounceAsync(placement, column, interprets, ct);
        }
    }

    internal static void ClearRevision(LibraryItem item)
    {
        item.RevisionKind = null;
        item.RevisionStatus = null;
        item.RevisionLevel = 0;
        item.RevisionVersion = null;
        item.RevisedById = null;
        item.RevisionSubmittedById = null;
    }

    /// <summary>The content fields, from one state of an item to another.</summary>
    internal static void TakeContent(LibraryItem target, LibraryItem source)
    {
        target.HomeColumnId = source.HomeColumnId;
        target.Title = source.Title;
        target.Subtitle = source.Subtitle;
        target.Summary = source.Summary;
        target.Body = source.Body;
        target.Keywords = source.Keywords;
        target.Source = source.Source;
        target.Author = source.Author;
        target.Issuer = source.Issuer;
        target.DocNumber = source.DocNumber;
        target.WrittenDate = source.WrittenDate;
        target.SubjectClass = source.SubjectClass;
        target.GenreClass = source.GenreClass;
        target.Disclosure = source.Disclosure;
        target.DisclosureReason = source.DisclosureReason;
        target.Language = source.Language;
        target.Validity = source.Validity;
        target.ValidityDate = source.ValidityDate;
        target.InterpretsItemId = source.InterpretsItemId;
        target.InterpretationKind = source.InterpretationKind;
        target.Attachments = source.Attachments;
        target.ImageUrl = source.ImageUrl;
    }

    internal void AddVersion(LibraryItem item, string? note)
    {
        item.VersionNumber++;
        db.ItemVersions.Add(ItemVersion.Of(item, Now, access.UserId, ActorName, note));
    }

    /// <param name="revision">The step moved the pending revision; the version recorded is the revision's.</param>
    internal void AddTransition(LibraryItem item, ItemStatus from, ItemStatus to, string action, string? comment, int? level, bool revision = false) =>
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
            Revision = revision,
            Version = revision && item.RevisionVersion is int pending ? pending : item.VersionNumber,
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
        a.ImageUrl = item.ImageUrl;
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

    /// <summary>A transaction of our own, or none when the caller (the importer) already holds one.</summary>
    internal async Task<IDbContextTransaction?> BeginAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    internal static async Task CommitAsync(IDbContextTransaction? tx, CancellationToken ct)
    {
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>An item holding what an article holds, for bulk seeding (the demo region).</summary>
    public static LibraryItem FromArticle(Article a)
    {
        var item = new LibraryItem
        {
            OwnerSiteId = a.SiteId,
            HomeColumnId = a.ColumnId,
            Status = a.Status switch
            {
                ArticleStatus.Published => ItemStatus.Published,
                ArticleStatus.Withdrawn => ItemStatus.Withdrawn,
                _ => ItemStatus.Draft,
            },
            PublishedAt = a.PublishedAt,
            CreatedAt = a.CreatedAt,
            CreatedById = a.CreatedById,
            UpdatedAt = a.UpdatedAt,
            UpdatedById = a.UpdatedById,
            Title = a.Title,
            Body = a.Body,
            Summary = a.Summary,
            Keywords = a.Keywords,
            Source = a.Source,
            Author = a.Author,
            Issuer = a.Issuer,
            DocNumber = a.DocNumber,
            WrittenDate = a.WrittenDate,
            SubjectClass = a.SubjectCategory,
            GenreClass = a.GenreClass,
            Disclosure = a.Disclosure,
            Validity = a.Validity,
            ImageUrl = a.ImageUrl,
        };
        return item;
    }

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

    internal static string? Clean(string? value) => TypedText.Line(value);
}
