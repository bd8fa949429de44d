using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation.Admin;

/// <summary>The moderator's desk during an interview: choose questions, publish the guests' answers.</summary>
public sealed class InterviewModerateModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, InterviewService interviews)
    : ParticipationAdminPage(access, directory)
{
    [FromRoute]
    public int Id { get; set; }

    public Interview Interview { get; private set; } = null!;
    public List<InterviewQuestion> Pending { get; private set; } = [];
    public List<InterviewQuestion> Approved { get; private set; } = [];
    public int Rejected { get; private set; }

    public string FirstGuest => Interview.Guests.Split('\n')[0].Trim();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostModerateAsync(int questionId, bool approve, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var result = await interviews.ModerateAsync(SiteId, questionId, approve, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = approve ? "提问已选用，前台即时显示" : "提问已设为不选用";
        return LocalRedirect($"{Base}/interviews/{Id}");
    }

    public async Task<IActionResult> OnPostAnswerAsync(int questionId, string? answer, string? answeredBy, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var result = await interviews.AnswerAsync(SiteId, questionId, answer, answeredBy, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "", new Dictionary<string, string> { ["Answer"] = $"answer-{questionId}", ["AnsweredBy"] = $"by-{questionId}" });
            return Page();
        }
        Notice = "答复已发布，前台即时显示";
        return LocalRedirect($"{Base}/interviews/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (UseSite() is { } refused)
        {
            return refused;
        }
        var interview = await db.Interviews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.SiteId == SiteId, ct);
        if (interview is null)
        {
            return NotFound();
        }
        Interview = interview;
        var questions = await db.InterviewQuestions.AsNoTracking().Where(q => q.InterviewId == Id && q.SiteId == SiteId)
            .OrderBy(q => q.CreatedAt).ThenBy(q => q.Id).Take(2000).ToListAsync(ct);
        Pending = [.. questions.Where(q => q.Status == ModerationStatus.Pending)];
        Approved = [.. questions.Where(q => q.Status == ModerationStatus.Approved)];
        Rejected = questions.Count(q => q.Status == ModerationStatus.Rejected);
        return null;
    }
}
