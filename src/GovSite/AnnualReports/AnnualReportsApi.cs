using System.Text.Encodings.Web;
using GovSite.Accounts;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovSite.AnnualReports;

public static class AnnualReportsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapAnnualReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/sites/{code}/annual-report").WithTags("AnnualReports");
        api.MapGet("/{year:int}", GetJsonAsync)
            .WithSummary("政府网站工作年度报表（JSON）")
            .WithDescription("本站工作人员和主管单位看到草稿及各项数字的来源（平台统计、填报、手工填报）；其他人只能看到已发布的报表。");
        api.MapGet("/{year:int}.xlsx", GetXlsxAsync).WithSummary("政府网站工作年度报表（Excel 表格）")
            .WithDescription("按国家规定的《政府网站工作年度报表》格式导出 Excel；可见范围与 JSON 相同（未发布的报表仅本站工作人员和主管单位可取）。");
        api.MapGet("/{year:int}.pdf", GetPdfAsync).WithSummary("政府网站工作年度报表（PDF）")
            .WithDescription("导出可打印、可在网站公开的 PDF 版报表；可见范围与 JSON 相同。");
        var write = api.MapGroup("/{year:int}").RequireAuthorization(AccountsSetup.Writer);
        write.MapPut("", SaveAsync).WithSummary("填写年度报表中需人工填报的数字和签发信息")
            .WithDescription("网站主办单位填写平台无法统计的数字（如栏目维护、安全检测情况）和签发人、填报日期；只能修改草稿或被退回的报表。");
        write.MapPost("/submit", (string code, int year, SiteDirectory sites, AnnualReportService reports, CancellationToken ct) =>
            StepAsync(code, year, ReportWorkflow.Action.Submit, null, sites, reports, ct)).WithSummary("报送年度报表（网站主办单位）")
            .WithDescription("网站主办单位确认填报完成后报送主管单位审核；报表须通过必填项和勾稽关系校验，报送后不能再修改。");
        write.MapPost("/return", (string code, int year, ReturnBody body, SiteDirectory sites, AnnualReportService reports, CancellationToken ct) =>
            StepAsync(code, year, ReportWorkflow.Action.Return, body.Reason, sites, reports, ct)).WithSummary("退回年度报表并说明原因（主管单位）")
            .WithDescription("主管单位退回已报送的报表，reason 写明须修改之处；报表回到可编辑状态并通知网站。");
        write.MapPost("/approve", (string code, int year, SiteDirectory sites, AnnualReportService reports, CancellationToken ct) =>
            StepAsync(code, year, ReportWorkflow.Action.Approve, null, sites, reports, ct)).WithSummary("审核通过并在网站发布年度报表（主管单位）")
            .WithDescription("主管单位审核通过已报送的报表，报表随即在该网站的年度报表栏目公开发布。");
        return app;
    }

    public sealed record ReturnBody(string? Reason);

    public sealed record SaveBody(Dictionary<string, string?>? Values);

    public sealed record LineBody(string Key, string Label, string Type, string Source, string Value);

    public sealed record SectionBody(string Key, string Title, List<LineBody> Lines);

    public sealed record ReportBody(string SiteCode, string SiteName, int Year, string Title, string Status, string StatusLabel, bool Late,
        string? ReturnReason, DateTime? SubmittedAt, DateTime? PublishedAt, string? PublicUrl,
        Dictionary<string, string> Figures, List<SectionBody> Sections);

    internal static ReportBody Body(AnnualReportView v) => new(v.Site.Code, v.Site.Name, v.Year, v.Title,
        v.Report.Status.ToString(), ReportWorkflow.Label(v.Report.Status), v.IsLate, v.Report.ReturnReason, v.Report.SubmittedAt,
        v.Report.PublishedAt, v.Report.PublicUrl,
        v.Lines.ToDictionary(l => l.Key, l => l.Value),
        [.. v.Sections.Select(s => new SectionBody(s.Key, s.Title,
            [.. s.Lines.Select(l => new LineBody(l.Key, l.Label, l.Type.ToString().ToLowerInvariant(), l.Source.ToString().ToLowerInvariant(), l.Value))]))]);

    /// <summary>Staff and supervisors of the site read the working copy; everyone else the published one.</summary>
    private static async Task<AnnualReportView?> ReadAsync(string code, int year, SiteDirectory sites, SiteAccess access,
        AnnualReportService reports, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return null;
        }
        return access.CanSee(site.Id) ? await reports.GetAsync(site, year, ct) : await reports.GetPublishedAsync(site, year, ct);
    }

    private static async Task<Results<Ok<ReportBody>, NotFound>> GetJsonAsync(string code, int year, SiteDirectory sites, SiteAccess access,
        AnnualReportService reports, CancellationToken ct) =>
        await ReadAsync(code, year, sites, access, reports, ct) is { } view ? TypedResults.Ok(Body(view)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetXlsxAsync(string code, int year, SiteDirectory sites, SiteAccess access,
        AnnualReportService reports, CancellationToken ct) =>
        await ReadAsync(code, year, sites, access, reports, ct) is { } view
            ? TypedResults.File(AnnualReportXlsx.Write(view), XlsxType, $"{view.Site.Code}-{year}-工作年度报表.xlsx")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetPdfAsync(string code, int year, SiteDirectory sites,
        SiteAccess access, AnnualReportService reports, AnnualReportPdf pdf, HtmlEncoder encoder, CancellationToken ct)
    {
        if (await ReadAsync(code, year, sites, access, reports, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }
        return await pdf.PrintAsync(AnnualReportHtml.Document(view, encoder), ct) is { } bytes
            ? TypedResults.File(bytes, "application/pdf", $"{view.Site.Code}-{year}-工作年度报表.pdf")
            : TypedResults.Problem("本服务器未安装用于生成 PDF 的浏览器，请下载 Excel 表格", statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂时无法生成 PDF");
    }

    private static async Task<Results<Ok<ReportBody>, NotFound, ForbidHttpResult, ValidationProblem>> SaveAsync(string code, int year, SaveBody body,
        SiteDirectory sites, SiteAccess access, AnnualReportService reports, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        return Result(await reports.SaveEnteredAsync(site, year, body.Values ?? [], ct));
    }

    private static async Task<Results<Ok<ReportBody>, NotFound, ForbidHttpResult, ValidationProblem>> StepAsync(string code, int year,
        ReportWorkflow.Action action, string? reason, SiteDirectory sites, AnnualReportService reports, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !reports.CanSeeSite(site.Id))
        {
            return TypedResults.NotFound();
        }
        return Result(await reports.StepAsync(site, year, action, reason, PublicUrl(site, year), ct));
    }

    /// <summary>Where the published report lives: the site's own domain, else the platform's path for it.</summary>
    public static string PublicUrl(SiteInfo site, int year) =>
        site.MainHost is { } host ? $"https://{host}/annual-reports/{year}" : $"/sites/{site.Code}/annual-reports/{year}";

    private static Results<Ok<ReportBody>, NotFound, ForbidHttpResult, ValidationProblem> Result(ReportStepResult result) =>
        result.NotFound ? TypedResults.NotFound()
        : result.Forbidden ? TypedResults.Forbid()
        : !result.Errors.IsValid ? TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "年度报表未保存")
        : TypedResults.Ok(Body(result.Report!));
}
