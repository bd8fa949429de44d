using GovSite.Interaction.Participation;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction.Participation;

public class FiguresTests(ParticipationFixture app) : IClassFixture<ParticipationFixture>
{
    [Fact]
    public async Task Report_figures_count_each_event_in_its_own_site_and_period()
    {
        var siteA = app.SiteA.Id;
        await app.AsSystemAsync(async sp =>
        {
            var consultations = sp.GetRequiredService<ConsultationService>();
            var interviews = sp.GetRequiredService<InterviewService>();
            var surveys = sp.GetRequiredService<SurveyService>();

            // 2025: one consultation round with two opinions (one let through), its summary published late in January 2026.
            app.Clock.SetChina(2025, 12, 1);
            var c2025 = await app.NewConsultationAsync(siteA, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 10));
            var opinion = await consultations.SubmitCommentAsync(siteA, c2025.Id, new CommentInput { Text = "意见一" }, "h");
            await consultations.SubmitCommentAsync(siteA, c2025.Id, new CommentInput { Text = "意见二" }, "h");
            await consultations.ModerateAsync(siteA, opinion.Value!.Id, approve: true);
            app.Clock.SetChina(2026, 1, 20);
            await consultations.PublishSummaryAsync(siteA, c2025.Id, "<p>采纳情况</p>");

            // 2026: two rounds, one summary on time; an interview with three questions, two answered; a survey with one response.
            app.Clock.SetChina(2026, 3, 1);
            var c1 = await app.NewConsultationAsync(siteA, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));
            await app.NewConsultationAsync(siteA, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));
            await consultations.SubmitCommentAsync(siteA, c1.Id, new CommentInput { Text = "意见三" }, "h");
            app.Clock.SetChina(2026, 3, 20);
            await consultations.PublishSummaryAsync(siteA, c1.Id, "<p>采纳情况</p>");
            var interview = await app.NewInterviewAsync(siteA, new DateTime(2026, 4, 1, 10, 0, 0), new DateTime(2026, 4, 1, 11, 0, 0));
            var ids = new List<int>();
            foreach (var text in new[] { "问一", "问二", "问三" })
            {
                ids.Add((await interviews.AskAsync(siteA, interview.Id, new AskInput { Text = text }, "h")).Value!.Id);
            }
            app.Clock.SetChina(2026, 4, 1, 10, 30);
            await interviews.AnswerAsync(siteA, ids[0], "答一", "嘉宾");
            await interviews.AnswerAsync(siteA, ids[1], "答二", "嘉宾");
            await interviews.ModerateAsync(siteA, ids[2], approve: false);
            var survey = await app.NewSurveyAsync(siteA, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
            await surveys.SubmitAsync(siteA, survey.Id, "voter", "h", new Dictionary<int, string[]> { [survey.Questions[0].Id] = ["1"] }, honeypotFilled: false);

            // Site B's activity never counts for site A.
            var other = await app.NewConsultationAsync(app.SiteB.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
            await consultations.SubmitCommentAsync(app.SiteB.Id, other.Id, new CommentInput { Text = "乙市意见" }, "h");
            return 0;
        });

        var figures = await app.AsSystemAsync(async sp =>
        {
            var f = sp.GetRequiredService<ParticipationFigures>();
            return (Y2025: await f.ForSiteAsync(siteA, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
                Y2026: await f.ForSiteAsync(siteA, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
                B: await f.ForSiteAsync(app.SiteB.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        });
        figures.Y2025.ShouldBe(new ParticipationReport(ConsultationRounds: 1, Opinions: 2, OpinionsPublished: 1, ResultsPublished: 0, ResultsPublishedLate: 0,
            Surveys: 0, SurveyResponses: 0, InterviewRounds: 0, InterviewQuestions: 0, InterviewAnswered: 0));
        figures.Y2026.ShouldBe(new ParticipationReport(ConsultationRounds: 2, Opinions: 1, OpinionsPublished: 0, ResultsPublished: 2, ResultsPublishedLate: 1,
            Surveys: 1, SurveyResponses: 1, InterviewRounds: 1, InterviewQuestions: 3, InterviewAnswered: 2));
        figures.B.ConsultationRounds.ShouldBe(1);
        figures.B.Opinions.ShouldBe(1);
    }
}
