using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>
/// axe on every page of the screenshot check (issue 23), at 390 px and 1366 px, in the normal colours
/// and in high contrast: zero serious or critical WCAG 2.1 A/AA violations. Public pages are switched
/// by the site's own 高对比度 button; the back office has no such toggle, so it is checked under the
/// system's high-contrast mode (forced colours), which is what its users switch on.
/// </summary>
[Trait("Category", "Browser")]
[Collection(ScreensCollection.Name)]
public class PageAccessibilityTests(ScreensFixture app)
{
    public static TheoryData<string, int> Screens => Screen.AtBothWidths();

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_page_has_no_serious_violations_in_normal_and_high_contrast(string name, int width)
    {
        var screen = app.Screens[name];
        var page = await app.OpenAsync(screen, width);
        try
        {
            var normal = await SeriousViolationsAsync(page, new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
            if (screen.Public)
            {
                var toggle = page.GetByRole(AriaRole.Button, new() { Name = "高对比度" });
                await toggle.ClickAsync();
                (await toggle.GetAttributeAsync("aria-pressed")).ShouldBe("true");
                (await page.EvaluateAsync<bool>("document.documentElement.classList.contains('a11y-contrast')")).ShouldBeTrue();
            }
            else
            {
                await page.EmulateMediaAsync(new() { ForcedColors = ForcedColors.Active });
                (await page.EvaluateAsync<bool>("matchMedia('(forced-colors: active)').matches")).ShouldBeTrue();
            }
            // High contrast changes colours only: the colour rules are what can change (half the time of a full run).
            var contrast = await SeriousViolationsAsync(page, new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] });
            normal.ShouldBeEmpty($"{name} at {width}px");
            contrast.ShouldBeEmpty($"{name} at {width}px in high contrast");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<List<string>> SeriousViolationsAsync(IPage page, RunOnlyOptions rules)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = rules });
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }
}
