using System.Globalization;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.AnnualReports.Admin;

/// <summary>One site's report for a year: fill in what is entered by hand, submit; the supervising office returns or approves.</summary>
public sealed class AnnualReportModel(SiteAccess access, SiteDirectory sites, AnnualReportService reports) : AdminPageModel(access)
{
    public AnnualReportView Report { get; private set; } = null!;
    public bool CanFillIn { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }

    /// <summary>Numbers of this year and last year for the comparison chart (computed figures only).</summary>
    public List<(string Label, double ThisYear, double LastYear)> Comparison { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, int year, CancellationToken ct) =>
        await LoadAsync(code, year, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string code, int year, CancellationToken ct, AnnualReportView? view = null)
    {
        if (sites.FindByCode(code) is not { } site || !Access.CanSee(site.Id) || (view ?? await reports.GetAsync(site, year, ct)) is not { } report)
        {
            return false;
        }
        WorkingSite = site;
        Report = report;
        CanFillIn = reports.CanFillIn(site.Id) && ReportWorkflow.IsEditable(report.Report.Status);
        CanSubmit = Access.CanAdministerSite(site.Id) && ReportWorkflow.IsEditable(report.Report.Status);
        CanReview = report.Report.Status == ReportStatus.Submitted && await reports.CanReviewAsync(site.Id, ct);
        var last = await reports.ComputeAsync(site, year - 1, ct);
        Comparison = [.. report.Lines.Where(l => l.Type == FieldType.Number && l.Source == FieldSource.Computed && !l.Key.StartsWith("header.", StringComparison.Ordinal)
                && double.TryParse(l.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(l => (l.Label.Split('（')[0], double.Parse(l.Value, CultureInfo.InvariantCulture),
                double.TryParse(last.GetValueOrDefault(l.Key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0))];
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
        if (sites.FindByCode(code) is not { } site || !Access.CanSee(site.Id))
        {
            return NotFound();
        }
        var result = await reports.SaveEnteredAsync(site, year, Values, ct);
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

    public Task<IActionResult> OnPostSubmitAsync(string code, int year, CancellationToken ct) => StepAsync(code, year, ReportWorkflow.Action.Submit, "已报送主管单位", ct);

    public Task<IActionResult> OnPostReturnAsync(string code, int year, CancellationToken ct) => StepAsync(code, year, ReportWorkflow.Action.Return, "已退回", ct);

    public Task<IActionResult> OnPostApproveAsync(string code, int year, CancellationToken ct) => StepAsync(code, year, ReportWorkflow.Action.Approve, "已审核通过并发布", ct);

    private async Task<IActionResult> StepAsync(string code, int year, ReportWorkflow.Action action, string done, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !Access.CanSee(site.Id))
        {
            return NotFound();
        }
        var result = await reports.StepAsync(site, year, action, Reason, AnnualReportsApi.PublicUrl(site, year), ct);
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
            AddErrors(result.Errors, nameof(Values), names);
            await LoadAsync(code, year, ct);
            return Page();
        }
        Notice = done;
        return RedirectToPage(new { code, year });
    }

    /// <summary>Each line's form field name, so a message shows beside its field.</summary>
    private static Dictionary<string, string> FieldNames(AnnualReportView? report) =>
        report?.Lines.ToDictionary(l => l.Key, l => $"Values[{l.Key}]") ?? [];

    public static string Id(string key) => "f-" + key.Replace('.', '-');
}
