using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>One counterfeit case: evidence and handling steps (报告网信/公安, 关停, 公告) with dates.</summary>
public sealed class CounterfeitModel(SiteAccess access, GovSiteDb db, Counterfeits counterfeits, TimeProvider clock) : SupervisionPage(access, db)
{
    public CounterfeitCase Case { get; private set; } = null!;
    public string? Imitated { get; private set; }
    public List<CounterfeitEvidence> Evidence { get; private set; } = [];
    public List<CounterfeitStep> Steps { get; private set; } = [];

    [BindProperty]
    public CounterfeitStepInput Step { get; set; } = new();

    [BindProperty]
    public string? NewEvidence { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var c = await Db.CounterfeitCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return false;
        }
        Case = c;
        Imitated = c.ImitatedSiteId is int s ? await Db.Sites.AsNoTracking().Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Evidence = await Db.CounterfeitEvidence.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(ct);
        Steps = await Db.CounterfeitSteps.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);
        Step.Date ??= DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<IActionResult> AfterAsync(int id, SaveResult<CounterfeitCase> result, string done, string prefix, CancellationToken ct)
    {
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, prefix, new Dictionary<string, string> { ["Status"] = "", ["Evidence"] = nameof(NewEvidence) });
            await LoadAsync(id, ct);
            return Page();
        }
        Notice = done;
        return LocalRedirect($"/admin/supervision/counterfeits/{id}");
    }

    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await counterfeits.AddStepAsync(id, Step, ct), "处置步骤已登记。", nameof(Step), ct);

    public async Task<IActionResult> OnPostEvidenceAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await counterfeits.AddEvidenceAsync(id, NewEvidence, ct), "证据已添加。", "", ct);
}
