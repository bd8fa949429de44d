using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

/// <summary>
/// Placing items beyond their own site: placements on sites the caller edits, requests that
/// another site's editors accept or decline, column subscriptions to higher-level sites and
/// reprint orders (转载) with a deadline.
/// </summary>
public sealed class Reprints(LibraryService library, SiteDirectory directory, IndexNumbers indexNumbers, Notifications.Notifier notifier,
    Audit.AuditLog audit)
{
    private GovSiteDb Db => library.Db;
    private SiteAccess Access => library.Access;

    /// <summary>
    /// Places an item in a column. On a site the caller edits it appears at once; on any other
    /// site it becomes a request for that site's editors.
    /// </summary>
    public async Task<SaveResult<PlacementRequest>> PlaceAsync(int itemId, int siteId, int? columnId, CancellationToken ct = default)
    {
        var item = await Db.LibraryItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || directory.FindById(siteId) is null)
        {
            return SaveResult<PlacementRequest>.Missing();
        }
        if (!library.IsEditor(item.OwnerSiteId) && !library.IsEditor(siteId))
        {
            return SaveResult<PlacementRequest>.Denied();
        }
        var errors = new ValidationErrors();
        if (columnId is int c && !await Db.Columns.IgnoreQueryFilters().AnyAsync(x => x.Id == c && x.SiteId == siteId, ct))
        {
            errors.Add("ColumnId", "请选择该网站的栏目");
        }
        else if (columnId is int existing && await AlreadyInColumnAsync(itemId, existing, ct) is { } there)
        {
            errors.Add("ColumnId", there);
        }
        if (library.IsEditor(siteId) && columnId is null)
        {
            errors.Add("ColumnId", "请选择栏目");
        }
        if (!errors.IsValid)
        {
            return SaveResult<PlacementRequest>.Invalid(errors);
        }
        var request = NewRequest(item, siteId, columnId, PlacementKind.Placement);
        if (library.IsEditor(siteId))
        {
            return await AcceptOnceAsync(item, request, columnId!.Value, reprint: siteId != item.OwnerSiteId, add: true, ct);
        }
        if (await Db.PlacementRequests.AnyAsync(r => r.ItemId == itemId && r.SiteId == siteId && r.Status == PlacementRequestStatus.Pending, ct))
        {
            errors.Add("SiteId", "已向该网站提出过请求，正在等待对方处理");
            return SaveResult<PlacementRequest>.Invalid(errors);
        }
        Db.PlacementRequests.Add(request);
        await Db.SaveChangesAsync(ct);
        await notifier.PlacementRequestedAsync(request, item.Title, ct);
        return SaveResult<PlacementRequest>.Ok(request);
    }

    /// <summary>The target site's editor accepts a request into a column of their choice.</summary>
    public async Task<SaveResult<PlacementRequest>> AcceptAsync(int requestId, int columnId, CancellationToken ct = default)
    {
        var request = await Db.PlacementRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !Access.CanSee(request.SiteId))
        {
            return SaveResult<PlacementRequest>.Missing();
        }
        if (!library.IsEditor(request.SiteId))
        {
            return SaveResult<PlacementRequest>.Denied();
        }
        var errors = new ValidationErrors();
        if (request.Status != PlacementRequestStatus.Pending)
        {
            errors.Add("Status", "该请求已处理");
        }
        if (!await Db.Columns.AnyAsync(c => c.Id == columnId && c.SiteId == request.SiteId, ct))
        {
            errors.Add("ColumnId", "请选择本网站的栏目");
        }
        else if (await AlreadyInColumnAsync(request.ItemId, columnId, ct) is { } there)
        {
            errors.Add("ColumnId", there);
        }
        var item = await Db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == request.ItemId, ct);
        if (request.Status == PlacementRequestStatus.Pending && item.Status != ItemStatus.Published)
        {
            errors.Add("Status", "原稿件已撤回或尚未发布，不能转载");
        }
        if (!errors.IsValid)
        {
            return SaveResult<PlacementRequest>.Invalid(errors);
        }
        return await AcceptOnceAsync(item, request, columnId, reprint: true, add: false, ct);
    }

    public async Task<SaveResult<PlacementRequest>> DeclineAsync(int requestId, string? comment, CancellationToken ct = default)
    {
        var request = await Db.PlacementRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !Access.CanSee(request.SiteId))
        {
            return SaveResult<PlacementRequest>.Missing();
        }
        if (!library.IsEditor(request.SiteId))
        {
            return SaveResult<PlacementRequest>.Denied();
        }
        if (request.Status != PlacementRequestStatus.Pending)
        {
            var errors = new ValidationErrors();
            errors.Add("Status", "该请求已处理");
            return SaveResult<PlacementRequest>.Invalid(errors);
        }
        request.Status = PlacementRequestStatus.Declined;
        request.DecidedAt = library.Now;
        request.DecidedById = Access.UserId;
        request.DecidedByName = library.ActorName;
        request.Comment = LibraryService.Clean(comment);
        await Db.SaveChangesAsync(ct);
        return SaveResult<PlacementRequest>.Ok(request);
    }

    /// <summary>A column takes new items of a higher-level site's column into its review queue.</summary>
    public async Task<SaveResult<ColumnSubscription>> SubscribeAsync(int columnId, int sourceColumnId, CancellationToken ct = default)
    {
        var column = await Db.Columns.FirstOrDefaultAsync(c => c.Id == columnId, ct);
        var source = await Db.Columns.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == sourceColumnId, ct);
        if (column is null || source is null)
        {
            return SaveResult<ColumnSubscription>.Missing();
        }
        if (!library.IsEditor(column.SiteId))
        {
            return SaveResult<ColumnSubscription>.Denied();
        }
        var errors = new ValidationErrors();
        if (!IsHigher(source.SiteId, column.SiteId))
        {
            errors.Add("SourceColumnId", "只能订阅上级网站的栏目");
        }
        else if (await Db.ColumnSubscriptions.AnyAsync(s => s.ColumnId == columnId && s.SourceColumnId == sourceColumnId, ct))
        {
            errors.Add("SourceColumnId", "已订阅该栏目");
        }
        if (!errors.IsValid)
        {
            return SaveResult<ColumnSubscription>.Invalid(errors);
        }
        var subscription = new ColumnSubscription
        {
            ColumnId = columnId,
            SiteId = column.SiteId,
            SourceColumnId = sourceColumnId,
            SourceSiteId = source.SiteId,
            CreatedAt = library.Now,
        };
        Db.ColumnSubscriptions.Add(subscription);
        await Db.SaveChangesAsync(ct);
        return SaveResult<ColumnSubscription>.Ok(subscription);
    }

    public async Task<bool> UnsubscribeAsync(int subscriptionId, CancellationToken ct = default)
    {
        var subscription = await Db.ColumnSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null || !library.IsEditor(subscription.SiteId))
        {
            return false;
        }
        Db.ColumnSubscriptions.Remove(subscription);
        audit.Record(Audit.AuditActions.Deleted, $"栏目 {subscription.ColumnId} 的订阅", $"取消订阅上级网站栏目 {subscription.SourceColumnId}", subscription.SiteId);
        await Db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Called when an item is published (inside that transaction): every column subscribed to
    /// one of its columns gets it in its review queue, once.
    /// </summary>
    internal async Task OfferToSubscribersAsync(LibraryItem item, IReadOnlyList<Article> placements, CancellationToken ct)
    {
        var columns = placements.Select(p => p.ColumnId).ToList();
        var subscriptions = await Db.ColumnSubscriptions.IgnoreQueryFilters().Where(s => columns.Contains(s.SourceColumnId)).ToListAsync(ct);
        var offered = new List<PlacementRequest>();
        foreach (var subscription in subscriptions)
        {
            var already = await Db.PlacementRequests.AnyAsync(r => r.ItemId == item.Id && r.SiteId == subscription.SiteId, ct)
                || placements.Any(p => p.SiteId == subscription.SiteId);
            if (!already)
            {
                var request = NewRequest(item, subscription.SiteId, subscription.ColumnId, PlacementKind.Subscription);
                request.SubscriptionId = subscription.Id;
                Db.PlacementRequests.Add(request);
                offered.Add(request);
            }
        }
        await Db.SaveChangesAsync(ct);
        foreach (var request in offered)
        {
            await notifier.PlacementRequestedAsync(request, item.Title, ct);
        }
    }

    /// <summary>转载要求: the owner site's editors require lower-level sites to reprint a published item by a deadline.</summary>
    public async Task<SaveResult<ReprintOrder>> OrderAsync(int itemId, IReadOnlyCollection<int> siteIds, DateTime deadlineUtc, string? note,
        CancellationToken ct = default)
    {
        var item = await Db.LibraryItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return SaveResult<ReprintOrder>.Missing();
        }
        if (!library.IsEditor(item.OwnerSiteId))
        {
            return SaveResult<ReprintOrder>.Denied();
        }
        var errors = new ValidationErrors();
        if (item.Status != ItemStatus.Published)
        {
            errors.Add("ItemId", "只能要求转载已发布的稿件");
        }
        if (siteIds.Count == 0)
        {
            errors.Add("SiteIds", "请选择要求转载的网站");
        }
        foreach (var siteId in siteIds.Distinct())
        {
            if (directory.FindById(siteId) is not { } site)
            {
                errors.Add("SiteIds", $"网站 {siteId} 不存在");
            }
            else if (!IsHigher(item.OwnerSiteId, siteId))
            {
                errors.Add("SiteIds", $"「{site.Name}」不是本网站的下级网站");
            }
        }
        if (deadlineUtc == default)
        {
            errors.Add("Deadline", "请填写转载期限（日期表示当天24时前，北京时间）");
        }
        else if (deadlineUtc <= library.Now)
        {
            errors.Add("Deadline", "转载期限须晚于现在");
        }
        if (!errors.IsValid)
        {
            return SaveResult<ReprintOrder>.Invalid(errors);
        }
        var order = new ReprintOrder
        {
            ItemId = itemId,
            IssuerSiteId = item.OwnerSiteId,
            DeadlineUtc = deadlineUtc,
            Note = LibraryService.Clean(note),
            CreatedAt = library.Now,
            CreatedById = Access.UserId,
        };
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.ReprintOrders.Add(order);
        await Db.SaveChangesAsync(ct);
        var requests = new List<PlacementRequest>();
        foreach (var siteId in siteIds.Distinct())
        {
            var request = NewRequest(item, siteId, null, PlacementKind.Order);
            request.OrderId = order.Id;
            Db.PlacementRequests.Add(request);
            requests.Add(request);
        }
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var issuer = directory.FindById(item.OwnerSiteId)?.Name ?? "";
        foreach (var request in requests)
        {
            await notifier.ReprintOrderedAsync(request, item.Title, issuer, order.DeadlineUtc, ct);
        }
        return SaveResult<ReprintOrder>.Ok(order);
    }

    public sealed record OrderProgress(int SiteId, string SiteName, PlacementRequestStatus Status, DateTime? DecidedAt, string? DecidedBy,
        bool Overdue, int? ArticleId);

    /// <summary>For each ordered site: reprinted when and by whom, declined, or overdue.</summary>
    public async Task<List<OrderProgress>> ProgressAsync(int orderId, CancellationToken ct = default)
    {
        var order = await Db.ReprintOrders.AsNoTracking().FirstAsync(o => o.Id == orderId, ct);
        var requests = await Db.PlacementRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.OrderId == orderId).OrderBy(r => r.SiteId).ToListAsync(ct);
        var now = library.Now;
        return [.. requests.Select(r => new OrderProgress(r.SiteId, directory.FindById(r.SiteId)?.Name ?? "", r.Status, r.DecidedAt, r.DecidedByName,
            Overdue: r.Status != PlacementRequestStatus.Accepted && now > order.DeadlineUtc
                || r.Status == PlacementRequestStatus.Accepted && r.DecidedAt > order.DeadlineUtc,
            r.ArticleId))];
    }

    /// <summary>True when <paramref name="higher"/> is an ancestor of <paramref name="lower"/> or at a higher administrative level.</summary>
    public bool IsHigher(int higher, int lower)
    {
        if (higher == lower || directory.FindById(higher) is not { } top || directory.FindById(lower) is not { } site)
        {
            return false;
        }
        for (var parent = site.ParentId; parent is int p; parent = directory.FindById(p)?.ParentId)
        {
            if (p == higher)
            {
                return true;
            }
        }
        return top.Level < site.Level;
    }

    /// <summary>
    /// One item, one place per column, whatever route it came by (a placement, a subscription, a
    /// reprint order): the message names where it already is. A unique index backs this up.
    /// </summary>
    private async Task<string?> AlreadyInColumnAsync(int itemId, int columnId, CancellationToken ct)
    {
        var existing = await Db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ItemId == itemId && a.ColumnId == columnId).Select(a => new { a.Id, a.Status }).FirstOrDefaultAsync(ct);
        return existing is null ? null
            : $"该稿件已在这个栏目中（文章 {existing.Id}，{(existing.Status == ArticleStatus.Published ? "已发布" : existing.Status == ArticleStatus.Withdrawn ? "已撤回" : "未发布")}），同一栏目不能重复发布";
    }

    private PlacementRequest NewRequest(LibraryItem item, int siteId, int? columnId, PlacementKind kind) => new()
    {
        ItemId = item.Id,
        SiteId = siteId,
        ColumnId = columnId,
        Kind = kind,
        Status = PlacementRequestStatus.Pending,
        RequestedAt = library.Now,
        RequestedById = Access.UserId,
        RequestedByName = library.ActorName,
    };

    /// <summary>
    /// Accepts in one transaction. Two editors accepting the same item into the same column at once
    /// meet the unique index: the second is told it is already there, as if it had looked first.
    /// </summary>
    private async Task<SaveResult<PlacementRequest>> AcceptOnceAsync(LibraryItem item, PlacementRequest request, int columnId, bool reprint, bool add,
        CancellationToken ct)
    {
        try
        {
            await using var tx = await Db.Database.BeginTransactionAsync(ct);
            if (add)
            {
                Db.PlacementRequests.Add(request);
            }
            await AcceptIntoAsync(item, request, columnId, reprint, ct);
            await tx.CommitAsync(ct);
            return SaveResult<PlacementRequest>.Ok(request);
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            var errors = new ValidationErrors();
            errors.Add("ColumnId", await AlreadyInColumnAsync(item.Id, columnId, ct) ?? "该稿件已在这个栏目中，同一栏目不能重复发布");
            return SaveResult<PlacementRequest>.Invalid(errors);
        }
    }

    /// <summary>Makes the placement for an accepted request; the caller owns the transaction.</summary>
    private async Task AcceptIntoAsync(LibraryItem item, PlacementRequest request, int columnId, bool reprint, CancellationToken ct)
    {
        var article = library.NewPlacement(item, request.SiteId, columnId);
        if (reprint)
        {
            var source = directory.FindById(item.OwnerSiteId);
            var original = await Db.Articles.IgnoreQueryFilters()
                .Where(a => a.ItemId == item.Id && a.SiteId == item.OwnerSiteId).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            article.ReprintedFromSiteId = item.OwnerSiteId;
            article.Source = source?.Name ?? item.Source;
            article.OriginalUrl = original is int id && source is not null
                ? source.MainHost is { } host ? $"https://{host}/articles/{id}" : $"/sites/{source.Code}/articles/{id}"
                : null;
        }
        if (item.IsPolicy && article.Status == ArticleStatus.Published)
        {
            article.IndexNumber = await indexNumbers.NextAsync(request.SiteId, item.PublishedAt ?? library.Now, ct);
        }
        Db.Articles.Add(article);
        await Db.SaveChangesAsync(ct);
        request.Status = PlacementRequestStatus.Accepted;
        request.ColumnId = columnId;
        request.ArticleId = article.Id;
        request.DecidedAt = library.Now;
        request.DecidedById = Access.UserId;
        request.DecidedByName = library.ActorName;
        await Db.SaveChangesAsync(ct);
        await library.LinkInterpretationsAsync(item, [article], ct);
        await library.AnnounceAsync(article, 0, null, ct);
    }
}
