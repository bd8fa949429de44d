using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Tests.Interaction;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>Upload limits of 2 MB on every form, so "too large" and the bombs stay cheap to send.</summary>
public sealed class UploadAttackFactory : InteractionFactory
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public int NewsColumnId { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var max = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.UseSetting("Files:MaxBytes", max);
        builder.UseSetting("Interaction:MaxAttachmentBytes", max);
        builder.UseSetting("Disclosure:MaxIdImageBytes", max);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        NewsColumnId = await ColumnIdAsync(Portal.Id, "要闻动态");
    }

    private int? _openRequest;

    /// <summary>An information request to the portal, not yet answered (a refused answer leaves it so).</summary>
    public async Task<int> OpenRequestAsync()
    {
        if (_openRequest is { } id && await AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                sp.GetRequiredService<GovSite.Data.GovSiteDb>().InformationRequests, r => r.Id == id && r.AnswerType == null)))
        {
            return id;
        }
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{PortalCode}/information-requests", new Dictionary<string, object?>
        {
            ["applicantKind"] = "NaturalPerson", ["name"] = "王小明", ["idKind"] = "ResidentIdCard", ["idNumber"] = "110101199003070038",
            ["phone"] = "13800001111", ["email"] = "wxm@example.com", ["address"] = "测试市人民路1号", ["description"] = "请公开本市2025年城市更新项目的资金安排。",
            ["delivery"] = "Email", ["idImage"] = Convert.ToBase64String(UploadAttacks.Png(40, 30)), ["idImageName"] = "身份证.png",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        _openRequest = await AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<GovSite.Data.GovSiteDb>().InformationRequests.Where(r => r.Number == number).Select(r => r.Id)));
        return _openRequest.Value;
    }

    /// <summary>Every file under the data directory's upload folders (library files and message attachments).</summary>
    public int StoredFileCount()
    {
        var root = Database.DataDirectory;
        return new[] { "files", "attachments" }.Select(f => Path.Combine(root, f))
            .Where(Directory.Exists).Sum(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories).Length);
    }
}

/// <summary>
/// Issue 21: upload attacks (zip bombs, polyglots and type lies, pixel floods, SVG with script,
/// oversized files) sent over HTTP to every upload form and API that keeps a file: each is refused
/// with a Chinese message that names the field, nothing lands in the file store, and a public
/// form comes back with what was typed.
/// </summary>
public sealed class UploadAttackTests(UploadAttackFactory app) : IClassFixture<UploadAttackFactory>
{
    private const string Site = "/sites/" + InteractionFactory.PortalCode;

    /// <summary>Where a file is uploaded, and the word its refusal must use for the field.</summary>
    public static readonly string[] Forms = ["files-api", "library-item-attach", "write-letter", "disclosure-apply", "disclosure-record", "disclosure-answer", "service-guide"];

    public static TheoryData<string, string> AttackRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var form in Forms)
        {
            foreach (var attack in UploadAttacks.All)
            {
                rows.Add(attack.Name, form);
            }
            rows.Add("oversized", form);
        }
        return rows;
    }

    private static (string FileName, byte[] Bytes) Make(string attack)
    {
        if (attack == "oversized")
        {
            byte[] big = [.. GovSite.Tests.Publishing.FileSamples.Pdf(), .. new byte[UploadAttackFactory.MaxBytes]];
            return ("扫描件.pdf", big);
        }
        var made = UploadAttacks.All.Single(x => x.Name == attack);
        return (made.FileName, made.Make());
    }

    [Theory]
    [MemberData(nameof(AttackRows))]
    public async Task An_upload_attack_is_refused_with_a_chinese_message_naming_the_field_and_nothing_is_stored(string attack, string form)
    {
        var (fileName, bytes) = Make(attack);
        if (form == "disclosure-answer")
        {
            // The request (and its applicant's ID image) exists before the count.
            await app.OpenRequestAsync();
        }
        var before = app.StoredFileCount();

        var (field, message) = await SendAsync(form, fileName, bytes);

        message.ShouldNotBeNull($"{attack} through {form} was not refused");
        message.Contains(field, StringComparison.Ordinal).ShouldBeTrue($"{attack} through {form}: {message}");
        message.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}{4}", $"{attack} through {form}: a Chinese sentence");
        app.StoredFileCount().ShouldBe(before, $"{attack} through {form} left a file in the store");
    }

    /// <summary>Posts the file where the form or API takes it; the field's Chinese name and the refusal shown for it (null when accepted).</summary>
    private async Task<(string Field, string? Message)> SendAsync(string form, string fileName, byte[] bytes)
    {
        switch (form)
        {
            case "files-api":
            {
                using var client = await app.ClientWithTokenAsync("portal-editor", InteractionFactory.Password);
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                var response = await client.PostAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/files", new MultipartFormDataContent { { file, "file", fileName } });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return ("文件", null);
                }
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                return ("文件", problem.GetProperty("errors").GetProperty("file")[0].GetString());
            }
            case "library-item-attach":
            {
                using var api = await app.ClientWithTokenAsync("portal-editor", InteractionFactory.Password);
                var created = await api.PostAsJsonAsync("/api/v1/items", new { siteCode = InteractionFactory.PortalCode, columnId = app.NewsColumnId, title = "附件测试", body = "<p>附件见下。</p>" });
                created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                using var session = await BackOfficeSession.SignInAsync(app, "portal-editor", InteractionFactory.Password);
                var page = await session.OpenAsync($"/admin/library/{id}");
                var response = await session.SubmitWithFilesAsync(page.Handler("Attach"), new(), ("file", fileName, bytes));
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                var after = await session.OpenAsync(response.Headers.Location!.ToString());
                var notice = after.Document.QuerySelectorAll(".notice, [role=status], [role=alert]").Select(e => e.TextContent.Trim())
                    .FirstOrDefault(t => t.Contains("文件“", StringComparison.Ordinal));
                return ("文件", notice);
            }
            case "write-letter":
            {
                using var session = BackOfficeSession.Anonymous(app);
                var page = await session.OpenAsync($"{Site}/interaction/write");
                const string typed = "楼下夜间施工噪音扰民，请处理。<b>附照片</b>";
                var channel = page.Document.QuerySelectorAll("select[name='Input.Channel'] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v));
                var response = await session.SubmitWithFilesAsync(page.Form("form.message-form"), new()
                {
                    ["Input.Channel"] = channel, ["Input.Name"] = "王五", ["Input.Phone"] = "13900001111", ["Input.Subject"] = "夜间施工噪音", ["Input.Text"] = typed,
                }, ("Attachment", fileName, bytes));
                var html = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]);
                var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
                // The rest of the form is kept as typed.
                shown.QuerySelector("[name='Input.Text']")?.TextContent.Trim().ShouldBe(typed);
                return ("附件", shown.QuerySelector("[data-valmsg-for=Attachment]")?.TextContent.Trim() is { Length: > 0 } m ? m : null);
            }
            case "disclosure-apply":
            {
                using var session = BackOfficeSession.Anonymous(app);
                var page = await session.OpenAsync($"{Site}/disclosure/apply");
                const string typed = "请公开本市2025年城市更新项目的资金安排。";
                var response = await session.SubmitWithFilesAsync(page.Form("form.request-form"), new()
                {
                    ["Input.ApplicantKind"] = "NaturalPerson", ["Input.Name"] = "林一", ["Input.IdKind"] = "ResidentIdCard", ["Input.IdNumber"] = "110101199003070038",
                    ["Input.Phone"] = "13800002222", ["Input.Email"] = "lin.yi@example.cn", ["Input.Description"] = typed, ["Input.Delivery"] = "Email",
                }, ("IdImage", fileName, bytes));
                var html = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]);
                var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
                shown.QuerySelector("[name='Input.Description']")?.TextContent.Trim().ShouldBe(typed);
                return ("证件图片", shown.QuerySelector("[data-valmsg-for=IdImage]")?.TextContent.Trim() is { Length: > 0 } m ? m : null);
            }
            case "disclosure-record":
            {
                // Staff record an application received in person or by post, with the scan of the ID.
                using var session = await BackOfficeSession.SignInAsync(app, "portal-admin", InteractionFactory.Password);
                var page = await session.OpenAsync($"/admin/sites/{app.Portal.Id}/disclosure/requests/new");
                const string typed = "申请公开本市2025年老旧小区改造计划。";
                var response = await session.SubmitWithFilesAsync(page.Form("form.stacked"), new()
                {
                    ["Input.Channel"] = "InPerson", ["Input.ReceivedOn"] = "2026-03-02", ["Input.ApplicantKind"] = "NaturalPerson", ["Input.Name"] = "赵六",
                    ["Input.IdKind"] = "ResidentIdCard", ["Input.IdNumber"] = "110101199003070038", ["Input.Phone"] = "13800003333",
                    ["Input.Description"] = typed, ["Input.Delivery"] = "Email", ["Input.Email"] = "zhao@example.cn",
                }, ("IdImage", fileName, bytes));
                var shown = await ShownAsync(response);
                if (shown.QuerySelector(".error-summary") is null)
                {
                    return ("证件图片", null);
                }
                shown.QuerySelector("[name='Input.Description']")!.TextContent.Trim().ShouldBe(typed);
                shown.QuerySelector("[name='Input.Name']")!.GetAttribute("value").ShouldBe("赵六");
                return ("证件图片", SummaryLine(shown, "证件"));
            }
            case "disclosure-answer":
            {
                // The information disclosed, attached to the answer; a refused file answers nothing.
                var id = await app.OpenRequestAsync();
                using var session = await BackOfficeSession.SignInAsync(app, "portal-admin", InteractionFactory.Password);
                var page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
                const string typed = "所需信息见附件。";
                var response = await session.SubmitWithFilesAsync(page.Handler("Answer"), new() { ["AnswerType"] = "Disclosed", ["Detail"] = typed },
                    ("AnswerUploads", fileName, bytes));
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    return ("公开的信息", null);
                }
                var shown = await ShownAsync(response);
                shown.QuerySelector("#detail")!.TextContent.ShouldBe(typed);
                return ("公开的信息", SummaryLine(shown, "公开的信息"));
            }
            case "service-guide":
            {
                // A form or sample text uploaded with a new service item's guide.
                using var session = await BackOfficeSession.SignInAsync(app, "portal-admin", InteractionFactory.Password);
                var page = await session.OpenAsync($"/admin/sites/{app.Portal.Id}/services/new");
                const string typed = "城乡居民养老保险参保登记";
                var response = await session.SubmitWithFilesAsync(page.Form("form.stacked"), new() { ["Input.Name"] = typed, ["UploadTitle"] = "参保登记表" },
                    ("Upload", fileName, bytes));
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    return ("文件", null);
                }
                var shown = await ShownAsync(response);
                shown.QuerySelector("[name='Input.Name']")!.GetAttribute("value").ShouldBe(typed);
                return ("文件", shown.QuerySelector("[data-valmsg-for=Upload]")?.TextContent.Trim() is { Length: > 0 } m ? m : null);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(form));
        }
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ShownAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    /// <summary>The line of the form's error summary that speaks of the field.</summary>
    private static string? SummaryLine(AngleSharp.Html.Dom.IHtmlDocument shown, string field) =>
        shown.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()).FirstOrDefault(t => t.Contains(field, StringComparison.Ordinal))
        ?? shown.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()).FirstOrDefault();

    [Theory]
    [InlineData("files-api")]
    [InlineData("write-letter")]
    [InlineData("disclosure-apply")]
    [InlineData("disclosure-record")]
    [InlineData("service-guide")]
    public async Task A_good_picture_still_goes_through_every_form(string form)
    {
        var before = app.StoredFileCount();

        var (_, message) = await SendAsync(form, "现场.png", UploadAttacks.Png(800, 600));

        message.ShouldBeNull();
        app.StoredFileCount().ShouldBe(before + 1);
    }

    /// <summary>An answer sent with a good file and an attack, or with good files but refused for its text, keeps none of them.</summary>
    [Theory]
    [InlineData("good-then-attack")]
    [InlineData("good-files-refused-answer")]
    public async Task A_refused_answer_keeps_none_of_the_files_sent_with_it(string attempt)
    {
        var id = await app.OpenRequestAsync();
        using var session = await BackOfficeSession.SignInAsync(app, "portal-admin", InteractionFactory.Password);
        var page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        var before = app.StoredFileCount();

        var response = attempt == "good-then-attack"
            ? await session.SubmitWithFilesAsync(page.Handler("Answer"), new() { ["AnswerType"] = "Disclosed", ["Detail"] = "所需信息见附件。" },
                ("AnswerUploads", "预算.pdf", GovSite.Tests.Publishing.FileSamples.Pdf()), ("AnswerUploads", "决算.pdf", UploadAttacks.All.Single(a => a.Name == "pdf-with-html").Make()))
            : await session.SubmitWithFilesAsync(page.Handler("Answer"), new() { ["AnswerType"] = "Refused", ["Ground"] = "", ["Detail"] = "" },
                ("AnswerUploads", "预算.pdf", GovSite.Tests.Publishing.FileSamples.Pdf()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ShownAsync(response)).QuerySelector(".error-summary").ShouldNotBeNull();
        app.StoredFileCount().ShouldBe(before);
        (await app.AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            sp.GetRequiredService<GovSite.Data.GovSiteDb>().StoredFiles, f => f.FileName == "预算.pdf"))).ShouldBe(0);
    }

    public static TheoryData<string, string, string> TrickNames => new()
    {
        { "../../etc/passwd", "pdf", "passwd.pdf" },
        { "/etc/cron.d/evil.pdf", "pdf", "evil.pdf" },
        { "C:\\Windows\\System32\\年报.pdf", "pdf", "年报.pdf" },
        { "..\\..\\web.config.pdf", "pdf", "web.config.pdf" },
        { "年报\0.pdf", "pdf", "年报.pdf" },
        { "报告\u202Efdp.exe", "pdf", "报告fdp.pdf" },
        { "CON", "pdf", "_CON.pdf" },
        { "nul.txt", "pdf", "_nul.pdf" },
        { "年报.pdf. . .", "pdf", "年报.pdf" },
        { "report.pdf.exe", "pdf", "report.pdf.pdf" },
        { "a.php.jpg", "jpg", "a_php.jpg" },
        { "通知.html.pdf", "pdf", "通知_html.pdf" },
        { new string('长', 300) + ".pdf", "pdf", new string('长', 150) + ".pdf" },
    };

    [Theory]
    [MemberData(nameof(TrickNames))]
    public async Task A_file_name_with_path_tricks_is_stored_under_a_generated_name_and_shown_cleaned(string name, string kind, string shown)
    {
        using var client = await app.ClientWithTokenAsync("portal-editor", InteractionFactory.Password);
        var bytes = kind == "pdf" ? GovSite.Tests.Publishing.FileSamples.Pdf() : UploadAttacks.Jpeg(10, 10);
        var file = new ByteArrayContent(bytes);
        var response = await client.PostAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/files", new MultipartFormDataContent { { file, "file", name } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("name").GetString().ShouldBe(shown);
        var id = body.GetProperty("id").GetInt32();
        var stored = await app.AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<GovSite.Data.GovSiteDb>().StoredFiles, f => f.Id == id));
        stored.StoredName.ShouldMatch(@"^\d+/[0-9a-f]{32}\.(pdf|jpg)$");
        var root = Path.GetFullPath(Path.Combine(app.Database.DataDirectory, "files"));
        File.ReadAllBytes(Path.Combine(root, stored.StoredName)).ShouldBe(bytes);
        // Nothing was written where the name pointed.
        File.Exists(Path.GetFullPath(Path.Combine(root, app.Portal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), name.Replace('\\', '/').Replace("\0", "", StringComparison.Ordinal)))).ShouldBeFalse();

        // Served back with the stored type, nosniff, and the cleaned name as the download name.
        var download = await client.GetAsync(body.GetProperty("url").GetString());
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe(kind == "pdf" ? "application/pdf" : "image/jpeg");
        string.Join(",", download.Headers.GetValues("X-Content-Type-Options")).ShouldBe("nosniff");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(shown);
    }

    public static TheoryData<string, string, string> StoredFormTrickNames()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var form in new[] { "service-guide", "disclosure-answer" })
        {
            rows.Add(form, "../../etc/passwd", "passwd.pdf");
            rows.Add(form, "报告\u202Efdp.exe", "报告fdp.pdf");
            rows.Add(form, "C:\\inetpub\\wwwroot\\a.aspx.pdf", "a_aspx.pdf");
            rows.Add(form, "CON", "_CON.pdf");
        }
        return rows;
    }

    /// <summary>The staff forms that keep a file store it under a generated name and show the cleaned one, as the files API does.</summary>
    [Theory]
    [MemberData(nameof(StoredFormTrickNames))]
    public async Task A_path_trick_name_through_a_staff_form_is_stored_under_a_generated_name_and_kept_cleaned(string form, string name, string shown)
    {
        if (form == "disclosure-answer")
        {
            await app.OpenRequestAsync();
        }
        var before = await app.AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(
            sp.GetRequiredService<GovSite.Data.GovSiteDb>().StoredFiles, f => (int?)f.Id)) ?? 0;

        var (_, message) = await SendAsync(form, name, GovSite.Tests.Publishing.FileSamples.Pdf());

        message.ShouldBeNull();
        var stored = await app.AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<GovSite.Data.GovSiteDb>().StoredFiles, f => f.Id > before));
        stored.FileName.ShouldBe(shown);
        stored.StoredName.ShouldMatch(@"^\d+/[0-9a-f]{32}\.pdf$");
    }

    [Theory]
    [InlineData("通知.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment")]
    [InlineData("材料.zip", "application/zip", "attachment")]
    [InlineData("现场.png", "image/png", "inline")]
    [InlineData("年报.pdf", "application/pdf", "inline")]
    public async Task A_stored_file_is_served_with_its_safe_type_nosniff_and_as_an_attachment_unless_a_picture_or_pdf(string name, string type, string disposition)
    {
        using var client = await app.ClientWithTokenAsync("portal-editor", InteractionFactory.Password);
        var bytes = Path.GetExtension(name) switch
        {
            ".docx" => GovSite.Tests.Publishing.FileSamples.Docx(),
            ".zip" => GovSite.Tests.Publishing.FileSamples.PlainZip(),
            ".png" => UploadAttacks.Png(4, 4),
            _ => GovSite.Tests.Publishing.FileSamples.Pdf(),
        };
        var response = await client.PostAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/files",
            new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var download = await client.GetAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString());

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        string.Join(",", download.Headers.GetValues("X-Content-Type-Options")).ShouldBe("nosniff");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe(disposition);
    }
}
