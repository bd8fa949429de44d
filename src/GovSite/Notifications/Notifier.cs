using System.Globalization;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Notifications;

/// <summary>
/// Tells people what waits for them: a notice in the back office and, for those with an e-mail
/// address, a message in the outbox, written together. Who is told follows the roles on the
/// site where the work is: reviewers for a review level, confidentiality reviewers for 保密审查,
/// editors for publishing and requests, the author for an item sent back.
/// </summary>
public sealed class Notifier(GovSiteDb db, SiteAccess access, SiteDirectory directory, TimeProvider clock)
{
    /// <summary>After a workflow step: whoever must act next on the item (or its revision) is told.</summary>
    public async Task StageReachedAsync(LibraryItem item, CancellationToken ct)
    {
        var revision = item.RevisionStatus is not null;
        var stage = item.RevisionStatus ?? item.Status;
        var author = revision ? item.RevisedById : item.CreatedById;
        var submitter = revision ? item.RevisionSubmittedById : item.SubmittedById;
        var what = revision ? item.RevisionKind == RevisionKind.Withdrawal ? "撤回申请" : "修订" : "稿件";
        var site = directory.FindById(item.OwnerSiteId)?.Name ?? "";
        var link = $"/admin/library/{item.Id}";
        var key = string.Create(CultureInfo.InvariantCulture, $"item:{item.Id}:{stage}:{clock.GetUtcNow().UtcTicks}");
        switch (stage)
        {
            case ItemStatus.Submitted:
                var level = revision ? item.RevisionLevel : item.ReviewLevel;
                await ToRolesAsync(item.OwnerSiteId, [Role.Reviewer], NoticeKind.Review, key,
                    $"待审核（第{level}级）：{item.Title}", $"{site}的{what}「{item.Title}」等待第{level}级审核。", link, [author, submitter], ct);
                break;
            case ItemStatus.ConfidentialityReview:
                await ToRolesAsync(item.OwnerSiteId, [Role.ConfidentialityReviewer], NoticeKind.Review, key,
                    $"待保密审查：{item.Title}", $"{site}的{what}「{item.Title}」等待保密审查。", link, [author, submitter], ct);
                break;
            case ItemStatus.Approved:
                await ToRolesAsync(item.OwnerSiteId, [Role.Editor, Role.SiteAdmin], NoticeKind.Review, key,
                    $"审核通过，待发布：{item.Title}", $"{site}的{what}「{item.Title}」已通过审核，等待编辑发布。", link, [], ct);
                break;
            case ItemStatus.Draft when author is int writer && writer != access.UserId:
                var comment = await db.ItemTransitions.AsNoTracking().Where(t => t.ItemId == item.Id && t.Action == "reject")
                    .OrderByDescending(t => t.Id).Select(t => t.Comment).FirstOrDefaultAsync(ct);
                await ToUsersAsync([writer], item.OwnerSiteId, NoticeKind.Returned, key, $"已退回修改：{item.Title}",
                    $"您的{what}「{item.Title}」被退回修改。退回意见：{comment}", link, ct);
                break;
        }
    }

    /// <summary>A site admin published before review: the site's reviewers look at it after the fact.</summary>
    public Task UrgentChangeAsync(LibraryItem item, string reason, CancellationToken ct) =>
        ToRolesAsync(item.OwnerSiteId, [Role.Reviewer, Role.ConfidentialityReviewer, Role.SiteAdmin], NoticeKind.Urgent,
            string.Create(CultureInfo.InvariantCulture, $"urgent:{item.Id}:{clock.GetUtcNow().UtcTicks}"),
            $"紧急更正已发布，请复核：{item.Title}", $"{access.UserName}以紧急更正方式发布了「{item.Title}」的变更，原因：{reason}。请在流程记录中复核。",
            $"/admin/library/{item.Id}", [], ct);

    /// <summary>A placement request or a subscription's offer reached a site: its editors decide.</summary>
    public Task PlacementRequestedAsync(PlacementRequest request, string title, CancellationToken ct) =>
        ToRolesAsync(request.SiteId, [Role.Editor, Role.SiteAdmin], NoticeKind.Placement,
            string.Create(CultureInfo.InvariantCulture, $"placement:{request.Id}"),
            $"转载请求：{title}", $"{directory.FindById(request.SiteId)?.Name}收到转载请求「{title}」，请选择栏目接收或拒绝。",
            $"/admin/sites/{request.SiteId}/library/requests", [], ct);

    /// <summary>A reprint order reached a site, with its deadline.</summary>
    public Task ReprintOrderedAsync(PlacementRequest request, string title, string issuer, DateTime deadlineUtc, CancellationToken ct) =>
        ToRolesAsync(request.SiteId, [Role.Editor, Role.SiteAdmin], NoticeKind.ReprintOrder,
            string.Create(CultureInfo.InvariantCulture, $"order:{request.Id}"),
            $"转载要求：{title}（{GovSite.Common.ChinaTime.Format(deadlineUtc)} 前）",
            $"{issuer}要求在 {GovSite.Common.ChinaTime.Format(deadlineUtc)} 前转载「{title}」。",
            $"/admin/sites/{request.SiteId}/library/requests", [], ct);

    /// <summary>Every active user holding one of <paramref name="roles"/> on the site (site admins count as editors).</summary>
    public async Task ToRolesAsync(int siteId, Role[] roles, NoticeKind kind, string key, string title, string? text, string? link,
        IReadOnlyCollection<int?> except, CancellationToken ct)
    {
        var users = await db.RoleGrants.AsNoTracking()
            .Where(g => g.SiteId == siteId && roles.Contains(g.Role))
            .Select(g => g.UserId).Distinct().ToListAsync(ct);
        await ToUsersAsync([.. users.Where(u => !except.Contains(u) && u != access.UserId)], siteId, kind, key, title, text, link, ct);
    }

    /// <summary>
    /// One notice per person (and an e-mail where they have an address), once per key: a second
    /// writer of the same reminder (another node) finds it there and moves on.
    /// </summary>
    public async Task ToUsersAsync(IReadOnlyCollection<int> userIds, int? siteId, NoticeKind kind, string key, string title, string? text,
        string? link, CancellationToken ct)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var already = await db.Notices.IgnoreQueryFilters().AsNoTracking().Where(n => n.Key == key && userIds.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people.Where(p => !already.Contains(p.Id)))
        {
            var notice = new Notice
            {
                UserId = person.Id, SiteId = siteId, Key = key, Kind = kind, Title = Cut(title, 300), Text = text, Link = link, CreatedAt = now,
            };
            db.Notices.Add(notice);
            OutboxMessage? mail = null;
            if (!string.IsNullOrWhiteSpace(person.Email))
            {
                mail = new OutboxMessage
                {
                    Channel = OutboxChannel.Email, Recipient = person.Email, RecipientName = person.DisplayName, Subject = Cut($"[GovSite] {title}", 300),
                    Body = $"{person.DisplayName}：\n\n{text}\n\n处理入口：{link}\n\n（本邮件由政府网站集约化平台发出，请勿直接回复。）",
                    Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
                };
                db.OutboxMessages.Add(mail);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                if (mail is not null)
                {
                    mail.NoticeId = notice.Id;
                    await db.SaveChangesAsync(ct);
                }
            }
            catch (DbUpdateException)
            {
                // The same reminder was written a moment ago (another node): that one stands.
                db.Entry(notice).State = EntityState.Detached;
                if (mail is not null)
                {
                    db.Entry(mail).State = EntityState.Detached;
                }
            }
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
