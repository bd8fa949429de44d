using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Supervision;

/// <summary>Every supervision page, back office and public, over the demo's year, in Chromium with axe: no serious or critical WCAG 2.1 AA problem.</summary>
[Trait("Category", "Browser")]
public class SupervisionAccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignedInPageAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", GovSiteFactory.AdminPassword);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        return page;
    }

    private async Task<Dictionary<string, string>> PathsAsync() => await app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        var round = await db.SpotCheckRounds.OrderBy(r => r.Id).FirstAsync();
        var failing = await db.Assessments.Where(a => a.Verdict == "fail").OrderBy(a => a.Id).FirstAsync();
        var order = await db.RectificationOrders.OrderBy(o => o.Id).FirstAsync();
        var integrated = await db.Sites.FirstAsync(s => s.Code == DemoSupervision.AgricultureCode);
        var @case = await db.CounterfeitCases.OrderBy(c => c.Id).FirstAsync();
        var notice = await db.SupervisionNotices.Where(n => n.PublishedAt != null).OrderBy(n => n.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["desk"] = $"/admin/supervision?region={DemoRegion.ProvinceCode}",
            ["indicators"] = "/admin/supervision/indicators",
            ["rounds"] = $"/admin/supervision/spot-checks?region={DemoRegion.ProvinceCode}",
            ["round"] = $"/admin/supervision/spot-checks/{round.Id}",
            ["sheet"] = $"/admin/supervision/assessments/{failing.Id}",
            ["orders"] = "/admin/supervision/rectifications",
            ["order"] = $"/admin/supervision/rectifications/{order.Id}",
            ["accountability"] = $"/admin/supervision/accountability?region={DemoRegion.CountyCode}",
            ["lifecycle"] = $"/admin/supervision/lifecycle?region={DemoRegion.ProvinceCode}",
            ["site"] = $"/admin/supervision/lifecycle/{integrated.Id}",
            ["counterfeits"] = $"/admin/supervision/counterfeits?region={DemoRegion.ProvinceCode}&site={DemoRegion.ProvincialPortalCode}",
            ["counterfeit"] = $"/admin/supervision/counterfeits/{@case.Id}",
            ["new-media"] = $"/admin/supervision/new-media?region={DemoRegion.ProvinceCode}",
            ["translations"] = "/admin/supervision/translations",
            ["public-notices"] = $"/sites/{DemoRegion.ProvincialPortalCode}/supervision/notices",
            ["public-notice"] = $"/sites/{DemoRegion.ProvincialPortalCode}/supervision/notices/{notice.Id}",
            ["closed-site"] = $"/sites/{DemoSupervision.InvestmentCode}/",
        };
    });

    public static TheoryData<string> Pages => new()
    {
        "desk", "indicators", "rounds", "round", "sheet", "orders", "order", "accountability", "lifecycle", "site", "counterfeits", "counterfeit",
        "new-media", "translations", "public-notices", "public-notice", "closed-site",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Supervision_pages_have_no_serious_or_critical_wcag_violations(string name)
    {
        var paths = await PathsAsync();
        var page = await SignedInPageAsync();
        var response = await page.GotoAsync(paths[name]);
        response!.Status.ShouldBe(200, paths[name]);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty(paths[name]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_desk_draws_its_round_chart_beside_the_table()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync($"/admin/supervision?region={DemoRegion.ProvinceCode}");
        await page.WaitForSelectorAsync("#chart-rounds canvas");
        (await page.Locator("#chart-rounds ~ table tbody tr").CountAsync()).ShouldBe(4);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_inspector_overturns_a_finding_in_the_browser_and_the_form_keeps_a_refused_entry()
    {
        var id = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var round = await db.SpotCheckRounds.OrderByDescending(r => r.Id).FirstAsync();
            // Reopen one sheet for the browser: a checked, unsigned sheet of the last round.
            var sheet = await db.Assessments.Where(a => a.RoundId == round.Id && a.Verdict == "pass").OrderBy(a => a.Id).FirstAsync();
            sheet.Status = GovSite.Supervision.AssessmentStatus.Checked;
            sheet.SignedAt = null;
            sheet.SignedBy = null;
            await db.SaveChangesAsync();
            return sheet.Id;
        });
        var page = await SignedInPageAsync();
        await page.GotoAsync($"/admin/supervision/assessments/{id}");
        var before = await page.TextContentAsync("#score");
        // An entry without a reason is refused, and what was typed stays.
        await page.SelectOptionAsync("#Entry_IndicatorCode", "D5");
        await page.FillAsync("#Entry_Points", "2");
        await page.FillAsync("#Entry_Evidence", "见<首页>热点回应栏目");
        await page.ClickAsync("form[action*='handler=Entry'] button[type=submit]");
        (await page.TextContentAsync(".error-summary"))!.ShouldContain("请写明问题或评判理由");
        (await page.InputValueAsync("#Entry_Evidence")).ShouldBe("见<首页>热点回应栏目");
        await page.FillAsync("#Entry_Comment", "热点回应不及时");
        await page.ClickAsync("form[action*='handler=Entry'] button[type=submit]");
        await page.WaitForSelectorAsync(".notice-ok");
        var after = await page.TextContentAsync("#score");
        double.Parse(after!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(double.Parse(before!, System.Globalization.CultureInfo.InvariantCulture) - 2);
        await page.Context.CloseAsync();
    }
}
