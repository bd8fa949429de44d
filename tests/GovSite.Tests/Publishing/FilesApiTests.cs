using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Files;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing;

/// <summary>Two sites with an editor each; uploads are limited to 1 MB so "too large" is cheap to test.</summary>
public sealed class FilesFactory : GovSiteFactory
{
    public const string Password = "Editor12345x";
    public Site Site { get; private set; } = null!;
    public Site Other { get; private set; } = null!;
    public int NewsColumnId { get; private set; }

    protected override bool SeedDemo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Files:MaxBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Site = await CreateSiteAsync("3502000101", "测试附件市人民政府", SiteType.Portal);
        Other = await CreateSiteAsync("3503000102", "另一市人民政府", SiteType.Portal);
        NewsColumnId = await ColumnIdAsync(Site.Id, "要闻动态");
        await CreateUserAsync("files-editor", Password, (Role.Editor, Site.Id));
        await CreateUserAsync("other-editor", Password, (Role.Editor, Other.Id));
    }

    public Task<HttpClient> EditorAsync() => ClientWithTokenAsync("files-editor", Password);

    public Task<HttpClient> OtherEditorAsync() => ClientWithTokenAsync("other-editor", Password);
}

public class FilesApiTests(FilesFactory app) : IClassFixture<FilesFactory>
{
    private sealed record FileBody(int Id, string Name, string Url, string ContentType, long Size);

    private static MultipartFormDataContent Form(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<FileBody> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var response = await client.PostAsync($"/api/v1/sites/{app.Site.Code}/files", Form(bytes, fileName));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FileBody>())!;
    }

    private async Task<int> CreateItemAsync(HttpClient client, string title, params int[] attachments)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", new
        {
            siteCode = app.Site.Code, columnId = app.NewsColumnId, title, body = "<p>附件见下。</p>", attachments,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_zip_that_is_really_a_docx_is_stored_as_a_docx_outside_the_web_root_under_a_generated_name()
    {
        var editor = await app.EditorAsync();
        var file = await UploadAsync(editor, FileSamples.Docx(), "关于开展安全检查的通知.zip");

        file.Name.ShouldBe("关于开展安全检查的通知.docx");
        file.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        file.Url.ShouldBe($"/files/{file.Id}/{Uri.EscapeDataString("关于开展安全检查的通知.docx")}");
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().StoredFiles.SingleAsync(f => f.Id == file.Id));
        stored.SiteId.ShouldBe(app.Site.Id);
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(FileSamples.Docx())));
        stored.StoredName.ShouldNotContain("通知");
        stored.StoredName.ShouldMatch(@"^\d+/[0-9a-f]{32}\.docx$");
        var path = Path.Combine(app.Database.DataDirectory, "files", stored.StoredName);
        File.ReadAllBytes(path).ShouldBe(FileSamples.Docx());
        var webRoot = Path.GetFullPath(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath ?? "wwwroot");
        Path.GetFullPath(path).ShouldNotStartWith(webRoot);
    }

    [Theory]
    [InlineData(nameof(FileSamples.Exe), "政策文件.pdf")]
    [InlineData(nameof(FileSamples.Html), "通知.html")]
    [InlineData(nameof(FileSamples.SvgWithScript), "图片.svg")]
    public async Task Files_that_are_not_an_accepted_kind_are_refused_whatever_their_name(string sample, string name)
    {
        var editor = await app.EditorAsync();
        var bytes = (byte[])typeof(FileSamples).GetMethod(sample)!.Invoke(null, null)!;
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().StoredFiles.CountAsync());

        var response = await editor.PostAsync($"/api/v1/sites/{app.Site.Code}/files", Form(bytes, name));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain($"不能上传文件“{name}”");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().StoredFiles.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_over_the_configured_size_is_refused_with_a_chinese_message()
    {
        var editor = await app.EditorAsync();
        var big = new byte[1024 * 1024 + 10];
        FileSamples.Pdf().CopyTo(big, 0);

        var response = await editor.PostAsync($"/api/v1/sites/{app.Site.Code}/files", Form(big, "年度报告.pdf"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString();
        message.ShouldBe("文件“年度报告.pdf”大小为 1 MB，超过了 1 MB 的上限，请压缩或拆分后再上传");
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_refused_before_it_is_read()
    {
        var editor = await app.EditorAsync();
        var content = new ByteArrayContent(new byte[3 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data") { Parameters = { new NameValueHeaderValue("boundary", "x") } };
        var response = await editor.PostAsync($"/api/v1/sites/{app.Site.Code}/files", content);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("1 MB 的上限");
    }

    [Fact]
    public async Task Downloads_carry_the_detected_type_a_disposition_with_the_chinese_name_and_nosniff()
    {
        var editor = await app.EditorAsync();
        var pdf = await UploadAsync(editor, FileSamples.Pdf(), "政府工作报告.pdf");
        var xlsx = await UploadAsync(editor, FileSamples.Xlsx(), "统计表.xlsx");

        var inline = await editor.GetAsync(pdf.Url);
        inline.StatusCode.ShouldBe(HttpStatusCode.OK);
        inline.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        inline.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        inline.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("政府工作报告.pdf");
        inline.Content.Headers.ContentDisposition.FileName.ShouldBe("file.pdf", "old clients get an ASCII name");
        inline.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await inline.Content.ReadAsByteArrayAsync()).ShouldBe(FileSamples.Pdf());

        var download = await editor.GetAsync(xlsx.Url);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''%E7%BB%9F%E8%AE%A1%E8%A1%A8.xlsx");
    }

    [Fact]
    public async Task The_public_reads_a_file_only_while_a_published_item_lists_it_and_staff_always_even_from_old_versions()
    {
        var editor = await app.EditorAsync();
        var anonymous = app.CreateClient();
        var kept = await UploadAsync(editor, FileSamples.Pdf(), "实施方案.pdf");
        var removed = await UploadAsync(editor, FileSamples.Png(), "示意图.png");
        var itemId = await CreateItemAsync(editor, "关于印发实施方案的通知", kept.Id, removed.Id);

        (await anonymous.GetAsync(kept.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft's attachment is not public");
        (await editor.GetAsync(kept.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await editor.PostAsJsonAsync($"/api/v1/items/{itemId}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync(kept.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync(removed.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var update = await editor.PutAsJsonAsync($"/api/v1/items/{itemId}", new
        {
            columnId = app.NewsColumnId, title = "关于印发实施方案的通知", body = "<p>附件见下。</p>", attachments = new[] { kept.Id },
        });
        update.StatusCode.ShouldBe(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());

        (await anonymous.GetAsync(removed.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "removed from the current list");
        (await anonymous.GetAsync(kept.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await editor.GetAsync(removed.Url)).StatusCode.ShouldBe(HttpStatusCode.OK, "staff still read it: the old version lists it");
        var first = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/items/{itemId}/versions/1");
        first.GetProperty("content").GetProperty("attachments").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([kept.Id, removed.Id]);

        var other = await app.OtherEditorAsync();
        (await other.GetAsync(removed.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another site's staff are the public here");
        (await other.GetAsync(kept.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_image_put_into_a_published_body_by_the_editor_is_public()
    {
        var editor = await app.EditorAsync();
        var image = await UploadAsync(editor, FileSamples.Png(), "现场.png");
        var anonymous = app.CreateClient();
        var response = await editor.PostAsJsonAsync("/api/v1/items", new
        {
            siteCode = app.Site.Code, columnId = app.NewsColumnId, title = "项目现场图片",
            body = $"<p>现场：</p><p><img src=\"{image.Url}\" alt=\"项目现场\"></p>",
        });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await anonymous.GetAsync(image.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await editor.PostAsJsonAsync($"/api/v1/items/{id}/publish", new { });

        var served = await anonymous.GetAsync(image.Url);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        served.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
    }

    [Fact]
    public async Task Another_sites_staff_can_neither_upload_here_nor_attach_this_sites_files()
    {
        var other = await app.OtherEditorAsync();
        var refused = await other.PostAsync($"/api/v1/sites/{app.Site.Code}/files", Form(FileSamples.Pdf(), "越权.pdf"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var editor = await app.EditorAsync();
        var mine = await UploadAsync(editor, FileSamples.Pdf(), "内部草稿.pdf");
        var otherColumn = await app.ColumnIdAsync(app.Other.Id, "要闻动态");
        var response = await other.PostAsJsonAsync("/api/v1/items", new
        {
            siteCode = app.Other.Code, columnId = otherColumn, title = "借用附件", body = "<p>正文</p>", attachments = new[] { mine.Id },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("附件不存在或不属于本网站");
    }

    [Fact]
    public async Task Uploading_with_a_cookie_needs_the_pages_antiforgery_token()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "files-editor", ["Password"] = FilesFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        signIn.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Found);

        var without = await client.PostAsync($"/admin/sites/{app.Site.Id}/files", Form(FileSamples.Png(), "图.png"));
        without.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var page = await client.GetStringAsync($"/admin/sites/{app.Site.Id}/articles/new");
        var pageToken = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = Form(FileSamples.Png(), "图.png");
        form.Add(new StringContent(pageToken), "__RequestVerificationToken");
        var with = await client.PostAsync($"/admin/sites/{app.Site.Id}/files", form);
        with.StatusCode.ShouldBe(HttpStatusCode.OK, await with.Content.ReadAsStringAsync());
        (await with.Content.ReadFromJsonAsync<FileBody>())!.ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task The_public_article_page_lists_the_items_attachments()
    {
        var editor = await app.EditorAsync();
        var pdf = await UploadAsync(editor, FileSamples.Pdf(), "细则全文.pdf");
        var itemId = await CreateItemAsync(editor, "实施细则发布", pdf.Id);
        (await editor.PostAsJsonAsync($"/api/v1/items/{itemId}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var articleId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.Where(a => a.ItemId == itemId).Select(a => a.Id).SingleAsync());

        var html = await app.CreateClient().GetStringAsync($"/sites/{app.Site.Code}/articles/{articleId}");

        html.ShouldContain($"href=\"{pdf.Url}\"");
        html.ShouldContain("细则全文.pdf");
        html.ShouldContain("PDF");
    }
}
