using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Interaction;
using GovSite.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Interaction;

/// <summary>A citizen writes a message in a real browser, sees FAQ answers while writing, and looks the message up.</summary>
[Trait("Category", "Browser")]
public class MessageBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private readonly string _base = $"/sites/{BrowserFixture.Code}/interaction";

    private Task OpenChannelsAsync() => app.AsSystemAsync(async sp =>
    {
        await sp.GetRequiredService<MessageService>().EnsureChannelsAsync(app.Site.Id, default);
        var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
        if (!db.FaqEntries.Any(f => f.SiteId == app.Site.Id))
        {
            db.FaqEntries.Add(new FaqEntry { SiteId = app.Site.Id, Question = "如何办理居住证？", Answer = "携带身份证到派出所办理。", Keywords = "居住证", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        // One published message, so 来信选登 and its detail page have content to check.
        if (!db.Messages.Any(m => m.SiteId == app.Site.Id && m.Status == MessageStatus.Published))
        {
            var service = sp.GetRequiredService<MessageService>();
            var outcome = await service.SubmitAsync(app.Site.Id, new MessageInput
            {
                Channel = ChannelKind.Suggestion, Name = "周八", Phone = "13922223333", Subject = "建议增设公交站点",
                Text = "建议在建设路12号附近增设公交站点，方便居民出行。我的电话13922223333。", IsPublic = true,
            }, null, null, default);
            var id = db.Messages.Single(m => m.Ticket == outcome.Receipt!.Ticket).Id;
            await service.TriageAsync(id, TriageVerdict.Valid, null, null, default);
            await service.ReplyAsync(id, "周八您好，经与公交公司研究，已将该站点列入明年线路调整计划。", default);
            (await service.PublishAsync(id, null, default)).Succeeded.ShouldBeTrue();
        }
        return 0;
    });

    [Fact]
    public async Task A_citizen_writes_a_message_sees_a_matching_answer_and_looks_the_message_up()
    {
        await OpenChannelsAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{_base}/write");
        await page.GetByLabel("留言渠道").SelectOptionAsync(new SelectOptionValue { Label = "咨询" });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" }).FillAsync("浏览器测试");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "联系电话" }).FillAsync("13911112222");
        await page.GetByLabel("电子邮箱（选填）").FillAsync("tester@example.com");
        await page.GetByLabel("标题").FillAsync("居住证怎么办理");
        await page.GetByLabel("留言内容").PressSequentiallyAsync("我刚来本市工作，想办理居住证，需要什么材料？");
        // 智能问答: the matching answer shows before the message is sent.
        var suggestion = page.Locator("#faq-suggestions");
        await suggestion.GetByText("如何办理居住证？").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.GetByLabel("同意公开（公开时隐去姓名、电话等个人信息）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync();

        var ticket = (await page.Locator("#ticket").TextContentAsync())!.Trim();
        var code = (await page.Locator("#query-code").TextContentAsync())!.Trim();
        ticket.ShouldMatch(@"^\d{14}$");
        code.Length.ShouldBe(8);

        await page.GotoAsync($"{_base}/lookup");
        await page.GetByLabel("留言编号").FillAsync(ticket);
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        (await page.Locator("#status").TextContentAsync()).ShouldBe("已受理，待分拣");
        (await page.ContentAsync()).ShouldContain("居住证怎么办理");

        // A wrong code says so beside the field.
        await page.GetByLabel("查询码").FillAsync("WRONG234");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        (await page.Locator(".error-summary").TextContentAsync())!.ShouldContain("编号或查询码不正确");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_form_with_mistakes_lists_them_and_keeps_what_was_typed()
    {
        await OpenChannelsAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{_base}/write");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" }).FillAsync("测试");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "联系电话" }).FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync();
        var summary = (await page.Locator(".error-summary").TextContentAsync())!;
        summary.ShouldContain("请选择留言渠道");
        summary.ShouldContain("手机号码");
        (await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" }).InputValueAsync()).ShouldBe("测试");
        (await page.GetByRole(AriaRole.Textbox, new() { Name = "联系电话" }).GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    public static TheoryData<string> Pages => new() { "/write", "/lookup", "", "DETAIL" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_message_pages_have_no_serious_or_critical_wcag_violations(string path)
    {
        await OpenChannelsAsync();
        var page = await app.NewPageAsync();
        if (path == "DETAIL")
        {
            var id = await app.AsSystemAsync(sp => Task.FromResult(sp.GetRequiredService<GovSite.Data.GovSiteDb>().Messages
                .First(m => m.SiteId == app.Site.Id && m.Status == MessageStatus.Published).Id));
            path = $"/messages/{id}";
        }
        var response = await page.GotoAsync(_base + path);
        response!.Status.ShouldBe(200);
        (await page.ContentAsync()).ShouldNotContain("13922223333");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }
}
