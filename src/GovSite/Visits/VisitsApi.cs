using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Publishing;
using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovSite.Visits;

public static class VisitsApi
{
    /// <summary>The counting request is a few hundred bytes; anything larger is not from the script.</summary>
    private const int MaxStatBytes = 4096;

    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Visits");
        api.MapPost("/stat", StatAsync)
            .WithSummary("访问计数（公开页面的统计脚本调用，不设 Cookie，不保存 IP 地址）")
            .WithDescription("请求体为 JSON（可用 text/plain 发送）：s 网站标识码，p 页面路径，c 栏目编号，r 来源页地址。按日轮换的密钥对“地址 + 浏览器标识 + 网站”做散列，统计独立访客；机器人按浏览器标识和行为排除。")
            .DisableAntiforgery()
            .AllowAnonymous();
        api.MapGet("/sites/{code}/visits", VisitsAsync)
            .WithSummary("网站访问量（按日、按页面或按栏目）")
            .WithDescription("from、to 为日期（yyyy-MM-dd，含当日，默认最近 30 天）；by 为 day（每日浏览量与独立访客）、page（访问最多的页面）或 column（访问最多的栏目）。")
            .RequireAuthorization(AccountsSetup.Writer);
        return app;
    }

    public sealed record StatBody(string? S, string? P, int? C, string? R);

    // Documents the endpoint; requests are answered earlier by UseVisitCounting with the same code.
    private static Task<Results<NoContent, ValidationProblem>> StatAsync(HttpContext context, VisitCounter counter,
        SiteDirectory sites, CurrentSite current, CancellationToken ct) => CountAsync(context, counter, sites, current.Site, ct);

    /// <summary>
    /// Answers POST /api/v1/stat at the front of the pipeline, beside the page cache: a counting
    /// request needs no routing, session, authorization or output cache, and the script on every
    /// page sends one per view, so it must cost little more than a cached page (issue 20: p99 2 ms
    /// under 64 connections).
    /// </summary>
    public static IApplicationBuilder UseVisitCounting(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(StatPath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var services = context.RequestServices;
            var result = await CountAsync(context, services.GetRequiredService<VisitCounter>(), services.GetRequiredService<SiteDirectory>(),
                null, context.RequestAborted);
            await ((IResult)result.Result).ExecuteAsync(context);
        });

    private const string StatPath = "/api/v1/stat";

    internal static async Task<Results<NoContent, ValidationProblem>> CountAsync(HttpContext context, VisitCounter counter,
        SiteDirectory sites, SiteInfo? fallback, CancellationToken ct)
    {
        if (!counter.Options.Enabled)
        {
            return TypedResults.NoContent();
        }
        var request = context.Request;
        if (request.ContentLength > MaxStatBytes)
        {
            return Problem("body", "计数请求过大");
        }
        StatBody? body;
        var buffer = ArrayPool<byte>.Shared.Rent(MaxStatBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxStatBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxStatBytes + 1 - length), ct)) > 0)
            {
                length += read;
            }
            if (length > MaxStatBytes)
            {
                return Problem("body", "计数请求过大");
            }
            body = JsonSerializer.Deserialize<StatBody>(buffer.AsSpan(0, length), JsonOptions);
        }
        catch (JsonException)
        {
            return Problem("body", "计数请求不是有效的 JSON");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var site = body?.S is { Length: > 0 } code ? sites.FindByCode(code) : fallback;
        if (site is null)
        {
            return Problem("s", "网站标识码不存在");
        }
        if (VisitorText.PagePath(body?.P, VisitCounter.MaxPathLength) is not { } path)
        {
            return Problem("p", "页面路径应以 / 开头");
        }
        var userAgent = request.Headers.UserAgent.ToString();
        if (VisitorText.IsBot(userAgent))
        {
            return TypedResults.NoContent();
        }
        var referrer = VisitorText.Referrer(body?.R, host => site.Hosts.Contains(host, StringComparer.OrdinalIgnoreCase)
            || string.Equals(host, request.Host.Host, StringComparison.OrdinalIgnoreCase));
        await counter.CountAsync(site.Id, path, body?.C is > 0 ? body.C : null, ClientAddress(context), userAgent, referrer,
            VisitorText.Device(userAgent), ct);
        return TypedResults.NoContent();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>
    /// The visitor's address, used only inside the day's hash. A proxy on this machine (nginx in
    /// front) passes it in X-Forwarded-For; from anywhere else that header is not believed.
    /// </summary>
    internal static string ClientAddress(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if ((remote is null || IPAddress.IsLoopback(remote))
            && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            return forwarded.Split(',')[0].Trim();
        }
        return remote?.ToString() ?? "";
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "计数请求无效");

    public sealed record VisitsBody(string SiteCode, string From, string To, string By, long Views, long Visitors,
        List<DayRow>? Days, List<PageRow>? Pages, List<ColumnRow>? Columns);

    public sealed record DayRow(string Day, long Views, long Visitors);

    public sealed record PageRow(string Path, int? ColumnId, long Views, long Visitors);

    public sealed record ColumnRow(int ColumnId, string Name, long Views, long Visitors);

    private static async Task<Results<Ok<VisitsBody>, NotFound, ValidationProblem>> VisitsAsync(string code, DateOnly? from, DateOnly? to,
        string? by, SiteDirectory sites, SiteAccess access, VisitFigures figures, VisitCounter counter, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        var end = to ?? counter.Today;
        var start = from ?? end.AddDays(-29);
        by = string.IsNullOrEmpty(by) ? "day" : by.ToLowerInvariant();
        var errors = new Dictionary<string, string[]>();
        if (end < start)
        {
            errors["to"] = ["结束日期不能早于开始日期"];
        }
        else if (end.DayNumber - start.DayNumber > 3660)
        {
            errors["from"] = ["统计时段不能超过十年"];
        }
        if (by is not ("day" or "page" or "column"))
        {
            errors["by"] = ["by 只能是 day、page 或 column"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询条件有误");
        }
        int[] ids = [site.Id];
        var totals = await figures.TotalsAsync(ids, start, end, ct);
        var body = new VisitsBody(site.Code, Day(start), Day(end), by, totals.Views, totals.Visitors,
            by == "day" ? [.. (await figures.ByDayAsync(ids, start, end, ct)).Select(d => new DayRow(Day(d.Day), d.Views, d.Visitors))] : null,
            by == "page" ? [.. (await figures.TopPagesAsync(ids, start, end, 100, ct)).Select(p => new PageRow(p.Path, p.ColumnId, p.Views, p.Visitors))] : null,
            by == "column" ? [.. (await figures.TopColumnsAsync(ids, start, end, 100, ct)).Select(c => new ColumnRow(c.ColumnId, c.ColumnName, c.Views, c.Visitors))] : null);
        return TypedResults.Ok(body);
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
