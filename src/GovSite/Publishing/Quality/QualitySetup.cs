using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Quality;

public static class QualitySetup
{
    /// <summary>Longest body the check endpoint takes (characters), far above any real article.</summary>
    public const int MaxBodyLength = 1_000_000;

    public sealed record QualityCheckRequest(string? SiteCode, string? Title, string? Body);

    public sealed record QualityCheckResponse(IReadOnlyList<QualityFinding> Findings);

    public static WebApplicationBuilder AddQuality(this WebApplicationBuilder builder)
    {
        var options = new QualityOptions
        {
            AllowPrivateAddresses = builder.Configuration.GetValue("GOVSITE_QUALITY_CHECK_PRIVATE_LINKS", false),
        };
        foreach (var url in new[] { builder.Configuration["GOVSITE_PUBLIC_URL"], builder.Configuration["urls"] })
        {
            foreach (var part in (url ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Uri.TryCreate(part, UriKind.Absolute, out var uri))
                {
                    options.PlatformHosts.Add(uri.Host);
                    options.PlatformHosts.Add(uri.Authority);
                }
            }
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<QualityCache>();
        builder.Services.AddScoped<QualityLists>();
        builder.Services.AddScoped<NearDuplicates>();
        builder.Services.AddScoped<QualityLinks>();
        builder.Services.AddScoped<QualityGate>();
        builder.Services.AddHttpClient(QualityOptions.HttpClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // the job sets its own, shorter limit
                c.DefaultRequestHeaders.UserAgent.ParseAdd("GovSite-LinkCheck/1.0 (+government website quality check)");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => ExternalLinkCheckJob.Handler(sp.GetRequiredService<QualityOptions>()));
        builder.AddJobHandler<ExternalLinkCheckJob>(QualityOptions.LinkJobType);
        return builder;
    }

    public static IEndpointRouteBuilder MapQuality(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/quality").WithTags("Quality").RequireAuthorization(AccountsSetup.Writer);
        api.MapPost("/check", CheckAsync)
            .WithSummary("内容质量检查：检查标题和正文，不保存")
            .WithDescription("返回的每条发现含 code（sensitive_word 敏感词、serious_error 严重表述错误、near_duplicate 重复稿件、broken_link 错链、" +
                "missing_alt 图片缺替代文字、empty_content 空白内容、inappropriate_text 不当用语）、severity（block 阻止发布或 warn 提醒）、" +
                "field（title 或 body）以及在该字段纯文本中的 start 和 length。");
        return app;
    }

    public static void ConfigureModel(Microsoft.EntityFrameworkCore.ModelBuilder b) => QualityModel.ConfigureModel(b);

    private static async Task<Results<Ok<QualityCheckResponse>, ValidationProblem, NotFound, ForbidHttpResult>> CheckAsync(
        QualityCheckRequest request, SiteDirectory sites, SiteAccess access, QualityGate gate, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.SiteCode))
        {
            errors["siteCode"] = ["请提供网站标识码（siteCode）"];
        }
        if (request.Title is null && request.Body is null)
        {
            errors["body"] = ["请提供要检查的标题（title）或正文（body）"];
        }
        if (request.Title is { Length: > 500 })
        {
            errors["title"] = ["标题不能超过500个字"];
        }
        if (request.Body is { Length: > MaxBodyLength })
        {
            errors["body"] = [$"正文过长（上限 {MaxBodyLength:N0} 个字符）"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "提交的内容有误", detail: "请根据各字段的提示修改后重试");
        }
        if (sites.FindByCode(request.SiteCode!.Trim()) is not { } site)
        {
            return TypedResults.NotFound();
        }
        if (!CanCheck(access, site.Id))
        {
            return TypedResults.Forbid();
        }
        var findings = await gate.CheckAsync(new QualityInput(site.Id, request.Title ?? "", request.Body ?? ""), ct);
        return TypedResults.Ok(new QualityCheckResponse(findings));
    }

    /// <summary>Everyone who works on a site's content: contributors, editors, reviewers, its admins.</summary>
    public static bool CanCheck(SiteAccess access, int siteId) =>
        access.CanEditContent(siteId) || access.HasRole(siteId, Role.Reviewer);
}
