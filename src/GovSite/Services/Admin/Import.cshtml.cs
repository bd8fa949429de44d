using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services.Admin;

/// <summary>
/// Imports from the provincial service hall: the sources (platform admins set them up: where the
/// export lies, its format and mapping), running one now or uploading an export, and the runs with
/// what each changed. A source's site admins may run and upload.
/// </summary>
[RequestSizeLimit(ServicesSetup.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ServicesSetup.MaxUploadBytes)]
public sealed class ImportModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, ServiceImporter importer) : AdminPageModel(access)
{
    public sealed record RunRow(int Id, string Source, DateTime StartedAt, string? StartedBy, int Rows, int Added, int Updated, int Withdrawn, int Rejected,
        int Incomplete, int MissingHallLinks, string? Error);

    public List<ServiceImportSource> Sources { get; private set; } = [];
    public List<RunRow> Runs { get; private set; } = [];

    [BindProperty]
    public IFormFile? Export { get; set; }

    [BindProperty]
    public bool AllowMassWithdrawal { get; set; }

    public string SiteName(int siteId) => directory.FindById(siteId)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(int sourceId, CancellationToken ct)
    {
        var source = await db.ServiceImportSources.FirstOrDefaultAsync(s => s.Id == sourceId, ct);
        if (source is null)
        {
            return NotFound();
        }
        if (!importer.CanRun(source))
        {
            return Forbid();
        }
        ServiceImportRun run;
        if (Export is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            run = await importer.ImportAsync(source, stream, AllowMassWithdrawal, ct);
            if (run.Error is not null)
            {
                // A file refused as a whole (not text, over the limit): said under the field, on the
                // form as it was sent; the failed run stays in the list.
                ModelState.AddModelError(nameof(Export), $"导入文件“{Path.GetFileName(file.FileName.Replace('\\', '/'))}”未导入：{run.Error}");
                await LoadAsync(ct);
                return Page();
            }
        }
        else if (source.Location is null)
        {
            ModelState.AddModelError(nameof(Export), $"数据源“{source.Name}”没有数据地址，请选择要上传的导出文件");
            await LoadAsync(ct);
            return Page();
        }
        else
        {
            run = await importer.RunAsync(source, AllowMassWithdrawal, ct);
        }
        Notice = run.Error is null
            ? $"导入完成：新增 {run.Added}，更新 {run.Updated}，撤下 {run.Withdrawn}，未变 {run.Unchanged}，拒收 {run.Rejected}"
            : $"导入未完成：{run.Error}";
        return Redirect($"/admin/services/import/runs/{run.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sources = await db.ServiceImportSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        Sources = [.. sources.Where(s => Access.Unrestricted || Access.CanSee(s.SiteId))];
        var ids = Sources.Select(s => s.Id).ToList();
        var names = Sources.ToDictionary(s => s.Id, s => s.Name);
        var runs = await db.ServiceImportRuns.AsNoTracking().Where(r => ids.Contains(r.SourceId)).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(30)
            .Select(r => new { r.Id, r.SourceId, r.StartedAt, r.StartedBy, r.Rows, r.Added, r.Updated, r.Withdrawn, r.Rejected, r.Incomplete, r.MissingHallLinks, r.Error })
            .ToListAsync(ct);
        Runs = [.. runs.Select(r => new RunRow(r.Id, names[r.SourceId], r.StartedAt, r.StartedBy, r.Rows, r.Added, r.Updated, r.Withdrawn, r.Rejected,
            r.Incomplete, r.MissingHallLinks, r.Error))];
    }
}
