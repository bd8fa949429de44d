using System.Net;
using GovSite.Data;
using GovSite.Interaction.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction.Participation;

public class ConsultationTests(ParticipationFixture app) : IClassFixture<ParticipationFixture>
{
    private static string PublicUrl(int id) => $"/sites/{ParticipationFixture.CodeA}/consultations/{id}";

    private static Task<HttpResponseMessage> CommentAsync(HttpClient client, int id, string text, string? website = null, string? formPage = null) =>
        ParticipationFixture.PostFormAsync(client, formPage ?? PublicUrl(id), PublicUrl(id), new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.Name"] = "市民王先生",
            ["Input.Contact"] = "13800138000",
            ["Input.Website"] = website ?? "",
        });

    private Task<ConsultationComment> CommentByTextAsync(string text) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ConsultationComments.SingleAsync(c => c.Text == text));

    [Fact]
    public async Task A_comment_is_public_only_after_an_editor_approves_it_and_a_rejected_one_never()
    {
        app.Clock.SetChina(2026, 4, 1);
        var c = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        using var citizen = app.Browser();
        (await CommentAsync(citizen, c.Id, "建议增加社区口袋公园的数量。")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentAsync(citizen, c.Id, "广告：低价代办各类证件")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var before = await citizen.GetStringAsync(PublicUrl(c.Id));
        before.ShouldNotContain("口袋公园");
        before.ShouldNotContain("代办各类证件");

        var good = await CommentByTextAsync("建议增加社区口袋公园的数量。");
        var spam = await CommentByTextAsync("广告：低价代办各类证件");
        good.Status.ShouldBe(ModerationStatus.Pending);
        using var editor = await app.SignInAsync("editor-pa");
        var admin = $"/admin/sites/{app.SiteA.Id}/consultations/{c.Id}";
        (await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Moderate",
            new() { ["commentId"] = good.Id.ToString(), ["approve"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Moderate",
            new() { ["commentId"] = spam.Id.ToString(), ["approve"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await app.Browser().GetStringAsync(PublicUrl(c.Id));
        after.ShouldContain("建议增加社区口袋公园的数量。");
        after.ShouldNotContain("代办各类证件");
        after.ShouldNotContain("13800138000"); // contact details are for staff only
    }

    [Fact]
    public async Task A_comment_is_stored_as_plain_text_and_encoded_on_the_page()
    {
        app.Clock.SetChina(2026, 4, 1);
        var c = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        using var citizen = app.Browser();
        await CommentAsync(citizen, c.Id, "<script>alert('x')</script>第三条<b>应当</b>修改");
        var comment = await CommentByTextAsync("<script>alert('x')</script>第三条<b>应当</b>修改");
        await app.AsSystemAsync(sp => sp.GetRequiredService<ConsultationService>().ModerateAsync(app.SiteA.Id, comment.Id, approve: true));
        var html = await app.Browser().GetStringAsync(PublicUrl(c.Id));
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;第三条&lt;b&gt;应当&lt;/b&gt;修改");
        html.ShouldNotContain("<script>alert");
    }

    [Fact]
    public async Task A_robot_filling_the_hidden_field_is_thanked_and_nothing_is_stored()
    {
        app.Clock.SetChina(2026, 4, 1);
        var c = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var response = await CommentAsync(app.Browser(), c.Id, "机器人发来的意见", website: "http://spam.example");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ConsultationComments.CountAsync(x => x.ConsultationId == c.Id));
        stored.ShouldBe(0);
    }

    [Fact]
    public async Task Comments_are_refused_before_the_opening_date_and_after_the_closing_date()
    {
        app.Clock.SetChina(2026, 5, 1);
        var c = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 20));
        using var citizen = app.Browser();
        var form = $"/sites/{ParticipationFixture.CodeA}/consultations/{c.Id}";

        // Any page with a form gives this browser an antiforgery token; the closed page has none.
        var early = await CommentAsync(citizen, c.Id, "提前提交的意见", formPage: "/admin/login");
        early.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await early.Content.ReadAsStringAsync()).ShouldContain("征集将于 2026-05-10 开始");

        app.Clock.SetChina(2026, 5, 20, 23, 59);
        (await CommentAsync(citizen, c.Id, "截止日当天的意见", formPage: form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        app.Clock.SetChina(2026, 5, 21, 0, 1);
        var late = await CommentAsync(citizen, c.Id, "截止后的意见", formPage: "/admin/login");
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await late.Content.ReadAsStringAsync()).ShouldContain("征集已于 2026-05-20 截止");
        var texts = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ConsultationComments
            .Where(x => x.ConsultationId == c.Id).Select(x => x.Text).ToListAsync());
        texts.ShouldBe(["截止日当天的意见"]);
    }

    [Fact]
    public async Task The_summary_cannot_be_published_before_closing()
    {
        app.Clock.SetChina(2026, 6, 5);
        var c = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));
        using var editor = await app.SignInAsync("editor-pa");
        var admin = $"/admin/sites/{app.SiteA.Id}/consultations/{c.Id}";
        var response = await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Summary", new() { ["SummaryText"] = "<p>共收到意见12条，采纳5条。</p>" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("截止后才能发布采纳情况");
    }

    [Fact]
    public async Task A_summary_published_within_the_due_days_is_on_time_and_one_after_is_flagged_late()
    {
        app.Clock.SetChina(2026, 7, 1);
        var onTime = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 10), "按时反馈的征集");
        var late = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 10), "逾期反馈的征集");

        // Due 30 days after closing: 2026-08-09 is the last day on time.
        app.Clock.SetChina(2026, 8, 9, 23, 0);
        using (var editor = await app.SignInAsync("editor-pa"))
        {
            var admin = $"/admin/sites/{app.SiteA.Id}/consultations/{onTime.Id}";
            (await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Summary", new() { ["SummaryText"] = "<p>共收到意见3条，全部采纳。</p>" }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await editor.GetStringAsync($"/admin/sites/{app.SiteA.Id}/participation")).ShouldContain("待发布（2026-08-09 前）");
        }

        app.Clock.SetChina(2026, 8, 10, 9, 0);
        using (var editor = await app.SignInAsync("editor-pa"))
        {
            (await editor.GetStringAsync($"/admin/sites/{app.SiteA.Id}/participation")).ShouldContain("已逾期未发布（应于 2026-08-09 前）");
            var admin = $"/admin/sites/{app.SiteA.Id}/consultations/{late.Id}";
            (await ParticipationFixture.PostFormAsync(editor, admin, admin + "?handler=Summary", new() { ["SummaryText"] = "<p>共收到意见2条。</p><script>x()</script>" }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var list = await editor.GetStringAsync($"/admin/sites/{app.SiteA.Id}/participation");
            list.ShouldContain("已按时发布");
            list.ShouldContain("逾期发布");
        }

        var states = await app.AsSystemAsync(async sp =>
        {
            var service = sp.GetRequiredService<ConsultationService>();
            var db = sp.GetRequiredService<GovSiteDb>();
            var a = await db.Consultations.SingleAsync(x => x.Id == onTime.Id);
            var b = await db.Consultations.SingleAsync(x => x.Id == late.Id);
            return (service.Summary(a), service.Summary(b), b.Summary);
        });
        states.Item1.ShouldBe(SummaryState.OnTime);
        states.Item2.ShouldBe(SummaryState.Late);
        states.Item3!.ShouldNotContain("<script>");

        // A correction later does not move the publication time.
        app.Clock.SetChina(2026, 9, 1);
        var corrected = await app.AsSystemAsync(sp => sp.GetRequiredService<ConsultationService>().PublishSummaryAsync(app.SiteA.Id, onTime.Id, "<p>更正：共收到意见4条。</p>"));
        corrected.Value!.SummaryPublishedAt.ShouldBe(GovSite.Common.ChinaTime.ToUtc(new DateTime(2026, 8, 9, 23, 0, 0)));

        var page = await app.Browser().GetStringAsync(PublicUrl(onTime.Id));
        page.ShouldContain("意见采纳情况");
        page.ShouldContain("更正：共收到意见4条。");
    }
}
