using GovSite.Accounts;
using GovSite.Common;
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
    Reprints reprints, Notifications.Notifier notifier)
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
        var stage = new Stage(item);
        if (stage.IsRevision ? stage.Status != ItemStatus.Draft : item.Status is not (ItemStatus.Draft or ItemStatus.Withdrawn))
        {
            return Invalid(item, stage.IsRevision ? "该修订已提交审核"
                : item.Status == ItemStatus.Published ? "该稿件已发布：修改后保存会生成待审修订，再提交修订审核"
                : "只有草稿或已撤回的稿件可以提交审核");
        }
        var findings = stage.IsWithdrawal ? [] : await gate.CheckAsync(await GateInputAsync(item, ct), ct);
        if (findings.Any(f => f.Severity == "block"))
        {
            return new StepResult(item, findings, new ValidationErrors());
        }
        var from = stage.Status;
        stage.SubmittedById = Access.UserId;
        var to = NextAfterReview(column!, 0, stage.IsWithdrawal, out var level);
        stage.Status = to;
        stage.Level = level;
        library.AddTransition(item, from, to, "submit", null, null, stage.IsRevision);
        await Db.SaveChangesAsync(ct);
        await notifier.StageReachedAsync(item, ct);
        return new StepResult(item, findings, new ValidationErrors());
    }

    /// <summary>Passes the review level the item (or its revision) waits at, or its confidentiality review.</summary>
    public async Task<StepResult> ApproveAsync(int id, string? comment, CancellationToken ct = default)
    {
        var (item, column, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!MayReview(item!.OwnerSiteId))
        {
            return Denied(item);
        }
        var stage = new Stage(item!);
        if (await ReviewRefusalAsync(item!, stage, ct) is { } denied)
        {
            return denied;
        }
        var from = stage.Status;
        int? level = from == ItemStatus.Submitted ? stage.Level : null;
        var next = 0;
        var to = from == ItemStatus.Submitted ? NextAfterReview(column!, stage.Level, stage.IsWithdrawal, out next) : ItemStatus.Approved;
        stage.Level = next;
        stage.Status = to;
        library.AddTransition(item!, from, to, from == ItemStatus.ConfidentialityReview ? "clear" : "approve", LibraryService.Clean(comment), level,
            stage.IsRevision);
        await Db.SaveChangesAsync(ct);
        await notifier.StageReachedAsync(item!, ct);
        return new StepResult(item, [], new ValidationErrors());
    }

    /// <summary>Sends the item (or its revision) back to its author as a draft; the comment says why. A refused withdrawal request is dropped.</summary>
    public async Task<StepResult> RejectAsync(int id, string? comment, CancellationToken ct = default)
    {
        var (item, _, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        // Besides reviewers, only an editor sending an approved item back before publishing (below).
        if (!MayReview(item!.OwnerSiteId) && !(library.IsEditor(item.OwnerSiteId) && new Stage(item).Status == ItemStatus.Approved))
        {
            return Denied(item);
        }
        if (LibraryService.Clean(comment) is not { } reason)
        {
            var errors = new ValidationErrors();
            errors.Add("Comment", "退回时请填写退回意见");
            return new StepResult(item, [], errors);
        }
        var stage = new Stage(item!);
        if (stage.Status == ItemStatus.Approved && library.IsEditor(item!.OwnerSiteId))
        {
            // An editor may still send an approved item back before publishing it.
        }
        else if (await ReviewRefusalAsync(item!, stage, ct) is { } denied)
        {
            return denied;
        }
        var from = stage.Status;
        int? level = from == ItemStatus.Submitted ? stage.Level : null;
        if (stage.IsWithdrawal)
        {
            library.AddTransition(item!, from, ItemStatus.Published, "reject", reason, level, revision: true);
            LibraryService.ClearRevision(item!);
        }
        else
        {
            stage.Status = ItemStatus.Draft;
            stage.Level = 0;
            library.AddTransition(item!, from, ItemStatus.Draft, "reject", reason, level, stage.IsRevision);
        }
        await Db.SaveChangesAsync(ct);
        await notifier.StageReachedAsync(item!, ct);
        return new StepResult(item, [], new ValidationErrors());
    }

    /// <summary>
    /// Publishes an approved item now, or schedules it for <paramref name="atUtc"/>: the job
    /// queue's worker publishes it then, once, whichever node leases the job. A time in the past
    /// publishes now and dates the item then (an import of older documents). A published item's
    /// approved revision replaces the published version now.
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
        var stage = new Stage(item);
        if (stage.IsRevision)
        {
            return await PublishRevisionAsync(item, stage, direct, atUtc, ct);
        }
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
        item.PublishAt = atUtc;
        await PublishNowAsync(item, from, "publish", ct);
        return new StepResult(item, findings, new ValidationErrors());
    }

    private async Task<StepResult> PublishRevisionAsync(LibraryItem item, Stage stage, bool direct, DateTime? atUtc, CancellationToken ct)
    {
        if (stage.IsWithdrawal)
        {
            return Invalid(item, "这是撤回申请：审核通过后请使用“撤回”执行");
        }
        if (!(stage.Status == ItemStatus.Approved || (direct && stage.Status == ItemStatus.Draft)))
        {
            return Invalid(item, "修订须审核通过后才能发布，发布前前台仍显示已发布的版本");
        }
        if (atUtc is DateTime at && at > library.Now.AddSeconds(1))
        {
            return Invalid(item, "修订不能定时发布：审核通过后请立即发布");
        }
        var findings = await gate.CheckAsync(await GateInputAsync(item, ct), ct);
        if (findings.Any(f => f.Severity == "block"))
        {
            return new StepResult(item, findings, new ValidationErrors());
        }
        var errors = await library.PublishRevisionAsync(item, "publish", null, ct);
        return new StepResult(item, findings, errors);
    }

    /// <summary>
    /// 紧急更正: a site administrator publishes a pending revision (or withdrawal) at once, before
    /// its review, with a reason. The quality gate still runs; the step and the reason are in the
    /// trail, and the site's reviewers are told to look at it after the fact.
    /// </summary>
    public async Task<StepResult> UrgentAsync(int id, string? reason, CancellationToken ct = default)
    {
        var (item, _, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!Access.HasRole(item!.OwnerSiteId, Role.SiteAdmin))
        {
            return Denied(item);
        }
        if (LibraryService.Clean(reason) is not { } why)
        {
            var errors = new ValidationErrors();
            errors.Add("Reason", "紧急更正须填写原因");
            return new StepResult(item, [], errors);
        }
        var stage = new Stage(item);
        if (!stage.IsRevision)
        {
            return Invalid(item, "没有待发布的修订：请先修改并保存，再紧急发布");
        }
        if (stage.IsWithdrawal)
        {
            await WithdrawNowAsync(item, "urgent_withdraw", why, ct);
            await notifier.UrgentChangeAsync(item, why, ct);
            return new StepResult(item, [], new ValidationErrors());
        }
        var findings = await gate.CheckAsync(await GateInputAsync(item, ct), ct);
        if (findings.Any(f => f.Severity == "block"))
        {
            return new StepResult(item, findings, new ValidationErrors());
        }
        var result = await library.PublishRevisionAsync(item, "urgent_publish", why, ct);
        if (result.IsValid)
        {
            await notifier.UrgentChangeAsync(item, why, ct);
        }
        return new StepResult(item, findings, result);
    }

    /// <summary>
    /// Takes a published item off every site. In a column without review, and for a site
    /// administrator's urgent withdrawal (with a reason), now or at <paramref name="atUtc"/>; in a
    /// column with review the first call is a withdrawal request that passes the review levels, and
    /// the call after its approval carries it out.
    /// </summary>
    public async Task<StepResult> WithdrawAsync(int id, DateTime? atUtc, string? comment, bool urgent = false, CancellationToken ct = default)
    {
        var (item, column, refused) = await LoadAsync(id, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (!library.IsEditor(item!.OwnerSiteId) || (urgent && !Access.HasRole(item.OwnerSiteId, Role.SiteAdmin)))
        {
            return Denied(item);
        }
        atUtc = WholeSeconds(atUtc);
        var reason = LibraryService.Clean(comment);
        if (urgent && reason is null)
        {
            var errors = new ValidationErrors();
            errors.Add("Comment", "紧急撤回须填写原因");
            return new StepResult(item, [], errors);
        }
        if (item.Status is not (ItemStatus.Published or ItemStatus.Scheduled))
        {
            return Invalid(item, "只有已发布或待发布的稿件可以撤回");
        }
        var direct = column!.ReviewLevels == 0 && !column.RequiresConfidentialityReview;
        var stage = new Stage(item);
        // Not yet on any page (scheduled), no review, an urgent case, or an approved request: carry it out.
        if (item.Status == ItemStatus.Scheduled || direct || urgent || (stage.IsWithdrawal && stage.Status == ItemStatus.Approved))
        {
            if (atUtc is DateTime at && at > library.Now.AddSeconds(1) && item.Status == ItemStatus.Published && !urgent)
            {
                item.WithdrawAt = at;
                library.AddTransition(item, item.Status, item.Status, "schedule_withdraw", $"定时撤回：{ChinaTime.Format(at)}", null);
                await Db.SaveChangesAsync(ct);
                await queue.EnqueueAsync(WithdrawJob, Payload(item.Id, at), runAt: at, key: JobKey(WithdrawJob, item.Id, at), ct: ct);
                return new StepResult(item, [], new ValidationErrors());
            }
            await WithdrawNowAsync(item, urgent ? "urgent_withdraw" : "withdraw", reason, ct);
            if (urgent)
            {
                await notifier.UrgentChangeAsync(item, reason!, ct);
            }
            return new StepResult(item, [], new ValidationErrors());
        }
        if (stage.IsWithdrawal)
        {
            return Invalid(item, "撤回申请正在审核中，审核通过后才能撤回");
        }
        if (stage.IsRevision)
        {
            return Invalid(item, "该稿件有待审修订：请先发布或放弃修订，再申请撤回");
        }
        // The request is the submission: there is nothing to write first.
        item.RevisionKind = RevisionKind.Withdrawal;
        item.RevisionVersion = null;
        item.RevisedById = Access.UserId;
        item.RevisionSubmittedById = Access.UserId;
        var to = NextAfterReview(column, 0, withdrawal: true, out var level);
        item.RevisionStatus = to;
        item.RevisionLevel = level;
        library.AddTransition(item, ItemStatus.Published, to, "request_withdraw", reason, null, revision: true);
        await Db.SaveChangesAsync(ct);
        await notifier.StageReachedAsync(item, ct);
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
        await using (var tx = await library.BeginAsync(ct))
        {
            item.Status = ItemStatus.Published;
            item.PublishedAt = item.PublishAt is DateTime at && at <= now ? at : now;
            var backdated = action == "publish" && item.PublishedAt < now.AddSeconds(-1);
            item.PublishAt = null;
            item.PublishedVersion = item.VersionNumber;
            library.AddTransition(item, from, ItemStatus.Published, action, backdated ? $"发布日期记为 {ChinaTime.Format(item.PublishedAt)}" : null, null);
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
            // Inside the transaction: the search row, the publish record, the near-duplicate index
            // and the re-export job commit with the publication or not at all (a node killed right
            // after the commit left a published item that no search and no export knew of).
            await nearDuplicates.IndexAsync(item.Id, item.OwnerSiteId, item.PublishedAt.Value, item.Title, HtmlSanitiser.ToPlainText(item.Body), ct);
            await AnnounceAllAsync(item, ct);
            FaultPoint.Reach("publish.before-commit");
            await LibraryService.CommitAsync(tx, ct);
        }
    }

    private async Task WithdrawNowAsync(LibraryItem item, string action, string? comment, CancellationToken ct)
    {
        var from = item.Status;
        // A text still waiting in a revision is not lost: the withdrawn item keeps it as its working text.
        var pending = item.RevisionKind == RevisionKind.Edit ? await library.WorkingCopyAsync(item, ct) : null;
        await using (var tx = await library.BeginAsync(ct))
        {
            library.AddTransition(item, from, ItemStatus.Withdrawn, action, comment, null, revision: item.RevisionKind == RevisionKind.Withdrawal);
            LibraryService.ClearRevision(item);
            if (pending is not null)
            {
                LibraryService.TakeContent(item, pending);
            }
            item.Status = ItemStatus.Withdrawn;
            item.PublishAt = null;
            item.WithdrawAt = null;
            var placements = await Db.Articles.IgnoreQueryFilters().Where(a => a.ItemId == item.Id).ToListAsync(ct);
            foreach (var placement in placements)
            {
                if (pending is not null)
                {
                    LibraryService.CopyContent(item, placement, library.Now, Access.UserId);
                }
                placement.Status = ArticleStatus.Withdrawn;
                placement.UpdatedAt = library.Now;
            }
            await Db.SaveChangesAsync(ct);
            // As a publication: the withdrawal and what follows it commit together.
            await nearDuplicates.RemoveAsync(item.Id, ct);
            await AnnounceAllAsync(item, ct);
            await LibraryService.CommitAsync(tx, ct);
        }
    }

    private async Task AnnounceAllAsync(LibraryItem item, CancellationToken ct)
    {
        var placements = await Db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.ItemId == item.Id).ToListAsync(ct);
        foreach (var placement in placements)
        {
            await library.AnnounceAsync(placement, placement.ColumnId, placement.InterpretsId, ct);
        }
    }

    /// <summary>
    /// Whether the user reviews on the site at all: checked before the item's state or the comment,
    /// so another role learns nothing of either (which stage is the user's is <see cref="ReviewRefusalAsync"/>).
    /// </summary>
    private bool MayReview(int siteId) =>
        Access.HasRole(siteId, Role.Reviewer) || Access.HasRole(siteId, Role.ConfidentialityReviewer) || Access.HasRole(siteId, Role.SiteAdmin);

    /// <summary>Why the caller may not review the item (or its revision) at its current stage; null when they may.</summary>
    private async Task<StepResult?> ReviewRefusalAsync(LibraryItem item, Stage stage, CancellationToken ct)
    {
        var site = item.OwnerSiteId;
        var stageRole = stage.Status switch
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
        if (me is not null && (me == stage.SubmittedById || me == stage.AuthorId))
        {
            return Invalid(item, "不能审核自己撰写或提交的稿件");
        }
        if (me is not null)
        {
            var revision = stage.IsRevision;
            var round = await Db.ItemTransitions.Where(t => t.ItemId == item.Id && t.Revision == revision && (t.Action == "submit" || t.Action == "request_withdraw"))
                .OrderByDescending(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync(ct);
            // Whoever changed the text during this round wrote part of it.
            if (await Db.ItemTransitions.AnyAsync(t => t.ItemId == item.Id && t.Id > round && t.Action == "edit" && t.UserId == me, ct))
            {
                return Invalid(item, "不能审核自己修改过的稿件");
            }
            // Each level is a different pair of eyes: who passed an earlier level of this round may not pass the next.
            if (stage.Status == ItemStatus.Submitted &&
                await Db.ItemTransitions.AnyAsync(t => t.ItemId == item.Id && t.Id > round && t.Revision == revision && t.Action == "approve" && t.UserId == me, ct))
            {
                return Invalid(item, "同一人不能审核同一稿件的多个级别");
            }
        }
        return null;
    }

    /// <summary>
    /// Where an item goes after passing review level <paramref name="passed"/> (0 = just submitted).
    /// A withdrawal publishes no words, so it needs no 保密审查.
    /// </summary>
    private static ItemStatus NextAfterReview(Column column, int passed, bool withdrawal, out int nextLevel)
    {
        if (passed < column.ReviewLevels)
        {
            nextLevel = passed + 1;
            return ItemStatus.Submitted;
        }
        nextLevel = 0;
        return column.RequiresConfidentialityReview && !withdrawal && passed <= column.ReviewLevels ? ItemStatus.ConfidentialityReview : ItemStatus.Approved;
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

    /// <summary>What the gate checks: the pending revision's text when there is one.</summary>
    public async Task<QualityInput> GateInputAsync(LibraryItem item, CancellationToken ct) =>
        item.RevisionVersion is null ? GateInput(item) : GateInput(await library.WorkingCopyAsync(item, ct)) with { ItemDateUtc = library.Now };

    /// <summary>
    /// The part of an item that moves through review: the item itself until it is published, then
    /// its pending revision. The steps read and write the stage, so one set of rules serves both.
    /// </summary>
    private sealed class Stage(LibraryItem item)
    {
        public bool IsRevision { get; } = item.RevisionStatus is not null;

        public bool IsWithdrawal => IsRevision && item.RevisionKind == RevisionKind.Withdrawal;

        public ItemStatus Status
        {
            get => IsRevision ? item.RevisionStatus!.Value : item.Status;
            set
            {
                if (IsRevision)
                {
                    item.RevisionStatus = value;
                }
                else
                {
                    item.Status = value;
                }
            }
        }

        public int Level
        {
            get => IsRevision ? item.RevisionLevel : item.ReviewLevel;
            set
            {
                if (IsRevision)
                {
                    item.RevisionLevel = value;
                }
                else
                {
                    item.ReviewLevel = value;
                }
            }
        }

        public int? SubmittedById
        {
            get => IsRevision ? item.RevisionSubmittedById : item.SubmittedById;
            set
            {
                if (IsRevision)
                {
                    item.RevisionSubmittedById = value;
                }
                else
                {
                    item.SubmittedById = value;
                }
            }
        }

        /// <summary>Who wrote what is under review: the item's creator, or the revision's.</summary>
        public int? AuthorId => IsRevision ? item.RevisedById : item.CreatedById;
    }

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
