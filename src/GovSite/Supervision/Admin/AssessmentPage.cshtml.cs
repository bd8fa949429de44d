using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Supervision.Admin;

/// <summary>考评表: every indicator line with where its number came from; inspectors review the checker's evidence, add findings, sign.</summary>
public sealed class AssessmentPageModel(SiteAccess access, GovSiteDb db, Assessments sheets) : SupervisionPage(access, db)
{
    public AssessmentView View { get; private set; } = null!;

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    [BindProperty]
    public string? Comment { get; set; }

    public bool CanEdit => View.Assessment.Status != AssessmentStatus.Confirmed && sheets.Supervises(View.Assessment.RegionId);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await sheets.LoadAsync(id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<IActionResult> AfterAsync(int id, SaveResult<Assessment> result, string done, string prefix, CancellationToken ct)
    {
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, prefix, new Dictionary<string, string> { ["Status"] = "", ["Key"] = "", ["Comment"] = nameof(Comment) });
            await LoadAsync(id, ct);
            return Page();
        }
        Notice = done;
        return LocalRedirect($"/admin/supervision/assessments/{id}");
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, string key, bool upheld, CancellationToken ct) =>
        await AfterAsync(id, await sheets.ReviewAsync(id, key, upheld, Comment, ct), upheld ? "已确认该检测结果。" : "已推翻该检测结果，得分已重新计算。", "", ct);

    public async Task<IActionResult> OnPostEntryAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await sheets.AddEntryAsync(id, Entry, ct), "已补充检查发现，得分已重新计算。", nameof(Entry), ct);

    public async Task<IActionResult> OnPostRemoveEntryAsync(int id, int entry, CancellationToken ct) =>
        await AfterAsync(id, await sheets.RemoveEntryAsync(id, entry, ct), "已删除该条补充发现。", "", ct);

    public async Task<IActionResult> OnPostServicesAsync(int id, string? without, CancellationToken ct) =>
        await AfterAsync(id, await sheets.SetWithoutServicesAsync(id, without switch { "yes" => true, "no" => false, _ => null }, ct), "已更新。", "", ct);

    public async Task<IActionResult> OnPostSignAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await sheets.SignAsync(id, ct), "考评表已签字确认。", "", ct);

    public async Task<IActionResult> OnPostRecheckAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await sheets.RecheckAsync(id, ct), "已重新排队检测。", "", ct);

    public string SourceText(ScoreLine line)
    {
        var parts = new List<string>();
        if (line.CheckerCount > 0)
        {
            parts.Add(line.Kind == IndicatorKind.Bonus ? "检测程序发现" : $"检测程序 {line.CheckerCount} 处");
        }
        if (line.Person > 0 || line.Sources.Any(s => s.StartsWith("entry:", StringComparison.Ordinal)))
        {
            parts.Add("人工认定");
        }
        return parts.Count == 0 ? "—" : string.Join("，", parts);
    }
}
