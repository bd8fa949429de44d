using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Demo;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>
/// Pages that look finished: the phone navigation behind a real button, high contrast over the whole
/// page, a 404 page inside the site, registration numbers that do not wrap, the file picker in Chinese.
/// </summary>
[Trait("Category", "Browser")]
public class FinishedPagesBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly string Portal = $"/sites/{DemoRegion.ProvincialPortalCode}/";

    private async Task<IPage> PageAsync(int width)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = 844 }, Locale = "en-US" });
        return await context.NewPageAsync();
    }

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
    public async Task On_a_phone_the_navigation_opens_and_closes_with_its_button_by_mouse_and_keyboard()
    {
        var page = await PageAsync(390);
        await page.GotoAsync(Portal);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "栏目导航" });
        var nav = page.Locator("#main-nav ul");
        (await toggle.IsVisibleAsync()).ShouldBeTrue();
        (await toggle.GetAttributeAsync("aria-controls")).ShouldBe("main-nav");
        (await nav.IsVisibleAsync()).ShouldBeFalse("collapsed on a phone");

        await toggle.ClickAsync();
        (await toggle.GetAttributeAsync("aria-expanded")).ShouldBe("true");
        (await nav.IsVisibleAsync()).ShouldBeTrue();
        (await SeriousViolationsAsync(page)).ShouldBeEmpty();

        // Escape from inside the menu closes it and gives focus back to the button.
        await page.Locator("#main-nav a").First.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        (await toggle.GetAttributeAsync("aria-expanded")).ShouldBe("false");
        (await nav.IsVisibleAsync()).ShouldBeFalse();
        (await page.EvaluateAsync<bool>("document.activeElement === document.querySelector('.nav-toggle')")).ShouldBeTrue();
        await page.Keyboard.PressAsync("Enter");
        (await nav.IsVisibleAsync()).ShouldBeTrue("Enter on the focused button opens it again");

        // On a desktop the button is not there and the navigation is.
        var desktop = await PageAsync(1366);
        await desktop.GotoAsync(Portal);
        (await desktop.Locator(".nav-toggle").IsVisibleAsync()).ShouldBeFalse();
        (await desktop.Locator("#main-nav ul").IsVisibleAsync()).ShouldBeTrue();
        await page.Context.CloseAsync();
        await desktop.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_scripts_the_phone_navigation_stays_open()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Portal);
        (await page.Locator("#main-nav ul").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator(".nav-toggle").IsVisibleAsync()).ShouldBeFalse();
        await context.CloseAsync();
    }

    [Fact]
    public async Task High_contrast_covers_the_portals_masthead_and_the_footer_numbers_do_not_wrap()
    {
        var page = await PageAsync(1366);
        await page.GotoAsync(Portal);
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-header')).backgroundImage")).ShouldNotBe("none", "the portal's masthead is a gradient");
        await page.GetByRole(AriaRole.Button, new() { Name = "高对比度" }).ClickAsync();
        foreach (var selector in new[] { ".site-header", ".main-nav", ".site-footer", "body" })
        {
            (await page.EvaluateAsync<string>($"getComputedStyle(document.querySelector('{selector}')).backgroundImage")).ShouldBe("none", selector);
            (await page.EvaluateAsync<string>($"getComputedStyle(document.querySelector('{selector}')).backgroundColor")).ShouldBe("rgb(0, 0, 0)", selector);
        }
        (await SeriousViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复默认" }).ClickAsync();

        var phone = await PageAsync(390);
        await phone.GotoAsync(Portal);
        foreach (var selector in new[] { ".site-code", ".icp", ".police" })
        {
            if (await phone.Locator(selector).CountAsync() == 0)
            {
                continue;
            }
            (await phone.EvaluateAsync<string>($"getComputedStyle(document.querySelector('{selector}')).whiteSpace")).ShouldBe("nowrap", selector);
            // One line: its height is one line's.
            (await phone.EvaluateAsync<bool>($"(function(e){{var r=e.getClientRects();return r.length===1;}})(document.querySelector('{selector}'))")).ShouldBeTrue(selector);
        }
        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task The_404_page_keeps_the_sites_header_and_footer_and_leads_back_to_its_home()
    {
        foreach (var width in new[] { 390, 1366 })
        {
            var page = await PageAsync(width);
            var response = await page.GotoAsync($"{Portal}no-such-page");
            response!.Status.ShouldBe(404);
            (await page.Locator(".site-header .site-name").TextContentAsync() ?? "").ShouldContain("江川省人民政府");
            (await page.Locator(".site-footer").TextContentAsync() ?? "").ShouldContain("网站标识码");
            var home = page.Locator(".not-found a").First;
            (await home.GetAttributeAsync("href")).ShouldBe(Portal);
            (await SeriousViolationsAsync(page)).ShouldBeEmpty($"404 at {width}px");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_file_picker_speaks_chinese_in_an_english_browser_and_shows_the_chosen_file()
    {
        var page = await PageAsync(1366);
        await page.GotoAsync($"{Portal}interaction/write");
        var face = page.Locator(".file-picker-face");
        (await face.TextContentAsync()).ShouldBe("选择文件未选择文件");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "证明材料.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n"u8.ToArray() });
        (await page.Locator(".file-picker-status").TextContentAsync()).ShouldBe("证明材料.pdf");
        // The input keeps its label for assistive technology.
        (await page.GetByLabel("附件", new() { Exact = false }).CountAsync()).ShouldBeGreaterThan(0);
        (await SeriousViolationsAsync(page)).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}
