using GovSite.Accounts;
using GovSite.Admin;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.AnnualReports.Admin;

/// <summary>A region's 监管年度报表 for a year: the office fills in training and the sign-off and submits; the office above returns or approves.</summary>
public sealed class SupervisionReportModel(SiteAccess access, SupervisionReportService reports) : AdminPageModel(access)
{
    public SupervisionReportView Report { get; private set; } = null!;
    public bool CanFillIn { get; private set; }
    public bool CanReview { get; private set; }

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, int year, CancellationToken ct) =>
        await LoadAsync(code, year, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string code, int year, CancellationToken ct, SupervisionReportView? view = null)
    {
        if (await reports.RegionAsync(code, ct) is not { } region || !(reports.CanSee(region) || reports.CanReview(region))
            || (view ?? await reports.GetAsync(region, year, ct)) is not { } report)
        {
            return false;
        }
        Report = report;
        CanFillIn = reports.CanSee(region) && ReportWorkflow.IsEditable(report.Report.Status);
        CanReview = report.Report.Status == ReportStatus.Submitted && reports.CanReview(region);
        if (view is null)
        {
            foreach (var line in report.Lines.Where(l => l.Source != FieldSource.Computed))
            {
                Values[line.Key] = line.Value;
            }
        }
        return true;
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, int year, CancellationToken ct)
    {
        if (await reports.RegionAsync(code, ct) is not { } region)
        {
            return NotFound();
        }
        var result = await reports.SaveEnteredAsync(region, year, Values, ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (!result.Errors.IsValid)
        {
            // The form keeps what was typed; each message shows beside its field.
            AddErrors(result.Errors, nameof(Values), FieldNames(result.Report));
            await LoadAsync(code, year, ct, result.Report);
            return Page();
        }
        Notice = "已保存";
        return RedirectToPage(new { code, year });
    }

    public Task<IActionResult> OnPostSubmitAsync(string code, int year, CancellationToken ct) => StepAsync(code, year, ReportWorkflow.Action.Submit, "已报送", ct);

    public Task<IActionResult> OnPostReturnAsync(string code, int year, CancellationToken ct) => StepAsync(code, year, ReportWorkflow.Action.Return, "已退回", ct);

    public Task<IActionResult> OnPostApproveAsync(string code, int year, CancellationToken ct) => StepAsync(code, year, ReportWorkflow.Action.Approve, "已审核通过并发布", ct);

    private async Task<IActionResult> StepAsync(string code, int year, ReportWorkflow.Action action, string done, CancellationToken ct)
    {
        if (await reports.RegionAsync(code, ct) is not { } region)
        {
            return NotFound();
        }
        var result = await reports.StepAsync(region, year, action, Reason, ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (!result.Errors.IsValid)
        {
            var names = FieldNames(result.Report);
            names["reason"] = nameof(Reason);
            names["status"] = "";
            names["portal"] = "";
            AddErrors(result.Errors, nameof(Values), names);
            await LoadAsync(code, year, ct);
            return Page();
        }
        Notice = done;
        return RedirectToPage(new { code, year });
    }

    private static Dictionary<string, string> FieldNames(SupervisionReportView? report) =>
        report?.Lines.ToDictionary(l => l.Key, l => $"Values[{l.Key}]") ?? [];
}
