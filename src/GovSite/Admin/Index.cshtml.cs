using GovSite.Common;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Disclosure;
using GovSite.ErrorReports;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin;

/// <summary>
/// 工作台: what each role lands on. An editor sees their drafts and what came back from review, a
/// reviewer and a 保密审查员 their queues, a site admin what is late on their sites (messages,
/// information requests, error reports, to-dos), a supervisor the region's verdicts and overdue
/// messages, a platform admin the platform. A person with several roles sees each part; every
/// list is scoped by the grants in <see cref="SiteAccess"/> and the query filters behind it.
/// </summary>
public sealed class DashboardModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, TimeProvider clock, TodoList todo) : AdminPageModel(access)
{
    public const int PageSize = 30;

    /// <summary>How many rows a dashboard list shows; the link under it opens the full list.</summary>
    public const int ListSize = 8;

    public sealed record SiteCard(SiteInfo Site, int Published, int Drafts);

    /// <param name="Note">The reviewer's comment on a returned item; the review level for a queue.</param>
    public sealed record ItemRow(int Id, string Title, string SiteName, int SiteId, DateTime UpdatedAt, string? Note);

    public sealed record MessageRow(int Id, string Ticket, string Subject, DateOnly DueDate);

    /// <summary>One administered site's late and open work.</summary>
    public sealed record SiteDesk(SiteInfo Site, int OpenMessages, List<MessageRow> OverdueMessages, int OverdueMessageCount,
        int OpenRequests, int OverdueRequests, int OpenErrorReports, int OverdueErrorReports, int Todos, int OverdueTodos);

    public sealed record RegionSite(int SiteId, string Name, string? Verdict, double? Score, int OverdueMessages);

    public sealed record PlatformFigures(int Sites, int OnlineSites, int Regions, int ActiveUsers, int WatchedSites, int OutboxUnsent, int FailedJobs);

    public List<SiteCard> Sites { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanRegister => Access.Unrestricted || Access.RegionIds.Length > 0;

    public bool Writes { get; private set; }
    public List<ItemRow> Drafts { get; private set; } = [];
    public List<ItemRow> Returned { get; private set; } = [];
    public bool Reviews { get; private set; }
    public List<ItemRow> ReviewQueue { get; private set; } = [];
    public int ReviewQueueCount { get; private set; }
    public bool ClearsSecrecy { get; private set; }
    public List<ItemRow> SecrecyQueue { get; private set; } = [];
    public int SecrecyQueueCount { get; private set; }
    public List<SiteDesk> Desks { get; private set; } = [];
    public bool Supervises => !Access.Unrestricted && Access.RegionIds.Length > 0;
    public List<RegionSite> Region { get; private set; } = [];
    public Dictionary<string, int> Verdicts { get; } = [];
    public PlatformFigures? Platform { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        await LoadSiteCardsAsync(page, ct);
        var writing = Access.SitesWithRole(Role.Editor, Role.Contributor, Role.SiteAdmin).ToArray();
        if (writing.Length > 0)
        {
            Writes = true;
            await LoadDraftsAsync(writing, ct);
        }
        var reviewing = Access.SitesWithRole(Role.Reviewer, Role.SiteAdmin).ToArray();
        if (reviewing.Length > 0)
        {
            Reviews = true;
            (ReviewQueue, ReviewQueueCount) = await QueueAsync(reviewing, ItemStatus.Submitted, ct);
        }
        var secrecy = Access.SitesWithRole(Role.ConfidentialityReviewer, Role.SiteAdmin).ToArray();
        if (secrecy.Length > 0)
        {
            ClearsSecrecy = true;
            (SecrecyQueue, SecrecyQueueCount) = await QueueAsync(secrecy, ItemStatus.ConfidentialityReview, ct);
        }
        foreach (var siteId in Access.SitesWithRole(Role.SiteAdmin).Order().Take(PageSize))
        {
            if (directory.FindById(siteId) is { } site)
            {
                Desks.Add(await DeskAsync(site, ct));
            }
        }
        if (Supervises)
        {
            await LoadRegionAsync(ct);
        }
        if (Access.Unrestricted)
        {
            await LoadPlatformAsync(ct);
        }
    }

    private async Task LoadSiteCardsAsync(int? page, CancellationToken ct)
    {
        var mine = Access.Unrestricted
            ? directory.All
            : [.. Access.SiteIds.Select(directory.FindById).OfType<SiteInfo>().OrderBy(s => s.Id)];
        Pager = new Pager(Pager.Clamp(page), PageSize, mine.Count, "/admin", Request.Query);
        var shown = mine.Skip(Pager.Skip).Take(PageSize).ToList();
        var ids = shown.Select(s => s.Id).ToList();
        var counts = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.SiteId))
            .GroupBy(a => new { a.SiteId, a.Status })
            .Select(g => new { g.Key.SiteId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        Sites = [.. shown.Select(s => new SiteCard(s,
            counts.Where(c => c.SiteId == s.Id && c.Status == ArticleStatus.Published).Sum(c => c.Count),
            counts.Where(c => c.SiteId == s.Id && c.Status == ArticleStatus.Draft).Sum(c => c.Count)))];
    }

    /// <summary>The person's own drafts, and items a reviewer sent back to them (the trail's last step is a rejection).</summary>
    private async Task LoadDraftsAsync(int[] sites, CancellationToken ct)
    {
        var me = Access.UserId;
        var mine = db.LibraryItems.AsNoTracking().Where(i => sites.Contains(i.OwnerSiteId)
            && (i.Status == ItemStatus.Draft || i.RevisionStatus == ItemStatus.Draft)
            && (i.CreatedById == me || i.SubmittedById == me || i.RevisedById == me || i.UpdatedById == me));
        var lastAction = mine.Select(i => new
        {
            Item = i,
            Last = db.ItemTransitions.Where(t => t.ItemId == i.Id).OrderByDescending(t => t.Id).Select(t => new { t.Action, t.Comment }).FirstOrDefault(),
        });
        var returned = await lastAction.Where(x => x.Last != null && x.Last.Action == "reject")
            .OrderByDescending(x => x.Item.UpdatedAt).Take(ListSize)
            .Select(x => new { x.Item.Id, x.Item.Title, x.Item.OwnerSiteId, x.Item.UpdatedAt, x.Last!.Comment })
            .ToListAsync(ct);
        Returned = [.. returned.Select(r => new ItemRow(r.Id, r.Title, SiteName(r.OwnerSiteId), r.OwnerSiteId, r.UpdatedAt, r.Comment))];
        var returnedIds = returned.Select(r => r.Id).ToList();
        var drafts = await mine.Where(i => !returnedIds.Contains(i.Id)).OrderByDescending(i => i.UpdatedAt).Take(ListSize)
            .Select(i => new { i.Id, i.Title, i.OwnerSiteId, i.UpdatedAt })
            .ToListAsync(ct);
        Drafts = [.. drafts.Select(r => new ItemRow(r.Id, r.Title, SiteName(r.OwnerSiteId), r.OwnerSiteId, r.UpdatedAt, null))];
    }

    /// <summary>Items (or revisions) waiting at a stage, on sites where the person acts on it; never their own work.</summary>
    private async Task<(List<ItemRow>, int)> QueueAsync(int[] sites, ItemStatus stage, CancellationToken ct)
    {
        var me = Access.UserId;
        var query = db.LibraryItems.AsNoTracking().Where(i => sites.Contains(i.OwnerSiteId) && (
            (i.RevisionStatus == null && i.Status == stage && i.CreatedById != me && i.SubmittedById != me) ||
            (i.RevisionStatus == stage && i.RevisedById != me && i.RevisionSubmittedById != me)));
        var count = await query.CountAsync(ct);
        var rows = await query.OrderBy(i => i.UpdatedAt).Take(ListSize)
            .Select(i => new { i.Id, i.Title, i.OwnerSiteId, i.UpdatedAt, i.ReviewLevel, i.RevisionStatus, i.RevisionLevel })
            .ToListAsync(ct);
        return ([.. rows.Select(r => new ItemRow(r.Id, r.Title, SiteName(r.OwnerSiteId), r.OwnerSiteId, r.UpdatedAt,
            (r.RevisionStatus is null ? "" : "修订 · ") + (stage == ItemStatus.Submitted ? $"第 {(r.RevisionStatus is null ? r.ReviewLevel : r.RevisionLevel)} 级审核" : "保密审查")))], count);
    }

    private async Task<SiteDesk> DeskAsync(SiteInfo site, CancellationToken ct)
    {
        var open = new[] { MessageStatus.Received, MessageStatus.Handling, MessageStatus.Transferred, MessageStatus.Replied };
        var messages = db.Messages.AsNoTracking().Where(m => m.HandlingSiteId == site.Id && open.Contains(m.Status));
        var overdue = messages.Where(m => m.DueDate < Today);
        var requests = db.InformationRequests.AsNoTracking()
            .Where(r => r.SiteId == site.Id && r.Status != RequestStatus.Answered && r.Status != RequestStatus.Closed);
        var reports = db.ErrorReports.AsNoTracking().Where(r => r.HandlingSiteId == site.Id && r.Status == ErrorReportStatus.Open);
        var todos = await todo.ForSiteAsync(site.Id, ct);
        return new SiteDesk(site,
            await messages.CountAsync(ct),
            [.. (await overdue.OrderBy(m => m.DueDate).ThenBy(m => m.Id).Take(ListSize).Select(m => new { m.Id, m.Ticket, m.Subject, m.DueDate }).ToListAsync(ct))
                .Select(m => new MessageRow(m.Id, m.Ticket, m.Subject, m.DueDate))],
            await overdue.CountAsync(ct),
            await requests.CountAsync(ct),
            await requests.CountAsync(r => r.DueDate != null && r.DueDate < Today && r.Status == RequestStatus.Handling, ct),
            await reports.CountAsync(ct),
            await reports.CountAsync(r => r.DueDate < Today, ct),
            todos.Count, todos.Count(t => t.Overdue));
    }

    /// <summary>The supervised region: each hosted or watched site's last verdict, and the messages left overdue on each site.</summary>
    private async Task LoadRegionAsync(CancellationToken ct)
    {
        var regions = Access.RegionIds;
        var watched = await db.MonitoredSites.AsNoTracking().Where(m => m.IsActive && regions.Contains(m.RegionId))
            .Select(m => new { m.SiteId, m.Name, m.LastVerdict, m.LastScore }).ToListAsync(ct);
        var open = new[] { MessageStatus.Received, MessageStatus.Handling, MessageStatus.Transferred, MessageStatus.Replied };
        var supervised = Access.SiteIds;
        var overdue = await db.Messages.AsNoTracking()
            .Where(m => supervised.Contains(m.HandlingSiteId) && open.Contains(m.Status) && m.DueDate < Today)
            .GroupBy(m => m.HandlingSiteId).Select(g => new { SiteId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SiteId, g => g.Count, ct);
        // A hosted site under its registered name (the watch may carry an older one).
        Region = [.. watched.Select(w => new RegionSite(w.SiteId ?? 0, w.SiteId is int hosted ? directory.FindById(hosted)?.Name ?? w.Name : w.Name, w.LastVerdict, w.LastScore,
            w.SiteId is int id ? overdue.GetValueOrDefault(id) : 0)).OrderBy(s => s.Name, StringComparer.Ordinal)];
        foreach (var verdict in new[] { "pass", "fail", "error", "none" })
        {
            Verdicts[verdict] = Region.Count(s => (s.Verdict ?? "none") == verdict);
        }
    }

    private async Task LoadPlatformAsync(CancellationToken ct) =>
        Platform = new PlatformFigures(
            directory.All.Count,
            directory.All.Count(s => s.Status == SiteStatus.Online),
            await db.Regions.CountAsync(ct),
            await db.Users.CountAsync(u => u.IsActive, ct),
            await db.MonitoredSites.CountAsync(m => m.IsActive, ct),
            await db.OutboxMessages.CountAsync(o => o.Status == Notifications.OutboxStatus.Pending || o.Status == Notifications.OutboxStatus.Failed, ct),
            await db.Jobs.CountAsync(j => j.Status == JobStatus.Failed, ct));

    private string SiteName(int siteId) => directory.FindById(siteId)?.Name ?? "—";
}
