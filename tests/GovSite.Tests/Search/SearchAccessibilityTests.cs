using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Demo;
using GovSite.Tests.Browser;

namespace GovSite.Tests.Search;

[Trait("Category", "Browser")]
public class SearchAccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> SearchPages => new()
    {
        $"/sites/{DemoRegion.HumanResourcesCode}/search?q=%E7%A4%BE%E4%BF%9D",
        $"/sites/{DemoRegion.EducationCode}/search?q=%E6%95%99%E8%82%B2&page=2",
        $"/sites/{DemoRegion.EducationCode}/search?q=zzzzqqq",
        "/search?q=shebao",
        "/search",
    };

    [Theory]
    [MemberData(nameof(SearchPages))]
    public async Task Search_pages_have_no_serious_or_critical_wcag_violations(string path)
    {
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
    public async Task Typing_in_the_search_box_offers_suggestions()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/sites/{DemoRegion.EducationCode}/search");
        await page.FillAsync("#search-q", "义务");
        await page.WaitForFunctionAsync("document.querySelectorAll('#search-suggestions option').length > 0");
        var first = await page.EvaluateAsync<string>("document.querySelector('#search-suggestions option').value");
        first.ShouldContain("义务");
        await page.Context.CloseAsync();
    }
}
