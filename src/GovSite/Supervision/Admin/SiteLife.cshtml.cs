using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>One site's life: its status and history, going online or offline, closing, and moving into another site with its URL map and proof.</summary>
[RequestSizeLimit(MaxImportBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes + 64 * 1024)]
public sealed class SiteLifeModel(SiteAccess access, GovSiteDb db, SiteLifecycle lifecycle, SiteMoves moves) : SupervisionPage(access, db)
{
    /// <summary>Largest address table taken at once (a site of some hundred thousand pages).</summary>
    public const int MaxImportBytes = 16 * 1024 * 1024;

    public Site Site { get; private set; } = null!;
    public List<SiteLifecycleEvent> Events { get; private set; } = [];
    public SiteNotice? SiteNotice { get; private set; }
    public SiteMigration? Migration { get; private set; }
    public string? TargetName { get; private set; }
    public List<UrlMapping> Map { get; private set; } = [];
    public int ProofEntries { get; private set; }
    public int ProofMatched { get; private set; }
    public List<ImportProblem> Problems { get; private set; } = [];

    [BindProperty]
    public OfflineInput Offline { get; set; } = new();

    [BindProperty]
    public ClosureInput Closure { get; set; } = new();

    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public MigrationKind Kind { get; set; } = MigrationKind.Integration;

    [BindProperty]
    public MappingInput Line { get; set; } = new();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var site = await Db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return false;
        }
        Site = site;
        Events = await Db.SiteLifecycleEvents.AsNoTracking().Where(e => e.SiteId == id).OrderBy(e => e.Id).ToListAsync(ct);
        SiteNotice = await Db.SiteNotices.AsNoTracking().FirstOrDefaultAsync(n => n.SiteId == id, ct);
        Migration = await moves.CurrentAsync(id, ct);
        if (Migration is not null)
        {
            TargetName = await Db.Sites.AsNoTracking().Where(s => s.Id == Migration.TargetSiteId).Select(s => s.Name).FirstAsync(ct);
            Map = await Db.UrlMappings.AsNoTracking().Where(m => m.MigrationId == Migration.Id).OrderBy(m => m.Kind).ThenBy(m => m.OldPath).Take(2000).ToListAsync(ct);
            var proof = Db.MigrationProofEntries.AsNoTracking().Where(p => p.MigrationId == Migration.Id);
            ProofEntries = await proof.CountAsync(ct);
            ProofMatched = await proof.CountAsync(p => p.Match, ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return lifecycle.Supervises(Site.RegionId) || Access.CanAdministerSite(id) ? Page() : Forbid();
    }

    private async Task<IActionResult> AfterAsync<T>(int id, SaveResult<T> result, string done, string prefix, CancellationToken ct) where T : class
    {
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, prefix, new Dictionary<string, string> { ["Status"] = "", ["Target"] = nameof(Target), ["Proof"] = "" });
            await LoadAsync(id, ct);
            return Page();
        }
        Notice = done;
        return LocalRedirect($"/admin/supervision/lifecycle/{id}");
    }

    public async Task<IActionResult> OnPostOnlineAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await lifecycle.GoOnlineAsync(id, ct), "网站已上线。", "", ct);

    public async Task<IActionResult> OnPostOfflineAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await lifecycle.TakeOfflineAsync(id, Offline, ct), "网站已临时下线，访问者将看到下线公告。", nameof(Offline), ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await lifecycle.CloseAsync(id, Closure, ct), "网站已关停，此后只显示关停公告。", nameof(Closure), ct);

    private async Task<string> CodeAsync(int id, CancellationToken ct) => await Db.Sites.AsNoTracking().Where(s => s.Id == id).Select(s => s.Code).FirstAsync(ct);

    public async Task<IActionResult> OnPostMigrateAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await moves.PrepareAsync(await CodeAsync(id, ct), new MigrationInput { Target = Target, Kind = Kind }, ct),
            "内容已放入承接网站，网址对照表已生成。核对后即可完成迁移。", "", ct);

    public async Task<IActionResult> OnPostLineAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await moves.PrepareAsync(await CodeAsync(id, ct), new MigrationInput { Mappings = [Line] }, ct), "对照行已保存。", "", ct);

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择 CSV 文件（每行：旧地址,新地址）");
            await LoadAsync(id, ct);
            return Page();
        }
        await using var upload = file.OpenReadStream();
        var (text, problem) = await UploadedText.ReadAsync(upload, file.FileName, "CSV", MaxImportBytes, UploadedText.MaxLineChars, ct);
        if (problem is not null)
        {
            ModelState.AddModelError("file", problem);
            await LoadAsync(id, ct);
            return Page();
        }
        await using var stream = UploadedText.AsStream(text!);
        var (result, problems) = await moves.ImportCsvAsync(await CodeAsync(id, ct), stream, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded || problems.Count > 0)
        {
            AddErrors(result.Errors, "", new Dictionary<string, string> { ["Status"] = "" });
            await LoadAsync(id, ct);
            Problems = problems;
            return Page();
        }
        Notice = "对照表已导入。";
        return LocalRedirect($"/admin/supervision/lifecycle/{id}");
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await moves.CompleteAsync(await CodeAsync(id, ct), Closure, ct), "迁移已完成，迁移证明已生成，原网站已关停。", nameof(Closure), ct);
}
