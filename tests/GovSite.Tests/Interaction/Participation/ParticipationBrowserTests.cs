using System.Globalization;
using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Common;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using GovSite.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Interaction.Participation;

[Trait("Category", "Browser")]
public class ParticipationBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private sealed record Data(int Consultation, int Survey, int LiveInterview, int PendingQuestion, int EndedInterview);

    private static readonly ConditionalWeakTable<BrowserFixture, Task<Data>> Seeded = [];

    private Task<Data> DataAsync() => Seeded.GetValue(app, a => SeedAsync(a));

    private static string Site(string path) => $"/sites/{BrowserFixture.Code}{path}";

    /// <summary>Content on the real clock: an open consultation and survey, a live interview and a finished one.</summary>
    private static Task<Data> SeedAsync(BrowserFixture app) => app.AsSystemAsync(async sp =>
    {
        var siteId = app.Site.Id;
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = clock.TodayInChina();
        var nowLocal = ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        var consultations = sp.GetRequiredService<ConsultationService>();
        var c = (await consultations.SaveAsync(siteId, null, new ConsultationInput
        {
            Title = "关于《城市绿化管理办法（征求意见稿）》公开征求意见的公告",
            Body = "<p>现将征求意见稿全文公布。</p><h2>第一章 总则</h2><p>第一条 为了促进城市绿化事业的发展，制定本办法。</p>",
            OpensOn = today.AddDays(-1),
            ClosesOn = today.AddDays(30),
            IsPublished = true,
        })).Value!;
        var comment = await consultations.SubmitCommentAsync(siteId, c.Id, new CommentInput { Name = "王先生", Text = "建议增加社区口袋公园。" }, "h");
        await consultations.ModerateAsync(siteId, comment.Value!.Id, approve: true);

        var surveys = sp.GetRequiredService<SurveyService>();
        var s = (await surveys.SaveAsync(siteId, null, new SurveyInput
        {
            Title = "政务服务满意度调查",
            OpensOn = today.AddDays(-1),
            ClosesOn = today.AddDays(30),
            IsPublished = true,
            ResultsPublished = true,
            Questions =
            [
                new() { Text = "您对政务服务大厅的总体评价", Type = SurveyQuestionType.SingleChoice, Options = "满意\n基本满意\n不满意", IsRequired = true },
                new() { Text = "您办理过哪些业务", Type = SurveyQuestionType.MultipleChoice, Options = "社保\n医保\n公积金", IsRequired = true },
                new() { Text = "您的意见和建议", Type = SurveyQuestionType.Text },
            ],
        })).Value!;
        await surveys.SubmitAsync(siteId, s.Id, "seed-voter", "h", new Dictionary<int, string[]>
        {
            [s.Questions[0].Id] = ["0"],
            [s.Questions[1].Id] = ["0", "2"],
        }, honeypotFilled: false);

        var interviews = sp.GetRequiredService<InterviewService>();
        var live = (await interviews.SaveAsync(siteId, null, new InterviewInput
        {
            Title = "优化营商环境在线访谈",
            Guests = "张明，市发展改革委主任",
            StartsAt = nowLocal.AddMinutes(-10),
            EndsAt = nowLocal.AddHours(2),
            IsPublished = true,
        })).Value!;
        var answered = await interviews.AskAsync(siteId, live.Id, new AskInput { Name = "老陈", Text = "开办企业要跑几次？" }, "h");
        await interviews.AnswerAsync(siteId, answered.Value!.Id, "全程网办，一次都不用跑。", "张明");
        var pending = await interviews.AskAsync(siteId, live.Id, new AskInput { Name = "小李", Text = "小微企业贷款贴息什么时候兑现？" }, "h");

        // Held (questions taken and answered) and then moved into the past.
        var endedInput = new InterviewInput
        {
            Title = "城市更新专题访谈",
            Guests = "李华，市住房城乡建设局局长",
            StartsAt = nowLocal.AddHours(-3),
            EndsAt = nowLocal.AddHours(1),
            IsPublished = true,
        };
        var ended = (await interviews.SaveAsync(siteId, null, endedInput)).Value!;
        var old = await interviews.AskAsync(siteId, ended.Id, new AskInput { Text = "老旧小区改造包括哪些内容？" }, "h");
        await interviews.AnswerAsync(siteId, old.Value!.Id, "包括管网、加装电梯和适老化改造。", "李华");
        endedInput.EndsAt = nowLocal.AddHours(-1);
        await interviews.SaveAsync(siteId, ended.Id, endedInput);
        return new Data(c.Id, s.Id, live.Id, pending.Value!.Id, ended.Id);
    });

    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }

    [Fact]
    public async Task Every_public_participation_page_and_form_has_no_serious_or_critical_wcag_violations()
    {
        var data = await DataAsync();
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        foreach (var path in new[]
        {
            "/participation", $"/consultations/{data.Consultation}", $"/surveys/{data.Survey}", $"/surveys/{data.Survey}/results",
            $"/interviews/{data.LiveInterview}", $"/interviews/{data.EndedInterview}", $"/interviews/{data.EndedInterview}/transcript",
        })
        {
            var response = await page.GotoAsync(Site(path));
            response!.Status.ShouldBe(200, path);
            violations.AddRange(await SeriousViolationsAsync(page));
        }

        // The forms as they come back with errors.
        await page.GotoAsync(Site($"/consultations/{data.Consultation}"));
        await page.ClickAsync("button:has-text('提交意见')");
        (await page.Locator(".error-summary").InnerTextAsync()).ShouldContain("请填写您的意见");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync(Site($"/surveys/{data.Survey}"));
        await page.ClickAsync("button:has-text('提交问卷')");
        (await page.Locator(".error-summary").InnerTextAsync()).ShouldContain("请选择一项");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync(Site($"/interviews/{data.LiveInterview}"));
        await page.ClickAsync("button:has-text('提交问题')");
        (await page.Locator(".error-summary").InnerTextAsync()).ShouldContain("请填写您的问题");
        violations.AddRange(await SeriousViolationsAsync(page));
        violations.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Survey_results_are_drawn_as_charts_beside_their_tables()
    {
        var data = await DataAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync(Site($"/surveys/{data.Survey}/results"));
        await page.Locator(".pt-chart canvas").First.WaitForAsync(new() { Timeout = 10_000 });
        (await page.Locator(".pt-chart canvas").CountAsync()).ShouldBe(2);
        (await page.Locator("table.pt-table").CountAsync()).ShouldBe(2);
        (await page.Locator("table.pt-table").First.InnerTextAsync()).ShouldContain("满意");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_question_chosen_and_answered_in_the_back_office_appears_on_an_open_interview_page_without_reload()
    {
        var data = await DataAsync();
        var reader = await app.NewPageAsync();
        await reader.GotoAsync(Site($"/interviews/{data.LiveInterview}"));
        (await reader.Locator("#qa").InnerTextAsync()).ShouldNotContain("贴息");
        await reader.EvaluateAsync("() => { window.__notReloaded = 42; }");

        var moderator = await app.NewPageAsync();
        await moderator.GotoAsync("/admin/login");
        await moderator.FillAsync("#UserName", "admin");
        await moderator.FillAsync("#Password", GovSiteFactory.AdminPassword);
        await moderator.ClickAsync("button:has-text('登录')");
        await moderator.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await moderator.GotoAsync($"/admin/sites/{app.Site.Id}/interviews/{data.LiveInterview}");
        var id = data.PendingQuestion.ToString(CultureInfo.InvariantCulture);
        await moderator.ClickAsync($"form:has(input[name='questionId'][value='{id}']) button[value='true']");
        await moderator.WaitForSelectorAsync($"#answer-{id}");

        var question = reader.Locator($"#q-{id}");
        await question.WaitForAsync(new() { Timeout = 30_000 });
        (await question.InnerTextAsync()).ShouldContain("小微企业贷款贴息什么时候兑现？");

        await moderator.FillAsync($"#answer-{id}", "贴息资金将于本月底前拨付到位。");
        await moderator.FillAsync($"#by-{id}", "张明");
        await moderator.ClickAsync($"form:has(#answer-{id}) button[type='submit']");
        await moderator.WaitForSelectorAsync(".notice-ok");

        await reader.Locator($"#q-{id} .answer").WaitForAsync(new() { Timeout = 30_000 });
        (await reader.Locator($"#q-{id}").InnerTextAsync()).ShouldContain("贴息资金将于本月底前拨付到位。");
        (await reader.EvaluateAsync<int>("() => window.__notReloaded")).ShouldBe(42);
        await reader.Context.CloseAsync();
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task Back_office_participation_pages_have_no_serious_or_critical_wcag_violations()
    {
        var data = await DataAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", GovSiteFactory.AdminPassword);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        var violations = new List<string>();
        var site = $"/admin/sites/{app.Site.Id}";
        foreach (var path in new[]
        {
            "/participation", "/consultations/edit", $"/consultations/{data.Consultation}", "/surveys/edit", $"/surveys/edit/{data.Survey}",
            $"/surveys/{data.Survey}", "/interviews/edit", $"/interviews/{data.LiveInterview}",
        })
        {
            var response = await page.GotoAsync(site + path);
            response!.Status.ShouldBe(200, path);
            violations.AddRange(await SeriousViolationsAsync(page));
        }
        await page.GotoAsync(site + "/consultations/edit");
        await page.FillAsync("[name='Input.Title']", "");
        await page.ClickAsync("button:has-text('保存')");
        (await page.Locator("[data-valmsg-for='Input.Title']").InnerTextAsync()).ShouldContain("请填写标题");
        violations.AddRange(await SeriousViolationsAsync(page));
        violations.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}
