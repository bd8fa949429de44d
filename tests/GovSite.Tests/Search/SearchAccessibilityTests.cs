using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Search;
using GovSite.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        // A locator, not WaitForFunction: the page's CSP forbids the eval that a string predicate needs.
        await page.Locator("#search-suggestions option").First.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        var first = await page.EvaluateAsync<string>("document.querySelector('#search-suggestions option').value");
        first.ShouldContain("义务");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_hot_search_page_is_accessible_and_pins_an_entry_in_a_browser()
    {
        var siteId = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var id = await db.Sites.Where(s => s.Code == DemoRegion.CountyPortalCode).Select(s => s.Id).FirstAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var (query, visitors) in new[] { ("黄桃", 6), ("防汛抗旱", 3), ("<b>x</b>", 9) })
            {
                for (var i = 0; i < visitors; i++)
                {
                    db.SearchVisits.Add(new SearchVisit { SiteId = id, Query = query, Day = today, Visitor = $"browser-{i}" });
                }
            }
            await db.SaveChangesAsync();
            sp.GetRequiredService<HotSearches>().Changed(id);
            return id;
        });
        var page = await app.SignedInPageAsync();
        var response = await page.GotoAsync($"/admin/search/hot?site={siteId}");
        response!.Status.ShouldBe(200);
        (await page.Locator("table.list tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();

        var row = page.Locator("table.list tbody tr", new() { HasText = "防汛抗旱" });
        await row.Locator("button", new() { HasText = "置顶" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"site={siteId}", StringComparison.Ordinal));
        (await page.Locator("ol.hot-list li").First.InnerTextAsync()).ShouldBe("防汛抗旱");
        (await page.Locator("table.list tbody tr", new() { HasText = "<b>x</b>" }).InnerTextAsync()).ShouldContain("不显示");
        await page.Context.CloseAsync();
    }
}
