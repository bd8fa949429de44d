using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Publishing.Quality;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>
/// One library item: its content form, the workflow buttons the caller may press, the quality
/// findings at their places, the trail, versions, placements and reprint orders.
/// </summary>
public sealed class ItemModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, LibraryService library, Workflow workflow,
    Reprints reprints, QualityGate gate, Publishing.Files.FileService files) : ItemFormModel(access, db, directory)
{
    public sealed record Placement(int ArticleId, string SiteName, string SiteCode, string ColumnName, ArticleStatus Status, string? IndexNumber, bool Reprint);
    public sealed record Order(int Id, DateTime Deadline, string? Note, List<Reprints.OrderProgress> Sites);

    public LibraryItem? Item { get; private set; }

    /// <summary>The text being worked on: the pending revision's when there is one, else the item's own.</summary>
    public LibraryItem? Working { get; private set; }
    public List<SelectListItem> OtherSites { get; private set; } = [];
    public List<SelectListItem> LowerSites { get; private set; } = [];
    public IReadOnlyList<QualityFinding> Findings { get; private set; } = [];
    public string BodyText { get; private set; } = "";
    public List<ItemTransition> Trail { get; private set; } = [];
    public List<ItemVersion> Versions { get; private set; } = [];
    public List<Placement> Placements { get; private set; } = [];
    public List<Order> Orders { get; private set; } = [];
    public List<Publishing.Files.FileLink> Attachments { get; private set; } = [];
    public override bool CanEdit => library.CanEdit(Item!);
    public bool IsEditor => library.IsEditor(WorkingSite!.Id);
    public bool IsSiteAdmin => Access.HasRole(WorkingSite!.Id, Role.SiteAdmin);

    /// <summary>Where the text under review stands: the revision's stage, or the item's own.</summary>
    public ItemStatus Stage => Item!.RevisionStatus ?? Item.Status;
    public bool HasRevision => Item!.RevisionStatus is not null;
    public bool IsWithdrawalRequest => Item!.RevisionKind == RevisionKind.Withdrawal;

    /// <summary>The home column asks for no review: editors publish directly and a revision is published on save.</summary>
    public bool Direct { get; private set; }

    public bool CanReview => Stage switch
    {
        ItemStatus.Submitted => Access.HasRole(Item!.OwnerSiteId, Role.Reviewer) || IsSiteAdmin,
        ItemStatus.ConfidentialityReview => Access.HasRole(Item!.OwnerSiteId, Role.ConfidentialityReviewer) || IsSiteAdmin,
        _ => false,
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        Input = ItemInput.From(Working!);
        // Reviewers see the gate's findings at their places before deciding.
        if (Stage is ItemStatus.Submitted or ItemStatus.ConfidentialityReview or ItemStatus.Approved && !IsWithdrawalRequest)
        {
            Findings = await gate.CheckAsync(await workflow.GateInputAsync(Item!, ct), ct);
        }
        await LoadDetailsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var result = await library.UpdateAsync(id, Input, null, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadDetailsAsync(ct);
            return Page();
        }
        var saved = result.Value!;
        Notice = saved.VersionNumber == Item!.VersionNumber ? "内容没有变化，未生成新版本"
            : saved.RevisionStatus is not null ? $"已保存为第 {saved.VersionNumber} 版（待审修订）。前台仍显示已发布的第 {saved.PublishedVersion} 版，修订须按栏目流程审核发布后才替换"
            : saved.Status == ItemStatus.Published ? $"已保存并发布第 {saved.VersionNumber} 版（本栏目无需审核，已通过质量检查）"
            : $"已保存为第 {saved.VersionNumber} 版";
        return LocalRedirect($"/admin/library/{id}");
    }

    /// <summary>紧急更正: a site administrator publishes the pending revision now, with a reason, before its review.</summary>
    public Task<IActionResult> OnPostUrgentAsync(int id, string? reason, CancellationToken ct) =>
        StepAsync(id, workflow.UrgentAsync(id, reason, ct), "已紧急发布，原因已记入流程记录，并已通知审核人员复核", ct);

    public async Task<IActionResult> OnPostDiscardAsync(int id, string? comment, CancellationToken ct)
    {
        var result = await library.DiscardRevisionAsync(id, comment, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = result.Succeeded ? "已放弃修订，前台仍为已发布的版本" : string.Join("；", result.Errors.All.SelectMany(e => e.Value));
        return LocalRedirect($"/admin/library/{id}");
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => StepAsync(id, workflow.SubmitAsync(id, ct), "已提交审核", ct);

    public Task<IActionResult> OnPostApproveAsync(int id, string? comment, CancellationToken ct) =>
        StepAsync(id, workflow.ApproveAsync(id, comment, ct), "审核通过", ct);

    public Task<IActionResult> OnPostRejectAsync(int id, string? comment, CancellationToken ct) =>
        StepAsync(id, workflow.RejectAsync(id, comment, ct), "已退回修改", ct);

    public Task<IActionResult> OnPostPublishAsync(int id, DateTime? at, CancellationToken ct) =>
        StepAsync(id, workflow.PublishAsync(id, at is DateTime local ? ChinaTime.ToUtc(local) : null, ct), at is null ? "已发布" : "已设定定时发布", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, DateTime? at, string? comment, bool urgent, CancellationToken ct)
    {
        var step = await workflow.WithdrawAsync(id, at is DateTime local ? ChinaTime.ToUtc(local) : null, comment, urgent, ct);
        var done = step.Item is { Status: ItemStatus.Withdrawn } ? "已撤回"
            : step.Item is { WithdrawAt: not null } ? "已设定定时撤回"
            : "已提交撤回申请，审核通过后才从前台撤下";
        return await StepAsync(id, Task.FromResult(step), done, ct);
    }

    /// <summary>Uploads a file and adds it to the item's attachments: a new version, so the old ones keep their list.</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (file is null || file.Length == 0)
        {
            Notice = "请选择要上传的附件";
            return LocalRedirect($"/admin/library/{id}#attachments");
        }
        await using var stream = file.OpenReadStream();
        var uploaded = await files.UploadAsync(Item!.OwnerSiteId, file.FileName, stream, ct);
        if (Refusal(uploaded) is { } denied)
        {
            return denied;
        }
        if (!uploaded.Succeeded)
        {
            Notice = string.Join("；", uploaded.Errors.All.SelectMany(e => e.Value));
            return LocalRedirect($"/admin/library/{id}#attachments");
        }
        var input = ItemInput.From(Working!);
        input.Attachments = [.. input.Attachments ?? [], uploaded.Value!.Id];
        return await ChangeAttachmentsAsync(id, input, $"添加附件「{uploaded.Value.FileName}」", ct);
    }

    public async Task<IActionResult> OnPostDetachAsync(int id, int fileId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var input = ItemInput.From(Working!);
        input.Attachments = [.. (input.Attachments ?? []).Where(f => f != fileId)];
        return await ChangeAttachmentsAsync(id, input, "移除附件（历史版本中仍保留）", ct);
    }

    private async Task<IActionResult> ChangeAttachmentsAsync(int id, ItemInput input, string note, CancellationToken ct)
    {
        var result = await library.UpdateAsync(id, input, note, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = result.Succeeded
            ? $"{note}，已保存为第 {result.Value!.VersionNumber} 版" + (result.Value.RevisionStatus is not null ? "（待审修订，审核发布后前台才显示）" : "")
            : string.Join("；", result.Errors.All.SelectMany(e => e.Value));
        return LocalRedirect($"/admin/library/{id}#attachments");
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int version, CancellationToken ct)
    {
        var result = await library.RestoreAsync(id, version, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = !result.Succeeded ? string.Join("；", result.Errors.All.SelectMany(e => e.Value))
            : result.Value!.RevisionStatus is not null ? $"已把第 {version} 版的内容保存为第 {result.Value.VersionNumber} 版（待审修订），审核发布后前台才恢复"
            : $"已恢复第 {version} 版的内容，保存为第 {result.Value.VersionNumber} 版";
        return LocalRedirect($"/admin/library/{id}#versions");
    }

    public async Task<IActionResult> OnPostPlaceAsync(int id, string? siteCode, int? columnId, CancellationToken ct)
    {
        if (Directory.FindByCode(siteCode ?? "") is not { } site)
        {
            Notice = "请选择网站";
            return LocalRedirect($"/admin/library/{id}#placements");
        }
        var result = await reprints.PlaceAsync(id, site.Id, columnId, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = !result.Succeeded ? string.Join("；", result.Errors.All.SelectMany(e => e.Value))
            : result.Value!.Status == PlacementRequestStatus.Accepted ? $"已发布到「{site.Name}」" : $"已向「{site.Name}」提出转载请求，等待对方编辑处理";
        return LocalRedirect($"/admin/library/{id}#placements");
    }

    /// <param name="deadline">A date: the order is due by the end of that day, China time.</param>
    public async Task<IActionResult> OnPostOrderAsync(int id, List<int> siteIds, DateOnly? deadline, string? note, CancellationToken ct)
    {
        var result = await reprints.OrderAsync(id, siteIds, deadline is DateOnly day ? Common.Deadline.EndOfDay(day) : default, note, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = result.Succeeded ? $"已向 {siteIds.Count} 个网站下达转载要求" : string.Join("；", result.Errors.All.SelectMany(e => e.Value));
        return LocalRedirect($"/admin/library/{id}#orders");
    }

    /// <summary>The body's plain text cut at the findings, so each shows highlighted where it is.</summary>
    public List<(string Text, QualityFinding? Finding)> BodySegments()
    {
        var segments = new List<(string, QualityFinding?)>();
        var at = 0;
        foreach (var f in Findings.Where(f => f.Field == "body" && f.Length > 0).OrderBy(f => f.Start))
        {
            if (f.Start < at || f.Start + f.Length > BodyText.Length)
            {
                continue;
            }
            segments.Add((BodyText[at..f.Start], null));
            segments.Add((BodyText.Substring(f.Start, f.Length), f));
            at = f.Start + f.Length;
        }
        segments.Add((BodyText[at..], null));
        return segments;
    }

    public static string CodeLabel(string code) => QualityCodes.Label(code);

    private async Task<IActionResult> StepAsync(int id, Task<StepResult> step, string done, CancellationToken ct)
    {
        var result = await step;
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (result.Succeeded)
        {
            Notice = done;
            return LocalRedirect($"/admin/library/{id}");
        }
        // Show the page again with what stopped the step: the gate's findings or the rule broken.
        await LoadAsync(id, ct);
        Input = ItemInput.From(Working!);
        Findings = result.Findings;
        if (result.Blocked)
        {
            ModelState.AddModelError("", "质量检查发现须修改的问题（见下方“质量检查”），未能继续");
        }
        AddErrors(result.Errors, "");
        await LoadDetailsAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Item = await Db.LibraryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (Item is null)
        {
            return NotFound();
        }
        if (UseSite(Item.OwnerSiteId) is { } refused)
        {
            return refused;
        }
        Working = await library.WorkingCopyAsync(Item, ct);
        Direct = await library.IsDirectAsync(Item.HomeColumnId, Item.HomeColumnId, ct);
        return null;
    }

    private async Task LoadDetailsAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(Item?.Id, ct);
        var item = Item!;
        BodyText = HtmlSanitiser.ToPlainText(Working!.Body);
        Attachments = await files.AttachmentsOfItemAsync(item.Id, ct);
        if (Working!.Attachments != item.Attachments)
        {
            // The revision's list: files it adds are shown (staff may read their own site's files).
            var wanted = ItemContent.AttachmentIds(Working.Attachments);
            Attachments = await files.LinksAsync(item.OwnerSiteId, wanted, ct);
        }
        Trail = await Db.ItemTransitions.AsNoTracking().Where(t => t.ItemId == item.Id).OrderBy(t => t.Id).ToListAsync(ct);
        Versions = await Db.ItemVersions.AsNoTracking().Where(v => v.ItemId == item.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var placements = await Db.Articles.AsNoTracking().IgnoreQueryFilters().Where(a => a.ItemId == item.Id)
            .Select(a => new { a.Id, a.SiteId, a.ColumnId, a.Status, a.IndexNumber, a.ReprintedFromSiteId }).ToListAsync(ct);
        var columnIds = placements.Select(p => p.ColumnId).ToList();
        var columns = await Db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => columnIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Placements = [.. placements.Select(p => new Placement(p.Id, Directory.FindById(p.SiteId)?.Name ?? "", Directory.FindById(p.SiteId)?.Code ?? "",
            columns.GetValueOrDefault(p.ColumnId, ""), p.Status, p.IndexNumber, p.ReprintedFromSiteId is not null))];
        var orders = await Db.ReprintOrders.AsNoTracking().Where(o => o.ItemId == item.Id).OrderByDescending(o => o.Id).ToListAsync(ct);
        Orders = [];
        foreach (var o in orders)
        {
            Orders.Add(new Order(o.Id, o.DeadlineUtc, o.Note, await reprints.ProgressAsync(o.Id, ct)));
        }
        OtherSites = [.. Directory.All.Where(s => s.Id != item.OwnerSiteId).OrderBy(s => s.Code).Select(s => new SelectListItem($"{s.Name}（{s.Code}）", s.Code))];
        LowerSites = [.. Directory.All.Where(s => reprints.IsHigher(item.OwnerSiteId, s.Id)).OrderBy(s => s.Code)
            .Select(s => new SelectListItem($"{s.Name}（{s.Code}）", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
