using GovSite.Accounts;
using GovSite.Data;
using GovSite.Rules;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

/// <summary>
/// Writing guides: the back office and the API share it, so rights, checks and the workflow are
/// written once. A draft may be incomplete (the editor sees what is missing); submitting and
/// approving require all ten elements under <see cref="ServiceGuideRules"/>, the rule the checker
/// applies to the published page.
/// </summary>
public sealed class ServiceEditor(GovSiteDb db, SiteAccess access, SiteDirectory directory, ServiceChanges changes, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Words the catalogue's addresses use after /services/: no item may be called so.</summary>
    public static readonly IReadOnlySet<string> ReservedCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "for", "theme", "life", "business", "department", "hot", "search", "page", "rate", "uses",
    };

    public bool CanEdit(int siteId) => access.CanEditContent(siteId);

    public bool CanReview(int siteId) => access.HasRole(siteId, Role.Reviewer) || access.HasRole(siteId, Role.SiteAdmin);

    public bool Can(ServiceActor actor, int siteId) => actor == ServiceActor.Editor ? CanEdit(siteId) : CanReview(siteId);

    /// <summary>An item with its lists, when this request may see it (staff of its site, or anyone once published).</summary>
    public Task<ServiceItem?> FindAsync(int id, CancellationToken ct = default) =>
        WithLists(db.ServiceItems).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);

    public static IQueryable<ServiceItem> WithLists(IQueryable<ServiceItem> items) =>
        items.Include(i => i.Materials).Include(i => i.Steps).Include(i => i.Questions).Include(i => i.Documents);

    /// <summary>What the editor works on: the pending revision of a published item, else the item itself.</summary>
    public static ServiceGuideContent Working(ServiceItem item) =>
        item.PendingRevision is { } json ? ServiceGuideContent.FromJson(json) : ServiceGuideContent.From(item);

    public async Task<SaveResult<ServiceItem>> CreateAsync(int siteId, ServiceGuideContent content, CancellationToken ct = default)
    {
        if (directory.FindById(siteId) is null)
        {
            return SaveResult<ServiceItem>.Missing();
        }
        if (!CanEdit(siteId))
        {
            return SaveResult<ServiceItem>.Denied();
        }
        content.Normalise();
        var errors = content.Validate();
        await CheckCodeAsync(errors, content.Code, null, ct);
        await CheckFilesAsync(errors, siteId, content, ct);
        if (!errors.IsValid)
        {
            return SaveResult<ServiceItem>.Invalid(errors);
        }
        var now = Now;
        var item = new ServiceItem { SiteId = siteId, Status = ServiceItemStatus.Draft, CreatedAt = now, UpdatedAt = now, UpdatedBy = access.UserName };
        content.ApplyTo(item);
        db.ServiceItems.Add(item);
        await db.SaveChangesAsync(ct);
        return SaveResult<ServiceItem>.Ok(item);
    }

    /// <summary>
    /// Saves an edit. A published item keeps its public text; the edit becomes (or replaces) its
    /// pending revision. Anything else is edited in place; a submitted item goes back to draft.
    /// </summary>
    public async Task<SaveResult<ServiceItem>> SaveAsync(int id, ServiceGuideContent content, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        if (item is null)
        {
            return SaveResult<ServiceItem>.Missing();
        }
        if (!CanEdit(item.SiteId))
        {
            return SaveResult<ServiceItem>.Denied();
        }
        content.Normalise();
        var errors = content.Validate();
        await CheckCodeAsync(errors, content.Code, item.Id, ct);
        await CheckFilesAsync(errors, item.SiteId, content, ct);
        if (item.SourceId is not null && content.Code != item.Code)
        {
            errors.Add(nameof(ServiceGuideContent.Code), "导入的事项以编码与省级平台对应，不能修改编码");
        }
        if (!errors.IsValid)
        {
            return SaveResult<ServiceItem>.Invalid(errors);
        }
        if (item.Status == ServiceItemStatus.Published)
        {
            item.PendingRevision = content.ToJson();
            item.RevisionStatus = RevisionStatus.Draft;
        }
        else
        {
            content.ApplyTo(item);
            if (item.Status == ServiceItemStatus.Submitted)
            {
                item.Status = ServiceItemStatus.Draft;
            }
        }
        item.UpdatedAt = Now;
        item.UpdatedBy = access.UserName;
        await db.SaveChangesAsync(ct);
        return SaveResult<ServiceItem>.Ok(item);
    }

    /// <summary>Moves an item through the workflow (<see cref="ServiceWorkflow"/>), checking who acts and that what goes public is complete.</summary>
    public async Task<SaveResult<ServiceItem>> ActAsync(int id, ServiceAction action, string? comment, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        if (item is null)
        {
            return SaveResult<ServiceItem>.Missing();
        }
        var from = ServiceWorkflow.StateOf(item);
        var errors = new ValidationErrors();
        if (ServiceWorkflow.Find(from, action) is not { } transition)
        {
            errors.Add("action", $"当前状态（{Describe(item)}）不能{ServiceWorkflow.Label(action)}");
            return SaveResult<ServiceItem>.Invalid(errors);
        }
        if (!Can(transition.Actor, item.SiteId))
        {
            return SaveResult<ServiceItem>.Denied();
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (action == ServiceAction.Return && comment is null)
        {
            errors.Add("comment", "退回时请写明需要修改的地方");
            return SaveResult<ServiceItem>.Invalid(errors);
        }
        if (comment is { Length: > 1000 })
        {
            errors.Add("comment", "意见不能超过1000个字");
            return SaveResult<ServiceItem>.Invalid(errors);
        }
        var working = Working(item);
        if (action is ServiceAction.Submit or ServiceAction.Approve)
        {
            var incomplete = working.CheckComplete();
            if (!incomplete.IsValid)
            {
                return SaveResult<ServiceItem>.Invalid(incomplete);
            }
        }
        var now = Now;
        var wasPublic = item.Status == ServiceItemStatus.Published;
        switch (action)
        {
            case ServiceAction.Submit:
                item.SubmittedBy = access.UserName;
                item.ReturnComment = null;
                break;
            case ServiceAction.Approve:
                if (item.PendingRevision is not null)
                {
                    working.ApplyTo(item);
                }
                item.PublishedAt ??= now;
                item.ReviewedBy = access.UserName;
                item.ReviewedAt = now;
                item.WithdrawnAt = null;
                item.PendingRevision = null;
                break;
            case ServiceAction.Return:
                item.ReturnComment = comment;
                break;
            case ServiceAction.Withdraw:
                item.WithdrawnAt = now;
                item.PendingRevision = null;
                break;
            case ServiceAction.Discard:
                item.PendingRevision = null;
                break;
        }
        item.Status = transition.To.Status;
        item.RevisionStatus = transition.To.Revision;
        item.UpdatedAt = now;
        item.UpdatedBy = access.UserName;
        await db.SaveChangesAsync(ct);
        if (wasPublic || item.Status == ServiceItemStatus.Published)
        {
            await changes.ItemChangedAsync(item.SiteId, ct);
        }
        return SaveResult<ServiceItem>.Ok(item);
    }

    /// <summary>Deletes a draft that never went public; a published guide is withdrawn instead, so its history stays.</summary>
    public async Task<SaveResult<ServiceItem>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var item = await db.ServiceItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return SaveResult<ServiceItem>.Missing();
        }
        if (!CanEdit(item.SiteId))
        {
            return SaveResult<ServiceItem>.Denied();
        }
        if (item.PublishedAt is not null)
        {
            var errors = new ValidationErrors();
            errors.Add("action", "已发布过的事项不能删除，可以撤下");
            return SaveResult<ServiceItem>.Invalid(errors);
        }
        db.ServiceItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return SaveResult<ServiceItem>.Ok(item);
    }

    public static string Describe(ServiceItem item) =>
        ServiceTaxonomy.Label(item.Status) + (item.Status == ServiceItemStatus.Published && item.RevisionStatus is { } r
            ? r == RevisionStatus.Submitted ? "，修订待审核" : "，有未提交的修订" : "");

    /// <summary>事项编码 is unique on the platform: the API and the provincial import find items by it.</summary>
    private async Task CheckCodeAsync(ValidationErrors errors, string? code, int? id, CancellationToken ct)
    {
        if (code is null)
        {
            return;
        }
        if (ReservedCodes.Contains(code))
        {
            errors.Add(nameof(ServiceGuideContent.Code), $"“{code}”是目录页面使用的地址，不能作为事项编码");
            return;
        }
        var owner = await db.ServiceItems.IgnoreQueryFilters().Where(i => i.Code == code && i.Id != id).Select(i => new { i.SiteId }).FirstOrDefaultAsync(ct);
        if (owner is not null)
        {
            errors.Add(nameof(ServiceGuideContent.Code), $"事项编码 {code} 已被{directory.FindById(owner.SiteId)?.Name ?? "其他网站"}的事项使用");
        }
    }

    /// <summary>Forms and samples may only be the item's own site's files, as articles' attachments.</summary>
    private async Task CheckFilesAsync(ValidationErrors errors, int siteId, ServiceGuideContent content, CancellationToken ct)
    {
        var ids = content.Documents.Select(d => d.FileId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var own = await db.StoredFiles.AsNoTracking().Where(f => f.SiteId == siteId && ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
        for (var i = 0; i < content.Documents.Count; i++)
        {
            if (content.Documents[i].FileId is int fileId && !own.Contains(fileId))
            {
                errors.Add($"{nameof(ServiceGuideContent.Documents)}[{i}].{nameof(DocumentInput.FileId)}", $"第{i + 1}个表格引用的文件（编号 {fileId}）不属于本网站");
            }
        }
    }
}
