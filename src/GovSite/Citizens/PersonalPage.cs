using System.Globalization;
using GovSite.Common;
using GovSite.Data;
using GovSite.Disclosure;
using GovSite.ErrorReports;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Services;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Citizens;

public sealed record MyMessage(int Id, string Ticket, string Subject, MessageStatus Status, DateOnly DueDate, string SiteName);

/// <summary>An information request (依申请公开) on the citizen's page, with its status and due date, and the site it went to.</summary>
public sealed record MyRequest(int Id, string Number, string Description, RequestStatus Status, DateOnly? DueDate, int SiteId, string SiteName);

/// <summary>An error report (找错) on the citizen's page: the page it is about, its status and due date, the site it went to.</summary>
public sealed record MyErrorReport(int Id, string Number, ErrorKind Kind, string PageUrl, ErrorReportStatus Status, DateOnly DueDate, int SiteId, string SiteName);

public sealed record Suggestion(string Code, string Name, string Department, string Event);

/// <summary>Everything one citizen's page shows (千人千网), and what they keep on it.</summary>
public sealed class PersonalPage(GovSiteDb db, SiteDirectory directory, MessageService messages, RequestService requests, ErrorReportService reports,
    TimeProvider clock)
{
    public const int MaxSaved = 200;

    public Task<Citizen?> FindAsync(int? id, CancellationToken ct) =>
        id is null ? Task.FromResult<Citizen?>(null) : db.Citizens.FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<List<SavedEntry>> SavedAsync(int citizenId, CancellationToken ct) =>
        db.SavedEntries.AsNoTracking().Where(s => s.CitizenId == citizenId).OrderByDescending(s => s.SavedAt).ThenByDescending(s => s.Id).ToListAsync(ct);

    public Task<List<Subscription>> SubscriptionsAsync(int citizenId, CancellationToken ct) =>
        db.Subscriptions.AsNoTracking().Where(s => s.CitizenId == citizenId).OrderBy(s => s.Id).ToListAsync(ct);

    public async Task<List<MyMessage>> MessagesAsync(int citizenId, CancellationToken ct)
    {
        var rows = await db.CitizenMessages.AsNoTracking().Where(c => c.CitizenId == citizenId)
            .Join(db.Messages.IgnoreQueryFilters().AsNoTracking(), c => c.MessageId, m => m.Id, (c, m) => new { m.Id, m.Ticket, m.Subject, m.Status, m.DueDate, m.SiteId })
            .OrderByDescending(m => m.Id).ToListAsync(ct);
        return [.. rows.Select(m => new MyMessage(m.Id, m.Ticket, m.Subject, m.Status, m.DueDate, directory.FindById(m.SiteId)?.Name ?? ""))];
    }

    public async Task<List<MyRequest>> RequestsAsync(int citizenId, CancellationToken ct)
    {
        var rows = await db.CitizenRequests.AsNoTracking().Where(c => c.CitizenId == citizenId)
            .Join(db.InformationRequests.IgnoreQueryFilters().AsNoTracking(), c => c.RequestId, r => r.Id,
                (c, r) => new { r.Id, r.Number, r.Description, r.Status, r.DueDate, r.SiteId })
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(r => new MyRequest(r.Id, r.Number, Subscriptions.Cut(r.Description, 60), r.Status, r.DueDate, r.SiteId,
            directory.FindById(r.SiteId)?.Name ?? ""))];
    }

    public async Task<List<MyErrorReport>> ErrorReportsAsync(int citizenId, CancellationToken ct)
    {
        var rows = await db.CitizenErrorReports.AsNoTracking().Where(c => c.CitizenId == citizenId)
            .Join(db.ErrorReports.IgnoreQueryFilters().AsNoTracking(), c => c.ReportId, r => r.Id,
                (c, r) => new { r.Id, r.Number, r.Kind, r.PageUrl, r.Status, r.DueDate, r.HandlingSiteId })
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(r => new MyErrorReport(r.Id, r.Number, r.Kind, r.PageUrl, r.Status, r.DueDate, r.HandlingSiteId,
            directory.FindById(r.HandlingSiteId)?.Name ?? ""))];
    }

    /// <summary>Services of the citizen's 人生事件 or 企业事件, from the catalogue this site shows.</summary>
    public async Task<List<Suggestion>> SuggestionsAsync(Citizen citizen, SiteInfo site, CancellationToken ct)
    {
        var events = citizen.Events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shown = ServiceCatalogue.ShownOn(directory, site);
        var suggestions = new List<Suggestion>();
        foreach (var e in events.Take(20))
        {
            var pattern = ServiceTaxonomy.Pattern(e);
            var query = db.ServiceItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.Status == ServiceItemStatus.Published && shown.Contains(i.SiteId));
            query = citizen.Kind == CitizenKind.Enterprise
                ? query.Where(i => i.ForEnterprises && EF.Functions.Like(i.BusinessEvents, pattern))
                : query.Where(i => i.ForPersons && EF.Functions.Like(i.LifeEvents, pattern));
            var items = await query.OrderBy(i => i.Name).Take(8).Select(i => new { i.Code, i.Name, i.Department }).ToListAsync(ct);
            suggestions.AddRange(items.Where(i => suggestions.All(s => s.Code != i.Code)).Select(i => new Suggestion(i.Code, i.Name, i.Department, e)));
        }
        return suggestions;
    }

    /// <summary>Keeps a published service item or article of this site on the citizen's page (saving twice is one entry).</summary>
    public async Task<SaveResult<SavedEntry>> SaveAsync(Citizen citizen, SiteInfo site, SavedKind? kind, string? target, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var found = kind is { } k ? await TitleAsync(site, k, (target ?? "").Trim(), ct) : null;
        if (found is null)
        {
            errors.Add("target", "要收藏的事项或文章不存在或已撤下");
            return SaveResult<SavedEntry>.Invalid(errors);
        }
        var value = (target ?? "").Trim();
        var existing = await db.SavedEntries.FirstOrDefaultAsync(s => s.CitizenId == citizen.Id && s.Kind == kind && s.SiteId == found.Value.SiteId && s.Target == value, ct);
        if (existing is not null)
        {
            return SaveResult<SavedEntry>.Ok(existing);
        }
        if (await db.SavedEntries.CountAsync(s => s.CitizenId == citizen.Id, ct) >= MaxSaved)
        {
            errors.Add("target", $"最多收藏 {MaxSaved} 项，请先删除不再需要的");
            return SaveResult<SavedEntry>.Invalid(errors);
        }
        var entry = new SavedEntry
        {
            CitizenId = citizen.Id, Kind = kind!.Value, SiteId = found.Value.SiteId, Target = value, Title = Subscriptions.Cut(found.Value.Title, 300),
            SavedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SavedEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Saved a moment ago in another tab: that entry stands.
            db.Entry(entry).State = EntityState.Detached;
            existing = await db.SavedEntries.AsNoTracking().FirstAsync(s => s.CitizenId == citizen.Id && s.Kind == kind && s.SiteId == found.Value.SiteId && s.Target == value, ct);
            return SaveResult<SavedEntry>.Ok(existing);
        }
        return SaveResult<SavedEntry>.Ok(entry);
    }

    /// <summary>What a save link names, as the public sees it: its title and the site it belongs to.</summary>
    public async Task<(string Title, int SiteId)?> TitleAsync(SiteInfo site, SavedKind kind, string target, CancellationToken ct)
    {
        if (target.Length is 0 or > 64)
        {
            return null;
        }
        if (kind == SavedKind.Service)
        {
            var shown = ServiceCatalogue.ShownOn(directory, site);
            var item = await db.ServiceItems.IgnoreQueryFilters().AsNoTracking()
                .Where(i => i.Code == target && i.Status == ServiceItemStatus.Published && shown.Contains(i.SiteId))
                .Select(i => new { i.Name, i.SiteId }).FirstOrDefaultAsync(ct);
            return item is null ? null : (item.Name, site.Id);
        }
        if (!int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var title = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == id && a.SiteId == site.Id && a.Status == ArticleStatus.Published).Select(a => a.Title).FirstOrDefaultAsync(ct);
        return title is null ? null : (title, site.Id);
    }

    public Task<int> RemoveSavedAsync(int citizenId, long id, CancellationToken ct) =>
        db.SavedEntries.Where(s => s.Id == id && s.CitizenId == citizenId).ExecuteDeleteAsync(ct);

    public Task<int> RemoveSubscriptionAsync(int citizenId, long id, CancellationToken ct) =>
        db.Subscriptions.Where(s => s.Id == id && s.CitizenId == citizenId).ExecuteDeleteAsync(ct);

    /// <summary>Adds a 留言 to the page: the ticket and its query code prove it is the citizen's (as the public lookup does).</summary>
    public async Task<ValidationErrors> ClaimMessageAsync(int citizenId, string? ticket, string? queryCode, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var message = await messages.LookupAsync(ticket, queryCode, ct);
        if (message is null)
        {
            errors.Add("ticket", "留言编号或查询码不正确，请核对留言提交后显示的编号和查询码");
            return errors;
        }
        await LinkMessageAsync(citizenId, message.Id, ct);
        return errors;
    }

    /// <summary>Adds an information request to the page: its number and query code prove it is the citizen's (as the public lookup does).</summary>
    public async Task<ValidationErrors> ClaimRequestAsync(int citizenId, string? number, string? queryCode, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (await requests.LookupAsync(number, queryCode, ct) is not { } found)
        {
            errors.Add("requestNumber", "申请编号或查询码不正确，请核对提交申请后显示的编号和查询码");
            return errors;
        }
        await LinkAsync(db.CitizenRequests, new CitizenRequest { CitizenId = citizenId, RequestId = found.Request.Id, AddedAt = clock.GetUtcNow().UtcDateTime },
            x => x.CitizenId == citizenId && x.RequestId == found.Request.Id, ct);
        return errors;
    }

    /// <summary>Adds an error report to the page: its number and query code prove it is the citizen's.</summary>
    public async Task<ValidationErrors> ClaimErrorReportAsync(int citizenId, string? number, string? queryCode, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (await reports.LookupAsync(number, queryCode, ct) is not { } found)
        {
            errors.Add("reportNumber", "找错编号或查询码不正确，请核对提交后显示的编号和查询码");
            return errors;
        }
        await LinkAsync(db.CitizenErrorReports, new CitizenErrorReport { CitizenId = citizenId, ReportId = found.Id, AddedAt = clock.GetUtcNow().UtcDateTime },
            x => x.CitizenId == citizenId && x.ReportId == found.Id, ct);
        return errors;
    }

    /// <summary>Adds a link once: a second claim, or one racing it in another request, leaves the first.</summary>
    private async Task LinkAsync<T>(DbSet<T> links, T link, System.Linq.Expressions.Expression<Func<T, bool>> same, CancellationToken ct) where T : class
    {
        if (await links.AnyAsync(same, ct))
        {
            return;
        }
        links.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Links a message to the citizen's page (written while signed in, or claimed); once.</summary>
    public async Task LinkMessageAsync(int citizenId, int messageId, CancellationToken ct)
    {
        if (await db.CitizenMessages.AnyAsync(c => c.CitizenId == citizenId && c.MessageId == messageId, ct))
        {
            return;
        }
        db.CitizenMessages.Add(new CitizenMessage { CitizenId = citizenId, MessageId = messageId, AddedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Claimed a moment ago in another request.
            db.ChangeTracker.Clear();
        }
    }
}
