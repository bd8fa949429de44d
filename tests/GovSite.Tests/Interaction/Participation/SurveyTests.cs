using System.Net;
using GovSite.Data;
using GovSite.Interaction.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction.Participation;

public class SurveyTests(ParticipationFixture app) : IClassFixture<ParticipationFixture>
{
    private static string PublicUrl(int id) => $"/sites/{ParticipationFixture.CodeA}/surveys/{id}";

    private static async Task<HttpResponseMessage> RespondAsync(HttpClient client, Survey survey, string single, string[] multiple, string text = "", string? formPage = null)
    {
        var q = survey.Questions.OrderBy(x => x.SortOrder).ToList();
        var fields = new List<KeyValuePair<string, string>> { new($"q{q[0].Id}", single), new($"q{q[2].Id}", text) };
        fields.AddRange(multiple.Select(m => new KeyValuePair<string, string>($"q{q[1].Id}", m)));
        return await ParticipationFixture.PostFieldsAsync(client, formPage ?? PublicUrl(survey.Id), PublicUrl(survey.Id), fields);
    }

    private Task<int> ResponsesAsync(int surveyId) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SurveyResponses.CountAsync(r => r.SurveyId == surveyId));

    [Fact]
    public async Task One_browser_can_respond_only_once()
    {
        app.Clock.SetChina(2026, 4, 1);
        var survey = await app.NewSurveyAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        using var citizen = app.Browser();
        (await RespondAsync(citizen, survey, "0", ["1"])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The page no longer offers the form; post anyway with a token from another form.
        var again = await RespondAsync(citizen, survey, "2", ["0"], formPage: "/admin/login");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("每人只能提交一次");
        (await citizen.GetStringAsync(PublicUrl(survey.Id))).ShouldContain("您已参与过本次调查");
        (await ResponsesAsync(survey.Id)).ShouldBe(1);

        // Another browser is another person.
        (await RespondAsync(app.Browser(), survey, "1", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ResponsesAsync(survey.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task A_response_with_a_forged_or_missing_browser_id_is_refused()
    {
        app.Clock.SetChina(2026, 4, 1);
        var survey = await app.NewSurveyAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        using var bare = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var get = await bare.GetAsync(PublicUrl(survey.Id));
        var cookies = get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        cookies.ShouldContain(c => c.StartsWith(VoterToken.CookieName + "=", StringComparison.Ordinal));
        var kept = cookies.Where(c => !c.StartsWith(VoterToken.CookieName + "=", StringComparison.Ordinal)).Append(VoterToken.CookieName + "=forged");
        using var post = new HttpRequestMessage(HttpMethod.Post, PublicUrl(survey.Id))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [$"q{survey.Questions[0].Id}"] = "0",
                ["__RequestVerificationToken"] = ParticipationFixture.Token(await get.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", kept));
        var response = await bare.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请允许浏览器保存 Cookie");
        (await ResponsesAsync(survey.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Each_address_is_capped_per_survey()
    {
        app.Clock.SetChina(2026, 4, 1);
        var survey = await app.NewSurveyAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        for (var i = 0; i < 3; i++)
        {
            (await RespondAsync(app.Browser(), survey, "0", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var fourth = await RespondAsync(app.Browser(), survey, "0", []);
        fourth.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fourth.Content.ReadAsStringAsync()).ShouldContain("提交已达上限");
        (await ResponsesAsync(survey.Id)).ShouldBe(3);
    }

    [Fact]
    public async Task Invalid_answers_come_back_with_chinese_messages_and_nothing_is_stored()
    {
        app.Clock.SetChina(2026, 4, 1);
        var survey = await app.NewSurveyAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var missing = await RespondAsync(app.Browser(), survey, "", ["1"]);
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("请选择一项");
        var forged = await RespondAsync(app.Browser(), survey, "7", ["1"]);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("所选选项无效");
        (await ResponsesAsync(survey.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Results_count_every_choice_and_are_public_only_when_published()
    {
        app.Clock.SetChina(2026, 4, 1);
        var survey = await app.NewSurveyAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        await RespondAsync(app.Browser(), survey, "0", ["0", "2"], "希望延长周末办理时间");
        await RespondAsync(app.Browser(), survey, "0", ["2"]);
        await RespondAsync(app.Browser(), survey, "2", ["1", "2", "3"]);

        var results = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var s = await db.Surveys.Include(x => x.Questions).SingleAsync(x => x.Id == survey.Id);
            return await sp.GetRequiredService<SurveyService>().ResultsAsync(s, withTexts: true, default);
        });
        results.Respondents.ShouldBe(3);
        results.Questions[0].Counts.ShouldBe([2, 0, 1]);
        results.Questions[0].Answered.ShouldBe(3);
        results.Questions[1].Counts.ShouldBe([1, 1, 3, 1]);
        results.Questions[1].Answered.ShouldBe(3);
        results.Questions[2].Answered.ShouldBe(1);
        results.Questions[2].Texts.ShouldBe(["希望延长周末办理时间"]);

        var html = await app.Browser().GetStringAsync($"{PublicUrl(survey.Id)}/results");
        html.ShouldContain("/lib/echarts.min.js");
        html.ShouldContain("共 <strong>3</strong> 人参与");
        html.ShouldContain("<th scope=\"row\">满意</th>");
        html.ShouldContain("<td class=\"num\">2</td>");
        html.ShouldContain("66.7%");
        html.ShouldNotContain("希望延长周末办理时间"); // free text stays in the back office

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            await db.Surveys.Where(x => x.Id == survey.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ResultsPublished, false));
            return 0;
        });
        (await app.Browser().GetAsync($"{PublicUrl(survey.Id)}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Responses_are_refused_after_the_closing_date()
    {
        app.Clock.SetChina(2026, 4, 1);
        var survey = await app.NewSurveyAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        using var citizen = app.Browser();
        await citizen.GetStringAsync(PublicUrl(survey.Id));
        app.Clock.SetChina(2026, 5, 1);
        (await citizen.GetStringAsync(PublicUrl(survey.Id))).ShouldContain("调查已结束");
        var result = await app.AsSystemAsync(sp => sp.GetRequiredService<SurveyService>().SubmitAsync(app.SiteA.Id, survey.Id, "voter-1", "hash",
            new Dictionary<int, string[]> { [survey.Questions[0].Id] = ["0"] }, honeypotFilled: false));
        result.Succeeded.ShouldBeFalse();
        (await ResponsesAsync(survey.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Questions_cannot_change_once_someone_has_answered()
    {
        app.Clock.SetChina(2026, 4, 1);
        var survey = await app.NewSurveyAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        await RespondAsync(app.Browser(), survey, "0", []);
        var saved = await app.AsSystemAsync(sp => sp.GetRequiredService<SurveyService>().SaveAsync(app.SiteA.Id, survey.Id, new SurveyInput
        {
            Title = "改过的标题", OpensOn = survey.OpensOn, ClosesOn = survey.ClosesOn, IsPublished = true,
            Questions = [new() { Text = "换成的新题目", Type = SurveyQuestionType.Text }],
        }));
        saved.Succeeded.ShouldBeTrue();
        var texts = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Set<SurveyQuestion>()
            .Where(q => q.SurveyId == survey.Id).OrderBy(q => q.SortOrder).Select(q => q.Text).ToListAsync());
        texts.ShouldBe(["您对政务服务大厅的总体评价", "您办理过哪些业务", "您的意见和建议"]);
    }
}
