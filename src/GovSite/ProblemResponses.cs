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
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Refuse(context);
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
