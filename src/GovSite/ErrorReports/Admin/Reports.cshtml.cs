using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.ErrorReports.Admin;

/// <summary>
/// The 找错 reports a site handles, open ones first by due date; entry of a report from the
/// national platform and import of the platform's CSV export.
/// </summary>
[RequestSizeLimit(GovSiteApp.MaxRequestBytes)]
public sealed class ReportsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, ErrorReportService reports) : AdminPageModel(access)
{
    public const int PageSize = 30;

    [FromRoute]
    public int Id { get; set; }

    [FromQuery]
    public string? Filter { get; set; }

    [BindProperty]
    public ErrorReportInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Csv { get; set; }

    public List<ErrorReport> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public List<SelectListItem> FilterChoices { get; private set; } = [];
    public List<SelectListItem> Kinds => [.. ErrorReportService.Kinds.Select(k => new SelectListItem(ErrorReportService.Label(k), k.ToString(), Input.Kind == k))];
    public DateOnly Today => reports.Today;
    public ImportOutcome? Imported { get; private set; }
    public ErrorReportReceipt? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct) => await LoadAsync(page, ct) ?? Page();

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (await LoadAsync(null, ct) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        var outcome = await reports.RecordNationalAsync(Id, Input, ct);
        if (outcome.Receipt is { } receipt)
        {
            Recorded = receipt;
            Input = new();
            await LoadAsync(null, ct);
            return Page();
        }
        AddErrors(outcome.Errors, "Input");
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (await LoadAsync(null, ct) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        if (Csv is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(Csv), "请选择从全国政府网站找错平台导出的 CSV 文件");
            return Page();
        }
        await using var upload = file.OpenReadStream();
        var (text, problem) = await Common.UploadedText.ReadAsync(upload, file.FileName, "CSV", ErrorReportService.MaxImportBytes, Common.UploadedText.MaxLineChars, ct);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Csv), problem);
            await LoadAsync(null, ct);
            return Page();
        }
        await using var stream = Common.UploadedText.AsStream(text!);
        Imported = await reports.ImportAsync(stream, ct);
        await LoadAsync(null, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int? page, CancellationToken ct)
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
        FilterChoices = [new("全部", ""), new("办理中", "open"), new("已超期", "overdue"), new("已办结", "closed")];
        FilterChoices.ForEach(f => f.Selected = f.Value == (Filter ?? ""));
        var today = reports.Today;
        var query = db.ErrorReports.AsNoTracking().Where(r => r.HandlingSiteId == Id || r.SiteId == Id);
        query = Filter switch
        {
            "open" => query.Where(r => r.Status == ErrorReportStatus.Open),
            "overdue" => query.Where(r => r.Status == ErrorReportStatus.Open && r.DueDate < today),
            "closed" => query.Where(r => r.Status != ErrorReportStatus.Open),
            _ => query,
        };
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/error-reports", Request.Query);
        Rows = await query.OrderBy(r => r.Status != ErrorReportStatus.Open).ThenBy(r => r.DueDate).ThenByDescending(r => r.Id)
            .Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return null;
    }
}
