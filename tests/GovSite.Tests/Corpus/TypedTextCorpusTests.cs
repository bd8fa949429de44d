using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Tests.Interaction;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Corpus;

/// <summary>The interaction platform with an open consultation, a live interview and generous posting limits.</summary>
public sealed class CorpusFactory : InteractionFactory
{
    public int ConsultationId { get; private set; }
    public int InterviewId { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Participation:PostsPerWindow", "100000");
        builder.UseSetting("Interaction:MessagesPerPhonePerDay", "100000");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (ConsultationId, InterviewId) = await OpenConsultationAndInterviewAsync();
    }
}

/// <summary>
/// What citizens and editors type goes in through every plain-text field of every public form
/// (and the library's) and comes back out of the API, the back office and the public page exactly
/// as typed: the visible characters compared, markup shown as text, nothing stripped or cut. A
/// string too long or too short for a field is refused with a message, never shortened.
/// </summary>
public class TypedTextCorpusTests(CorpusFactory app) : IClassFixture<CorpusFactory>
{
    private static readonly IReadOnlyList<string> Corpus = TypedTextSamples.Load();
    private static readonly HtmlParser Parser = new();
    private static int s_phone;

    private static string NextPhone() => "139" + Interlocked.Increment(ref s_phone).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static string TextOf(string html, string selector) =>
        string.Concat(Parser.ParseDocument(html).QuerySelectorAll(selector).Select(e => e.TextContent));

    private static bool Fits(string text, int min, int max) => TypedText.Length(text.Trim()) >= min && TypedText.Length(text) <= max && text.Trim().Length > 0;

    /// <summary>The visible characters of <paramref name="typed"/> appear, in order and whole, in what was shown.</summary>
    private static void Shown(List<string> failures, string where, string typed, string shown)
    {
        if (!TypedTextSamples.Visible(shown).Contains(TypedTextSamples.Visible(typed), StringComparison.Ordinal))
        {
            failures.Add($"{where}: 「{Cut(typed)}」 not shown as typed");
        }
    }

    private static string Cut(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [Fact]
    public async Task A_letter_keeps_name_subject_and_text_as_typed_through_the_form_the_back_office_and_the_public_page()
    {
        var failures = new List<string>();
        using var staff = await BackOfficeSession.SignInAsync(app, "portal-admin", InteractionFactory.Password);
        var sent = 0;
        foreach (var typed in Corpus)
        {
            var visitor = BackOfficeSession.Anonymous(app);
            var form = (await visitor.OpenAsync($"/sites/{InteractionFactory.PortalCode}/interaction/write")).Form("form.message-form");
            var phone = NextPhone();
            var name = Fits(typed, 1, 50) ? typed : "王小明";
            var subject = Fits(typed, 1, 100) ? typed : "关于低保申请的咨询";
            var text = Fits(typed, 5, 5000) ? typed : "我想咨询低保申请的条件。" + typed[..Math.Min(typed.Length, 100)];
            if (TypedText.Length(text) > 5000)
            {
                continue;
            }
            var response = await visitor.SubmitAsync(form, new()
            {
                ["Input.Channel"] = "Consultation", ["Input.Name"] = name, ["Input.Phone"] = phone, ["Input.Subject"] = subject,
                ["Input.Text"] = text, ["Input.IsPublic"] = "true",
            });
            var page = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !page.Contains("查询码", StringComparison.Ordinal))
            {
                failures.Add($"submit: 「{Cut(typed)}」 refused: {TextOf(page, ".field-validation-error, .error-summary")}");
                continue;
            }
            sent++;
            var message = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Messages.SingleAsync(m => m.Phone == phone));
            // One-line fields lose only the spaces around them; text areas keep everything.
            if (message.Name != TypedText.Line(name) || message.Subject != TypedText.Line(subject) || message.Text != text)
            {
                failures.Add($"stored: 「{Cut(typed)}」 changed on the way in");
            }
            var office = await staff.OpenAsync($"/admin/messages/{message.Id}");
            Shown(failures, "back office name", name, office.Document.Body!.TextContent);
            Shown(failures, "back office subject", subject, office.Document.Body!.TextContent);
            Shown(failures, "back office text", text, office.Document.Body!.TextContent);
            if (office.Document.QuerySelectorAll("main script, main img[onerror], main svg").Length > 0)
            {
                failures.Add($"back office: 「{Cut(typed)}」 became markup");
            }

            // Answered with the same words, published with the writer's consent: the citizen's lookup and the public page.
            await app.AsUserAsync("portal-admin", async sp =>
            {
                var service = sp.GetRequiredService<MessageService>();
                (await service.TriageAsync(message.Id, TriageVerdict.Valid, null, null, default)).Succeeded.ShouldBeTrue();
                var reply = "答复：" + typed;
                (await service.ReplyAsync(message.Id, reply, default)).Succeeded.ShouldBeTrue();
                var published = await service.PublishAsync(message.Id, null, default);
                if (!published.Succeeded)
                {
                    (await service.PublishAsync(message.Id, "测试语料，答复有意重复", default)).Succeeded.ShouldBeTrue();
                }
                return 0;
            });
            var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Messages.SingleAsync(m => m.Id == message.Id));
            if (stored.Reply != "答复：" + typed)
            {
                failures.Add($"reply stored: 「{Cut(typed)}」 changed");
            }
            using var anonymous = app.CreateClient();
            var publicPage = await anonymous.GetStringAsync($"/sites/{InteractionFactory.PortalCode}/interaction/messages/{message.Id}");
            // The public page hides personal data (names, numbers): what it shows is the typed text with that mask.
            Shown(failures, "public subject", PersonalDataMask.Mask(subject, name), TextOf(publicPage, "h1"));
            Shown(failures, "public text", PersonalDataMask.Mask(text, name), TextOf(publicPage, "#message-text"));
            Shown(failures, "public reply", PersonalDataMask.Mask("答复：" + typed, name), TextOf(publicPage, "#reply-text"));
            if (Parser.ParseDocument(publicPage).QuerySelectorAll("article script, article img, article svg").Length > 0)
            {
                failures.Add($"public page: 「{Cut(typed)}」 became markup");
            }
        }
        sent.ShouldBeGreaterThan(Corpus.Count / 2);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_citizens_lookup_returns_the_reply_exactly_as_written()
    {
        var typed = "答复：月收入<3000元且>1000元的，a<b 也可申请 😀\r\n第二段";
        using var client = app.CreateClient();
        var phone = NextPhone();
        var created = await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages",
            new { channel = "consultation", name = "李四", phone, subject = "a<b 的写法", text = "我家月收入<3000元且>1000元，a<b 这种写法，能否申请低保？" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var receipt = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Messages.Where(m => m.Phone == phone).Select(m => m.Id).SingleAsync());
        await app.AsUserAsync("portal-admin", async sp =>
        {
            var service = sp.GetRequiredService<MessageService>();
            await service.TriageAsync(id, TriageVerdict.Valid, null, null, default);
            await service.ReplyAsync(id, typed, default);
            return (await service.PublishAsync(id, null, default)).Succeeded;
        });
        var status = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/messages/{receipt.GetProperty("ticket").GetString()}?queryCode={receipt.GetProperty("queryCode").GetString()}");
        status.GetProperty("reply").GetString().ShouldBe(typed);
    }

    [Fact]
    public async Task A_comment_on_a_consultation_keeps_name_and_text_as_typed_on_the_public_page_and_in_the_back_office()
    {
        var failures = new List<string>();
        using var staff = await BackOfficeSession.SignInAsync(app, "portal-admin", InteractionFactory.Password);
        foreach (var typed in Corpus.Where(t => Fits(t, 1, ConsultationService.MaxCommentLength)))
        {
            var visitor = BackOfficeSession.Anonymous(app);
            var url = $"/sites/{InteractionFactory.PortalCode}/consultations/{app.ConsultationId}";
            var form = (await visitor.OpenAsync(url)).Form("form.pt-form");
            var name = Fits(typed, 1, 50) ? typed : "市民";
            var contact = Fits(typed, 1, 100) ? typed : null;
            var response = await visitor.SubmitAsync(form, new() { ["Input.Name"] = name, ["Input.Contact"] = contact, ["Input.Text"] = typed });
            if ((int)response.StatusCode >= 400)
            {
                failures.Add($"comment 「{Cut(typed)}」 refused: {(int)response.StatusCode}");
                continue;
            }
            var comment = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ConsultationComments.OrderByDescending(c => c.Id).FirstAsync());
            if (comment.Text != typed || comment.Name != TypedText.Line(name) || comment.Contact != TypedText.Line(contact))
            {
                failures.Add($"comment stored: 「{Cut(typed)}」 changed on the way in");
                continue;
            }
            var moderation = await staff.OpenAsync($"/admin/sites/{app.Portal.Id}/consultations/{app.ConsultationId}");
            Shown(failures, "moderation text", typed, moderation.Document.Body!.TextContent);
            await app.AsUserAsync("portal-admin", sp => sp.GetRequiredService<ConsultationService>().ModerateAsync(app.Portal.Id, comment.Id, approve: true));
            using var anonymous = app.CreateClient();
            var page = await anonymous.GetStringAsync(url);
            Shown(failures, "public comment", typed, Parser.ParseDocument(page).Body!.TextContent);
            if (Parser.ParseDocument(page).QuerySelectorAll("main script, main img[onerror], main svg").Length > 0)
            {
                failures.Add($"public consultation: 「{Cut(typed)}」 became markup");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_question_to_an_interview_keeps_name_and_text_as_typed_on_the_public_page()
    {
        var failures = new List<string>();
        foreach (var typed in Corpus.Where(t => Fits(t, 1, InterviewService.MaxQuestionLength)))
        {
            var visitor = BackOfficeSession.Anonymous(app);
            var url = $"/sites/{InteractionFactory.PortalCode}/interviews/{app.InterviewId}";
            var form = (await visitor.OpenAsync(url)).Form("form.pt-form");
            var name = Fits(typed, 1, 50) ? typed : "网友";
            var response = await visitor.SubmitAsync(form, new() { ["Input.Name"] = name, ["Input.Text"] = typed });
            if ((int)response.StatusCode >= 400)
            {
                failures.Add($"question 「{Cut(typed)}」 refused: {(int)response.StatusCode}");
                continue;
            }
            var question = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InterviewQuestions.OrderByDescending(q => q.Id).FirstAsync());
            if (question.Text != typed || question.AskerName != TypedText.Line(name))
            {
                failures.Add($"question stored: 「{Cut(typed)}」 changed on the way in");
                continue;
            }
            await app.AsUserAsync("portal-admin", async sp =>
            {
                var service = sp.GetRequiredService<InterviewService>();
                await service.ModerateAsync(app.Portal.Id, question.Id, approve: true);
                return await service.AnswerAsync(app.Portal.Id, question.Id, "答：" + typed, "局长");
            });
            using var anonymous = app.CreateClient();
            var page = await anonymous.GetStringAsync(url);
            Shown(failures, "public question", typed, TextOf(page, ".question"));
            Shown(failures, "public asker", name, TextOf(page, ".asker"));
            Shown(failures, "public answer", "答：" + typed, TextOf(page, ".answer"));
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_editors_title_summary_author_and_source_come_back_as_typed_from_the_api_the_back_office_and_the_article_page()
    {
        var failures = new List<string>();
        var column = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
            .Where(c => c.SiteId == app.Portal.Id && c.Type == ColumnType.News).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        using var editor = await app.ClientWithTokenAsync("portal-editor", InteractionFactory.Password);
        using var staff = await BackOfficeSession.SignInAsync(app, "portal-editor", InteractionFactory.Password);
        var n = 0;
        foreach (var typed in Corpus.Where(t => Fits(t, 1, 200)))
        {
            // A unique title each time: the near-duplicate check compares bodies, not this.
            var title = typed;
            var created = await editor.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/articles", new
            {
                columnId = column, title, summary = typed, author = typed, source = typed, keywords = typed,
                body = $"<p>第{++n}篇语料测试正文，内容各不相同：{Guid.NewGuid():N}。</p>", publish = true,
            });
            var text = await created.Content.ReadAsStringAsync();
            if (created.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"article 「{Cut(typed)}」 refused: {text}");
                continue;
            }
            var article = JsonDocument.Parse(text).RootElement;
            foreach (var field in new[] { "title", "summary", "author", "source", "keywords" })
            {
                // The summary is a text area (kept whole); the others are one-line fields (spaces around dropped).
                if (article.GetProperty(field).GetString() != (field == "summary" ? typed : TypedText.Line(typed)))
                {
                    failures.Add($"api {field}: 「{Cut(typed)}」 came back as 「{Cut(article.GetProperty(field).GetString() ?? "")}」");
                }
            }
            var id = article.GetProperty("id").GetInt32();
            var itemId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.Where(a => a.Id == id).Select(a => a.ItemId!.Value).FirstAsync());
            var office = await staff.OpenAsync($"/admin/library/{itemId}");
            var form = office.Handler(null);
            foreach (var field in new[] { "Title", "Summary", "Author", "Source", "Keywords" })
            {
                if (TypedTextSamples.Visible(form[$"Input.{field}"] ?? "") != TypedTextSamples.Visible(typed))
                {
                    failures.Add($"back office {field}: 「{Cut(typed)}」 not shown as typed");
                }
            }
            using var anonymous = app.ClientForHost(app.Portal.Domains[0].Host);
            var page = Parser.ParseDocument(await anonymous.GetStringAsync($"/articles/{id}"));
            Shown(failures, "article page title", typed, page.QuerySelector("h1")?.TextContent ?? "");
            if (TypedTextSamples.Visible(page.QuerySelector("meta[name='ContentSource']")?.GetAttribute("content") ?? "") != TypedTextSamples.Visible(typed))
            {
                failures.Add($"article page source: 「{Cut(typed)}」 not as typed");
            }
            if (page.QuerySelectorAll("h1 *, .article-body script, .article-body svg, img[onerror]").Length > 0
                || page.QuerySelectorAll("script").Any(x => x.TextContent.Contains("__pwned", StringComparison.Ordinal)))
            {
                failures.Add($"article page: 「{Cut(typed)}」 became markup");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_form_that_cannot_be_saved_comes_back_with_everything_typed()
    {
        var typed = "我家月收入<3000元且>1000元，a<b 这种写法，能否申请低保？😀\r\n　　第二段";
        var visitor = BackOfficeSession.Anonymous(app);
        var form = (await visitor.OpenAsync($"/sites/{InteractionFactory.PortalCode}/interaction/write")).Form("form.message-form");
        var response = await visitor.SubmitAsync(form, new()
        {
            ["Input.Channel"] = "Consultation", ["Input.Name"] = "张<三>", ["Input.Phone"] = "不是电话", ["Input.Subject"] = "a<b & c", ["Input.Text"] = typed,
        });
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Input.Phone']")!.TextContent.ShouldContain("电话");
        page.QuerySelector("#Input_Name")!.GetAttribute("value").ShouldBe("张<三>");
        page.QuerySelector("#Input_Subject")!.GetAttribute("value").ShouldBe("a<b & c");
        page.QuerySelector("#Input_Text")!.TextContent.ShouldBe(typed);

        using var staff = await BackOfficeSession.SignInAsync(app, "portal-editor", InteractionFactory.Password);
        var newItem = (await staff.OpenAsync($"/admin/sites/{app.Portal.Id}/library/new")).Handler(null);
        var refused = await staff.SubmitAsync(newItem, new()
        {
            ["Input.Title"] = "", ["Input.Summary"] = typed, ["Input.Author"] = "作者 <甲>", ["Input.DocNumber"] = "测政〔2026〕9号", ["Input.Body"] = "<p>正文 a&lt;b</p>",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        again.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent.ShouldContain("请填写标题");
        again.QuerySelector("#Input_Summary")!.TextContent.ShouldBe(typed);
        again.QuerySelector("#Input_Author")!.GetAttribute("value").ShouldBe("作者 <甲>");
        again.QuerySelector("#Input_DocNumber")!.GetAttribute("value").ShouldBe("测政〔2026〕9号");
        again.QuerySelector("#Input_Body")!.TextContent.ShouldBe("<p>正文 a&lt;b</p>");
    }
}
