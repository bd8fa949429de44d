using System.Net;
using System.Text.Json;
using GovSite.Data;
using GovSite.Interaction.Participation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction.Participation;

public class InterviewTests(ParticipationFixture app) : IClassFixture<ParticipationFixture>
{
    private static string PublicUrl(int id) => $"/sites/{ParticipationFixture.CodeA}/interviews/{id}";

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, int id, string text, string? formPage = null) =>
        ParticipationFixture.PostFormAsync(client, formPage ?? PublicUrl(id), PublicUrl(id), new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.Name"] = "企业主老陈",
            ["Input.Website"] = "",
        });

    private Task<InterviewQuestion> QuestionAsync(string text) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InterviewQuestions.SingleAsync(q => q.Text == text));

    [Fact]
    public async Task A_question_is_public_only_once_a_moderator_chooses_it()
    {
        app.Clock.SetChina(2026, 4, 1, 9, 0);
        var interview = await app.NewInterviewAsync(app.SiteA.Id, new DateTime(2026, 4, 1, 10, 0, 0), new DateTime(2026, 4, 1, 11, 30, 0));
        using var citizen = app.Browser();
        (await AskAsync(citizen, interview.Id, "小微企业贷款贴息政策什么时候兑现？")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AskAsync(citizen, interview.Id, "与访谈无关的广告内容")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var chosen = await QuestionAsync("小微企业贷款贴息政策什么时候兑现？");
        var dropped = await QuestionAsync("与访谈无关的广告内容");

        (await app.Browser().GetStringAsync(PublicUrl(interview.Id))).ShouldNotContain("贴息政策");
        var feed = await app.AsSystemAsync(sp => sp.GetRequiredService<InterviewService>().ChangesSinceAsync(interview.Id, DateTime.MinValue, default));
        feed.ShouldBeEmpty();

        using var editor = await app.SignInAsync("editor-pa");
        var admin = $"/admin/sites/{app.SiteA.Id}/interviews/{interview.Id}";
        (await editor.GetStringAsync(admin)).ShouldContain("贴息政策");
        (await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Moderate", new() { ["questionId"] = chosen.Id.ToString(), ["approve"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Moderate", new() { ["questionId"] = dropped.Id.ToString(), ["approve"] = "false" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await app.Browser().GetStringAsync(PublicUrl(interview.Id));
        page.ShouldContain("小微企业贷款贴息政策什么时候兑现？");
        page.ShouldNotContain("与访谈无关的广告内容");
        feed = await app.AsSystemAsync(sp => sp.GetRequiredService<InterviewService>().ChangesSinceAsync(interview.Id, DateTime.MinValue, default));
        feed.Single(f => f.Id == chosen.Id).Text.ShouldBe("小微企业贷款贴息政策什么时候兑现？");
        var removal = feed.Single(f => f.Id == dropped.Id);
        removal.Removed.ShouldBeTrue();
        removal.Text.ShouldBeNull();
    }

    [Fact]
    public async Task Questions_are_taken_before_and_during_the_interview_but_not_after()
    {
        app.Clock.SetChina(2026, 4, 2, 8, 0);
        var interview = await app.NewInterviewAsync(app.SiteA.Id, new DateTime(2026, 4, 2, 10, 0, 0), new DateTime(2026, 4, 2, 11, 0, 0));
        using var citizen = app.Browser();
        (await AskAsync(citizen, interview.Id, "访谈前提交的问题")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.SetChina(2026, 4, 2, 10, 59);
        (await AskAsync(citizen, interview.Id, "访谈中提交的问题")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.SetChina(2026, 4, 2, 11, 0);
        var late = await AskAsync(citizen, interview.Id, "访谈后提交的问题", formPage: "/admin/login");
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await late.Content.ReadAsStringAsync()).ShouldContain("查看访谈文字实录");
        var texts = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InterviewQuestions
            .Where(q => q.InterviewId == interview.Id).OrderBy(q => q.Id).Select(q => q.Text).ToListAsync());
        texts.ShouldBe(["访谈前提交的问题", "访谈中提交的问题"]);
    }

    [Fact]
    public async Task An_answer_published_in_the_back_office_reaches_an_open_live_feed()
    {
        app.Clock.SetChina(2026, 4, 3, 10, 5);
        var interview = await app.NewInterviewAsync(app.SiteA.Id, new DateTime(2026, 4, 3, 10, 0, 0), new DateTime(2026, 4, 3, 11, 0, 0));
        await AskAsync(app.Browser(), interview.Id, "开办企业还需要跑几次？");
        var question = await QuestionAsync("开办企业还需要跑几次？");

        using var reader = app.Browser();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var since = app.Clock.GetUtcNow().UtcDateTime.Ticks;
        using var response = await reader.GetAsync($"{PublicUrl(interview.Id)}/live?since={since}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        app.Clock.SetChina(2026, 4, 3, 10, 20);
        using var editor = await app.SignInAsync("editor-pa");
        var admin = $"/admin/sites/{app.SiteA.Id}/interviews/{interview.Id}";
        var posted = await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Answer", new()
        {
            ["questionId"] = question.Id.ToString(),
            ["answer"] = "现在全程网办，最多跑一次。",
            ["answeredBy"] = "李华",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe(admin);
        (await QuestionAsync("开办企业还需要跑几次？")).Answer.ShouldBe("现在全程网办，最多跑一次。");

        LiveQuestion? received = null;
        while (received?.Answer is null)
        {
            var line = await stream.ReadLineAsync(timeout.Token);
            line.ShouldNotBeNull("the feed ended before the answer arrived");
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                received = JsonSerializer.Deserialize<LiveQuestion>(line["data: ".Length..], JsonSerializerOptions.Web);
            }
        }
        received.Id.ShouldBe(question.Id);
        received.Answer.ShouldBe("现在全程网办，最多跑一次。");
        received.AnsweredBy.ShouldBe("李华");
        received.AnsweredAt.ShouldBe("2026-04-03 10:20");
    }

    [Fact]
    public async Task An_answer_saved_on_one_node_reaches_a_reader_connected_to_another()
    {
        app.Clock.SetChina(2026, 4, 5, 10, 5);
        var interview = await app.NewInterviewAsync(app.SiteA.Id, new DateTime(2026, 4, 5, 10, 0, 0), new DateTime(2026, 4, 5, 11, 0, 0));
        var question = await app.AsSystemAsync(sp => sp.GetRequiredService<InterviewService>()
            .AskAsync(app.SiteA.Id, interview.Id, new AskInput { Text = "跨节点的提问" }, "h"));

        await using var nodeB = new OtherNode(app.Database, ("Participation:LivePollMilliseconds", "100"));
        using var reader = nodeB.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await reader.GetAsync($"{PublicUrl(interview.Id)}/live?since=1", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        (await stream.ReadLineAsync(timeout.Token)).ShouldBe("event: ready");

        app.Clock.SetChina(2026, 4, 5, 10, 30);
        await app.AsSystemAsync(sp => sp.GetRequiredService<InterviewService>()
            .AnswerAsync(app.SiteA.Id, question.Value!.Id, "节点甲保存的答复", "张明"));

        LiveQuestion? received = null;
        while (received?.Answer is null)
        {
            var line = await stream.ReadLineAsync(timeout.Token);
            line.ShouldNotBeNull();
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                received = JsonSerializer.Deserialize<LiveQuestion>(line["data: ".Length..], JsonSerializerOptions.Web);
            }
        }
        received.Answer.ShouldBe("节点甲保存的答复");
    }

    [Fact]
    public async Task The_transcript_lists_the_answered_questions_after_the_interview()
    {
        app.Clock.SetChina(2026, 4, 4, 10, 0);
        var interview = await app.NewInterviewAsync(app.SiteA.Id, new DateTime(2026, 4, 4, 10, 0, 0), new DateTime(2026, 4, 4, 11, 0, 0));
        using var citizen = app.Browser();
        await AskAsync(citizen, interview.Id, "第一个问题：审批时限能否压缩？");
        await AskAsync(citizen, interview.Id, "第二个问题：没有被回答");
        await AskAsync(citizen, interview.Id, "第三个问题：证照能否电子化？");
        var first = await QuestionAsync("第一个问题：审批时限能否压缩？");
        var third = await QuestionAsync("第三个问题：证照能否电子化？");
        var second = await QuestionAsync("第二个问题：没有被回答");
        await app.AsSystemAsync(async sp =>
        {
            var service = sp.GetRequiredService<InterviewService>();
            app.Clock.SetChina(2026, 4, 4, 10, 10);
            await service.AnswerAsync(app.SiteA.Id, third.Id, "年内全面推行电子证照。", "张明");
            app.Clock.SetChina(2026, 4, 4, 10, 20);
            await service.AnswerAsync(app.SiteA.Id, first.Id, "压缩到5个工作日。", "李华");
            await service.ModerateAsync(app.SiteA.Id, second.Id, approve: true);
            return 0;
        });
        app.Clock.SetChina(2026, 4, 4, 12, 0);
        var html = await app.Browser().GetStringAsync($"{PublicUrl(interview.Id)}/transcript");
        html.ShouldContain("文字实录");
        html.IndexOf("证照能否电子化", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("审批时限能否压缩", StringComparison.Ordinal));
        html.ShouldNotContain("没有被回答");
        html.ShouldContain("年内全面推行电子证照。");
        (await app.Browser().GetStringAsync(PublicUrl(interview.Id))).ShouldNotContain("我要提问");
    }
}
