using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
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
        await using var upload = file.OpenReadStream();
        var (text, problem) = await UploadedText.ReadAsync(upload, file.FileName, "CSV", MaxBytes, UploadedText.MaxLineChars, ct);
        if (problem is not null)
        {
            ModelState.AddModelError("file", problem);
            return Page();
        }
        await using var stream = UploadedText.AsStream(text!);
        Result = await registry.ImportCsvAsync(stream, ct);
        return Page();
    }
}
