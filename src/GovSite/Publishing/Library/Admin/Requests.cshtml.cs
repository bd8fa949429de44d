using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>转载与订阅: requests waiting for this site's editors, and the columns this site subscribes to.</summary>
public sealed class RequestsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, Reprints reprints)
    : LibraryPageModel(access, db, directory)
{
    public sealed record Waiting(int Id, int ItemId, string Title, string FromSite, PlacementKind Kind, int? ColumnId, DateTime RequestedAt,
        string? By, DateTime? Deadline, string Preview);
    public sealed record Subscription(int Id, string Column, string SourceSite, string SourceColumn);

    [FromRoute]
    public int Id { get; set; }

    public List<Waiting> Requests { get; private set; } = [];
    public List<Subscription> Subscriptions { get; private set; } = [];
    public List<SelectListItem> ColumnChoices { get; private set; } = [];
    public List<SelectListItem> SourceColumns { get; private set; } = [];
    public bool IsEditor => Access.HasRole(Id, Role.Editor) || Access.HasRole(Id, Role.SiteAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (UseSite(Id) is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int request, int columnId, CancellationToken ct) =>
        Done(await reprints.AcceptAsync(request, columnId, ct), "已转载");

    public async Task<IActionResult> OnPostDeclineAsync(int request, string? comment, CancellationToken ct) =>
        Done(await reprints.DeclineAsync(request, comment, ct), "已拒绝");

    public async Task<IActionResult> OnPostSubscribeAsync(int columnId, int sourceColumnId, CancellationToken ct) =>
        Done(await reprints.SubscribeAsync(columnId, sourceColumnId, ct), "已订阅：该栏目发布的新稿件将进入本站的待转载列表");

    public async Task<IActionResult> OnPostUnsubscribeAsync(int subscription, CancellationToken ct)
    {
        Notice = await reprints.UnsubscribeAsync(subscription, ct) ? "已取消订阅" : "无法取消该订阅";
        return LocalRedirect($"/admin/sites/{Id}/library/requests");
    }

    private IActionResult Done<T>(SaveResult<T> result, string message) where T : class
    {
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = result.Succeeded ? message : string.Join("；", result.Errors.All.SelectMany(e => e.Value));
        return LocalRedirect($"/admin/sites/{Id}/library/requests");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ColumnChoices = await ColumnChoicesAsync(Id, ct);
        var rows = await (from r in Db.PlacementRequests.AsNoTracking()
                          join i in Db.LibraryItems.IgnoreQueryFilters() on r.ItemId equals i.Id
                          join o in Db.ReprintOrders.IgnoreQueryFilters() on r.OrderId equals o.Id into orders
                          from o in orders.DefaultIfEmpty()
                          where r.SiteId == Id && r.Status == PlacementRequestStatus.Pending
                          orderby r.RequestedAt
                          select new { r, i.Title, i.OwnerSiteId, i.Summary, i.Body, Deadline = o == null ? (DateTime?)null : o.DeadlineUtc }).ToListAsync(ct);
        Requests = [.. rows.Select(x => new Waiting(x.r.Id, x.r.ItemId, x.Title, Directory.FindById(x.OwnerSiteId)?.Name ?? "", x.r.Kind, x.r.ColumnId,
            x.r.RequestedAt, x.r.RequestedByName, x.Deadline, x.Summary ?? Shorten(HtmlSanitiser.ToPlainText(x.Body))))];
        var subscriptions = await Db.ColumnSubscriptions.AsNoTracking().Where(s => s.SiteId == Id).ToListAsync(ct);
        var columnIds = subscriptions.SelectMany(s => new[] { s.ColumnId, s.SourceColumnId }).ToList();
        var names = await Db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => columnIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Subscriptions = [.. subscriptions.Select(s => new Subscription(s.Id, names.GetValueOrDefault(s.ColumnId, ""),
            Directory.FindById(s.SourceSiteId)?.Name ?? "", names.GetValueOrDefault(s.SourceColumnId, "")))];
        // Columns of every higher-level site: the ones this site may subscribe to.
        var higher = Directory.All.Where(s => reprints.IsHigher(s.Id, Id)).ToDictionary(s => s.Id, s => s.Name);
        var sourceIds = higher.Keys.ToList();
        SourceColumns = [.. (await Db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => sourceIds.Contains(c.SiteId) && c.IsVisible)
                .OrderBy(c => c.SiteId).ThenBy(c => c.SortOrder).Select(c => new { c.Id, c.SiteId, c.Name }).ToListAsync(ct))
            .Select(c => new SelectListItem($"{higher[c.SiteId]} · {c.Name}", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
