using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation.Admin;

public sealed class ConsultationModerateModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, ConsultationService consultations)
    : ParticipationAdminPage(access, directory)
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public string? SummaryText { get; set; }

    public Consultation Consultation { get; private set; } = null!;
    public List<ConsultationComment> Comments { get; private set; } = [];
    public SummaryState Summary { get; private set; }
    public DateOnly Due { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var refused = await LoadAsync(ct);
        if (refused is null)
        {
            SummaryText = Consultation.Summary;
        }
        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostModerateAsync(int commentId, bool approve, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var result = await consultations.ModerateAsync(SiteId, commentId, approve, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (result.Value!.ConsultationId != Id)
        {
            return NotFound();
        }
        Notice = approve ? "意见已公开" : "意见已设为不予公开";
        return LocalRedirect($"{Base}/consultations/{Id}");
    }

    public async Task<IActionResult> OnPostSummaryAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var result = await consultations.PublishSummaryAsync(SiteId, Id, SummaryText, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "", new Dictionary<string, string> { ["Summary"] = nameof(SummaryText) });
            return Page();
        }
        Notice = "意见采纳情况已发布";
        return LocalRedirect($"{Base}/consultations/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (UseSite() is { } refused)
        {
            return refused;
        }
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.SiteId == SiteId, ct);
        if (c is null)
        {
            return NotFound();
        }
        Consultation = c;
        Comments = await db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == Id && x.SiteId == SiteId)
            .OrderBy(x => x.Status == ModerationStatus.Pending ? 0 : 1).ThenByDescending(x => x.CreatedAt).Take(500).ToListAsync(ct);
        Summary = consultations.Summary(c);
        Due = consultations.SummaryDue(c);
        return null;
    }
}
