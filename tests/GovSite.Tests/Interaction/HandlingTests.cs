using System.Net;
using GovSite.Interaction;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction;

/// <summary>Triage, hand-off, extension, reply and publication, as staff with their own grants.</summary>
public class HandlingTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    private Task<SaveResult<Message>> As(string user, Func<MessageService, Task<SaveResult<Message>>> action) =>
        app.AsUserAsync(user, sp => action(sp.GetRequiredService<MessageService>()));

    [Fact]
    public async Task A_message_goes_from_triage_through_transfer_and_reply_to_publication()
    {
        var receipt = await app.SubmitAsync(app.Portal.Id, "旧小区加装电梯", "我家住在老旧小区，想咨询加装电梯的补贴政策。", phone: "13800000101");
        var id = (await app.MessageAsync(receipt.Ticket)).Id;

        (await As("portal-editor", s => s.TriageAsync(id, TriageVerdict.Valid, null, null, default))).Succeeded.ShouldBeTrue();
        // Handed to the housing department, which must accept before it can answer.
        (await As("portal-editor", s => s.TransferAsync(id, app.Department.Id, "请住建局答复", default))).Succeeded.ShouldBeTrue();
        (await As("dept-editor", s => s.ReplyAsync(id, "先接收再答复", default))).Forbidden.ShouldBeTrue();
        (await As("dept-editor", s => s.AcceptTransferAsync(id, true, null, default))).Succeeded.ShouldBeTrue();
        // Now the department handles it; the portal's editor no longer can.
        (await As("portal-editor", s => s.ReplyAsync(id, "门户答复", default))).Forbidden.ShouldBeTrue();
        var reply = "您好！根据《既有住宅加装电梯补贴办法》，每台电梯补贴20万元，请向所在街道提交申请。";
        var replied = await As("dept-editor", s => s.ReplyAsync(id, reply, default));
        replied.Value!.Status.ShouldBe(MessageStatus.Replied);

        // Not yet published: the citizen still sees "handling" and no reply.
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<MessageService>().LookupAsync(receipt.Ticket, receipt.QueryCode, default));
        MessageService.AnswerForCitizen(before!).ShouldBeNull();

        (await As("dept-editor", s => s.PublishAsync(id, null, default))).Succeeded.ShouldBeTrue();
        var after = await app.MessageAsync(receipt.Ticket);
        after.Status.ShouldBe(MessageStatus.Published);
        after.HandlingSiteId.ShouldBe(app.Department.Id);
        after.ClosedAt.ShouldNotBeNull();
        MessageService.AnswerForCitizen(after).ShouldBe(reply);
    }

    [Fact]
    public async Task Invalid_needs_a_reason_and_duplicate_needs_the_original()
    {
        var first = await app.SubmitAsync(app.Portal.Id, "噪音扰民", "工地夜间施工噪音很大，影响休息。", phone: "13800000201");
        var second = await app.SubmitAsync(app.Portal.Id, "夜间施工", "工地晚上十一点后还在施工，影响休息。", phone: "13800000202");
        var third = await app.SubmitAsync(app.Portal.Id, "广告", "低价出售各类商品，欢迎联系。", phone: "13800000203");
        var secondId = (await app.MessageAsync(second.Ticket)).Id;
        var thirdId = (await app.MessageAsync(third.Ticket)).Id;

        (await As("portal-editor", s => s.TriageAsync(thirdId, TriageVerdict.Invalid, "", null, default))).Errors.ToDictionary().Keys.ShouldContain("Reason");
        (await As("portal-editor", s => s.TriageAsync(thirdId, TriageVerdict.Invalid, "广告信息", null, default))).Value!.Status.ShouldBe(MessageStatus.Invalid);
        (await As("portal-editor", s => s.TriageAsync(secondId, TriageVerdict.Duplicate, null, "99999999999999", default))).Errors.ToDictionary().Keys.ShouldContain("DuplicateOf");
        var dup = await As("portal-editor", s => s.TriageAsync(secondId, TriageVerdict.Duplicate, null, first.Ticket, default));
        dup.Value!.Status.ShouldBe(MessageStatus.Duplicate);
        dup.Value.DuplicateOfId.ShouldBe((await app.MessageAsync(first.Ticket)).Id);
    }

    [Fact]
    public async Task A_deadline_can_be_extended_once_to_fifteen_working_days_with_a_reason()
    {
        var receipt = await app.SubmitAsync(app.Portal.Id, "拆迁补偿", "关于拆迁补偿标准的问题，情况较复杂。", phone: "13800000301");
        var m = await app.MessageAsync(receipt.Ticket);
        (await As("portal-editor", s => s.ExtendAsync(m.Id, "", default))).Errors.ToDictionary().Keys.ShouldContain("Reason");
        var extended = await As("portal-editor", s => s.ExtendAsync(m.Id, "涉及多个部门会商", default));
        var calendar = app.Services.GetRequiredService<GovSite.Calendar.CalendarService>().Current;
        extended.Value!.DueDate.ShouldBe(calendar.AddWorkingDays(MessageService.LocalDate(m.ReceivedAt), 15));
        (await As("portal-editor", s => s.ExtendAsync(m.Id, "再延一次", default))).Errors.ToDictionary()["Reason"][0].ShouldBe("每条留言只能延期一次");
    }

    [Fact]
    public async Task Cannot_be_handled_requires_an_explanation_that_the_citizen_sees()
    {
        var receipt = await app.SubmitAsync(app.Portal.Id, "外省问题", "我在外省的房产纠纷想请贵单位处理。", phone: "13800000401");
        var id = (await app.MessageAsync(receipt.Ticket)).Id;
        (await As("portal-editor", s => s.CannotHandleAsync(id, "不能办", default))).Errors.ToDictionary().Keys.ShouldContain("Explanation");
        var explanation = "该事项属于房产所在地人民法院管辖，请向当地法院提起诉讼。";
        (await As("portal-editor", s => s.CannotHandleAsync(id, explanation, default))).Value!.Status.ShouldBe(MessageStatus.CannotHandle);
        var found = await app.AsSystemAsync(sp => sp.GetRequiredService<MessageService>().LookupAsync(receipt.Ticket, receipt.QueryCode, default));
        MessageService.AnswerForCitizen(found!).ShouldBe(explanation);
    }

    [Fact]
    public async Task Staff_of_one_site_cannot_see_or_handle_another_sites_messages()
    {
        var receipt = await app.SubmitAsync(app.Portal.Id, "门户的留言", "只有门户网站的工作人员可以看到。", phone: "13800000501", isPublic: false);
        var id = (await app.MessageAsync(receipt.Ticket)).Id;
        // The department's editor: the message does not exist for them.
        (await As("dept-editor", s => s.TriageAsync(id, TriageVerdict.Valid, null, null, default))).NotFound.ShouldBeTrue();
        var visible = await app.AsUserAsync("dept-editor", sp => Task.FromResult(sp.GetRequiredService<GovSite.Data.GovSiteDb>().Messages.Any(m => m.Id == id)));
        visible.ShouldBeFalse();

        // Through the back office too.
        var dept = await SignedInClientAsync("dept-editor");
        (await dept.GetAsync($"/admin/messages/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list403 = await dept.GetAsync($"/admin/sites/{app.Portal.Id}/messages");
        list403.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        list403.Headers.Location!.ToString().ShouldContain("/admin/denied");
        (await dept.GetAsync($"/admin/messages/{id}/attachment")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var portal = await SignedInClientAsync("portal-editor");
        var list = await portal.GetStringAsync($"/admin/sites/{app.Portal.Id}/messages");
        list.ShouldContain("门户的留言");
        (await portal.GetStringAsync($"/admin/messages/{id}")).ShouldContain("13800000501");
        // Another site's message list shows nothing of the portal's.
        (await (await SignedInClientAsync("dept-editor")).GetStringAsync($"/admin/sites/{app.Department.Id}/messages")).ShouldNotContain("门户的留言");
    }

    [Fact]
    public async Task Only_the_sites_administrator_changes_its_channels_and_faq()
    {
        var editor = await SignedInClientAsync("portal-editor");
        var page = await editor.GetStringAsync($"/admin/sites/{app.Portal.Id}/interaction");
        page.ShouldContain("留言渠道");
        var admin = await SignedInClientAsync("portal-admin");
        var form = await admin.GetStringAsync($"/admin/sites/{app.Portal.Id}/interaction");
        var token = Antiforgery(form);
        var response = await admin.PostAsync($"/admin/sites/{app.Portal.Id}/interaction?handler=Faq", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Faq.Question"] = "公积金怎么提取？",
            ["Faq.Answer"] = "购房、租房等情形可提取，详见公积金中心网站。",
            ["Faq.Keywords"] = "公积金,提取",
            ["Faq.SortOrder"] = "10",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var suggestions = await app.AsSystemAsync(sp => sp.GetRequiredService<FaqMatcher>().SuggestAsync(app.Portal.Id, "我想提取住房公积金用于租房", 3, default));
        suggestions.ShouldContain(s => s.Question == "公积金怎么提取？");
        var editorToken = Antiforgery(page);
        var refused = await editor.PostAsync($"/admin/sites/{app.Portal.Id}/interaction?handler=Faq", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = editorToken,
            ["Faq.Question"] = "编辑不能加",
            ["Faq.Answer"] = "编辑不能加",
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/admin/denied");
        (await app.AsSystemAsync(sp => Task.FromResult(sp.GetRequiredService<GovSite.Data.GovSiteDb>().FaqEntries.Count(f => f.Question == "编辑不能加")))).ShouldBe(0);
    }

    internal static string Antiforgery(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue("the form has an antiforgery token");
        return match.Groups[1].Value;
    }

    private async Task<HttpClient> SignedInClientAsync(string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(login),
            ["UserName"] = user,
            ["Password"] = InteractionFactory.Password,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }
}
