using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>
/// The Content-Security-Policy refuses nothing GovSite itself ships: the main public and back-office
/// pages load in Chromium with no violation reported, and their scripts did run.
/// </summary>
[Trait("Category", "Browser")]
public class ContentSecurityPolicyBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    // Playwright's init scripts run outside the page's policy, so the listener is there before any page script.
    private const string Recorder = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', function (e) {
            window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @' + e.sourceFile + ':' + e.lineNumber);
        });
        """;

    private static async Task<List<string>> VisitAsync(IPage page, IEnumerable<string> paths, Func<IPage, string, Task>? after = null)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: console: {message.Text}");
            }
        };
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            response!.Ok.ShouldBeTrue($"GET {path}: {response.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (after is not null)
            {
                await after(page, path);
            }
            violations.AddRange((await page.EvaluateAsync<string[]>("window.__csp")).Select(v => $"{path}: {v}"));
        }
        return violations;
    }

    [Fact]
    public async Task Public_pages_load_with_no_policy_violation_and_their_scripts_run()
    {
        var (interview, survey) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var i = await db.Interviews.Select(x => new { x.Id, x.SiteId }).FirstOrDefaultAsync();
            var s = await db.Surveys.Select(x => new { x.Id, x.SiteId }).FirstOrDefaultAsync();
            var codes = await db.Sites.ToDictionaryAsync(x => x.Id, x => x.Code);
            return (i is null ? null : $"/sites/{codes[i.SiteId]}/interviews/{i.Id}", s is null ? null : $"/sites/{codes[s.SiteId]}/surveys/{s.Id}/results");
        });
        var site = $"/sites/{BrowserFixture.Code}";
        var paths = new List<string?>
        {
            site + "/", $"{site}/columns/{app.NewsColumnId}", $"{site}/articles/{app.PolicyId}", $"{site}/search?q=营商环境",
            $"{site}/interaction", $"{site}/interaction/write", $"{site}/participation", interview, survey,
        };
        var page = await app.NewPageAsync();
        await page.AddInitScriptAsync(Recorder);
        var violations = await VisitAsync(page, paths.OfType<string>(), async (p, path) =>
        {
            if (path == site + "/")
            {
                // a11y.js unhides the toolbar: the site's own script ran under the policy.
                (await p.Locator("#a11y-bar").IsVisibleAsync()).ShouldBeTrue();
            }
            if (path == survey && await p.Locator("[data-chart]").CountAsync() > 0)
            {
                (await p.Locator("[data-chart] canvas, [data-chart] svg").CountAsync()).ShouldBeGreaterThan(0, "ECharts drew the survey results");
            }
        });
        violations.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Back_office_pages_load_with_no_policy_violation_and_their_scripts_run()
    {
        var monitored = await GovSite.Tests.Security.CheckHistory.SeedAsync(app);
        var page = await app.SignedInPageAsync();
        await page.AddInitScriptAsync(Recorder);
        var s = app.Site.Id;
        var violations = await VisitAsync(page,
            ["/admin", "/admin/sites", $"/admin/sites/{s}/articles", $"/admin/sites/{s}/articles/new", $"/admin/sites/{s}/columns",
             $"/admin/sites/{s}/library", $"/admin/sites/{s}/theme", $"/admin/sites/{s}/messages", $"/admin/sites/{s}/participation",
             "/admin/monitoring", $"/admin/monitoring/sites/{monitored}", "/admin/quality", "/admin/search", "/admin/users", "/admin/audit", "/admin/calendar"],
            async (p, path) =>
            {
                if (path.EndsWith("/articles/new", StringComparison.Ordinal))
                {
                    // Quill replaced the textarea: the editor's scripts ran.
                    await p.Locator(".ql-toolbar").First.WaitForAsync();
                }
                if (path == $"/admin/monitoring/sites/{monitored}")
                {
                    (await p.Locator(".trend-chart canvas, .trend-chart svg").CountAsync()).ShouldBeGreaterThan(0, "the inline chart script ran with its nonce");
                }
            });
        violations.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}
