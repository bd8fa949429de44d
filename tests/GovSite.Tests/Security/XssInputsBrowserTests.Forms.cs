using GovSite.Common;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Security;

/// <summary>The back office's column and site forms, typed into and sent from Chromium itself.</summary>
public partial class XssInputsBrowserTests
{
    [Fact]
    public async Task Column_and_site_names_typed_into_the_admin_forms_run_nothing_on_the_notice_the_lists_and_the_public_site()
    {
        var department = app.Department.Id;
        // The forms are posted from the browser, so the page after the post (the list with its
        // "已保存" notice naming what was saved) is scanned as well; each context posts its own.
        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, SignInAsPlatformAdminAsync);
        var typed = new List<string>();
        var batches = XssCorpus.Batches(100, " ").Skip(20).Take(6).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var name = TypedText.LineOrEmpty(string.Join(' ', batches[i]));
            var description = string.Join('\n', batches[i]);
            typed.Add(name);
            var copy = 0;
            await probe.VisitAsync($"/admin/sites/{department}/columns", [name], async page =>
            {
                // The second context's column gets a mark of its own: names are unique on a site.
                var own = copy++ == 0 ? name : "二" + name[..^(char.IsLowSurrogate(name[^1]) ? 2 : 1)].TrimEnd();
                await page.FillAsync("#Input_Name", own);
                await page.SelectOptionAsync("#Input_Type", "News");
                await page.FillAsync("#Input_Description", description);
                await page.FillAsync("#Input_Keywords", name);
                await page.ClickAsync("#Input_Keywords >> xpath=ancestor::form//button[@type='submit' and @class='primary']");
            });
        }
        var saved = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns.AsNoTracking()
            .Where(c => c.SiteId == department && typed.Contains(c.Name)).Select(c => new { c.Id, c.Name, c.Description }).ToListAsync());
        saved.Select(c => c.Name).Order().ShouldBe(typed.Order());

        foreach (var batch in XssCorpus.Batches(200, " ").Skip(30).Take(3))
        {
            var name = TypedText.LineOrEmpty(string.Join(' ', batch));
            await probe.VisitAsync($"/admin/sites/{department}/edit", [name], async page =>
            {
                await page.FillAsync("#Input_Name", name);
                await page.FillAsync("#Input_Address", XssCorpus.Line(batch.AsEnumerable().Reverse(), 200));
                await page.FillAsync("#Input_Description", string.Join('\n', batch));
                await page.ClickAsync("#Input_Name >> xpath=ancestor::form//button[@type='submit' and @class='primary']");
            });
            (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Id == department).Select(s => s.Name).SingleAsync()))
                .ShouldBe(name);
            await probe.VisitAsync("/admin/sites", [name]);
            await probe.VisitAsync($"/sites/{Interaction.InteractionFactory.DepartmentCode}/", [name]);
        }
        foreach (var column in saved)
        {
            await probe.VisitAsync($"/sites/{Interaction.InteractionFactory.DepartmentCode}/columns/{column.Id}", [column.Name]);
        }
        await probe.VisitAsync($"/admin/sites/{department}/columns", typed);
        ShouldHaveNoFailures(probe);
    }
}
