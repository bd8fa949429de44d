using GovSite.Accounts;
using GovSite.Admin;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Monitoring.Platform.Admin;

/// <summary>批量添加: a CSV file of url,name,region; each bad line is reported and skipped.</summary>
public sealed class ImportModel(SiteAccess access, MonitoredSiteRegistry registry) : AdminPageModel(access)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public SiteImportReport? Result { get; private set; }

    public IActionResult OnGet() => MonitoringAccess.Supervises(Access) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!MonitoringAccess.Supervises(Access))
        {
            return Forbid();
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要上传的 CSV 文件");
            return Page();
        }
        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("file", "文件过大（上限 2 MB），请分批上传");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Result = await registry.ImportCsvAsync(stream, ct);
        return Page();
    }
}
