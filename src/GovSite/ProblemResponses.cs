using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GovSite;

/// <summary>Expected failures answered in Chinese: ProblemDetails for the API, a short page for people.</summary>
public static class ProblemResponses
{
    public static async ValueTask WriteAsync(HttpContext context, int status, string title, string detail, CancellationToken ct = default)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.StatusCode = status;
        if (WantsJson(context))
        {
            await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            return;
        }
        if (status == StatusCodes.Status404NotFound && await PublicSite.SiteNotFoundPage.TryWriteAsync(context, title, detail))
        {
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        var t = System.Net.WebUtility.HtmlEncode(title);
        var d = System.Net.WebUtility.HtmlEncode(detail);
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{t}</title></head>" +
            $"<body style=\"font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem\"><main><h1>{t}</h1><p>{d}</p><p><a href=\"/\">返回首页</a></p></main></body></html>", ct);
    }

    /// <summary>A field the request got wrong: a ValidationProblem naming it for the API, the message on a page for people.</summary>
    public static async ValueTask WriteFieldAsync(HttpContext context, string field, string message, CancellationToken ct = default)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        if (!WantsJson(context))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "请求有误", message, ct);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "提交的内容有误",
            Detail = message,
        };
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
    }

    private static bool WantsJson(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") ||
        context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);

    public static Task StatusCodePage(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (title, detail) = http.Response.StatusCode switch
        {
            404 => ("页面不存在", "您访问的页面不存在或已被删除。"),
            401 => ("需要登录", "请先登录后再进行此操作。"),
            403 => ("没有权限", "您没有权限访问或修改该内容。"),
            405 => ("不支持的请求方式", "该地址不支持此请求方式。"),
            413 => ("请求内容过大", $"提交的内容超过了 {GovSiteApp.MaxRequestBytes / 1024 / 1024} MB 的上限，请精简后重试。"),
            415 => ("不支持的内容类型", "请以 JSON（application/json）格式提交。"),
            429 => ("请求过于频繁", "您的操作过于频繁，请稍后再试。"),
            400 => ("请求有误", "提交的内容格式不正确，请检查后重试。"),
            _ => ("出错了", "服务暂时不可用，请稍后再试。"),
        };
        return WriteAsync(http, http.Response.StatusCode, title, detail, http.RequestAborted).AsTask();
    }
}

/// <summary>
/// Refuses an oversized body before anything reads it, and turns a malformed request found
/// while reading (form or body) into a Chinese message instead of a server error. Runs after
/// routing, so an endpoint that takes more (file uploads) says so with its own limit.
/// </summary>
public sealed class BadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > Limit(context))
        {
            await Refuse(context);
            return;
        }
        if (BindingErrors.NormalizeEnums(context) is { } wrong)
        {
            await ProblemResponses.WriteFieldAsync(context, wrong.Field, wrong.Message, context.RequestAborted);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Refuse(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status400BadRequest && BindingErrors.Describe(context, ex) is { } field)
        {
            await ProblemResponses.WriteFieldAsync(context, field.Field, field.Message, context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            await ProblemResponses.WriteAsync(context, ex.StatusCode, "请求有误", "提交的内容格式不正确，请检查后重试。", context.RequestAborted);
        }
    }

    private static long Limit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? GovSiteApp.MaxRequestBytes;

    private static Task Refuse(HttpContext context) =>
        ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "请求内容过大",
            $"提交的内容超过了 {Limit(context) / 1024 / 1024} MB 的上限，请精简后重试。", context.RequestAborted).AsTask();
}

/// <summary>
/// The app's own limits on the request line (414) and the headers (431), answered in Chinese on
/// every path: ProblemDetails for /api and JSON clients, a short page for browsers. Kestrel's
/// limits sit above these (WebDefaults), so its blank answers are left for requests far over.
/// </summary>
public sealed class OversizedRequests(RequestDelegate next)
{
    public const int KestrelRequestLineBytes = GovSiteApp.MaxRequestLineBytes * 4;
    public const int KestrelHeaderBytes = GovSiteApp.MaxRequestHeaderBytes * 4;

    public Task InvokeAsync(HttpContext context)
    {
        // RawTarget is what Kestrel read; a server that sets none (the in-process test server
        // leaves it empty) is measured by the path and query it parsed.
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        var target = string.IsNullOrEmpty(raw) ? context.Request.Path.Value + context.Request.QueryString.Value : raw;
        // As Kestrel counts it: "GET /path?query HTTP/1.1".
        if (context.Request.Method.Length + target.Length + 10 > GovSiteApp.MaxRequestLineBytes)
        {
            return ProblemResponses.WriteAsync(context, StatusCodes.Status414UriTooLong, "网址过长",
                $"网址超过了 {GovSiteApp.MaxRequestLineBytes / 1024} KB 的上限，请缩短搜索词或筛选条件后重试。", context.RequestAborted).AsTask();
        }
        long headers = 0;
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                headers += name.Length + (value?.Length ?? 0) + 4;
            }
        }
        if (headers > GovSiteApp.MaxRequestHeaderBytes)
        {
            return ProblemResponses.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "请求头过大",
                "请求头（如 Cookie）超过了上限，请清除本站的 Cookie 后重试。", context.RequestAborted).AsTask();
        }
        return next(context);
    }
}
