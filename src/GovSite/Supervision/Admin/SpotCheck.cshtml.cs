using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>One round: its sample and their sheets, closing with rectification orders, and the 通报 (draft, edit, publish).</summary>
public sealed class SpotCheckModel(SiteAccess access, GovSiteDb db, SpotChecks spotChecks, Assessments sheets, Notices notices,
    Sites.SiteDirectory directory) : SupervisionPage(access, db)
{
    public sealed record Row(Assessment Sheet, string Name, string Url);

    public SpotCheckRound Round { get; private set; } = null!;
    public string RegionName { get; private set; } = "";
    public List<Row> Rows { get; private set; } = [];
    public SupervisionNotice? NoticeDraft { get; private set; }
    public RoundFigures? Figures { get; private set; }
    public string? PortalUrl { get; private set; }

    [BindProperty]
    public int WorkingDays { get; set; } = 10;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await Db.SpotCheckRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return false;
        }
        Round = round;
        RegionName = await Db.Regions.AsNoTracking().Where(r => r.Id == round.RegionId).Select(r => r.Name).FirstAsync(ct);
        var list = await Db.Assessments.AsNoTracking().Where(a => a.RoundId == id).OrderBy(a => a.Stratum).ThenBy(a => a.Id).ToListAsync(ct);
        var ids = list.Select(a => a.MonitoredSiteId).ToList();
        var names = await Db.MonitoredSites.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        Rows = [.. list.Select(a => new Row(a, names[a.MonitoredSiteId].Name, names[a.MonitoredSiteId].Url))];
        NoticeDraft = await Db.SupervisionNotices.AsNoTracking().FirstOrDefaultAsync(n => n.RoundId == id, ct);
        if (NoticeDraft is not null)
        {
            Figures = System.Text.Json.JsonSerializer.Deserialize<RoundFigures>(NoticeDraft.Figures);
            Title ??= NoticeDraft.Title;
            Body ??= NoticeDraft.Body;
            if (NoticeDraft.PortalSiteId is int p && directory.FindById(p) is { } portal)
            {
                PortalUrl = $"/sites/{portal.Code}/supervision/notices/{NoticeDraft.Id}";
            }
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<IActionResult> AfterAsync<T>(int id, SaveResult<T> result, string done, CancellationToken ct) where T : class
    {
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "", new Dictionary<string, string> { ["Status"] = "", ["WorkingDays"] = nameof(WorkingDays), ["Title"] = nameof(Title), ["Body"] = nameof(Body) });
            await LoadAsync(id, ct);
            return Page();
        }
        Notice = done;
        return LocalRedirect($"/admin/supervision/spot-checks/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await spotChecks.CloseAsync(id, WorkingDays, ct), "本轮抽查已结束，已向不合格网站下发整改通知。", ct);

    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await notices.DraftAsync(id, redraft: true, ct), "已根据抽查结果生成通报草稿。", ct);

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await notices.SaveAsync(id, Title, Body, ct), "通报草稿已保存。", ct);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await notices.PublishAsync(id, ct), "通报已在门户网站发布，PDF 已存档。", ct);

    public async Task<IActionResult> OnPostRecheckAsync(int id, int sheet, CancellationToken ct) =>
        await AfterAsync(id, await sheets.RecheckAsync(sheet, ct), "已重新排队检测。", ct);

    public static string StatusLabel(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Waiting => "等待检测",
        AssessmentStatus.Checked => "待签字",
        _ => "已签字",
    };
}
