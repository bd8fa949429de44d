using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction.Participation;

/// <summary>
/// The 互动交流 figures of the annual report (政府网站工作年度报表) for consultations, surveys and
/// interviews. Each count falls in the period by the date of its own event, in China time.
/// </summary>
public sealed record ParticipationReport(
    /// <summary>征集调查期数: published consultations that opened in the period.</summary>
    int ConsultationRounds,
    /// <summary>收到意见数: every opinion received in the period (before moderation).</summary>
    int Opinions,
    /// <summary>Opinions received in the period that were let through to the public page.</summary>
    int OpinionsPublished,
    /// <summary>公布调查结果期数: feedback summaries (采纳情况) first published in the period.</summary>
    int ResultsPublished,
    /// <summary>Of those, published after their due date.</summary>
    int ResultsPublishedLate,
    /// <summary>Published surveys that opened in the period.</summary>
    int Surveys,
    int SurveyResponses,
    /// <summary>在线访谈期数: published interviews held in the period.</summary>
    int InterviewRounds,
    /// <summary>网民留言数: questions received in the period.</summary>
    int InterviewQuestions,
    /// <summary>答复网民提问数: answers published in the period.</summary>
    int InterviewAnswered);

public sealed class ParticipationFigures(GovSiteDb db, IOptions<ParticipationOptions> options)
{
    /// <summary>
    /// Figures for one site between two dates inclusive. Counts are not secret (the report is
    /// published), so the query filters are bypassed and the site is named explicitly.
    /// </summary>
    public async Task<ParticipationReport> ForSiteAsync(int siteId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var consultations = db.Consultations.IgnoreQueryFilters().AsNoTracking().Where(c => c.SiteId == siteId && c.IsPublished);
        var comments = db.ConsultationComments.IgnoreQueryFilters().AsNoTracking().Where(c => c.SiteId == siteId && c.CreatedAt >= start && c.CreatedAt < end);
        var summaries = await consultations.Where(c => c.SummaryPublishedAt >= start && c.SummaryPublishedAt < end)
            .Select(c => new { c.ClosesOn, c.SummaryPublishedAt }).ToListAsync(ct);
        var dueDays = options.Value.SummaryDueDays;
        var surveys = db.Surveys.IgnoreQueryFilters().AsNoTracking().Where(s => s.SiteId == siteId && s.IsPublished);
        var interviews = db.Interviews.IgnoreQueryFilters().AsNoTracking().Where(i => i.SiteId == siteId && i.IsPublished);
        var questions = db.InterviewQuestions.IgnoreQueryFilters().AsNoTracking().Where(q => q.SiteId == siteId);
        return new ParticipationReport(
            ConsultationRounds: await consultations.CountAsync(c => c.OpensOn >= from && c.OpensOn <= to, ct),
            Opinions: await comments.CountAsync(ct),
            OpinionsPublished: await comments.CountAsync(c => c.Status == ModerationStatus.Approved, ct),
            ResultsPublished: summaries.Count,
            ResultsPublishedLate: summaries.Count(s => DateOnly.FromDateTime(ChinaTime.ToLocal(s.SummaryPublishedAt!.Value)) > s.ClosesOn.AddDays(dueDays)),
            Surveys: await surveys.CountAsync(s => s.OpensOn >= from && s.OpensOn <= to, ct),
            SurveyResponses: await db.SurveyResponses.AsNoTracking().CountAsync(r => r.SiteId == siteId && r.CreatedAt >= start && r.CreatedAt < end, ct),
            InterviewRounds: await interviews.CountAsync(i => i.StartsAt >= start && i.StartsAt < end, ct),
            InterviewQuestions: await questions.CountAsync(q => q.CreatedAt >= start && q.CreatedAt < end, ct),
            InterviewAnswered: await questions.CountAsync(q => q.Status == ModerationStatus.Approved && q.AnsweredAt >= start && q.AnsweredAt < end, ct));
    }
}
