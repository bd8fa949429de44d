using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace GovSite;

/// <summary>
/// What every operation in /openapi/v1.json shares, read from the endpoint itself so a new
/// endpoint cannot forget it: its error answers (400 for a body or query that does not parse,
/// 401/403 when it needs sign-in, 404 when it names something by route, 413 for a body, 429
/// when it is rate-limited), each as the ProblemDetails that ProblemResponses writes.
/// The summaries and descriptions are the endpoints' own (WithSummary/WithDescription).
/// </summary>
public static class ApiDocumentation
{
    private static readonly Dictionary<int, string> ErrorDescriptions = new()
    {
        [400] = "请求有误：JSON 格式、字段类型、枚举取值或必填字段不正确，errors 按字段列出原因",
        [401] = "未登录：缺少或已过期的访问令牌（Authorization: Bearer …）",
        [403] = "没有权限：当前账号在该网站没有所需角色",
        [404] = "不存在：地址中指定的对象不存在或已删除",
        [409] = "冲突：对象已存在或已被他人修改",
        [413] = "请求内容过大",
        [422] = "无法处理：内容格式正确但不符合业务规则",
        [429] = "请求过于频繁，请稍后再试",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "GovSite 政府网站集约化平台 API";
            document.Info.Description = "接入说明（认证、分页、筛选、错误处理）见 docs/api.md。所有错误均以 application/problem+json 返回中文说明。";
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var statuses = new SortedSet<int>();
            var hasBody = context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body
                || p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Form || p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.FormFile);
            if (hasBody || context.Description.ParameterDescriptions.Count > 0)
            {
                statuses.Add(400);
            }
            if (hasBody)
            {
                statuses.Add(413);
            }
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                statuses.Add(401);
                statuses.Add(403);
            }
            if (context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path))
            {
                statuses.Add(404);
            }
            if (metadata.OfType<Security.RateLimitedEndpoint>().Any())
            {
                statuses.Add(429);
            }
            operation.Responses ??= new OpenApiResponses();
            foreach (var key in operation.Responses.Keys.ToList())
            {
                if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var declared) && declared >= 400)
                {
                    statuses.Add(declared);
                }
            }
            OpenApiSchema? problem = null;
            foreach (var status in statuses)
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operation.Responses.TryGetValue(key, out var response) || response is not OpenApiResponse concrete)
                {
                    concrete = new OpenApiResponse();
                    operation.Responses[key] = concrete;
                }
                if (string.IsNullOrEmpty(concrete.Description) || !ContainsChinese(concrete.Description))
                {
                    concrete.Description = ErrorDescriptions.GetValueOrDefault(status, "请求未能完成");
                }
                concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (!concrete.Content.ContainsKey("application/problem+json"))
                {
                    problem ??= await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
                    concrete.Content.Clear();
                    concrete.Content["application/problem+json"] = new OpenApiMediaType { Schema = problem };
                }
            }
            // A download (an address ending in .pdf, .xlsx or .csv, or a stored file) answers its
            // bytes: documented as a binary string of its media type, with the 200 it always has.
            if (FileType(context.Description.RelativePath) is { } fileType)
            {
                if (!operation.Responses.Keys.Any(k => k.StartsWith('2')))
                {
                    operation.Responses["200"] = new OpenApiResponse();
                }
                foreach (var (key, response) in operation.Responses.Where(r => r.Key.StartsWith('2')).ToList())
                {
                    if (response is OpenApiResponse download && (download.Content is null || download.Content.Count == 0
                            || download.Content.Values.All(c => c.Schema is null)))
                    {
                        download.Content = new Dictionary<string, OpenApiMediaType>
                        {
                            [fileType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        };
                    }
                }
            }
            foreach (var (key, response) in operation.Responses)
            {
                if (key.StartsWith('2') && response is OpenApiResponse ok && !ContainsChinese(ok.Description))
                {
                    ok.Description = key == "204" ? "成功，无返回内容" : "成功";
                }
            }
        });
    }

    /// <summary>The media type of a download address, else null.</summary>
    internal static string? FileType(string? path)
    {
        var route = (path ?? "").Split('?')[0];
        return route.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf"
            : route.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : route.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv"
            : route.Contains("/files/{", StringComparison.Ordinal) ? "application/octet-stream"
            : null;
    }

    public static bool ContainsChinese(string? text) =>
        text is not null && text.Any(c => c >= '\u4e00' && c <= '\u9fff');
}
