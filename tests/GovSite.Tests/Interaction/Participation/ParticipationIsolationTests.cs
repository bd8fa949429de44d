using System.Net;
using GovSite.Data;
using GovSite.Interaction.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction.Participation;

/// <summary>Site A's staff cannot see or decide anything of site B's, and the public sees only what was let through.</summary>
public class ParticipationIsolationTests(ParticipationFixture app) : IClassFixture<ParticipationFixture>
{
    private async Task<(Consultation Consultation, ConsultationComment Comment, Interview Interview, InterviewQuestion Question)> SiteBContentAsync()
    {
        app.Clock.SetChina(2026, 4, 1, 9, 0);
        var consultation = await app.NewConsultationAsync(app.SiteB.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "乙市征集");
        var interview = await app.NewInterviewAsync(app.SiteB.Id, new DateTime(2026, 4, 1, 10, 0, 0), new DateTime(2026, 4, 1, 11, 0, 0));
        return await app.AsSystemAsync(async sp =>
        {
            var comment = await sp.GetRequiredService<ConsultationService>().SubmitCommentAsync(app.SiteB.Id, consultation.Id,
                new CommentInput { Text = "乙市市民的待审意见" }, "hash");
            var question = await sp.GetRequiredService<InterviewService>().AskAsync(app.SiteB.Id, interview.Id,
                new AskInput { Text = "乙市网友的待选提问" }, "hash");
            return (consultation, comment.Value!, interview, question.Value!);
        });
    }

    [Fact]
    public async Task Site_a_staff_cannot_open_or_moderate_site_b()
    {
        var b = await SiteBContentAsync();
        using var editorA = await app.SignInAsync("editor-pa");
        var siteB = $"/admin/sites/{app.SiteB.Id}";
        foreach (var path in new[] { "/participation", $"/consultations/{b.Consultation.Id}", $"/interviews/{b.Interview.Id}", "/consultations/edit", $"/interviews/edit/{b.Interview.Id}" })
        {
            var response = await editorA.GetAsync(siteB + path);
            response.ShouldBeRefused();
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("乙市市民的待审意见");
        }

        // Through site B's address: refused. Through site A's address with site B's ids: not found.
        var ownPage = $"/admin/sites/{app.SiteA.Id}/participation";
        foreach (var target in new[] { siteB, $"/admin/sites/{app.SiteA.Id}" })
        {
            (await ParticipationFixture.PostFormAsync(editorA, ownPage, $"{target}/consultations/{b.Consultation.Id}?handler=Moderate",
                new() { ["commentId"] = b.Comment.Id.ToString(), ["approve"] = "true" }))
                .ShouldBeRefused();
            (await ParticipationFixture.PostFormAsync(editorA, ownPage, $"{target}/interviews/{b.Interview.Id}?handler=Answer",
                new() { ["questionId"] = b.Question.Id.ToString(), ["answer"] = "甲市越权答复", ["answeredBy"] = "甲" }))
                .ShouldBeRefused();
            (await ParticipationFixture.PostFormAsync(editorA, ownPage, $"{target}/consultations/{b.Consultation.Id}?handler=Summary",
                new() { ["SummaryText"] = "甲市越权发布" }))
                .ShouldBeRefused();
        }
        var state = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            return (await db.ConsultationComments.SingleAsync(c => c.Id == b.Comment.Id), await db.InterviewQuestions.SingleAsync(q => q.Id == b.Question.Id),
                await db.Consultations.SingleAsync(c => c.Id == b.Consultation.Id));
        });
        state.Item1.Status.ShouldBe(ModerationStatus.Pending);
        state.Item2.Status.ShouldBe(ModerationStatus.Pending);
        state.Item2.Answer.ShouldBeNull();
        state.Item3.Summary.ShouldBeNull();

        // Site B's own editor can.
        using var editorB = await app.SignInAsync("editor-pb");
        var page = $"{siteB}/consultations/{b.Consultation.Id}";
        (await editorB.GetStringAsync(page)).ShouldContain("乙市市民的待审意见");
    }

    [Fact]
    public async Task A_contributor_can_look_but_not_moderate()
    {
        app.Clock.SetChina(2026, 4, 1, 9, 0);
        var c = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "甲市征集（信息员）");
        var comment = await app.AsSystemAsync(sp => sp.GetRequiredService<ConsultationService>().SubmitCommentAsync(app.SiteA.Id, c.Id, new CommentInput { Text = "信息员不能审核的意见" }, "hash"));
        using var contributor = await app.SignInAsync("contributor-pa");
        var page = $"/admin/sites/{app.SiteA.Id}/consultations/{c.Id}";
        var html = await contributor.GetStringAsync(page);
        html.ShouldContain("信息员不能审核的意见");
        html.ShouldNotContain("handler=Moderate");
        (await ParticipationFixture.PostFormAsync(contributor, $"/admin/sites/{app.SiteA.Id}/participation", page + "?handler=Moderate",
            new() { ["commentId"] = comment.Value!.Id.ToString(), ["approve"] = "true" }))
                .ShouldBeRefused();
        (await contributor.GetAsync($"/admin/sites/{app.SiteA.Id}/consultations/edit")).ShouldBeRefused();
    }

    [Fact]
    public async Task The_public_sees_no_draft_and_nothing_of_another_site()
    {
        var b = await SiteBContentAsync();
        using var anonymous = app.Browser();
        (await anonymous.GetAsync($"/sites/{ParticipationFixture.CodeA}/consultations/{b.Consultation.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/sites/{ParticipationFixture.CodeA}/interviews/{b.Interview.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/sites/{ParticipationFixture.CodeA}/interviews/{b.Interview.Id}/live")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync($"/sites/{ParticipationFixture.CodeB}/participation")).ShouldContain("乙市征集");
        (await anonymous.GetStringAsync($"/sites/{ParticipationFixture.CodeA}/participation")).ShouldNotContain("乙市征集");

        var draft = await app.AsSystemAsync(sp => sp.GetRequiredService<ConsultationService>().SaveAsync(app.SiteA.Id, null, new ConsultationInput
        {
            Title = "尚未发布的征集草稿", Body = "<p>内部讨论稿</p>", OpensOn = new DateOnly(2026, 4, 1), ClosesOn = new DateOnly(2026, 4, 30), IsPublished = false,
        }));
        (await anonymous.GetAsync($"/sites/{ParticipationFixture.CodeA}/consultations/{draft.Value!.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync($"/sites/{ParticipationFixture.CodeA}/participation")).ShouldNotContain("尚未发布的征集草稿");
    }

    [Fact]
    public async Task The_query_filters_hide_pending_items_from_anonymous_readers()
    {
        var b = await SiteBContentAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>(); // anonymous access
        (await db.ConsultationComments.AnyAsync(c => c.Id == b.Comment.Id)).ShouldBeFalse();
        (await db.InterviewQuestions.AnyAsync(q => q.Id == b.Question.Id)).ShouldBeFalse();
        (await db.Consultations.AnyAsync(c => c.Id == b.Consultation.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var anonymous = app.Browser();
        var response = await anonymous.GetAsync($"/admin/sites/{app.SiteA.Id}/participation");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/admin/login");
    }
}

internal static class RefusalAssertions
{
    /// <summary>403/404, or the cookie scheme's redirect to the "no permission" page; never a successful post.</summary>
    public static void ShouldBeRefused(this HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().ShouldContain("/admin/denied");
            return;
        }
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }
}
