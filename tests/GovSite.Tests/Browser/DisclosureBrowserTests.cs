using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>
/// The new public pages and forms of 政府信息公开 and 找错, and their back office, in Chromium with
/// axe: no serious or critical WCAG 2.1 AA violation, also when a form comes back with its errors.
/// </summary>
[Trait("Category", "Browser")]
public class DisclosureBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> PublicPages => new()
    {
        "/disclosure",
        "/disclosure/catalogue",
        "/disclosure/guide",
        "/disclosure/apply",
        "/disclosure/lookup",
        "/disclosure/reports",
        "/error-reports/new?url=https%3A%2F%2Fwww.browser.test.gov.cn%2F",
        "/error-reports/lookup",
    };

    private static async Task NoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_disclosure_and_error_report_pages_have_no_serious_or_critical_wcag_violations(string path)
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync($"/sites/{BrowserFixture.Code}{path}");
        response!.Status.ShouldBe(200);
        await NoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_application_form_sent_empty_comes_back_with_chinese_messages_and_stays_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/disclosure/apply");
        await page.FillAsync("#Input_Name", "王小明");
        await page.ClickAsync("form.request-form button[type=submit]");
        await page.WaitForLoadStateAsync();
        (await page.InputValueAsync("#Input_Name")).ShouldBe("王小明");
        (await page.Locator(".field-error").AllTextContentsAsync()).ShouldContain(t => t.Contains("证件", StringComparison.Ordinal));
        await NoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_error_report_form_carries_the_page_address_and_comes_back_accessible_with_its_errors()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/error-reports/new?url=https%3A%2F%2Fwww.browser.test.gov.cn%2Fcolumns%2F3%2F");
        (await page.InputValueAsync("#Input_PageUrl")).ShouldBe("https://www.browser.test.gov.cn/columns/3/");
        await page.ClickAsync("form.message-form button[type=submit]");
        await page.WaitForLoadStateAsync();
        (await page.Locator(".field-error").AllTextContentsAsync()).ShouldContain(t => t.Length > 0);
        await NoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/disclosure")]
    [InlineData("/disclosure/requests")]
    [InlineData("/disclosure/requests/new")]
    [InlineData("/disclosure/reports")]
    [InlineData("/error-reports")]
    public async Task Back_office_pages_have_no_serious_or_critical_wcag_violations(string path)
    {
        var page = await app.SignedInPageAsync();
        var response = await page.GotoAsync($"/admin/sites/{app.Site.Id}{path}");
        response!.Status.ShouldBe(200);
        await NoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
