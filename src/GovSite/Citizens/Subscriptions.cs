using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Publishing;
using GovSite.Services;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Citizens;

public sealed record SubscriptionTarget(SubscriptionKind Kind, int SiteId, string Target, string Title)
{
    /// <summary>The RSS feed (a path inside the site) that follows the same thing, for readers who prefer one.</summary>
    public string FeedPath => Kind switch
    {
        SubscriptionKind.Column => $"/columns/{Target}/rss.xml",
        SubscriptionKind.Topic => $"/topics/{Target}/rss.xml",
        SubscriptionKind.PolicyTheme => PublicSite.SiteFeeds.PolicyThemeFeedPath(Target),
        _ => ServiceFeed.Path,
    };
}

/// <summary>Subscribing and unsubscribing: what can be subscribed to on a site, checked before it is kept.</summary>
public sealed class Subscriptions(GovSiteDb db, SiteDirectory directory, TimeProvider clock)
{
    public const int MaxPerCitizen = 100;

    /// <summary>The thing a subscription would follow on <paramref name="site"/>, or null when it is not there (or not public).</summary>
    public async Task<SubscriptionTarget?> FindAsync(SiteInfo site, SubscriptionKind kind, string? target, CancellationToken ct)
    {
        var value = (target ?? "").Trim();
        if (value.Length is 0 or > 100)
        {
            return null;
        }
        switch (kind)
        {
            case SubscriptionKind.Column when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var columnId):
                var column = await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == columnId && c.SiteId == site.Id)
                    .Select(c => c.Name).FirstOrDefaultAsync(ct);
                return column is null ? null : new(kind, site.Id, value, $"栏目：{column}");
            case SubscriptionKind.Topic when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var topicId):
                var topic = await db.SpecialTopics.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == topicId && t.SiteId == site.Id)
                    .Select(t => t.Name).FirstOrDefaultAsync(ct);
                return topic is null ? null : new(kind, site.Id, value, $"专题：{topic}");
            case SubscriptionKind.PolicyTheme:
                var known = await db.Articles.IgnoreQueryFilters().AsNoTracking()
                    .AnyAsync(a => a.SiteId == site.Id && a.Status == ArticleStatus.Published && a.Disclosure == DisclosureMode.Proactive && a.SubjectCategory == value, ct)
                    || await db.Classifications.AsNoTracking().AnyAsync(c => c.Scheme == Publishing.Library.ClassificationScheme.Subject && c.Name == value, ct);
                return known ? new(kind, site.Id, value, $"政策文件：{value}") : null;
            case SubscriptionKind.Service:
                var shown = ServiceCatalogue.ShownOn(directory, site);
                var item = await db.ServiceItems.IgnoreQueryFilters().AsNoTracking()
                    .Where(i => i.Code == value && i.Status == ServiceItemStatus.Published && shown.Contains(i.SiteId))
                    .Select(i => i.Name).FirstOrDefaultAsync(ct);
                return item is null ? null : new(kind, site.Id, value, $"办事指南：{item}");
            default:
                return null;
        }
    }

    /// <summary>The 主题分类 of a site's published policy documents, for the subscription form.</summary>
    public Task<List<string>> PolicyThemesAsync(int siteId, CancellationToken ct) =>
        db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published && a.SubjectCategory != null && a.SubjectCategory != "")
            .Select(a => a.SubjectCategory!).Distinct().OrderBy(x => x).Take(100).ToListAsync(ct);

    public async Task<SaveResult<Subscription>> SubscribeAsync(Citizen citizen, SubscriptionTarget? target, OutboxChannel? channel, string origin,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (target is null)
        {
            errors.Add("target", "要订阅的栏目、专题、政策主题或事项不存在，请从列表中选择");
        }
        if (channel is not { } how)
        {
            errors.Add("channel", "请选择接收方式（短信或电子邮件）");
            how = OutboxChannel.Sms;
        }
        else if (how == OutboxChannel.Email && string.IsNullOrEmpty(citizen.Email))
        {
            errors.Add("channel", "您还没有填写电子邮箱：请先在个人主页的“账号设置”中填写，或选择短信接收");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Subscription>.Invalid(errors);
        }
        var existing = await db.Subscriptions.FirstOrDefaultAsync(s => s.CitizenId == citizen.Id && s.Kind == target!.Kind && s.SiteId == target.SiteId
            && s.Target == target.Target && s.Channel == how, ct);
        if (existing is not null)
        {
            return SaveResult<Subscription>.Ok(existing);
        }
        if (await db.Subscriptions.CountAsync(s => s.CitizenId == citizen.Id, ct) >= MaxPerCitizen)
        {
            errors.Add("target", $"每个账号最多订阅 {MaxPerCitizen} 项，请先退订不再需要的");
            return SaveResult<Subscription>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var subscription = new Subscription
        {
            CitizenId = citizen.Id, Kind = target!.Kind, SiteId = target.SiteId, Target = target.Target, Title = Cut(target.Title, 200), Channel = how,
            Since = now, CreatedAt = now, Token = NewToken(), Origin = Cut(origin, 300),
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return SaveResult<Subscription>.Ok(subscription);
    }

    /// <summary>The subscription an unsubscribe address names, or null.</summary>
    public Task<Subscription?> ByTokenAsync(string? token, CancellationToken ct) =>
        string.IsNullOrEmpty(token) || token.Length > 64
            ? Task.FromResult<Subscription?>(null)
            : db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct);

    /// <summary>Ends it; true when there was one to end.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct) =>
        !string.IsNullOrEmpty(token) && token.Length <= 64 && await db.Subscriptions.Where(s => s.Token == token).ExecuteDeleteAsync(ct) > 0;

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    internal static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

public sealed class SubscriptionOptions
{
    /// <summary>How often a node looks for news to send to subscribers.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Turns what was published into messages: for each subscription, whatever appeared after its
/// <see cref="Subscription.Since"/> becomes one message in the outbox (e-mail or SMS), with the
/// one-click unsubscribe address. The watermark moves by a conditional update in the same
/// transaction as the message is written, so two nodes never send the same news twice.
/// </summary>
public sealed class SubscriptionDelivery(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SubscriptionOptions> options,
    ILogger<SubscriptionDelivery> log) : BackgroundService
{
    public const int MaxEntries = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Delivering subscriptions failed; retrying at the next interval");
            }
            await Task.Delay(options.Value.Interval, clock, stoppingToken);
        }
    }

    private sealed record News(string Title, string Path, DateTime At);

    /// <summary>One pass over every subscription; returns how many messages were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var directory = scope.ServiceProvider.GetRequiredService<SiteDirectory>();
        var written = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.Subscriptions.AsNoTracking().Where(s => s.Id > after).OrderBy(s => s.Id).Take(500)
                .Join(db.Citizens.AsNoTracking(), s => s.CitizenId, c => c.Id, (s, c) => new { Subscription = s, c.Mobile, c.Email, c.Name })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return written;
            }
            after = batch[^1].Subscription.Id;
            foreach (var row in batch)
            {
                var s = row.Subscription;
                var news = await NewsAsync(db, directory, s, clock.GetUtcNow().UtcDateTime, ct);
                if (news.Count == 0)
                {
                    continue;
                }
                var recipient = s.Channel == OutboxChannel.Email ? row.Email : row.Mobile;
                if (string.IsNullOrEmpty(recipient))
                {
                    continue;
                }
                var until = news.Max(n => n.At);
                var now = clock.GetUtcNow().UtcDateTime;
                var strategy = db.Database.CreateExecutionStrategy();
                var sent = await strategy.ExecuteAsync(async () =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    var moved = await db.Subscriptions.Where(x => x.Id == s.Id && x.Since == s.Since)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.Since, until), ct);
                    if (moved == 0)
                    {
                        return false;
                    }
                    db.OutboxMessages.Add(Compose(s, news, recipient, row.Name, now));
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    db.ChangeTracker.Clear();
                    return true;
                });
                written += sent ? 1 : 0;
            }
        }
    }

    /// <summary>
    /// What appeared since the watermark and is public now: published, due (a scheduled article
    /// waits for its time, or the watermark would pass it), and not marked 依申请公开 or 不予公开;
    /// a 主题分类's documents are the 主动公开 ones, as its feed and the catalogue list them.
    /// </summary>
    private static async Task<List<News>> NewsAsync(GovSiteDb db, SiteDirectory directory, Subscription s, DateTime now, CancellationToken ct)
    {
        var since = s.Since;
        var published = db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == s.SiteId && a.Status == ArticleStatus.Published && a.PublishedAt > since && a.PublishedAt <= now
                && (a.Disclosure == null || a.Disclosure == DisclosureMode.Proactive));
        var number = int.TryParse(s.Target, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        IQueryable<Article>? articles = null;
        switch (s.Kind)
        {
            case SubscriptionKind.Column:
                articles = published.Where(a => a.ColumnId == number || db.Columns.IgnoreQueryFilters().Any(c => c.Id == a.ColumnId && c.ParentId == number));
                break;
            case SubscriptionKind.Topic:
                var root = await db.SpecialTopics.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == number).Select(t => (int?)t.ColumnId).FirstOrDefaultAsync(ct);
                if (root is null)
                {
                    return [];
                }
                articles = published.Where(a => a.ColumnId == root || db.Columns.IgnoreQueryFilters().Any(c => c.Id == a.ColumnId && c.ParentId == root));
                break;
            case SubscriptionKind.PolicyTheme:
                articles = published.Where(a => a.SubjectCategory == s.Target && a.Disclosure == DisclosureMode.Proactive);
                break;
            case SubscriptionKind.Service:
                if (directory.FindById(s.SiteId) is not { } site)
                {
                    return [];
                }
                var shown = ServiceCatalogue.ShownOn(directory, site);
                var items = await db.ServiceItems.IgnoreQueryFilters().AsNoTracking()
                    // A change is reviewed again (ReviewedAt); PublishedAt stays the first publication.
                    .Where(i => i.Code == s.Target && shown.Contains(i.SiteId) && i.Status == ServiceItemStatus.Published
                        && (i.PublishedAt > since || i.ReviewedAt > since))
                    .Select(i => new { i.Name, i.Code, i.PublishedAt, i.ReviewedAt }).ToListAsync(ct);
                return [.. items.Select(i => new News($"{i.Name}（办事指南已更新）", $"/services/{i.Code}",
                    i.ReviewedAt is { } reviewed && reviewed > i.PublishedAt!.Value ? reviewed : i.PublishedAt!.Value))];
        }
        if (articles is null)
        {
            return [];
        }
        var rows = await articles.OrderByDescending(a => a.PublishedAt).Take(MaxEntries)
            .Select(a => new { a.Id, a.Title, a.PublishedAt }).ToListAsync(ct);
        return [.. rows.Select(a => new News(a.Title, string.Create(CultureInfo.InvariantCulture, $"/articles/{a.Id}"), a.PublishedAt!.Value))];
    }

    /// <summary>The message: short for SMS (one line and the unsubscribe address), a list with links for e-mail.</summary>
    private static OutboxMessage Compose(Subscription s, IReadOnlyList<News> news, string recipient, string name, DateTime now)
    {
        var unsubscribe = $"{s.Origin}/unsubscribe/{s.Token}";
        string body;
        if (s.Channel == OutboxChannel.Sms)
        {
            var first = news.OrderByDescending(x => x.At).First();
            var more = news.Count > 1 ? $"等 {news.Count} 条" : "";
            body = $"【政府网站】您订阅的{s.Title}有更新：{Subscriptions.Cut(first.Title, 40)}{more} {s.Origin}{first.Path} 退订：{unsubscribe}";
        }
        else
        {
            var text = new StringBuilder();
            text.Append(name).Append("：\n\n您订阅的").Append(s.Title).Append("有以下更新：\n\n");
            foreach (var item in news.OrderByDescending(x => x.At))
            {
                text.Append("· ").Append(item.Title).Append('（').Append(ChinaTime.Format(item.At)).Append("）\n  ").Append(s.Origin).Append(item.Path).Append('\n');
            }
            text.Append("\n不想再收到此类邮件？一键退订：").Append(unsubscribe).Append("\n\n（本邮件由政府网站集约化平台发出，请勿直接回复。）");
            body = text.ToString();
        }
        return new OutboxMessage
        {
            Channel = s.Channel, Recipient = recipient, RecipientName = Subscriptions.Cut(name, 100), Subject = Subscriptions.Cut($"订阅更新：{s.Title}", 300),
            Body = body, Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        };
    }
}
