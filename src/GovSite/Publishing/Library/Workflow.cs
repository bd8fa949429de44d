using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Quality;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

/// <summary>What a workflow step did: the item as it now stands and what the quality gate found.</summary>
public sealed record StepResult(LibraryItem? Item, IReadOnlyList<QualityFinding> Findings, ValidationErrors Errors,
    bool Forbidden = false, bool NotFound = false)
{
    /// <summary>The gate found something at block level; the item did not move.</summary>
    public bool Blocked => Findings.Any(f => f.Severity == "block");
    public bool Succeeded => Item is not null && Errors.IsValid && !Forbidden && !NotFound && !Blocked;
}

/// <summary>
/// draft → submitted → review level 1…n → 保密审查 (where the column asks) → approved →
/// scheduled or published. Every step is checked against the caller's roles, nobody reviews
/// their own work, and every step is written to the append-only trail.
/// </summary>
public sealed class Workflow(LibraryService library, QualityGate gate, JobQueue queue, IndexNumbers indexNumbers, NearDuplicates nearDuplicates,
    Reprints reprints)
{
    public const string PublishJob = "library.publish";
    public const string WithdrawJob = "library.withdraw";

    private GovSiteDb Db => library.Db;
    private SiteAccess Access => library.Access;

    public async Task<StepResult> SubmitAsync(int id, CancellationToken ct = default)
    {
        var (item, column, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!Access.CanEditContent(item!.OwnerSiteId))
        {
            return Denied(item);
        }
        if (item.Status is not (ItemStatus.Draft or ItemStatus.Withdrawn))
        {
            return Invalid(item, "只有草稿或已撤回的稿件可以提交审核");
        }
        var findings = await gate.CheckAsync(GateInput(item), ct);
        if (findings.Any(f => f.Severity == "block"))
        {
            return new StepResult(item, findings, new ValidationErrors());
        }
        var from = item.Status;
        item.SubmittedById = Access.UserId;
        var to = NextAfterReview(column!, 0, out var level);
        item.Status = to;
        item.ReviewLevel = level;
        library.AddTransition(item, from, to, "submit", null, null);
        await Db.SaveChangesAsync(ct);
        return new StepResult(item, findings, new ValidationErrors());
    }

    /// <summary>Passes the review level the item waits at, or its confidentiality review.</summary>
    public async Task<StepResult> ApproveAsync(int id, string? comment, CancellationToken ct = default)
    {
        var (item, column, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (await ReviewRefusalAsync(item!, ct) is { } denied)
        {
            return denied;
        }
        var from = item!.Status;
        int? level = from == ItemStatus.Submitted ? item.ReviewLevel : null;
        var next = 0;
        var to = from == ItemStatus.Submitted ? NextAfterReview(column!, item.ReviewLevel, out next) : ItemStatus.Approved;
        item.ReviewLevel = next;
        item.Status = to;
        library.AddTransition(item, from, to, from == ItemStatus.ConfidentialityReview ? "clear" : "approve", LibraryService.Clean(comment), level);
        await Db.SaveChangesAsync(ct);
        return new StepResult(item, [], new ValidationErrors());
    }

    /// <summary>Sends the item back to its author as a draft; the comment says why.</summary>
    public async Task<StepResult> RejectAsync(int id, string? comment, CancellationToken ct = default)
    {
        var (item, _, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (LibraryService.Clean(comment) is not { } reason)
        {
            var errors = new ValidationErrors();
            errors.Add("Comment", "退回时请填写退回意见");
            return new StepResult(item, [], errors);
        }
        if (item!.Status == ItemStatus.Approved && library.IsEditor(item.OwnerSiteId))
        {
            // An editor may still send an approved item back before publishing it.
        }
        else if (await ReviewRefusalAsync(item, ct) is { } denied)
        {
            return denied;
        }
        var from = item.Status;
        int? level = from == ItemStatus.Submitted ? item.ReviewLevel : null;
        item.Status = ItemStatus.Draft;
        item.ReviewLevel = 0;
        library.AddTransition(item, from, ItemStatus.Draft, "reject", reason, level);
        await Db.SaveChangesAsync(ct);
        return new StepResult(item, [], new ValidationErrors());
    }

    /// <summary>
    /// Publishes an approved item now, or schedules it for <paramref name="atUtc"/>: the job
    /// queue's worker publishes it then, once, whichever node leases the job.
    /// </summary>
    public async Task<StepResult> PublishAsync(int id, DateTime? atUtc, CancellationToken ct = default)
    {
        var (item, column, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!library.IsEditor(item!.OwnerSiteId))
        {
            return Denied(item);
        }
        atUtc = WholeSeconds(atUtc);
        var direct = column!.ReviewLevels == 0 && !column.RequiresConfidentialityReview;
        var allowed = item.Status is ItemStatus.Approved or ItemStatus.Scheduled
            || (direct && item.Status is ItemStatus.Draft or ItemStatus.Withdrawn);
        if (!allowed)
        {
            return Invalid(item, item.Status == ItemStatus.Published ? "该稿件已经发布" : "该栏目的稿件须审核通过后才能发布");
        }
        var findings = await gate.CheckAsync(GateInput(item), ct);
        if (findings.Any(f => f.Severity == "block"))
        {
            return new StepResult(item, findings, new ValidationErrors());
        }
        var from = item.Status;
        if (atUtc is DateTime at && at > library.Now.AddSeconds(1))
        {
            item.Status = ItemStatus.Scheduled;
            item.PublishAt = at;
            library.AddTransition(item, from, ItemStatus.Scheduled, "schedule", $"定时发布：{ChinaTime.Format(at)}", null);
            await Db.SaveChangesAsync(ct);
            await queue.EnqueueAsync(PublishJob, Payload(item.Id, at), runAt: at, key: JobKey(PublishJob, item.Id, at), ct: ct);
            return new StepResult(item, findings, new ValidationErrors());
        }
        await PublishNowAsync(item, from, "publish", ct);
        return new StepResult(item, findings, new ValidationErrors());
    }

    /// <summary>Takes a published item off every site now, or at <paramref name="atUtc"/>.</summary>
    public async Task<StepResult> WithdrawAsync(int id, DateTime? atUtc, string? comment, CancellationToken ct = default)
    {
        var (item, _, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!library.IsEditor(item!.OwnerSiteId))
        {
            return Denied(item);
        }
        atUtc = WholeSeconds(atUtc);
        if (item.Status is not (ItemStatus.Published or ItemStatus.Scheduled))
        {
            return Invalid(item, "只有已发布或待发布的稿件可以撤回");
        }
        if (atUtc is DateTime at && at > library.Now.AddSeconds(1) && item.Status == ItemStatus.Published)
        {
            item.WithdrawAt = at;
            library.AddTransition(item, item.Status, item.Status, "schedule_withdraw", $"定时撤回：{ChinaTime.Format(at)}", null);
            await Db.SaveChangesAsync(ct);
            await queue.EnqueueAsync(WithdrawJob, Payload(item.Id, at), runAt: at, key: JobKey(WithdrawJob, item.Id, at), ct: ct);
            return new StepResult(item, [], new ValidationErrors());
        }
        await WithdrawNowAsync(item, "withdraw", LibraryService.Clean(comment), ct);
        return new StepResult(item, [], new ValidationErrors());
    }

    /// <summary>
    /// The timed step, run by a queue worker. The status test inside one UPDATE is what makes
    /// it happen once: a second worker holding a copy of the job finds nothing left to change.
    /// </summary>
    public async Task<bool> RunScheduledPublishAsync(int id, DateTime at, CancellationToken ct)
    {
        var moved = await Db.LibraryItems.IgnoreQueryFilters()
            .Where(i => i.Id == id && i.Status == ItemStatus.Scheduled && i.PublishAt == at)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ItemStatus.Approved), ct);
        if (moved == 0)
        {
            return false;
        }
        var item = await Db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == id, ct);
        await PublishNowAsync(item, ItemStatus.Scheduled, "timed_publish", ct);
        return true;
    }

    public async Task<bool> RunScheduledWithdrawAsync(int id, DateTime at, CancellationToken ct)
    {
        var moved = await Db.LibraryItems.IgnoreQueryFilters()
            .Where(i => i.Id == id && i.Status == ItemStatus.Published && i.WithdrawAt == at)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WithdrawAt, (DateTime?)null), ct);
        if (moved == 0)
        {
            return false;
        }
        var item = await Db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == id, ct);
        await WithdrawNowAsync(item, "timed_withdraw", null, ct);
        return true;
    }

    private async Task PublishNowAsync(LibraryItem item, ItemStatus from, string action, CancellationToken ct)
    {
        var now = library.Now;
        await using (var tx = await Db.Database.BeginTransactionAsync(ct))
        {
            item.Status = ItemStatus.Published;
            item.PublishedAt = item.PublishAt is DateTime at && at <= now ? at : now;
            item.PublishAt = null;
            library.AddTransition(item, from, ItemStatus.Published, action, null, null);
            var placements = await Db.Articles.IgnoreQueryFilters().Where(a => a.ItemId == item.Id).ToListAsync(ct);
            foreach (var placement in placements)
            {
                placement.Status = ArticleStatus.Published;
                placement.PublishedAt = item.PublishedAt;
                placement.UpdatedAt = now;
                if (item.IsPolicy && placement.IndexNumber is null)
                {
                    placement.IndexNumber = await indexNumbers.NextAsync(placement.SiteId, item.PublishedAt.Value, ct);
                }
            }
            await Db.SaveChangesAsync(ct);
            await library.LinkInterpretationsAsync(item, placements, ct);
            await reprints.OfferToSubscribersAsync(item, placements, ct);
            await tx.CommitAsync(ct);
        }
        await nearDuplicates.IndexAsync(item.Id, item.OwnerSiteId, item.PublishedAt.Value, item.Title, HtmlSanitiser.ToPlainText(item.Body), ct);
        await AnnounceAllAsync(item, ct);
    }

    private async Task WithdrawNowAsync(LibraryItem item, string action, string? comment, CancellationToken ct)
    {
        var from = item.Status;
        await using (var tx = await Db.Database.BeginTransactionAsync(ct))
        {
            item.Status = ItemStatus.Withdrawn;
            item.PublishAt = null;
            item.WithdrawAt = null;
            library.AddTransition(item, from, ItemStatus.Withdrawn, action, comment, null);
            var placements = await Db.Articles.IgnoreQueryFilters().Where(a => a.ItemId == item.Id).ToListAsync(ct);
            foreach (var placement in placements)
            {
                placement.Status = ArticleStatus.Withdrawn;
                placement.UpdatedAt = library.Now;
            }
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await nearDuplicates.RemoveAsync(item.Id, ct);
        await AnnounceAllAsync(item, ct);
    }

    private async Task AnnounceAllAsync(LibraryItem item, CancellationToken ct)
    {
        var placements = await Db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.ItemId == item.Id).ToListAsync(ct);
        foreach (var placement in placements)
        {
            await library.AnnounceAsync(placement, placement.ColumnId, placement.InterpretsId, ct);
        }
    }

    /// <summary>Why the caller may not review the item at its current stage; null when they may.</summary>
    private async Task<StepResult?> ReviewRefusalAsync(LibraryItem item, CancellationToken ct)
    {
        var site = item.OwnerSiteId;
        var stageRole = item.Status switch
        {
            ItemStatus.Submitted => Role.Reviewer,
            ItemStatus.ConfidentialityReview => Role.ConfidentialityReviewer,
            _ => (Role?)null,
        };
        if (stageRole is null)
        {
            return Invalid(item, "该稿件当前不在审核环节");
        }
        if (!Access.HasRole(site, stageRole.Value) && !Access.HasRole(site, Role.SiteAdmin))
        {
            return Denied(item);
        }
        var me = Access.UserId;
        if (me is not null && (me == item.SubmittedById || me == item.CreatedById))
        {
            return Invalid(item, "不能审核自己撰写或提交的稿件");
        }
        if (me is not null && item.Status == ItemStatus.Submitted)
        {
            // Each level is a different pair of eyes: who passed an earlier level of this round may not pass the next.
            var round = await Db.ItemTransitions.Where(t => t.ItemId == item.Id && t.Action == "submit")
                .OrderByDescending(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync(ct);
            if (await Db.ItemTransitions.AnyAsync(t => t.ItemId == item.Id && t.Id > round && t.Action == "approve" && t.UserId == me, ct))
            {
                return Invalid(item, "同一人不能审核同一稿件的多个级别");
            }
        }
        return null;
    }

    /// <summary>Where an item goes after passing review level <paramref name="passed"/> (0 = just submitted).</summary>
    private static ItemStatus NextAfterReview(Column column, int passed, out int nextLevel)
    {
        if (passed < column.ReviewLevels)
        {
            nextLevel = passed + 1;
            return ItemStatus.Submitted;
        }
        nextLevel = 0;
        return column.RequiresConfidentialityReview && passed <= column.ReviewLevels ? ItemStatus.ConfidentialityReview : ItemStatus.Approved;
    }

    private async Task<(LibraryItem? Item, Column? Column, StepResult? Refused)> LoadAsync(int id, CancellationToken ct)
    {
        var item = await Db.LibraryItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return (null, null, new StepResult(null, [], new ValidationErrors(), NotFound: true));
        }
        if (!Access.CanSee(item.OwnerSiteId))
        {
            return (item, null, Denied(item));
        }
        var column = await Db.Columns.IgnoreQueryFilters().FirstAsync(c => c.Id == item.HomeColumnId, ct);
        return (item, column, null);
    }

    /// <summary>Both databases keep the time exactly at whole seconds, so the job's time matches the row's.</summary>
    private static DateTime? WholeSeconds(DateTime? at) =>
        at is DateTime t ? new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc) : null;

    public static QualityInput GateInput(LibraryItem item) => new(item.OwnerSiteId, item.Title, item.Body, item.Id, item.UpdatedAt);

    private static StepResult Denied(LibraryItem item) => new(item, [], new ValidationErrors(), Forbidden: true);

    private static StepResult Invalid(LibraryItem item, string message)
    {
        var errors = new ValidationErrors();
        errors.Add("Status", message);
        return new StepResult(item, [], errors);
    }

    private static string Payload(int id, DateTime at) =>
        $"{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{at.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string JobKey(string type, int id, DateTime at) => $"{type}:{Payload(id, at)}";

    internal static (int Id, DateTime At) ParsePayload(string payload)
    {
        var parts = payload.Split('|');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            new DateTime(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
    }
}

/// <summary>Runs timed publishing from the job queue.</summary>
public sealed class ScheduledPublishJob(Workflow workflow, SiteAccess access) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        access.BecomeSystem();
        var (id, at) = Workflow.ParsePayload(job.Payload ?? "");
        await workflow.RunScheduledPublishAsync(id, at, ct);
    }
}

/// <summary>Runs timed withdrawal from the job queue.</summary>
public sealed class ScheduledWithdrawJob(Workflow workflow, SiteAccess access) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        access.BecomeSystem();
        var (id, at) = Workflow.ParsePayload(job.Payload ?? "");
        await workflow.RunScheduledWithdrawAsync(id, at, ct);
    }
}
