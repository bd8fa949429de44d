using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>政务新媒体: the region's accounts with their latest figures (stale ones flagged), adding accounts, recording or importing figures.</summary>
public sealed class NewMediaPageModel(SiteAccess access, GovSiteDb db, NewMedia newMedia) : SupervisionPage(access, db)
{
    /// <summary>Largest CSV of figures taken at once, under the request limit of forms.</summary>
    public const int MaxImportBytes = 3 * 1024 * 1024;

    public List<NewMediaAccount> Accounts { get; private set; } = [];
    public Dictionary<int, string> Units { get; private set; } = [];
    public List<SelectListItem> UnitChoices { get; private set; } = [];
    public List<ImportProblem> Problems { get; private set; } = [];
    public DateOnly Today => newMedia.Today;

    [BindProperty]
    public NewMediaInput Input { get; set; } = new();

    [BindProperty]
    public FiguresInput Figures { get; set; } = new();

    public bool Stale(NewMediaAccount a) => newMedia.IsStale(a, Today);

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        await LoadAsync(region, ct);
        return Page();
    }

    private async Task LoadAsync(string? region, CancellationToken ct)
    {
        await LoadRegionsAsync(region, ct);
        var scope = Region is null ? [] : await RegionScope.WithDescendantsAsync(Db, Region.Id, ct);
        Accounts = await Db.NewMediaAccounts.AsNoTracking().Where(a => scope.Contains(a.RegionId)).OrderBy(a => a.OrganisationId).ThenBy(a => a.Id).ToListAsync(ct);
        var units = await Db.Organisations.AsNoTracking().Where(o => scope.Contains(o.RegionId)).OrderBy(o => o.Name).ToListAsync(ct);
        Units = units.ToDictionary(o => o.Id, o => o.Name);
        UnitChoices = [.. units.Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private async Task<IActionResult> AfterAsync(SaveResult<NewMediaAccount> result, string done, string prefix, CancellationToken ct)
    {
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, prefix);
            await LoadAsync(null, ct);
            return Page();
        }
        Notice = done;
        return LocalRedirect("/admin/supervision/new-media");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        await AfterAsync(await newMedia.SaveAsync(null, Input, ct), "账号已登记。", nameof(Input), ct);

    public async Task<IActionResult> OnPostFiguresAsync(int account, CancellationToken ct) =>
        await AfterAsync(await newMedia.RecordFiguresAsync(account, Figures, ct), "数据已录入。", nameof(Figures), ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择 CSV 文件");
            await LoadAsync(null, ct);
            return Page();
        }
        await using var upload = file.OpenReadStream();
        var (text, refused) = await UploadedText.ReadAsync(upload, file.FileName, "CSV", MaxImportBytes, UploadedText.MaxLineChars, ct);
        if (refused is not null)
        {
            ModelState.AddModelError("file", refused);
            await LoadAsync(null, ct);
            return Page();
        }
        await using var stream = UploadedText.AsStream(text!);
        var (recorded, problems) = await newMedia.ImportFiguresAsync(stream, ct);
        if (problems.Count > 0)
        {
            await LoadAsync(null, ct);
            Problems = problems;
            Notice = $"已导入 {recorded} 行，{problems.Count} 行未导入。";
            return Page();
        }
        Notice = $"已导入 {recorded} 行数据。";
        return LocalRedirect("/admin/supervision/new-media");
    }
}
