using System.Text.Encodings.Web;
using GovSite.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovSite.AnnualReports;

public static class SupervisionReportsApi
{
    public static IEndpointRouteBuilder MapSupervisionReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/regions/{code}/supervision-report").WithTags("AnnualReports");
        api.MapGet("/{year:int}", GetJsonAsync)
            .WithSummary("政府网站监管年度报表（JSON）")
            .WithDescription("本地区及上级主管单位看到草稿及各项数字的来源（平台统计、填报）；其他人只能看到已发布的报表。");
        api.MapGet("/{year:int}.xlsx", GetXlsxAsync).WithSummary("政府网站监管年度报表（Excel 表格）")
            .WithDescription("按国家规定的《政府网站监管年度报表》格式导出 Excel；未发布的报表仅本地区主管单位和上级可取。");
        api.MapGet("/{year:int}.pdf", GetPdfAsync).WithSummary("政府网站监管年度报表（PDF）")
            .WithDescription("导出可打印、可公开的 PDF 版监管年度报表；可见范围与 JSON 相同。");
        var write = api.MapGroup("/{year:int}").RequireAuthorization(AccountsSetup.Writer);
        write.MapPut("", SaveAsync).WithSummary("填写监管年度报表中需人工填报的数字（培训情况等）和签发信息")
            .WithDescription("本地区主管单位填写平台无法统计的数字（如培训次数和人数）和签发信息；只能修改草稿或被退回的报表。");
        write.MapPost("/submit", (string code, int year, SupervisionReportService reports, CancellationToken ct) =>
            StepAsync(code, year, ReportWorkflow.Action.Submit, null, reports, ct)).WithSummary("报送监管年度报表（本地区主管单位）")
            .WithDescription("本地区主管单位确认填报完成后报送上级主管单位审核，报送后不能再修改。");
        write.MapPost("/return", (string code, int year, AnnualReportsApi.ReturnBody body, SupervisionReportService reports, CancellationToken ct) =>
            StepAsync(code, year, ReportWorkflow.Action.Return, body.Reason, reports, ct)).WithSummary("退回监管年度报表并说明原因（上级主管单位）")
            .WithDescription("上级主管单位退回已报送的监管年度报表，reason 写明须修改之处。");
        write.MapPost("/approve", (string code, int year, SupervisionReportService reports, CancellationToken ct) =>
            StepAsync(code, year, ReportWorkflow.Action.Approve, null, reports, ct)).WithSummary("审核通过并在门户网站发布监管年度报表（上级主管单位）")
            .WithDescription("上级主管单位审核通过，报表随即在本地区门户网站公开发布。");
        return app;
    }

    public sealed record SupervisionReportBody(string RegionCode, string RegionName, int Year, string Title, string Status, string StatusLabel, bool Late,
        string? ReturnReason, DateTime? SubmittedAt, DateTime? PublishedAt, string? PublicUrl,
        Dictionary<string, string> Figures, List<AnnualReportsApi.SectionBody> Sections);

    internal static SupervisionReportBody Body(SupervisionReportView v) => new(v.Region.Code, v.Region.Name, v.Year, v.Title,
        v.Report.Status.ToString(), ReportWorkflow.Label(v.Report.Status), v.IsLate, v.Report.ReturnReason, v.Report.SubmittedAt,
        v.Report.PublishedAt, v.Report.PublicUrl,
        v.Lines.ToDictionary(l => l.Key, l => l.Value),
        [.. v.Sections.Select(s => new AnnualReportsApi.SectionBody(s.Key, s.Title,
            [.. s.Lines.Select(l => new AnnualReportsApi.LineBody(l.Key, l.Label, l.Type.ToString().ToLowerInvariant(), l.Source.ToString().ToLowerInvariant(), l.Value))]))]);

    /// <summary>The office and the offices above it read the working copy; everyone else the published one.</summary>
    private static async Task<SupervisionReportView?> ReadAsync(string code, int year, SupervisionReportService reports, CancellationToken ct)
    {
        if (await reports.RegionAsync(code, ct) is not { } region)
        {
            return null;
        }
        return reports.CanSee(region) ? await reports.GetAsync(region, year, ct) : await reports.GetPublishedAsync(region, year, ct);
    }

    public static string FileName(SupervisionReportView view, string extension) => $"{view.Region.Code}-{view.Year}-监管年度报表.{extension}";

    public static byte[] Xlsx(SupervisionReportView view) =>
        AnnualReportXlsx.Write(view.Year, view.Title, "填报单位：" + view.Value("header.office"), view.Report.Status, view.Sections, "监管年度报表");

    public static string Html(SupervisionReportView view, HtmlEncoder encoder) =>
        AnnualReportHtml.Document(view.Region.Name, view.Year, view.Title, view.Report.Status, view.Sections, encoder);

    private static async Task<Results<Ok<SupervisionReportBody>, NotFound>> GetJsonAsync(string code, int year, SupervisionReportService reports,
        CancellationToken ct) =>
        await ReadAsync(code, year, reports, ct) is { } view ? TypedResults.Ok(Body(view)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetXlsxAsync(string code, int year, SupervisionReportService reports,
        CancellationToken ct) =>
        await ReadAsync(code, year, reports, ct) is { } view
            ? TypedResults.File(Xlsx(view), AnnualReportsApi.XlsxType, FileName(view, "xlsx"))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetPdfAsync(string code, int year,
        SupervisionReportService reports, AnnualReportPdf pdf, HtmlEncoder encoder, CancellationToken ct)
    {
        if (await ReadAsync(code, year, reports, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }
        return await pdf.PrintAsync(Html(view, encoder), ct) is { } bytes
            ? TypedResults.File(bytes, "application/pdf", FileName(view, "pdf"))
            : TypedResults.Problem("本服务器未安装用于生成 PDF 的浏览器，请下载 Excel 表格", statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂时无法生成 PDF");
    }

    private static async Task<Results<Ok<SupervisionReportBody>, NotFound, ForbidHttpResult, ValidationProblem>> SaveAsync(string code, int year,
        AnnualReportsApi.SaveBody body, SupervisionReportService reports, CancellationToken ct)
    {
        if (await reports.RegionAsync(code, ct) is not { } region || !reports.CanSee(region))
        {
            return TypedResults.NotFound();
        }
        return Result(await reports.SaveEnteredAsync(region, year, body.Values ?? [], ct));
    }

    private static async Task<Results<Ok<SupervisionReportBody>, NotFound, ForbidHttpResult, ValidationProblem>> StepAsync(string code, int year,
        ReportWorkflow.Action action, string? reason, SupervisionReportService reports, CancellationToken ct)
    {
        if (await reports.RegionAsync(code, ct) is not { } region || !(reports.CanSee(region) || reports.CanReview(region)))
        {
            return TypedResults.NotFound();
        }
        return Result(await reports.StepAsync(region, year, action, reason, ct));
    }

    private static Results<Ok<SupervisionReportBody>, NotFound, ForbidHttpResult, ValidationProblem> Result(SupervisionStepResult result) =>
        result.NotFound ? TypedResults.NotFound()
        : result.Forbidden ? TypedResults.Forbid()
        : !result.Errors.IsValid ? TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "监管年度报表未保存")
        : TypedResults.Ok(Body(result.Report!));
}
