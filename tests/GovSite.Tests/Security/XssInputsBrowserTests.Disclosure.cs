using GovSite.Common;
using GovSite.Data;
using GovSite.Tests.Citizens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>The 依申请公开 public form itself (the service was covered with the back office before).</summary>
public partial class XssInputsBrowserTests
{
    [Fact]
    public async Task Information_requests_posted_through_the_public_form_with_the_corpus_in_every_text_field_run_nothing_on_the_status_lookup_and_back_office_pages()
    {
        var requests = new List<(int Id, string Number, string QueryCode, List<string> Shown, string Summary)>();
        var batches = XssCorpus.Batches(4000);
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            // A person (name 50, work unit) and an organisation (name 100, legal representative, contact) in turn.
            var person = i % 2 == 0;
            var fields = new Dictionary<string, string?>
            {
                ["Input.ApplicantKind"] = person ? "NaturalPerson" : "Company",
                ["Input.Name"] = XssCorpus.Line(batch, person ? 50 : 100),
                ["Input.IdKind"] = person ? "Passport" : "Other",
                ["Input.IdNumber"] = person ? "E12345678" : "ORG12345678",
                ["Input.WorkUnit"] = person ? XssCorpus.Line(batch.AsEnumerable().Reverse(), 100) : null,
                ["Input.LegalRepresentative"] = person ? null : XssCorpus.Line(batch.AsEnumerable().Reverse(), 50),
                ["Input.ContactName"] = person ? null : XssCorpus.Line(batch.Skip(batch.Count / 2), 50),
                ["Input.Phone"] = "13800138000",
                ["Input.Address"] = XssCorpus.Line(batch.Skip(batch.Count / 3), 200),
                ["Input.PostalCode"] = "350001",
                ["Input.Fax"] = XssCorpus.Line(batch.Skip(batch.Count / 4), 30),
                ["Input.InformationName"] = XssCorpus.Line(batch.Skip(batch.Count / 5), 200),
                ["Input.Description"] = string.Join('\n', batch),
                ["Input.Purpose"] = string.Join('\n', batch).Length <= 1000 ? string.Join('\n', batch) : XssCorpus.Line(batch.Skip(batch.Count / 6), 1000),
                ["Input.Delivery"] = "Post",
            };
            using var visitor = BackOfficeSession.Anonymous(app);
            var url = $"{Site}/disclosure/apply";
            var form = (await visitor.OpenAsync(url)).Form("form.request-form");
            var response = await PostWithFileAsync(visitor, form, fields, "IdImage", XssCorpus.Line(batch, 120) + ".png");
            var receipt = await CitizensFactoryBase.ReadAsync(response, url);
            ((int)response.StatusCode).ShouldBe(200);
            receipt.Errors.ShouldBeEmpty();
            var number = receipt.Document.QuerySelector("#number")?.TextContent ?? throw new ShouldAssertException("no receipt:\n" + string.Join("\n", receipt.Errors));
            var code = receipt.Document.QuerySelector("#query-code")!.TextContent;
            var request = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.AsNoTracking().SingleAsync(r => r.Number == number));
            var typed = new[] { "Input.Name", "Input.WorkUnit", "Input.LegalRepresentative", "Input.ContactName", "Input.Address", "Input.Fax", "Input.InformationName" }
                .Select(f => fields[f]).OfType<string>().ToList();
            foreach (var (field, stored) in new[]
            {
                ("Input.Name", request.Name), ("Input.WorkUnit", request.WorkUnit), ("Input.LegalRepresentative", request.LegalRepresentative),
                ("Input.ContactName", request.ContactName), ("Input.Address", request.Address), ("Input.Fax", request.Fax),
                ("Input.InformationName", request.InformationName), ("Input.Description", request.Description), ("Input.Purpose", request.Purpose),
            })
            {
                stored.ShouldBe(fields[field], field);
            }
            requests.Add((request.Id, number, code, [.. typed, .. batch], GovSite.Disclosure.Letters.Summary(request)));
        }

        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        foreach (var (id, number, code, shown, summary) in requests)
        {
            await probe.VisitAsync($"{Site}/disclosure/lookup?number={Uri.EscapeDataString(number)}", [summary], async page =>
            {
                await page.FillAsync("#QueryCode", code);
                await page.ClickAsync("form.message-form button[type=submit]");
            });
            await probe.VisitAsync($"/admin/disclosure/requests/{id}", shown);
        }
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/disclosure/requests");
        ShouldHaveNoFailures(probe);
        requests.Count.ShouldBeGreaterThan(5);
    }

    /// <summary>The name as a browser sends it in the multipart header (Chromium writes %22 for a quote, %0A and %0D for line breaks).</summary>
    private static string SentFileName(string name) =>
        name.Replace("\"", "%22", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal);

    /// <summary>
    /// A form with one file, its name written into the header as a browser writes it: .NET's
    /// multipart content refuses names with quotes, which is what the payloads are made of.
    /// </summary>
    private static async Task<HttpResponseMessage> PostWithFileAsync(BackOfficeSession session, BackOfficeSession.Form form, Dictionary<string, string?> changes,
        string field, string fileName)
    {
        var fields = form.ValuesWith(changes);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(Convert.FromBase64String(OnePixelPng));
        file.Headers.ContentType = new("image/png");
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{field}\"; filename=\"{SentFileName(fileName)}\"").ShouldBeTrue();
        content.Add(file);
        return await session.Client.PostAsync(form.Action, content);
    }
}
