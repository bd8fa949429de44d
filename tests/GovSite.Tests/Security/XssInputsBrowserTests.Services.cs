using GovSite.Data;
using GovSite.Services;
using GovSite.Tests.Citizens;
using GovSite.Tests.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>Service items (办事指南) written through the back-office form.</summary>
public partial class XssInputsBrowserTests
{
    [Fact]
    public async Task Service_guides_written_through_the_admin_form_with_the_corpus_in_every_field_run_nothing_on_the_guide_lists_search_and_back_office()
    {
        using var editor = BackOfficeSession.Anonymous(app);
        var login = await editor.OpenAsync("/admin/login");
        var signedIn = await editor.SubmitAsync(login.Form("form[method=post]:not([action='/admin/logout'])"),
            new() { ["UserName"] = "portal-editor", ["Password"] = InteractionFactory.Password });
        // The client follows redirects on the Kestrel port: signed in is wherever the login leads.
        signedIn.RequestMessage!.RequestUri!.AbsolutePath.ShouldNotBe("/admin/login", string.Join("\n", (await CitizensFactoryBase.ReadAsync(signedIn, "/admin/login")).Errors));
        var items = new List<(int Id, string Code, string Keyword, List<string> Shown)>();
        var batches = XssCorpus.Batches(2000);
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            var reversed = batch.AsEnumerable().Reverse().ToList();
            var block = string.Join('\n', batch);
            var code = $"XSS-{i:D3}";
            var fields = new Dictionary<string, string?>
            {
                ["Input.Code"] = code,
                ["Input.Name"] = XssCorpus.Line(batch, 200),
                ["Input.Type"] = "Payment",
                ["Input.ForPersons"] = "true",
                ["Input.Department"] = XssCorpus.Line(reversed, 200),
                ["Input.Keywords"] = $"xss{i} " + XssCorpus.Line(batch.Skip(1), 190),
                ["Input.LegalBasis"] = "依据：\n" + block,
                ["Input.Conditions"] = "条件：\n" + block,
                ["Input.Location"] = XssCorpus.Line(batch.Skip(batch.Count / 3), 500),
                ["Input.OfficeHours"] = XssCorpus.Line(batch.Skip(batch.Count / 2), 500),
                ["Input.Fee"] = "收费：\n" + block,
                ["Input.LegalDays"] = "30",
                ["Input.PromisedDays"] = "20",
                ["Input.Phone"] = XssCorpus.Line(reversed.Skip(1), 100),
                ["Input.SupervisionPhone"] = XssCorpus.Line(reversed.Skip(2), 100),
                ["Input.Themes"] = "社会保障",
                ["Input.Materials[0].Name"] = XssCorpus.Line(batch.Skip(batch.Count / 4), 300),
                ["Input.Materials[0].Form"] = "Original",
                ["Input.Materials[0].Originals"] = "1",
                ["Input.Materials[0].Note"] = XssCorpus.Line(batch.Skip(batch.Count / 5), 500),
                ["Input.Steps[0].Name"] = XssCorpus.Line(batch.Skip(batch.Count / 6), 100),
                ["Input.Steps[0].TimeLimit"] = XssCorpus.Line(reversed.Skip(3), 100),
                ["Input.Steps[0].Description"] = block,
                ["Input.Questions[0].Question"] = XssCorpus.Line(batch.Skip(batch.Count / 7), 300),
                ["Input.Questions[0].Answer"] = block,
            };
            var url = $"/admin/sites/{app.Portal.Id}/services/new";
            var response = await editor.SubmitWithFilesAsync((await editor.OpenAsync(url)).Form("form.service-form"), fields);
            response.RequestMessage!.RequestUri!.AbsolutePath.ShouldNotBe(url,
                "service item refused:\n" + string.Join("\n", (await CitizensFactoryBase.ReadAsync(response, url)).Errors));
            var item = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.AsNoTracking().SingleAsync(s => s.Code == code));
            var content = await app.AsSystemAsync(async sp =>
                ServiceGuideContent.From(await sp.GetRequiredService<GovSiteDb>().ServiceItems.AsNoTracking()
                    .Include(s => s.Materials).Include(s => s.Steps).Include(s => s.Questions).SingleAsync(s => s.Id == item.Id)));
            foreach (var (field, stored) in new[]
            {
                ("Input.Name", content.Name), ("Input.Department", content.Department), ("Input.Conditions", content.Conditions),
                ("Input.Location", content.Location), ("Input.OfficeHours", content.OfficeHours), ("Input.Phone", content.Phone),
                ("Input.Materials[0].Name", content.Materials[0].Name), ("Input.Materials[0].Note", content.Materials[0].Note),
                ("Input.Steps[0].Name", content.Steps[0].Name), ("Input.Steps[0].Description", content.Steps[0].Description),
                ("Input.Questions[0].Answer", content.Questions[0].Answer),
            })
            {
                stored.ShouldBe(fields[field], field);
            }
            (await app.AsUserAsync("portal-editor", sp => sp.GetRequiredService<ServiceEditor>().ActAsync(item.Id, ServiceAction.Submit, null)))
                .Succeeded.ShouldBeTrue(code);
            var approved = await app.AsUserAsync("portal-admin", sp => sp.GetRequiredService<ServiceEditor>().ActAsync(item.Id, ServiceAction.Approve, null));
            approved.Succeeded.ShouldBeTrue(string.Join("；", approved.Errors.All.SelectMany(e => e.Value)));
            var shown = new[] { "Input.Name", "Input.Department", "Input.Location", "Input.OfficeHours", "Input.Phone", "Input.Materials[0].Name",
                "Input.Materials[0].Note", "Input.Steps[0].Name", "Input.Steps[0].TimeLimit", "Input.Questions[0].Question" }
                .Select(f => fields[f]!).Concat(batch).ToList();
            items.Add((item.Id, code, $"xss{i}", shown));
        }

        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        foreach (var (_, code, _, shown) in items)
        {
            await probe.VisitAsync($"{Site}/services/{code}", shown);
        }
        // The back-office item page shows the same fields in its form; a few of them keep the run short.
        foreach (var (id, _, _, _) in items.Take(4))
        {
            await probe.VisitAsync($"/admin/services/{id}");
        }
        await probe.VisitAsync($"{Site}/services");
        await probe.VisitAsync($"{Site}/services/theme/{Uri.EscapeDataString("社会保障")}");
        await probe.VisitAsync($"{Site}/services/for/{CatalogueFilter.Persons}");
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/services");
        foreach (var (_, _, keyword, _) in items.Take(4))
        {
            await probe.VisitAsync($"{Site}/search?q={keyword}");
        }
        ShouldHaveNoFailures(probe);
    }
}
