using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>The visitor figures and annual reports in Chromium, on the demo region's generated year, with axe.</summary>
[Trait("Category", "Browser")]
public class FiguresBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Portal = GovSite.Demo.DemoRegion.ProvincialPortalCode;
    private static int LastYear => DateTime.UtcNow.AddHours(8).Year - 1;

    private static async Task NoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task The_published_report_and_the_portals_list_are_accessible()
    {
        var page = await app.NewPageAsync();
        (await page.GotoAsync($"/sites/{Portal}/annual-reports"))!.Status.ShouldBe(200);
        (await page.Locator("main li").CountAsync()).ShouldBeGreaterThan(1);
        await NoSeriousViolationsAsync(page);
        (await page.GotoAsync($"/sites/{Portal}/annual-reports/{LastYear}"))!.Status.ShouldBe(200);
        (await page.Locator("table.annual-report td[data-key='signoff.head']").InnerTextAsync()).ShouldBe("王建国");
        await NoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_published_supervision_report_and_its_back_office_page_are_accessible()
    {
        var page = await app.NewPageAsync();
        (await page.GotoAsync($"/sites/{Portal}/supervision-reports/{LastYear}"))!.Status.ShouldBe(200);
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("政府网站监管年度报表");
        (await page.Locator("table.annual-report td[data-key='training.people']").InnerTextAsync()).ShouldBe("236");
        await NoSeriousViolationsAsync(page);
        (await page.GotoAsync($"/sites/{Portal}/annual-reports"))!.Status.ShouldBe(200);
        (await page.Locator($"a[href$='/supervision-reports/{LastYear}']").CountAsync()).ShouldBe(1);
        await page.Context.CloseAsync();

        var staff = await app.SignedInPageAsync();
        (await staff.GotoAsync($"/admin/supervision-reports/{GovSite.Demo.DemoRegion.ProvinceCode}/{LastYear + 1}"))!.Status.ShouldBe(200);
        (await staff.Locator("input[name='Values[training.people]']").CountAsync()).ShouldBe(1);
        await NoSeriousViolationsAsync(staff);
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task The_back_office_figures_pages_draw_their_charts_and_are_accessible()
    {
        var page = await app.SignedInPageAsync();
        (await page.GotoAsync($"/admin/visits?site={Portal}"))!.Status.ShouldBe(200);
        await page.Locator("[data-figures-chart] canvas").First.WaitForAsync();
        long.Parse(await page.Locator("#total-views").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        await NoSeriousViolationsAsync(page);

        (await page.GotoAsync("/admin/annual-reports"))!.Status.ShouldBe(200);
        await NoSeriousViolationsAsync(page);
        (await page.GotoAsync($"/admin/annual-reports/{Portal}/{LastYear + 1}"))!.Status.ShouldBe(200);
        await page.Locator("[data-figures-chart] canvas").First.WaitForAsync();
        (await page.Locator("input[name='Values[signoff.head]']").CountAsync()).ShouldBe(1);
        await NoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
