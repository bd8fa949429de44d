using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.ErrorReports.Admin;

/// <summary>One 找错 report: answer it, or forward it to the site the page belongs to.</summary>
public sealed class ReportModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, ErrorReportService reports) : AdminPageModel(access)
{
    [FromRoute]
    public int Id { get; set; }

    public ErrorReport Report { get; private set; } = null!;
    public List<DeadlineAlert> Alerts { get; private set; } = [];
    public List<SelectListItem> Sites { get; private set; } = [];
    public bool CanHandle => reports.CanHandle(Report.HandlingSiteId);
    public DateOnly Today => reports.Today;

    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public int TargetSiteId { get; set; }
    [BindProperty] public string? Note { get; set; }

    public string SiteName(int id) => directory.FindById(id)?.Name ?? $"#{id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) => ActAsync(reports.ReplyAsync(Id, Reply, ct), "已答复并办结", ct);

    public Task<IActionResult> OnPostForwardAsync(CancellationToken ct) =>
        ActAsync(reports.ForwardAsync(Id, TargetSiteId, Note, ct), "已转交问题所属的网站", ct);

    private async Task<IActionResult> ActAsync(Task<SaveResult<ErrorReport>> action, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await action;
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (result.Succeeded)
        {
            Notice = done;
            return LocalRedirect($"/admin/error-reports/{Id}");
        }
        AddErrors(result.Errors, "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.ErrorReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct) is not { } report)
        {
            return false;
        }
        Report = report;
        WorkingSite = directory.FindById(Access.CanSee(report.HandlingSiteId) ? report.HandlingSiteId : report.SiteId);
        Alerts = await db.DeadlineAlerts.AsNoTracking().Where(a => a.Work == ErrorReportDeadlines.Work && a.ItemId == Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        Sites = [.. directory.All.Where(s => s.Id != report.HandlingSiteId).OrderBy(s => s.Name).Take(2000)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == TargetSiteId))];
        return true;
    }
}
