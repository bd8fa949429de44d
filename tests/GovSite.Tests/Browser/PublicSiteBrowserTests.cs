using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Demo;
using GovSite.PublicSite.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>The accessibility toolbar, keyboard use, zoom and the themed demo sites in a real browser.</summary>
[Trait("Category", "Browser")]
public class PublicSiteBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }

    [Fact]
    public async Task Toolbar_choices_enlarge_text_switch_contrast_and_show_the_guide_and_persist()
    {
        var page = await app.NewPageAsync();
        var home = $"/sites/{BrowserFixture.Code}/";
        await page.GotoAsync(home);
        var before = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)");
        await page.GetByRole(AriaRole.Button, new() { Name = "放大字号" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "放大字号" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "高对比度" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "阅读辅助线" }).ClickAsync();
        (await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)")).ShouldBe(before * 1.25, 0.5);
        (await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor")).ShouldBe("rgb(0, 0, 0)");
        (await page.Locator(".reading-guide").IsVisibleAsync()).ShouldBeTrue();
        (await SeriousViolationsAsync(page)).ShouldBeEmpty();

        await page.GotoAsync($"/sites/{BrowserFixture.Code}/columns/{app.NewsColumnId}");
        (await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)")).ShouldBe(before * 1.25, 0.5);
        (await page.EvaluateAsync<bool>("document.documentElement.classList.contains('a11y-contrast')")).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Button, new() { Name = "高对比度" }).GetAttributeAsync("aria-pressed")).ShouldBe("true");

        await page.GetByRole(AriaRole.Button, new() { Name = "恢复默认" }).ClickAsync();
        (await page.EvaluateAsync<bool>("document.documentElement.classList.contains('a11y-contrast')")).ShouldBeFalse();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_traditional_script_view_converts_the_page_and_is_remembered()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/articles/{app.PolicyId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "繁體" }).ClickAsync();
        // A locator, not WaitForFunction: the page's CSP forbids the eval that a string predicate needs.
        await page.Locator("html[lang='zh-Hant']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("關於進一步優化營商環境的若干措施");
        await page.ReloadAsync();
        await page.Locator("html[lang='zh-Hant']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator(".site-footer").InnerTextAsync()).ShouldContain("主辦單位");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_200_percent_zoom_nothing_scrolls_sideways()
    {
        // 200% zoom of a 1280 px window is a 640 CSS px viewport at device scale 2.
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 640, Height = 400 }, DeviceScaleFactor = 2 });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/", $"/columns/{app.NewsColumnId}", $"/articles/{app.PolicyId}" })
        {
            await page.GotoAsync($"/sites/{BrowserFixture.Code}{path}");
            (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse(path);
        }
        // And with the toolbar's largest text on top.
        for (var i = 0; i < 8; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "放大字号" }).ClickAsync();
        }
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse();
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_links_the_navigation_and_the_toolbar()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("跳到导航");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("main-nav");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("首页");

        await page.GotoAsync($"/sites/{BrowserFixture.Code}/");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("放大字号");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("document.documentElement.style.fontSize")).ShouldBe("112.5%");
        await page.Context.CloseAsync();
    }

    public static TheoryData<string> ThemedPages => new()
    {
        $"/sites/{DemoRegion.ProvincialPortalCode}/",
        $"/sites/{DemoRegion.DevelopmentReformCode}/",
        $"/sites/{DemoRegion.CountyPortalCode}/",
        "TOPIC",
        "TOPICS",
    };

    [Theory]
    [MemberData(nameof(ThemedPages))]
    public async Task Themed_sites_and_topic_pages_pass_axe_on_phone_and_desktop(string path)
    {
        if (path.StartsWith("TOPIC", StringComparison.Ordinal))
        {
            var topic = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<TopicService>().OpenAsync(app.Site.Id,
                new TopicInput { Name = "浏览器测试专题", Summary = "专题简介", ColumnNames = "专题动态" })).Value!);
            path = path == "TOPIC" ? $"/sites/{BrowserFixture.Code}/topics/{topic.Id}" : $"/sites/{BrowserFixture.Code}/topics";
        }
        foreach (var width in new[] { 360, 1280 })
        {
            var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = 800 } });
            var page = await context.NewPageAsync();
            (await page.GotoAsync(path))!.Status.ShouldBe(200);
            (await SeriousViolationsAsync(page)).ShouldBeEmpty($"{path} at {width}px");
            (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1")).ShouldBeFalse($"{path} at {width}px");
            await context.CloseAsync();
        }
    }
}
