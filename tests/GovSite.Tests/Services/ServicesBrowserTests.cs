using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Services;

/// <summary>The services pages in Chromium, on a phone and on a desktop, checked with axe; a citizen rates a guide.</summary>
[Trait("Category", "Browser")]
public class ServicesBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Portal = DemoRegion.ProvincialPortalCode;

    public static TheoryData<string, int> PublicPages()
    {
        var data = new TheoryData<string, int>();
        foreach (var width in new[] { 390, 1366 })
        {
            foreach (var path in new[]
            {
                $"/sites/{Portal}/services", $"/sites/{Portal}/services/for/person", $"/sites/{Portal}/services/for/enterprise",
                $"/sites/{Portal}/services/theme/社会保障", $"/sites/{Portal}/services/life/出生", $"/sites/{Portal}/services/department/江川省公安厅",
                $"/sites/{Portal}/services/{DemoServices.HottestCode}", $"/sites/{Portal}/services/{DemoServices.VagueGuideCode}",
                $"/sites/{Portal}/services/{DemoServices.HottestCode}/rate", $"/sites/{Portal}/services?q=身份证",
            })
            {
                data.Add(path, width);
            }
        }
        return data;
    }

    private async Task<IPage> PageAsync(int width, bool signedIn = false)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 },
        });
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await page.GotoAsync("/admin/login");
            await page.FillAsync("#UserName", "admin");
            await page.FillAsync("#Password", GovSiteFactory.AdminPassword);
            await page.ClickAsync("button:has-text('登录')");
            await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        }
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page, string what, bool fitsScreen = true)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
        // Nothing wider than the screen: a phone reads the guide without scrolling sideways. (The back office's wide tables may scroll.)
        if (fitsScreen)
        {
            (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse($"{what} overflows");
        }
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Services_pages_have_no_serious_or_critical_wcag_violations(string path, int width)
    {
        var page = await PageAsync(width);
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBe(200, path);
        await AssertAccessibleAsync(page, $"{path} @{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task Back_office_services_pages_have_no_serious_or_critical_wcag_violations(int width)
    {
        var page = await PageAsync(width, signedIn: true);
        var (portalId, draftId) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var portal = await db.Sites.Where(s => s.Code == Portal).Select(s => s.Id).SingleAsync();
            var draft = await db.ServiceItems.Where(i => i.Code == DemoServices.IncompleteDraftCode).Select(i => i.Id).SingleAsync();
            return (portal, draft);
        });
        foreach (var path in new[]
        {
            $"/admin/sites/{portalId}/services", $"/admin/sites/{portalId}/services/new", $"/admin/services/{draftId}",
            $"/admin/sites/{portalId}/services/ratings", "/admin/services/import", "/admin/services/import/sources", "/admin/mourning",
        })
        {
            (await page.GotoAsync(path))!.Status.ShouldBe(200, path);
            await AssertAccessibleAsync(page, $"{path} @{width}", fitsScreen: false);
        }
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task Citizen_pages_have_no_serious_or_critical_wcag_violations(int width)
    {
        var page = await PageAsync(width);
        foreach (var path in new[] { $"/sites/{Portal}/account/register", $"/sites/{Portal}/account/signin" })
        {
            (await page.GotoAsync(path))!.Status.ShouldBe(200, path);
            await AssertAccessibleAsync(page, $"{path} @{width}");
        }
        // A refused registration keeps what was typed and says why, accessibly.
        await page.GotoAsync($"/sites/{Portal}/account/register");
        await page.FillAsync("#Name", "张三 <测试>");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        (await page.Locator(".error-summary").InnerTextAsync()).ShouldContain("请填写正确的手机号码");
        (await page.InputValueAsync("#Name")).ShouldBe("张三 <测试>");
        await AssertAccessibleAsync(page, $"registration with errors @{width}");

        // The demo person signs in with her password and finds her page.
        await page.GotoAsync($"/sites/{Portal}/account/signin");
        await page.FillAsync("#Mobile", DemoCitizens.PersonMobile);
        await page.FillAsync("#Password", DemoCitizens.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/account", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("个人空间：张晓梅");
        (await page.Locator(".saved-list").First.InnerTextAsync()).ShouldContain("出生登记（新生儿落户）");
        await AssertAccessibleAsync(page, $"personal page @{width}");
        // A 找错 report made while signed in is on her page with its status, linked to its status page.
        await page.GotoAsync($"/sites/{Portal}/error-reports/new?url={Uri.EscapeDataString($"https://www.jiangchuan.gov.cn/services?w={width}")}");
        await page.Locator("form.message-form input[name='Input.Kind'][value='Content']").CheckAsync();
        await page.FillAsync("#Input_Description", $"办事服务页面的说明有错别字（{width}）");
        await page.ClickAsync("form.message-form button[type=submit]");
        var number = (await page.Locator("#number").InnerTextAsync()).Trim();
        await page.GotoAsync($"/sites/{Portal}/account");
        var reports = page.Locator("section[aria-labelledby='reports-title']");
        (await reports.InnerTextAsync()).ShouldContain(number);
        (await reports.GetByRole(AriaRole.Link, new() { Name = number }).GetAttributeAsync("href")).ShouldBe($"/sites/{Portal}/error-reports/lookup?number={number}");
        await AssertAccessibleAsync(page, $"personal page with an error report @{width}");
        foreach (var path in new[]
        {
            $"/sites/{Portal}/account/save?kind=Service&target={DemoServices.HottestCode}", $"/sites/{Portal}/account/subscribe?kind=Service&target={DemoServices.HottestCode}",
            $"/sites/{Portal}/account/delete",
        })
        {
            (await page.GotoAsync(path))!.Status.ShouldBe(200, path);
            await AssertAccessibleAsync(page, $"{path} @{width}");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_finds_a_guide_by_life_event_and_rates_it_and_a_refused_rating_keeps_the_comment()
    {
        var page = await PageAsync(390);
        await page.GotoAsync($"/sites/{Portal}/services");
        await page.Locator("section[aria-labelledby='life-title']").GetByRole(AriaRole.Link, new() { Name = "出生" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "出生登记（新生儿落户）" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("出生登记（新生儿落户）");
        (await page.Locator(".guide-materials").InnerTextAsync()).ShouldContain("出生医学证明");
        await page.GetByRole(AriaRole.Link, new() { Name = "我要评价" }).ClickAsync();

        var comment = "网上申报后第二天就办好了 👍 <b>不用跑</b>";
        await page.GetByLabel("评价内容（选填）").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        (await page.Locator(".error-summary").InnerTextAsync()).ShouldContain("请选择评价等级");
        (await page.GetByLabel("评价内容（选填）").InputValueAsync()).ShouldBe(comment);
        await AssertAccessibleAsync(page, "rating form with errors");

        await page.GetByLabel("非常满意").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        (await page.Locator("#thanks-title").InnerTextAsync()).ShouldBe("感谢您的评价");
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceRatings.AnyAsync(r => r.Comment == comment));
        stored.ShouldBeTrue();
        await page.Context.CloseAsync();
    }
}
