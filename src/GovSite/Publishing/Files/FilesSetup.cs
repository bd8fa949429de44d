using GovSite.Accounts;
using GovSite.Data;
using GovSite.Security;
using GovSite.Sites;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GovSite.Publishing.Files;

/// <summary>Attachments and editor images: upload (API and back office), download at /files/{id}/{name}.</summary>
public static class FilesSetup
{
    /// <summary>Room for the multipart framing and the antiforgery field around the file.</summary>
    private const long FormAllowance = 256 * 1024;

    public sealed record FileDto(int Id, string Name, string Url, string ContentType, long Size);

    public static string UrlOf(int id, string fileName) =>
        $"/files/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(fileName)}";

    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FileUploadOptions>(builder.Configuration.GetSection("Files"));
        builder.Services.AddSingleton<FileStore>();
        builder.Services.AddScoped<FileService>();
        return builder;
    }

    /// <summary>Uploads count per account, or per address for a request without one.</summary>
    private static string Uploader(HttpContext http) =>
        http.User.FindFirst(AccountService.UserIdClaim)?.Value is { } id ? "user:" + id : RateLimits.Address(http);

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        // Routing raises Kestrel's server-wide body limit (GovSiteApp.MaxRequestBytes) to this for
        // these endpoints, and BadRequests refuses early by it. The form around the file costs a
        // little; the file itself is checked against MaxBytes with a message that names the file.
        var options = app.ServiceProvider.GetRequiredService<IOptions<FileUploadOptions>>().Value;
        var bodyLimit = new RequestSizeLimitAttribute(options.MaxBytes + FormAllowance);

        app.MapPost("/api/v1/sites/{code}/files", async (string code, HttpContext http, SiteDirectory sites, FileService files, CancellationToken ct) =>
                sites.FindByCode(code) is { } site ? await UploadAsync(site.Id, http, files, ct) : TypedResults.NotFound())
            .WithTags("Files")
            .WithSummary("上传附件或图片")
            .WithDescription("multipart/form-data 的 file 字段为文件。文件类型按内容判定而非扩展名，只接受网站允许的类型和大小；图片去除拍摄位置等元数据。返回文件编号和下载地址。有频率限制。")
            .RequireAuthorization(AccountsSetup.Writer)
            .LimitBy(RateLimitOptions.Uploads, Uploader)
            .DisableAntiforgery()
            .WithMetadata(bodyLimit);
        // The same for back-office pages: the page's antiforgery token goes with the file.
        app.MapPost("/admin/sites/{siteId:int}/files", async (int siteId, HttpContext http, SiteDirectory sites, FileService files, CancellationToken ct) =>
                sites.FindById(siteId) is { } site ? await UploadAsync(site.Id, http, files, ct) : TypedResults.NotFound())
            .RequireAuthorization(AccountsSetup.Writer)
            .LimitBy(RateLimitOptions.Uploads, Uploader)
            .DisableAntiforgery()
            .WithMetadata(bodyLimit)
            .ExcludeFromDescription();
        app.MapGet("/files/{id:int}/{**name}", DownloadAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<FileDto>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> UploadAsync(
        int siteId, HttpContext http, FileService files, CancellationToken ct)
    {
        // Who may not write on the site is refused before the form is read, whatever it holds (FileService checks again).
        if (!http.RequestServices.GetRequiredService<SiteAccess>().CanEditContent(siteId))
        {
            return TypedResults.Forbid();
        }
        // A bearer token cannot be sent by another site's page; a cookie can, so a cookie needs the
        // antiforgery token (field __RequestVerificationToken or header RequestVerificationToken).
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!bearer && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return TypedResults.Problem("页面已过期或来源不明，请刷新页面后重新上传", statusCode: StatusCodes.Status400BadRequest, title: "请求有误");
        }
        if (!http.Request.HasFormContentType)
        {
            return Invalid("请以 multipart/form-data 方式上传，文件放在字段 file 中");
        }
        var form = await http.Request.ReadFormAsync(ct);
        if ((form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)) is not { } upload)
        {
            return Invalid("请选择要上传的文件");
        }
        await using var content = upload.OpenReadStream();
        var result = await files.UploadAsync(siteId, upload.FileName, content, ct);
        return ApiResults.From(result, f => new FileDto(f.Id, f.FileName, f.Url, f.ContentType, f.Size)) switch
        {
            { Result: Ok<FileDto> ok } => ok,
            { Result: ValidationProblem problem } => problem,
            { Result: ForbidHttpResult forbid } => forbid,
            _ => TypedResults.NotFound(),
        };
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] },
            title: "提交的内容有误", detail: "请根据各字段的提示修改后重试");

    private static async Task<IResult> DownloadAsync(int id, HttpContext http, FileService files, FileStore store, CancellationToken ct)
    {
        if (await files.FindReadableAsync(id, ct) is not var (file, isPublic))
        {
            return Results.NotFound();
        }
        var path = store.PathOf(file.StoredName);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // A draft's file must not sit in a shared cache after the item is withdrawn or the person signs out.
        headers.CacheControl = isPublic ? "public, max-age=300" : "private, no-cache";
        var inline = FileService.ShownInline(file.ContentType);
        headers.ContentDisposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileName = AsciiFallback(file.FileName),
            FileNameStar = file.FileName,
        }.ToString();
        return Results.File(path, file.ContentType, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>filename= for old clients: ASCII only; filename*= carries the real (Chinese) name.</summary>
    private static string AsciiFallback(string name)
    {
        var ascii = new string(name.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_').ToArray());
        return ascii.Trim('_') == Path.GetExtension(name) ? "file" + Path.GetExtension(name) : ascii;
    }

    internal static void ConfigureModel(ModelBuilder b)
    {
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("StoredFiles");
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.StoredName).HasMaxLength(100);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.SiteId);
            e.HasIndex(x => x.UploadedById);
            e.Ignore(x => x.Url);
        });
    }
}
