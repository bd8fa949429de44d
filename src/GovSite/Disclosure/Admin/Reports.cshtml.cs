using System.Globalization;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Disclosure.Admin;

/// <summary>
/// 政府信息公开工作年度报告 in the back office: the draft table as it stands (counted cells from the
/// platform, hand-entered ones marked), the cells only people know, the texts, the arithmetic check
/// and publication into the 政府信息公开年度报告 column.
/// </summary>
public sealed class ReportsModel(SiteAccess access, SiteDirectory directory, ReportService reports, RequestService requests) : AdminPageModel(access)
{
    [FromRoute]
    public int Id { get; set; }

    [FromQuery]
    public int? Year { get; set; }

    public int ReportYear { get; private set; }
    public ReportContent Report { get; private set; } = null!;
    public DisclosureReport? Stored { get; private set; }
    public List<string> Problems { get; private set; } = [];
    public bool CanEdit => reports.CanEdit(Id);

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        var result = await reports.SaveAsync(Id, ReportYear, Input, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input");
            return Page();
        }
        Notice = "已保存草稿";
        return LocalRedirect($"/admin/sites/{Id}/disclosure/reports?year={ReportYear.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        var result = await reports.PublishAsync(Id, ReportYear, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "");
            return Page();
        }
        Notice = result.Value!.Status == ReportStatus.Published ? "年度报告已发布到“政府信息公开年度报告”栏目" : "年度报告已提交栏目审核";
        return LocalRedirect($"/admin/sites/{Id}/disclosure/reports?year={ReportYear.ToString(CultureInfo.InvariantCulture)}");
    }

    public string Value(string key) =>
        Input.Manual.TryGetValue(key, out var typed) ? typed ?? ""
        : Report.Figures.IsManual(key) ? Report.Figures.Get(key).ToString("0.####", CultureInfo.InvariantCulture) : "";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        if (!Access.CanSee(Id))
        {
            return Forbid();
        }
        // Reports are written in January for the year before.
        ReportYear = Year ?? requests.Today.Year - 1;
        if (ReportYear < 2008 || ReportYear > requests.Today.Year)
        {
            return NotFound();
        }
        Stored = await reports.FindAsync(Id, ReportYear, ct);
        Report = (await reports.ContentAsync(Id, ReportYear, draftAllowed: true, ct))!;
        Problems = Report.Figures.Check();
        if (Request.Method == "GET")
        {
            Input = new ReportInput { Overview = Report.Overview, Problems = Report.Problems, Other = Report.Other };
        }
        return null;
    }
}
