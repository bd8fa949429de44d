using System.Net;
using GovSite.Interaction;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction;

/// <summary>来信选登, its masking and figures, and the boilerplate check before publication.</summary>
public class PublicViewTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    private async Task<int> PublishAsync(Receipt receipt, string reply, string user = "portal-editor", string? overrideReason = null)
    {
        var id = (await app.MessageAsync(receipt.Ticket)).Id;
        var result = await app.AsUserAsync(user, async sp =>
        {
            var s = sp.GetRequiredService<MessageService>();
            await s.TriageAsync(id, TriageVerdict.Valid, null, null, default);
            await s.ReplyAsync(id, reply, default);
            return await s.PublishAsync(id, overrideReason, default);
        });
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
        return id;
    }

    [Fact]
    public async Task Only_messages_the_writer_agreed_to_publish_are_shown_with_personal_data_masked()
    {
        var shown = await app.SubmitAsync(app.Department.Id, "孙丽华反映楼道灯不亮",
            "我是孙丽华，住在和平路88号6栋，电话13712345678，身份证350102199001011234，邮箱slh@example.com。楼道灯坏了。", phone: "13712345678", name: "孙丽华");
        var hidden = await app.SubmitAsync(app.Department.Id, "不愿公开的留言", "这条留言不同意公开，请勿展示。", phone: "13712340000", isPublic: false);
        var shownId = await PublishAsync(shown, "孙丽华您好，和平路88号6栋的楼道灯已于今日修复，如有问题请拨打13712345678以外的物业电话0591-87654321。", "dept-editor");
        var hiddenId = await PublishAsync(hidden, "已收到，经核实已处理完毕，谢谢您的反映。", "dept-editor");

        using var client = app.CreateClient();
        var list = await client.GetStringAsync($"/sites/{InteractionFactory.DepartmentCode}/interaction");
        list.ShouldContain("孙某某反映楼道灯不亮");
        list.ShouldNotContain("不愿公开的留言");
        var detail = await client.GetStringAsync($"/sites/{InteractionFactory.DepartmentCode}/interaction/messages/{shownId}");
        foreach (var secret in new[] { "孙丽华", "13712345678", "350102199001011234", "slh@example.com", "和平路88号", "87654321" })
        {
            detail.ShouldNotContain(secret);
        }
        detail.ShouldContain("孙某某");
        detail.ShouldContain("137****5678");
        (await client.GetAsync($"/sites/{InteractionFactory.DepartmentCode}/interaction/messages/{hiddenId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Another site's address does not show it either.
        (await client.GetAsync($"/sites/{InteractionFactory.PortalCode}/interaction/messages/{shownId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_boilerplate_reply_is_flagged_and_published_only_with_a_reason_and_the_rate_is_a_site_figure()
    {
        const string stock = "您好，我们会尽快为您处理的。";
        for (var i = 0; i < 3; i++)
        {
            var r = await app.SubmitAsync(app.Portal.Id, $"问题{i}", $"第{i}个不同的问题，请答复。", phone: $"1331234000{i}");
            var id = (await app.MessageAsync(r.Ticket)).Id;
            await app.AsUserAsync("portal-editor", async sp =>
            {
                var s = sp.GetRequiredService<MessageService>();
                await s.TriageAsync(id, TriageVerdict.Valid, null, null, default);
                return await s.ReplyAsync(id, i == 0 ? stock : $"您好！我们会尽快为您处理的{(i == 1 ? "" : "，谢谢")}", default);
            });
        }
        var fourth = await app.SubmitAsync(app.Portal.Id, "第四个问题", "第四个问题的具体情况说明。", phone: "13312340009");
        var fourthId = (await app.MessageAsync(fourth.Ticket)).Id;
        var replied = await app.AsUserAsync("portal-editor", async sp =>
        {
            var s = sp.GetRequiredService<MessageService>();
            await s.TriageAsync(fourthId, TriageVerdict.Valid, null, null, default);
            return await s.ReplyAsync(fourthId, stock, default);
        });
        replied.Value!.ReplyIsBoilerplate.ShouldBeTrue();
        replied.Value.BoilerplateMatches.ShouldBeGreaterThanOrEqualTo(3);

        var refused = await app.AsUserAsync("portal-editor", sp => sp.GetRequiredService<MessageService>().PublishAsync(fourthId, null, default));
        refused.Errors.ToDictionary()["OverrideReason"][0].ShouldContain("套话");
        (await app.MessageAsync(fourth.Ticket)).Status.ShouldBe(MessageStatus.Replied);

        var figures = await app.AsSystemAsync(sp => sp.GetRequiredService<MessageStatistics>().ForSiteAsync(app.Portal.Id, null, null, default));
        figures.BoilerplateReplies.ShouldBeGreaterThanOrEqualTo(1);
        figures.BoilerplateRate.ShouldBeGreaterThan(0);

        var published = await app.AsUserAsync("portal-editor", sp => sp.GetRequiredService<MessageService>().PublishAsync(fourthId, "已电话联系留言人，约定现场处理", default));
        published.Succeeded.ShouldBeTrue();
        published.Value!.BoilerplateOverrideReason.ShouldBe("已电话联系留言人，约定现场处理");

        // A real answer is not flagged.
        var fifth = await app.SubmitAsync(app.Portal.Id, "第五个问题", "第五个问题的具体情况说明。", phone: "13312340008");
        var fifthId = (await app.MessageAsync(fifth.Ticket)).Id;
        var real = await app.AsUserAsync("portal-editor", async sp =>
        {
            var s = sp.GetRequiredService<MessageService>();
            await s.TriageAsync(fifthId, TriageVerdict.Valid, null, null, default);
            return await s.ReplyAsync(fifthId, "经核实，您反映的幸福路积水问题已列入今年排水改造计划，预计6月底前完工。", default);
        });
        real.Value!.ReplyIsBoilerplate.ShouldBeFalse();
    }

    [Fact]
    public async Task The_public_page_shows_the_sites_figures()
    {
        var r = await app.SubmitAsync(app.Portal.Id, "统计用留言", "用于检查统计数字的留言。", phone: "13312349999");
        await PublishAsync(r, "经核实，相关问题已于当日解决，特此答复。");
        var figures = await app.AsSystemAsync(sp => sp.GetRequiredService<MessageStatistics>().ForSiteAsync(app.Portal.Id, null, null, default));
        figures.Received.ShouldBeGreaterThan(0);
        figures.Closed.ShouldBeGreaterThan(0);
        figures.PublishedReplies.ShouldBeGreaterThan(0);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/sites/{InteractionFactory.PortalCode}/interaction?fresh={Guid.NewGuid():N}");
        html.ShouldContain("按期办结率");
        html.ShouldContain($"<dd id=\"stat-received\">{figures.Received}</dd>");
    }
}
