using System.Net;
using System.Net.Http.Json;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Interaction.Participation;
using GovSite.Tests.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Security;

/// <summary>
/// Issue 21: the XSS corpus (over 500 payloads from public lists) through every input the public
/// and staff have, many payloads to a record, then every page that shows them opened in Chromium,
/// under the Content-Security-Policy and with it bypassed. Nothing runs even without the policy,
/// no payload leaves markup behind, and plain text shows exactly as typed (encoded, not stripped).
/// At least one real form post per public input; the rest through the same services the forms call.
/// </summary>
[Trait("Category", "Browser")]
public partial class XssInputsBrowserTests(XssFixture app) : IClassFixture<XssFixture>
{
    private static readonly string Site = $"/sites/{InteractionFactory.PortalCode}";
    private static int s_phone;

    private static string NextPhone() => "137" + Interlocked.Increment(ref s_phone).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", InteractionFactory.Password);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
    }

    private static void ShouldHaveNoFailures(XssProbe probe)
    {
        var failures = probe.Failures().Distinct().ToList();
        failures.ShouldBeEmpty($"{failures.Count} failures on {probe.PagesVisited} pages:\n" + string.Join("\n", failures.Take(60)));
    }

    private static async Task PostedAsync(HttpResponseMessage response, string what)
    {
        var html = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(400, $"{what}: {(int)response.StatusCode}");
        html.ShouldNotContain("field-validation-error\">", Case.Sensitive, $"{what} refused");
    }

    [Fact]
    public async Task Letters_with_the_corpus_in_every_field_and_staff_replies_run_nothing_on_the_public_and_back_office_pages()
    {
        var batches = XssCorpus.Batches(5000);
        var letters = new List<(int Id, string Name, string Subject, string Text, string Reply)>();
        using var visitor = BackOfficeSession.Anonymous(app);
        foreach (var batch in batches)
        {
            var (name, subject, text) = (XssCorpus.Line(batch, 50), XssCorpus.Line(batch, 100), string.Join('\n', batch));
            var phone = NextPhone();
            var form = (await visitor.OpenAsync($"{Site}/interaction/write")).Form("form.message-form");
            await PostedAsync(await visitor.SubmitAsync(form, new()
            {
                ["Input.Channel"] = "Consultation", ["Input.Name"] = name, ["Input.Phone"] = phone, ["Input.Subject"] = subject,
                ["Input.Text"] = text, ["Input.IsPublic"] = "true",
            }), "letter");
            var message = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Messages.AsNoTracking().SingleAsync(m => m.Phone == phone));
            message.Text.ShouldBe(text);
            message.Subject.ShouldBe(subject);
            var reply = "答复：\n" + text;
            await app.AsUserAsync("portal-admin", async sp =>
            {
                var service = sp.GetRequiredService<MessageService>();
                (await service.TriageAsync(message.Id, TriageVerdict.Valid, null, null, default)).Succeeded.ShouldBeTrue();
                (await service.ReplyAsync(message.Id, reply, default)).Succeeded.ShouldBeTrue();
                var published = await service.PublishAsync(message.Id, null, default);
                if (!published.Succeeded)
                {
                    (await service.PublishAsync(message.Id, "测试语料，答复有意重复", default)).Succeeded.ShouldBeTrue();
                }
                return 0;
            });
            letters.Add((message.Id, name, subject, text, reply));
        }

        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        foreach (var (id, name, subject, text, reply) in letters)
        {
            // The public page masks personal data; what it shows is the typed text with that mask.
            await probe.VisitAsync($"{Site}/interaction/messages/{id}",
                [PersonalDataMask.Mask(subject, name), .. PersonalDataMask.Mask(text, name).Split('\n'), .. PersonalDataMask.Mask(reply, name).Split('\n')]);
            await probe.VisitAsync($"/admin/messages/{id}", [name, subject, .. text.Split('\n')]);
        }
        await probe.VisitAsync($"{Site}/interaction");
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/messages");
        ShouldHaveNoFailures(probe);
        letters.Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Opinions_interview_questions_and_survey_answers_run_nothing_where_the_public_and_moderators_read_them()
    {
        var consultation = $"{Site}/consultations/{app.ConsultationId}";
        var interview = $"{Site}/interviews/{app.InterviewId}";
        var survey = $"{Site}/surveys/{app.SurveyId}";
        var shown = new List<string>();
        var asked = new List<string>();
        var answered = new List<string>();

        foreach (var batch in XssCorpus.Batches(ConsultationService.MaxCommentLength))
        {
            using var visitor = BackOfficeSession.Anonymous(app);
            var (name, contact, text) = (XssCorpus.Line(batch, 50), XssCorpus.Line(batch, 100), string.Join('\n', batch));
            await PostedAsync(await visitor.SubmitAsync((await visitor.OpenAsync(consultation)).Form("form.pt-form"),
                new() { ["Input.Name"] = name, ["Input.Contact"] = contact, ["Input.Text"] = text }), "opinion");
            var comment = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ConsultationComments.OrderByDescending(c => c.Id).FirstAsync());
            comment.Text.ShouldBe(text);
            (await app.AsUserAsync("portal-admin", sp => sp.GetRequiredService<ConsultationService>().ModerateAsync(app.Portal.Id, comment.Id, approve: true)))
                .Succeeded.ShouldBeTrue();
            shown.Add(name);
            shown.AddRange(batch);
        }
        foreach (var batch in XssCorpus.Batches(InterviewService.MaxQuestionLength))
        {
            using var visitor = BackOfficeSession.Anonymous(app);
            var (name, text) = (XssCorpus.Line(batch, 50), string.Join('\n', batch));
            await PostedAsync(await visitor.SubmitAsync((await visitor.OpenAsync(interview)).Form("form.pt-form"),
                new() { ["Input.Name"] = name, ["Input.Text"] = text }), "question");
            var question = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InterviewQuestions.OrderByDescending(q => q.Id).FirstAsync());
            question.Text.ShouldBe(text);
            var answer = await app.AsUserAsync("portal-admin", async sp =>
            {
                var service = sp.GetRequiredService<InterviewService>();
                (await service.ModerateAsync(app.Portal.Id, question.Id, approve: true)).Succeeded.ShouldBeTrue();
                return await service.AnswerAsync(app.Portal.Id, question.Id, "答：\n" + text, XssCorpus.Line(batch, 50) is { Length: > 0 } by ? by : "局长");
            });
            answer.Succeeded.ShouldBeTrue(string.Join("; ", answer.Errors.All.SelectMany(e => e.Value)));
            asked.Add(name);
            asked.AddRange(batch);
        }
        foreach (var batch in XssCorpus.Batches(2000))
        {
            using var visitor = BackOfficeSession.Anonymous(app);
            var form = (await visitor.OpenAsync(survey)).Form("form.pt-form");
            var field = form.Values().Select(v => v.Key).Single(k => k.StartsWith('q'));
            await PostedAsync(await visitor.SubmitAsync(form, new() { [field] = string.Join('\n', batch) }), "survey answer");
            answered.AddRange(batch);
        }

        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        await probe.VisitAsync(consultation, shown);
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/consultations/{app.ConsultationId}", shown);
        await probe.VisitAsync(interview, asked);
        await probe.VisitAsync($"{interview}/transcript", asked);
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/interviews/{app.InterviewId}", asked);
        await probe.VisitAsync($"{survey}/results");
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/surveys/{app.SurveyId}", answered);
        await probe.VisitAsync($"{Site}/participation");
        ShouldHaveNoFailures(probe);
    }

    [Fact]
    public async Task Error_reports_and_information_requests_with_the_corpus_run_nothing_in_the_back_office()
    {
        var reports = new List<(int Id, List<string> Shown)>();
        foreach (var batch in XssCorpus.Batches(1000))
        {
            using var visitor = BackOfficeSession.Anonymous(app);
            var (name, text) = (XssCorpus.Line(batch, 50), string.Join('\n', batch));
            var pageUrl = "https://www.hd.test.gov.cn/articles/1?q=" + Uri.EscapeDataString(XssCorpus.Line(batch, 200));
            var form = (await visitor.OpenAsync($"{Site}/error-reports/new")).Form("form.message-form");
            await PostedAsync(await visitor.SubmitAsync(form, new()
            {
                ["Input.PageUrl"] = pageUrl, ["Input.QuotedText"] = text, ["Input.Kind"] = "Content", ["Input.Description"] = "描述：\n" + text,
                ["Input.Name"] = name,
            }), "error report");
            var report = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync());
            report.QuotedText.ShouldBe(text);
            var replied = await app.AsUserAsync("portal-admin", sp => sp.GetRequiredService<GovSite.ErrorReports.ErrorReportService>().ReplyAsync(report.Id, "答复：\n" + text, default));
            replied.Succeeded.ShouldBeTrue(string.Join("; ", replied.Errors.All.SelectMany(e => e.Value)));
            reports.Add((report.Id, [name, .. batch]));
        }
        var requests = new List<(int Id, List<string> Shown)>();
        foreach (var batch in XssCorpus.Batches(4000))
        {
            var outcome = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Disclosure.RequestService>().SubmitAsync(app.Portal.Id, new GovSite.Disclosure.RequestInput
            {
                ApplicantKind = GovSite.Disclosure.ApplicantKind.NaturalPerson, Name = XssCorpus.Line(batch, 50), IdKind = GovSite.Disclosure.IdDocumentKind.Passport,
                IdNumber = "E12345678", WorkUnit = XssCorpus.Line(batch, 100), Phone = "13800138000", Address = XssCorpus.Line(batch, 200),
                Description = string.Join('\n', batch), InformationName = XssCorpus.Line(batch, 200), Purpose = XssCorpus.Line(batch, 1000),
                Delivery = GovSite.Disclosure.DeliveryMethod.Post, IdImage = OnePixelPng, IdImageName = "证件.png",
            }, null, "10.9.8.7", default));
            outcome.Errors.IsValid.ShouldBeTrue(string.Join("; ", outcome.Errors.All.SelectMany(e => e.Value)));
            requests.Add((outcome.Id!.Value, [XssCorpus.Line(batch, 50), .. batch]));
        }

        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        foreach (var (id, shown) in reports)
        {
            await probe.VisitAsync($"/admin/error-reports/{id}", shown);
        }
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/error-reports");
        foreach (var (id, shown) in requests)
        {
            await probe.VisitAsync($"/admin/disclosure/requests/{id}", shown);
        }
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/disclosure/requests");
        ShouldHaveNoFailures(probe);
    }

    [Fact]
    public async Task Library_items_columns_staff_names_and_searches_with_the_corpus_run_nothing_on_articles_lists_search_and_feeds()
    {
        var column = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
            .Where(c => c.SiteId == app.Portal.Id && c.Type == GovSite.Publishing.ColumnType.News).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        using var editor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress });
        editor.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("portal-editor", InteractionFactory.Password));
        var articles = new List<(int Id, int ItemId, string Title, bool Published)>();
        var n = 0;
        // Titles hold 500 characters: every payload that fits goes into a title, and with it into
        // the summary, keywords, source, author, 文号 and (as HTML, sanitised) the body. The
        // quality gate refuses some text in what is published (placeholders such as "xxx"): such
        // an item is kept as a draft, which the back office shows.
        foreach (var batch in XssCorpus.Batches(500, " "))
        {
            var title = string.Join(' ', batch);
            HttpResponseMessage created = null!;
            string json = "";
            foreach (var publish in new[] { true, false })
            {
                created = await editor.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/articles", new
                {
                    columnId = column, title, summary = string.Join('\n', batch), keywords = title, source = XssCorpus.Line(batch, 200),
                    author = XssCorpus.Line(batch, 200), docNumber = XssCorpus.Line(batch, 100),
                    body = $"<p>第{++n}篇：</p>" + string.Join("<br>\n", batch), publish,
                });
                json = await created.Content.ReadAsStringAsync();
                if (created.StatusCode == HttpStatusCode.OK || !json.Contains("质量检查", StringComparison.Ordinal))
                {
                    break;
                }
            }
            created.StatusCode.ShouldBe(HttpStatusCode.OK, json);
            var article = System.Text.Json.JsonDocument.Parse(json).RootElement;
            var id = article.GetProperty("id").GetInt32();
            var itemId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.Where(a => a.Id == id).Select(a => a.ItemId!.Value).FirstAsync());
            var published = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.AnyAsync(a => a.Id == id && a.Status == GovSite.Publishing.ArticleStatus.Published));
            articles.Add((id, itemId, TypedText.Line(title)!, published));
        }
        articles.Count(a => a.Published).ShouldBeGreaterThan(articles.Count / 2);
        // Column names and staff display names: 100 characters each, through the services and the database.
        var names = XssCorpus.Batches(100, " ");
        var columns = new List<(int Id, string Name)>();
        foreach (var batch in names.Take(12))
        {
            var saved = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Publishing.ColumnService>().SaveAsync(app.Department.Id, null,
                new GovSite.Publishing.ColumnInput { Name = string.Join(' ', batch), Description = string.Join(' ', batch), Keywords = string.Join(' ', batch) }));
            saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Errors.All.SelectMany(e => e.Value)));
            columns.Add((saved.Value!.Id, saved.Value.Name));
        }
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var i = 0;
            foreach (var batch in names)
            {
                db.Users.Add(new GovSite.Accounts.User { UserName = $"xss{++i}", DisplayName = string.Join(' ', batch), CreatedAt = DateTime.UtcNow, PasswordHash = "-" });
            }
            await db.SaveChangesAsync();
            // The editor who wrote the articles, and the department site, carry a payload name too.
            var first = string.Join(' ', names[0]);
            await db.Users.Where(u => u.UserName == "portal-editor").ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, first));
            await db.Sites.Where(s => s.Id == app.Department.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, string.Join(' ', names[1])));
            return 0;
        });

        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        foreach (var (id, _, title, _) in articles.Where(a => a.Published))
        {
            await probe.VisitAsync($"{Site}/articles/{id}", [title]);
        }
        foreach (var (_, itemId, _, _) in articles.Where((a, i) => i < 6 || !a.Published))
        {
            await probe.VisitAsync($"/admin/library/{itemId}");
        }
        await probe.VisitAsync($"{Site}/columns/{column}");
        await probe.VisitAsync($"{Site}/columns/{column}/rss.xml");
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/library");
        await probe.VisitAsync($"/admin/sites/{app.Portal.Id}/articles");
        foreach (var batch in XssCorpus.Batches(100, " ").Take(12))
        {
            var q = Uri.EscapeDataString(string.Join(' ', batch));
            await probe.VisitAsync($"{Site}/search?q={q}");
            await probe.VisitAsync($"/api/v1/search/suggest?site={InteractionFactory.PortalCode}&q={q}");
        }
        var department = $"/sites/{InteractionFactory.DepartmentCode}";
        // The site name went to the database directly, past the site directory's cache, so the
        // public header may still show the old one: scanned here, compared on the register page.
        await probe.VisitAsync(department + "/");
        foreach (var (id, name) in columns)
        {
            await probe.VisitAsync($"{department}/columns/{id}", [name]);
        }
        await probe.VisitAsync("/admin");
        ShouldHaveNoFailures(probe);

        // Platform pages: every staff display name in the user list, every site name in the register.
        await using var platform = await XssProbe.StartAsync(app.Browser, app.BaseUrl, SignInAsPlatformAdminAsync);
        await platform.VisitAsync("/admin/users", names.Select(b => string.Join(' ', b)));
        await platform.VisitAsync("/admin/sites", [string.Join(' ', names[1])]);
        await platform.VisitAsync($"/admin/sites/{app.Department.Id}/edit");
        await platform.VisitAsync($"/admin/sites/{app.Department.Id}/columns", columns.Select(c => c.Name));
        ShouldHaveNoFailures(platform);
    }

    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

    private static async Task SignInAsPlatformAdminAsync(IPage page)
    {
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", GovSiteFactory.AdminPassword);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
    }
}
