using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace GovSite.Tests.Browser;

[Trait("Category", "Browser")]
public class AccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> PublicPages => new()
    {
        $"/sites/{BrowserFixture.Code}/",
        "COLUMN",
        "COLUMN_PAGE_2",
        "POLICY",
        "/",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_pages_have_no_serious_or_critical_wcag_violations(string path)
    {
        path = path switch
        {
            "COLUMN" => $"/sites/{BrowserFixture.Code}/columns/{app.NewsColumnId}",
            "COLUMN_PAGE_2" => $"/sites/{BrowserFixture.Code}/columns/{app.NewsColumnId}/page/2",
            "POLICY" => $"/sites/{BrowserFixture.Code}/articles/{app.PolicyId}",
            _ => path,
        };
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBe(200);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_skip_link_moves_keyboard_focus_to_the_main_content()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("跳到主要内容");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("main");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_layout_holds_on_a_phone_screen()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/articles/{app.PolicyId}");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse();
        await context.CloseAsync();
    }

    /// <summary>Over real Kestrel: the in-memory test server itself trips on such a Host header.</summary>
    [Fact]
    public async Task A_malformed_punycode_host_is_answered_not_crashed()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "xn--";
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
