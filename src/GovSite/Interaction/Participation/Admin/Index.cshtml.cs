using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation.Admin;

public sealed record ConsultationRow(Consultation Item, int Pending, SummaryState Summary, DateOnly Due);

public sealed record CountedRow<T>(T Item, int Count);

public sealed class ParticipationAdminIndexModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, ConsultationService consultations)
    : ParticipationAdminPage(access, directory)
{
    public List<ConsultationRow> Consultations { get; private set; } = [];
    public List<CountedRow<Survey>> Surveys { get; private set; } = [];
    public List<CountedRow<Interview>> Interviews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (UseSite() is { } refused)
        {
            return refused;
        }
        var list = await db.Consultations.AsNoTracking().Where(c => c.SiteId == SiteId)
            .OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        var pending = await db.ConsultationComments.Where(c => c.SiteId == SiteId && c.Status == ModerationStatus.Pending)
            .GroupBy(c => c.ConsultationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Consultations = [.. list.Select(c => new ConsultationRow(c, pending.GetValueOrDefault(c.Id), consultations.Summary(c), consultations.SummaryDue(c)))];
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.SiteId == SiteId)
            .OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id).Take(200).ToListAsync(ct);
        var responses = await db.SurveyResponses.Where(r => r.SiteId == SiteId)
            .GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Surveys = [.. surveys.Select(s => new CountedRow<Survey>(s, responses.GetValueOrDefault(s.Id)))];
        var interviews = await db.Interviews.AsNoTracking().Where(i => i.SiteId == SiteId)
            .OrderByDescending(i => i.StartsAt).ThenByDescending(i => i.Id).Take(200).ToListAsync(ct);
        var questions = await db.InterviewQuestions.Where(q => q.SiteId == SiteId && q.Status == ModerationStatus.Pending)
            .GroupBy(q => q.InterviewId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Interviews = [.. interviews.Select(i => new CountedRow<Interview>(i, questions.GetValueOrDefault(i.Id)))];
        return Page();
    }
}

public static class ParticipationLabels
{
    public static string Of(SummaryState state, DateOnly due) => state switch
    {
        SummaryState.NotDue => "征集未结束",
        SummaryState.Pending => $"待发布（{due:yyyy-MM-dd} 前）",
        SummaryState.Overdue => $"已逾期未发布（应于 {due:yyyy-MM-dd} 前）",
        SummaryState.OnTime => "已按时发布",
        SummaryState.Late => "逾期发布",
        _ => state.ToString(),
    };

    public static string Of(ModerationStatus status) => status switch
    {
        ModerationStatus.Pending => "待审核",
        ModerationStatus.Approved => "已公开",
        ModerationStatus.Rejected => "不予公开",
        _ => status.ToString(),
    };

    public static string Of(SurveyQuestionType type) => type switch
    {
        SurveyQuestionType.SingleChoice => "单选",
        SurveyQuestionType.MultipleChoice => "多选",
        SurveyQuestionType.Text => "填空（文字）",
        _ => type.ToString(),
    };
}
