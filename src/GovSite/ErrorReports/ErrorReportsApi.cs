using System.Globalization;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Security;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.ErrorReports;

/// <summary>The 找错 API: reporting and following up (anonymous), handling and figures (signed in).</summary>
public static class ErrorReportsApi
{
    public sealed record ReceiptBody(string Number, string? QueryCode, string DueDate);

    public sealed record StatusBody(string Number, ErrorReportStatus Status, string StatusText, ErrorKind Kind, string KindText, string PageUrl,
        string ReceivedOn, string DueDate, string? Reply, string? ClosedOn, bool Forwarded);

    public sealed record ReportBody(int Id, string Number, string Site, string HandlingSite, ErrorReportSource Source, string? ExternalNumber,
        ErrorKind Kind, string PageUrl, string? QuotedText, string Description, string? Name, string? Phone, string? Email, string ReceivedOn,
        string DueDate, ErrorReportStatus Status, string? ForwardedOn, bool? ForwardedOnTime, string? Reply, string? ClosedOn);

    public sealed record ForwardBody(string? TargetSiteCode, string? Note);

    public sealed record ReplyBody(string? Reply);

    public sealed record SiteFigures(string Code, string Name, ErrorReportCounts Figures);

    public sealed record FiguresBody(string Region, int Year, int? Quarter, string From, string To, ErrorReportCounts Total, List<SiteFigures> Sites);

    public static IEndpointRouteBuilder MapErrorReportsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("ErrorReports").AllowAnonymous();
        open.MapPost("/sites/{code}/error-reports", SubmitAsync)
            .WithSummary("我为政府网站找错：提交找错留言（公开接口）")
            .WithDescription("pageUrl 为出错页面的地址；quotedText 为选中的错误文字（选填）；kind：content 内容错误、link 链接错误、notUpdated 栏目不更新、serviceUnavailable 服务不可用、noResponse 互动不回应、other 其他；联系方式选填。返回编号、查询码和答复期限。")
            .DisableAntiforgery()
            .LimitPerAddressAnd(RateLimitOptions.ErrorReports, RateLimitOptions.ErrorReportsPerPhone, (ErrorReportInput r) => r.Phone);
        open.MapGet("/error-reports/{number}", LookupAsync).WithSummary("凭编号和查询码查询找错留言的办理情况").LimitPerAddress(RateLimitOptions.Lookups)
            .WithDescription("提交人凭编号和查询码（queryCode）查询找错留言的办理状态、答复期限和答复内容；查询码不对时答复 404。公开接口。");

        var staff = app.MapGroup("/api/v1").WithTags("ErrorReports").RequireAuthorization(AccountsSetup.Writer);
        staff.MapPost("/sites/{code}/error-reports/national", RecordAsync)
            .WithSummary("登记全国政府网站找错平台转来的留言（保留其编号）")
            .WithDescription("工作人员登记全国政府网站找错平台转来的留言，保留其原编号和期限，按同样的流程办理。");
        staff.MapPost("/error-reports/import", async Task<Results<Ok<ImportOutcome>, ValidationProblem>> (HttpRequest request, ErrorReportService reports, CancellationToken ct) =>
            {
                // Read whole and judged first (size, binary, encoding, line length); the CSV reader then reads from memory.
                var (text, problem) = await UploadedText.ReadAsync(request.Body, null, "CSV", ErrorReportService.MaxImportBytes, UploadedText.MaxLineChars, ct);
                if (problem is not null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["csv"] = [problem] }, title: "CSV 文件无法导入");
                }
                using var buffer = UploadedText.AsStream(text!);
                return TypedResults.Ok(await reports.ImportAsync(buffer, ct));
            })
            .Accepts<string>("text/csv")
            .WithSummary("导入全国政府网站找错平台导出的 CSV（已导入的编号跳过，有问题的行按行号列出）")
            .WithDescription("请求体为全国政府网站找错平台导出的 CSV（Content-Type: text/csv）。已导入过的编号跳过；有问题的行按行号列出原因，其余照常导入。")
            .DisableAntiforgery();
        staff.MapGet("/sites/{code}/error-reports", ListAsync).WithSummary("本网站的找错留言（工作人员）")
            .WithDescription("本站工作人员查看找错留言，可按办理状态筛选，分页；每条含转办和答复期限。");
        staff.MapPost("/error-reports/{number}/forward", ForwardAsync).WithSummary("转交问题所属的网站（1 个工作日内）")
            .WithDescription("问题不属于本站时，1 个工作日内转交问题所属的网站，转交对象以网站标识码指定。");
        staff.MapPost("/error-reports/{number}/reply", ReplyAsync).WithSummary("答复并办结找错留言")
            .WithDescription("答复提交人并办结；答复内容对提交人可见。");
        staff.MapGet("/regions/{code}/error-reports/figures", FiguresAsync)
            .WithSummary("地区找错统计（按季度或年度）：收到数、按时转办率、按时办结率、平均办理工作日、按类型")
            .WithDescription("监管人员查看地区内各网站的找错统计，按季度或年度：收到数、按时转办率、按时办结率、平均办理工作日和按类型的数量。");
        return app;
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Results<Created<ReceiptBody>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitAsync(string code,
        ErrorReportInput input, SiteDirectory sites, ErrorReportService reports, HttpContext http, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var outcome = await reports.SubmitAsync(site.Id, input, http.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.Receipt is { } receipt)
        {
            await Citizens.CitizensSetup.LinkSubmissionAsync(http, (page, citizenId) => page.ClaimErrorReportAsync(citizenId, receipt.Number, receipt.QueryCode, ct));
        }
        return Receipt(outcome);
    }

    private static async Task<Results<Created<ReceiptBody>, ValidationProblem, NotFound, ProblemHttpResult>> RecordAsync(string code,
        ErrorReportInput input, SiteDirectory sites, SiteAccess access, ErrorReportService reports, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        if (!await reports.CanRecordAsync(site.Id, ct))
        {
            return TypedResults.Problem("您没有登记本网站找错留言的权限", statusCode: StatusCodes.Status403Forbidden, title: "没有权限");
        }
        return Receipt(await reports.RecordNationalAsync(site.Id, input, ct));
    }

    private static Results<Created<ReceiptBody>, ValidationProblem, NotFound, ProblemHttpResult> Receipt(ErrorReportOutcome outcome)
    {
        if (outcome.RateLimited)
        {
            return TypedResults.Problem(string.Join(" ", outcome.Errors.All.SelectMany(e => e.Value)), statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
        }
        if (outcome.Receipt is not { } r)
        {
            var errors = outcome.Errors.ToDictionary().ToDictionary(kv => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kv.Key), kv => kv.Value);
            return TypedResults.ValidationProblem(errors, title: "提交的内容有误", detail: "请根据各字段的提示修改后重试");
        }
        return TypedResults.Created($"/api/v1/error-reports/{r.Number}", new ReceiptBody(r.Number, r.QueryCode, D(r.DueDate)));
    }

    public static StatusBody StatusOf(ErrorReport r) => new(r.Number, r.Status, ErrorReportService.Label(r.Status), r.Kind, ErrorReportService.Label(r.Kind),
        r.PageUrl, D(r.ReceivedOn), D(r.DueDate), r.Reply, r.ClosedOn is { } c ? D(c) : null, r.ForwardedOn is not null);

    private static async Task<Results<Ok<StatusBody>, NotFound>> LookupAsync(string number, string? queryCode, ErrorReportService reports, CancellationToken ct) =>
        await reports.LookupAsync(number, queryCode, ct) is { } r ? TypedResults.Ok(StatusOf(r)) : TypedResults.NotFound();

    private static ReportBody BodyOf(ErrorReport r, SiteDirectory sites) => new(r.Id, r.Number, sites.FindById(r.SiteId)?.Code ?? "",
        sites.FindById(r.HandlingSiteId)?.Code ?? "", r.Source, r.ExternalNumber, r.Kind, r.PageUrl, r.QuotedText, r.Description, r.Name, r.Phone, r.Email,
        D(r.ReceivedOn), D(r.DueDate), r.Status, r.ForwardedOn is { } f ? D(f) : null, r.ForwardedOnTime, r.Reply, r.ClosedOn is { } c ? D(c) : null);

    private static async Task<Results<Ok<Paged<ReportBody>>, NotFound>> ListAsync(string code, ErrorReportStatus? status, int? page, SiteDirectory sites,
        SiteAccess access, GovSiteDb db, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        var query = db.ErrorReports.AsNoTracking().Where(r => r.SiteId == site.Id || r.HandlingSiteId == site.Id);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        var p = ApiResults.ClampPage(page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Skip((p - 1) * 20).Take(20).ToListAsync(ct);
        return TypedResults.Ok(new Paged<ReportBody>(total, p, 20, [.. rows.Select(r => BodyOf(r, sites))]));
    }

    private static async Task<int?> IdOfAsync(string number, GovSiteDb db, CancellationToken ct)
    {
        var n = number.Trim().ToUpperInvariant();
        return await db.ErrorReports.AsNoTracking().Where(r => r.Number == n).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
    }

    private static async Task<Results<Ok<ReportBody>, ValidationProblem, NotFound, ForbidHttpResult>> ForwardAsync(string number, ForwardBody body,
        GovSiteDb db, SiteDirectory sites, ErrorReportService reports, CancellationToken ct)
    {
        if (await IdOfAsync(number, db, ct) is not int id)
        {
            return TypedResults.NotFound();
        }
        var target = body.TargetSiteCode is { } code ? sites.FindByCode(code.Trim())?.Id ?? -1 : -1;
        return ApiResults.From(await reports.ForwardAsync(id, target, body.Note, ct), r => BodyOf(r, sites));
    }

    private static async Task<Results<Ok<ReportBody>, ValidationProblem, NotFound, ForbidHttpResult>> ReplyAsync(string number, ReplyBody body,
        GovSiteDb db, SiteDirectory sites, ErrorReportService reports, CancellationToken ct)
    {
        if (await IdOfAsync(number, db, ct) is not int id)
        {
            return TypedResults.NotFound();
        }
        return ApiResults.From(await reports.ReplyAsync(id, body.Reply, ct), r => BodyOf(r, sites));
    }

    private static async Task<Results<Ok<FiguresBody>, ValidationProblem, NotFound>> FiguresAsync(string code, int? year, int? quarter, GovSiteDb db,
        SiteAccess access, SiteDirectory sites, ErrorReportFigures figures, TimeProvider clock, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null || !(access.Unrestricted || access.RegionIds.Contains(region.Id)))
        {
            return TypedResults.NotFound();
        }
        var y = year ?? GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;
        if (y is < 2000 or > 2100 || quarter is not (null or (>= 1 and <= 4)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = ["year 应为 2000—2100 的年份，quarter 应为 1 到 4（不填为全年）"] });
        }
        var siteIds = await RegionSitesAsync(db, region.Id, ct);
        var (from, to) = ErrorReportFigures.Period(y, quarter);
        var (total, bySite) = await figures.ForSitesAsync(siteIds, from, to, ct);
        var list = siteIds.Select(id => sites.FindById(id)).OfType<SiteInfo>()
            .Select(s => new SiteFigures(s.Code, s.Name, bySite.GetValueOrDefault(s.Id) ?? Empty)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new FiguresBody(region.Code, y, quarter, D(from), D(to), total, list));
    }

    private static readonly ErrorReportCounts Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Enum.GetValues<ErrorKind>().ToDictionary(k => k, _ => 0));

    /// <summary>The sites of a region and of every region below it.</summary>
    public static async Task<List<int>> RegionSitesAsync(GovSiteDb db, int regionId, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(ct);
        var inside = new HashSet<int> { regionId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var r in regions.Where(r => r.ParentId is int p && inside.Contains(p) && !inside.Contains(r.Id)))
            {
                inside.Add(r.Id);
                grew = true;
            }
        }
        return await db.Sites.IgnoreQueryFilters().AsNoTracking().Where(s => inside.Contains(s.RegionId)).Select(s => s.Id).ToListAsync(ct);
    }
}
