using System.Globalization;
using System.Text.Encodings.Web;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Files;
using GovSite.Security;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure;

/// <summary>
/// The disclosure API: applying and following a request (anonymous, with the query code), the
/// staff's clock events and answers (signed in), the catalogue and the annual report (public once
/// published).
/// </summary>
public static class DisclosureApi
{
    public sealed record ReceiptBody(string Number, string QueryCode, string ReceivedOn, string DueDate);

    public sealed record EventBody(string Kind, string KindText, string On, string? Text, string? By);

    public sealed record LetterBody(int Id, string Kind, string Title, string Reference, string IssuedOn, string Url);

    public sealed record FileBody(int Id, string Name, string Url);

    public sealed record RequestBody(
        string Number, RequestStatus Status, string StatusText, string ReceivedOn, string? DueDate, bool DueDateProvisional, string Clock,
        int LimitDays, int UsedDays, bool Extended, AnswerType? AnswerType, string? AnswerTypeText, string? AnswerGround, string? AnsweredOn,
        decimal? Fee, List<EventBody> Events, List<LetterBody> Letters, List<FileBody> Files, StaffBody? Staff);

    /// <summary>What only staff see: who applied and how to reach them.</summary>
    public sealed record StaffBody(int Id, string Site, ApplicantKind ApplicantKind, string Name, string IdNumber, string Phone, string? Email,
        string? Address, string Description, string? InformationName, string? Purpose, DeliveryMethod Delivery, ReceiptChannel Channel, string? Office);

    public sealed record OfficeBody(string? Office);

    public sealed record TextBody(string? Text, DateOnly? On);

    public sealed record ThirdPartyBody(string? Party, string? Text, DateOnly? On);

    public sealed record ExtendBody(int? Days, string? ApprovedBy, string? Reason, DateOnly? On);

    public sealed record FeeBody(FeeMethod? Method, int? Pages, DateOnly? On);

    public sealed record CloseBody(CloseReason? Reason, string? Text, DateOnly? On);

    public sealed record CatalogueItemBody(string? IndexNumber, string Title, string Organ, string? DocNumber, string? WrittenOn, string? PublishedOn,
        string? Subject, string? Genre, string? Validity, string Url);

    public sealed record CatalogueBody(int Total, bool TotalIsExact, int Page, int PageCount, List<CatalogueItemBody> Items);

    public sealed record ReportBody(string Site, int Year, string Title, ReportStatus Status, string? Overview, string? Problems, string? Other,
        Dictionary<string, decimal> Cells, List<string> Manual, List<string> Checks);

    public sealed record CoverageBody(string Category, int Count, string? Newest, CoverageState State);

    public static IEndpointRouteBuilder MapDisclosureApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Disclosure").AllowAnonymous();
        open.MapPost("/sites/{code}/information-requests", SubmitAsync)
            .WithSummary("提交政府信息公开申请（公开接口）")
            .WithDescription("按官方申请表填写：申请人（公民或法人/其他组织）、证件、联系方式、所需信息描述、用途（选填）、获取方式，以及证件图片（idImage，Base64 的 PNG、JPEG 或 PDF）。返回申请编号、查询码、收到申请日期和答复期限（20 个工作日）。")
            .DisableAntiforgery()
            .LimitPerAddressAnd(RateLimitOptions.InformationRequests, RateLimitOptions.InformationRequestsPerPhone, (RequestInput r) => r.Phone);
        open.MapGet("/information-requests/{number}", LookupAsync).LimitPerAddress(RateLimitOptions.Lookups)
            .WithSummary("凭申请编号和查询码查询办理进度")
            .WithDescription("返回状态、答复期限（始终由办理记录按工作日历计算）、每一个计时事件和已发出的告知书；工作人员登录后不带查询码也可查看。");
        open.MapGet("/information-requests/{number}/letters/{id:int}.pdf", LetterPdfAsync)
            .WithSummary("下载告知书 PDF（凭查询码）")
            .WithDescription("申请人凭申请编号和查询码（queryCode）下载告知书（补正告知、延期告知、答复告知等）的 PDF；查询码不对时答复 404。");
        open.MapGet("/information-requests/{number}/files/{id:int}", FileAsync)
            .WithSummary("下载答复附件（凭查询码）")
            .WithDescription("申请人凭申请编号和查询码下载答复时附上的公开文件；查询码不对时答复 404。");
        open.MapGet("/sites/{code}/disclosure/catalogue", CatalogueAsync)
            .WithSummary("政府信息公开目录（按主题分类、体裁分类、发文机关筛选，可检索，分页）")
            .WithDescription("网站主动公开的政府信息，每条含索引号、发文机关、成文日期、发布日期、主题分类和体裁分类；按主题分类、体裁分类、发文机关筛选，q 检索标题和文号，分页（page、pageSize）。公开接口。");
        open.MapGet("/sites/{code}/disclosure/catalogue.csv", CatalogueCsvAsync).WithSummary("导出政府信息公开目录（CSV）")
            .WithDescription("按与目录接口相同的筛选条件导出政府信息公开目录，UTF-8 编码的 CSV（带 BOM，Excel 可直接打开）。公开接口。");
        open.MapGet("/sites/{code}/disclosure/catalogue.xlsx", CatalogueXlsxAsync).WithSummary("导出政府信息公开目录（Excel）")
            .WithDescription("按与目录接口相同的筛选条件导出政府信息公开目录的 Excel 表格。公开接口。");
        open.MapGet("/sites/{code}/disclosure/annual-report/{year:int}", ReportAsync)
            .WithSummary("政府信息公开工作年度报告（JSON；已发布的公开，草稿仅本网站工作人员可见）")
            .WithDescription("返回报告的各部分：平台统计的数字（主动公开、依申请公开办理情况等）和人工填报的文字；已发布的对所有人可见，草稿仅本站工作人员可见，否则答复 404。");
        open.MapGet("/sites/{code}/disclosure/annual-report/{year:int}.xlsx", ReportXlsxAsync).WithSummary("年度报告（Excel，官方表格格式）")
            .WithDescription("按国务院办公厅规定的表格格式导出政府信息公开工作年度报告；已发布的公开，草稿仅本站工作人员可取。");
        open.MapGet("/sites/{code}/disclosure/annual-report/{year:int}.pdf", ReportPdfAsync).WithSummary("年度报告（PDF）")
            .WithDescription("导出政府信息公开工作年度报告的 PDF；已发布的公开，草稿仅本站工作人员可取。");
        open.MapGet("/sites/{code}/disclosure/guide", GuideAsync).WithSummary("政府信息公开指南（当前版本）")
            .WithDescription("返回网站当前生效的政府信息公开指南，含国家规定的各项要素（受理机构、申请方式、办理流程、期限等）。公开接口。");

        var staff = app.MapGroup("/api/v1").WithTags("Disclosure").RequireAuthorization(AccountsSetup.Writer);
        staff.MapPost("/sites/{code}/information-requests/recorded", RecordAsync)
            .WithSummary("登记当面、邮寄、传真或电子邮箱收到的申请（工作人员）")
            .WithDescription("channel 为收件方式，receivedOn 按收件规则确定：当面递交为提交之日，需签收的邮寄为签收之日，平信为电话确认之日，传真为双方确认之日。");
        staff.MapGet("/sites/{code}/information-requests", ListAsync).WithSummary("本网站的依申请公开列表（工作人员）")
            .WithDescription("本站工作人员查看依申请公开的申请，可按办理状态筛选，分页；每条含答复期限和剩余工作日。");
        staff.MapPost("/information-requests/{number}/assign", (string number, OfficeBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.AssignAsync(id, body.Office, ct), ct)).WithSummary("分办到承办处室")
            .WithDescription("把申请分办到承办处室，记入办理过程。");
        staff.MapPost("/information-requests/{number}/correction", (string number, TextBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.AskCorrectionAsync(id, body.Text, body.On, ct), ct)).WithSummary("告知补正（收到申请 7 个工作日内，一次性告知；计时中止，收到补正后重新计算）")
            .WithDescription("申请内容不明确时一次性告知申请人补正，生成补正告知书；期限计时中止，收到补正后重新计算。");
        staff.MapPost("/information-requests/{number}/correction-received", (string number, TextBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.CorrectionReceivedAsync(id, body.Text, body.On, ct), ct)).WithSummary("收到补正（答复期限自该日起重新计算）")
            .WithDescription("登记收到申请人的补正材料，答复期限自该日起重新计算 20 个工作日。");
        staff.MapPost("/information-requests/{number}/third-party", (string number, ThirdPartyBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.ConsultThirdPartyAsync(id, body.Party, body.Text, body.On, ct), ct)).WithSummary("征求第三方意见（计时暂停，最长 15 个工作日）")
            .WithDescription("公开可能损害第三方合法权益时书面征求第三方意见，计时暂停，最长 15 个工作日。");
        staff.MapPost("/information-requests/{number}/third-party-opinion", (string number, TextBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.ThirdPartyRepliedAsync(id, body.Text, body.On, ct), ct)).WithSummary("第三方意见到达（恢复计时）")
            .WithDescription("登记第三方意见到达，恢复计时。");
        staff.MapPost("/information-requests/{number}/extend", (string number, ExtendBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.ExtendAsync(id, body.Days, body.ApprovedBy, body.Reason, body.On, ct), ct)).WithSummary("延期答复（一次，最长 20 个工作日，须负责人批准并说明理由）")
            .WithDescription("需要延长答复期限时登记负责人批准和理由，延长一次、最长 20 个工作日，并生成延期告知书。");
        staff.MapPost("/information-requests/{number}/fee", (string number, FeeBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.NoticeFeeAsync(id, body.Method, body.Pages, body.On, ct), ct)).WithSummary("发出收费通知（按件或按量，计时暂停至缴费或减免）")
            .WithDescription("申请数量、频次明显超过合理范围时发出收费通知（按件或按量），计时暂停至缴费或减免。");
        staff.MapPost("/information-requests/{number}/fee-paid", (string number, TextBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.FeeSettledAsync(id, waived: false, body.Text, body.On, ct), ct)).WithSummary("申请人已缴费（恢复计时）")
            .WithDescription("登记申请人已缴纳信息处理费，恢复计时。");
        staff.MapPost("/information-requests/{number}/fee-waived", (string number, TextBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.FeeSettledAsync(id, waived: true, body.Text, body.On, ct), ct)).WithSummary("减免收费（恢复计时）")
            .WithDescription("登记减免信息处理费，恢复计时。");
        staff.MapPost("/information-requests/{number}/answer", (string number, AnswerInput body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.AnswerAsync(id, body, ct), ct))
            .WithSummary("作出答复（生成答复告知书）")
            .WithDescription("type：alreadyPublic 已主动公开、disclosed 予以公开、partlyDisclosed 部分公开、refused 不予公开、unavailable 无法提供、notThisAgency 不属于本机关、repeat 重复申请、otherChannel 其他法定途径、notProcessed 不予处理；ground 为法定理由（如 stateSecret）或原因；detail 为该类型必须写明的内容。");
        staff.MapPost("/information-requests/{number}/close", (string number, CloseBody body, RequestService s, SiteDirectory d, CancellationToken ct) =>
            ActAsync(number, s, d, id => s.CloseAsync(id, body.Reason, body.Text, body.On, ct), ct)).WithSummary("终止办理（撤回，或逾期不补正、逾期不缴费视为放弃）")
            .WithDescription("终止办理：申请人撤回，或逾期不补正、逾期不缴费视为放弃；须说明原因，记入办理过程。");
        staff.MapGet("/sites/{code}/disclosure/statutory", StatutoryAsync).WithSummary("法定主动公开内容的空缺和过期情况（工作人员）")
            .WithDescription("本站工作人员查看法定主动公开内容（机构职能、政策文件、财政预决算等）哪些栏目空缺、哪些已超过更新期限。");
        staff.MapPut("/sites/{code}/disclosure/annual-report/{year:int}", SaveReportAsync).WithSummary("保存年度报告草稿（人工填报的数字和文字部分）")
            .WithDescription("保存政府信息公开工作年度报告草稿中人工填报的数字和文字部分；平台统计的数字自动生成，不在此修改。");
        staff.MapPost("/sites/{code}/disclosure/annual-report/{year:int}/publish", PublishReportAsync)
            .WithSummary("发布年度报告（先校验表格勾稽关系，再发布到“政府信息公开年度报告”栏目）")
            .WithDescription("发布年度报告：先校验表格各项的勾稽关系，有误时按字段列出；通过后发布到本站“政府信息公开年度报告”栏目。");
        return app;
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static RequestBody BodyOf(RequestView v, SiteDirectory sites, bool staff, RequestService requests)
    {
        var r = v.Request;
        var suffix = staff ? "" : "?queryCode=…";
        var files = RequestService.FileIds(r.AnswerFiles);
        return new RequestBody(r.Number, r.Status, DisclosureLabels.Of(r.Status), D(r.ReceivedOn), v.Clock.DueDate is { } due ? D(due) : null,
            v.Clock.Provisional, DisclosureLabels.Of(v.Clock.State), v.Clock.LimitDays, v.Clock.UsedDays, v.Clock.Extended, r.AnswerType,
            r.AnswerType is { } t ? DisclosureLabels.Of(t) : null, DisclosureLabels.GroundText(r.AnswerType, r.AnswerGround),
            r.AnsweredOn is { } a ? D(a) : null, r.FeeAmount,
            [.. v.Events.Where(e => staff || e.Kind != RequestEventKind.Note).Select(e => new EventBody(e.Kind.ToString(), DisclosureLabels.Of(e.Kind), D(e.OccurredOn),
                staff || e.Kind is not (RequestEventKind.ThirdPartyConsulted or RequestEventKind.ThirdPartyReplied) ? e.Text : null, staff ? e.UserName : null))],
            [.. v.Letters.Select(l => new LetterBody(l.Id, l.Kind.ToString(), l.Title, l.Reference, D(l.IssuedOn),
                $"/api/v1/information-requests/{r.Number}/letters/{l.Id}.pdf{suffix}"))],
            [.. files.Select(id => new FileBody(id, $"附件{id}", $"/api/v1/information-requests/{r.Number}/files/{id}{suffix}"))],
            staff ? new StaffBody(r.Id, sites.FindById(r.SiteId)?.Code ?? "", r.ApplicantKind, r.Name, requests.ShownIdNumber(r), r.Phone, r.Email, r.Address, r.Description,
                r.InformationName, r.Purpose, r.Delivery, r.Channel, r.Office) : null);
    }

    private static async Task<Results<Created<ReceiptBody>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitAsync(
        string code, RequestInput input, SiteDirectory sites, RequestService requests, HttpContext http, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var outcome = await requests.SubmitAsync(site.Id, input, null, http.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.Receipt is { } receipt)
        {
            await Citizens.CitizensSetup.LinkSubmissionAsync(http, (page, citizenId) => page.ClaimRequestAsync(citizenId, receipt.Number, receipt.QueryCode, ct));
        }
        return Receipt(outcome);
    }

    private static async Task<Results<Created<ReceiptBody>, ValidationProblem, NotFound, ProblemHttpResult>> RecordAsync(
        string code, RequestInput input, SiteDirectory sites, RequestService requests, SiteAccess access, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        if (!requests.CanHandle(site.Id))
        {
            return TypedResults.Problem("您没有登记本网站依申请公开的权限", statusCode: StatusCodes.Status403Forbidden, title: "没有权限");
        }
        return Receipt(await requests.RecordAsync(site.Id, input, null, ct));
    }

    private static Results<Created<ReceiptBody>, ValidationProblem, NotFound, ProblemHttpResult> Receipt(RequestOutcome outcome)
    {
        if (outcome.RateLimited)
        {
            return TypedResults.Problem(string.Join(" ", outcome.Errors.All.SelectMany(e => e.Value)), statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
        }
        if (outcome.Receipt is not { } r)
        {
            return TypedResults.ValidationProblem(CamelCase(outcome.Errors), title: "提交的内容有误", detail: "请根据各字段的提示修改后重试");
        }
        return TypedResults.Created($"/api/v1/information-requests/{r.Number}", new ReceiptBody(r.Number, r.QueryCode, D(r.ReceivedOn), D(r.DueDate)));
    }

    private static Dictionary<string, string[]> CamelCase(ValidationErrors errors) =>
        errors.ToDictionary().ToDictionary(kv => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kv.Key), kv => kv.Value);

    private static async Task<Results<Ok<RequestBody>, NotFound>> LookupAsync(string number, string? queryCode, RequestService requests,
        SiteDirectory sites, SiteAccess access, CancellationToken ct)
    {
        if (queryCode is not null)
        {
            return await requests.LookupAsync(number, queryCode, ct) is { } found ? TypedResults.Ok(BodyOf(found, sites, staff: false, requests)) : TypedResults.NotFound();
        }
        return access.IsAuthenticated && await requests.FindByNumberAsync(number, ct) is { } mine
            ? TypedResults.Ok(BodyOf(mine, sites, staff: true, requests))
            : TypedResults.NotFound();
    }

    /// <summary>The applicant with the query code, or staff of the site.</summary>
    private static async Task<RequestView?> ViewForAsync(string number, string? queryCode, RequestService requests, SiteAccess access, CancellationToken ct) =>
        queryCode is not null ? await requests.LookupAsync(number, queryCode, ct)
        : access.IsAuthenticated ? await requests.FindByNumberAsync(number, ct) : null;

    private static async Task<IResult> LetterPdfAsync(string number, int id, string? queryCode, RequestService requests, SiteAccess access,
        PdfPrinter printer, HtmlEncoder encoder, CancellationToken ct)
    {
        if (await ViewForAsync(number, queryCode, requests, access, ct) is not { } view || view.Letters.FirstOrDefault(l => l.Id == id) is not { } letter)
        {
            return TypedResults.NotFound();
        }
        try
        {
            var pdf = await printer.PrintAsync(Letters.Html(letter, encoder), ct);
            return TypedResults.File(pdf, "application/pdf", $"{letter.Title}-{view.Request.Number}.pdf");
        }
        catch (PdfUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂不能生成 PDF");
        }
    }

    private static async Task<IResult> FileAsync(string number, int id, string? queryCode, RequestService requests, SiteAccess access, GovSiteDb db,
        FileStore store, CancellationToken ct)
    {
        if (await ViewForAsync(number, queryCode, requests, access, ct) is not { } view || !RequestService.FileIds(view.Request.AnswerFiles).Contains(id))
        {
            return TypedResults.NotFound();
        }
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.SiteId == view.Request.SiteId, ct);
        if (file is null || !File.Exists(store.PathOf(file.StoredName)))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.PhysicalFile(store.PathOf(file.StoredName), file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<Paged<RequestBody>>, NotFound>> ListAsync(string code, RequestStatus? status, int? page, SiteDirectory sites,
        SiteAccess access, GovSiteDb db, RequestService requests, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        var query = db.InformationRequests.AsNoTracking().Where(r => r.SiteId == site.Id);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        var p = ApiResults.ClampPage(page);
        var total = await query.CountAsync(ct);
        var numbers = await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).Skip((p - 1) * 20).Take(20).Select(r => r.Number).ToListAsync(ct);
        var items = new List<RequestBody>();
        foreach (var n in numbers)
        {
            items.Add(BodyOf((await requests.FindByNumberAsync(n, ct))!, sites, staff: true, requests));
        }
        return TypedResults.Ok(new Paged<RequestBody>(total, p, 20, items));
    }

    private static async Task<Results<Ok<RequestBody>, ValidationProblem, NotFound, ForbidHttpResult>> ActAsync(string number, RequestService requests,
        SiteDirectory sites, Func<int, Task<SaveResult<InformationRequest>>> act, CancellationToken ct)
    {
        if (await requests.FindByNumberAsync(number, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }
        var result = await act(view.Request.Id);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, _ => (RequestBody)null!);
        }
        var after = (await requests.FindByNumberAsync(number, ct))!;
        return TypedResults.Ok(BodyOf(after, sites, staff: true, requests));
    }

    public static string CatalogueUrl(SiteInfo site, int articleId) =>
        site.MainHost is { } host ? $"https://{host}/articles/{articleId}" : $"/sites/{site.Code}/articles/{articleId}";

    private static CatalogueQuery QueryOf(string? subject, string? genre, string? organ, string? q, int? page) => new(
        Blank(subject), Blank(genre), Blank(organ), Blank(q) is { } text ? text.Length > 100 ? text[..100] : text : null, ApiResults.ClampPage(page));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task<Results<Ok<CatalogueBody>, NotFound>> CatalogueAsync(string code, string? subject, string? genre, string? organ, string? q,
        int? page, SiteDirectory sites, Catalogue catalogue, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var result = await catalogue.PageAsync(site, QueryOf(subject, genre, organ, q, page), ct);
        return TypedResults.Ok(new CatalogueBody(result.Total, result.TotalIsExact, result.Page, result.PageCount,
            [.. result.Items.Select(e => Item(e, sites))]));
    }

    private static CatalogueItemBody Item(CatalogueEntry e, SiteDirectory sites)
    {
        var url = sites.FindById(e.SiteId) is { } s ? CatalogueUrl(s, e.ArticleId) : "";
        var row = Catalogue.Row(e, url);
        return new CatalogueItemBody(e.IndexNumber, e.Title, e.Organ, e.DocNumber, row[4], row[5], e.Subject, e.Genre, row[8], url);
    }

    private static async Task<IResult> CatalogueCsvAsync(string code, string? subject, string? genre, string? organ, string? q,
        SiteDirectory sites, Catalogue catalogue, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var entries = await catalogue.ExportAsync(site, QueryOf(subject, genre, organ, q, 1), ct);
        var bytes = CsvExport.Write(Catalogue.Header, entries.Select(e => Catalogue.Row(e, sites.FindById(e.SiteId) is { } s ? CatalogueUrl(s, e.ArticleId) : "")));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"{site.Name}政府信息公开目录.csv");
    }

    private static async Task<IResult> CatalogueXlsxAsync(string code, string? subject, string? genre, string? organ, string? q,
        SiteDirectory sites, Catalogue catalogue, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var entries = await catalogue.ExportAsync(site, QueryOf(subject, genre, organ, q, 1), ct);
        var sheet = new XlsxSheet("政府信息公开目录");
        sheet.Widths.AddRange([22, 50, 24, 20, 12, 12, 18, 12, 10, 40]);
        sheet.AddRow(Catalogue.Header.Select(h => XlsxCell.Of(h, XlsxStyle.Header)));
        foreach (var e in entries)
        {
            sheet.AddRow(Catalogue.Row(e, sites.FindById(e.SiteId) is { } s ? CatalogueUrl(s, e.ArticleId) : "").Select(v => XlsxCell.Of(v)));
        }
        return TypedResults.File(XlsxBook.Write(sheet), FileTypes.Xlsx.ContentType, $"{site.Name}政府信息公开目录.xlsx");
    }

    private static async Task<ReportContent?> ReportContentAsync(string code, int year, SiteDirectory sites, SiteAccess access, ReportService reports,
        CancellationToken ct) =>
        sites.FindByCode(code) is { } site && year is >= 2008 and <= 2100
            ? await reports.ContentAsync(site.Id, year, access.CanSee(site.Id), ct)
            : null;

    private static async Task<Results<Ok<ReportBody>, NotFound>> ReportAsync(string code, int year, SiteDirectory sites, SiteAccess access,
        ReportService reports, CancellationToken ct)
    {
        if (await ReportContentAsync(code, year, sites, access, reports, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }
        var site = sites.FindByCode(code)!;
        var status = (await reports.FindAsync(site.Id, year, ct))?.Status ?? ReportStatus.Draft;
        return TypedResults.Ok(new ReportBody(site.Code, year, content.Title, status, content.Overview, content.Problems, content.Other,
            content.Figures.Values, [.. content.Figures.Manual.Order()], content.Figures.Check()));
    }

    private static async Task<IResult> ReportXlsxAsync(string code, int year, SiteDirectory sites, SiteAccess access, ReportService reports, CancellationToken ct) =>
        await ReportContentAsync(code, year, sites, access, reports, ct) is { } content
            ? TypedResults.File(ReportDocument.Xlsx(content), FileTypes.Xlsx.ContentType, $"{content.Title}.xlsx")
            : TypedResults.NotFound();

    private static async Task<IResult> ReportPdfAsync(string code, int year, SiteDirectory sites, SiteAccess access, ReportService reports,
        PdfPrinter printer, HtmlEncoder encoder, CancellationToken ct)
    {
        if (await ReportContentAsync(code, year, sites, access, reports, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }
        try
        {
            return TypedResults.File(await printer.PrintAsync(ReportDocument.PrintPage(content, encoder), ct), "application/pdf", $"{content.Title}.pdf");
        }
        catch (PdfUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂不能生成 PDF");
        }
    }

    private static async Task<Results<Ok<DisclosureGuide>, NotFound>> GuideAsync(string code, SiteDirectory sites, GuideService guides, CancellationToken ct) =>
        sites.FindByCode(code) is { } site ? TypedResults.Ok(await guides.CurrentAsync(site.Id, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<CoverageBody>>, NotFound>> StatutoryAsync(string code, SiteDirectory sites, SiteAccess access,
        StatutoryContent statutory, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok((await statutory.CoverageAsync(site, ct))
            .Select(c => new CoverageBody(c.Category.Name, c.Count, c.Newest is { } n ? ChinaTime.FormatDate(n) : null, c.State)).ToList());
    }

    private static async Task<Results<Ok<ReportBody>, ValidationProblem, NotFound, ForbidHttpResult>> SaveReportAsync(string code, int year,
        ReportInput input, SiteDirectory sites, SiteAccess access, ReportService reports, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id) || year is < 2008 or > 2100)
        {
            return TypedResults.NotFound();
        }
        var saved = await reports.SaveAsync(site.Id, year, input, ct);
        if (!saved.Succeeded)
        {
            return ApiResults.From(saved, _ => (ReportBody)null!);
        }
        var content = (await reports.ContentAsync(site.Id, year, true, ct))!;
        return TypedResults.Ok(new ReportBody(site.Code, year, content.Title, ReportStatus.Draft, content.Overview, content.Problems, content.Other,
            content.Figures.Values, [.. content.Figures.Manual.Order()], content.Figures.Check()));
    }

    private static async Task<Results<Ok<ReportBody>, ValidationProblem, NotFound, ForbidHttpResult>> PublishReportAsync(string code, int year,
        SiteDirectory sites, SiteAccess access, ReportService reports, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id) || year is < 2008 or > 2100)
        {
            return TypedResults.NotFound();
        }
        var published = await reports.PublishAsync(site.Id, year, ct);
        if (!published.Succeeded)
        {
            return ApiResults.From(published, _ => (ReportBody)null!);
        }
        var content = (await reports.ContentAsync(site.Id, year, true, ct))!;
        return TypedResults.Ok(new ReportBody(site.Code, year, content.Title, ReportStatus.Published, content.Overview, content.Problems, content.Other,
            content.Figures.Values, [.. content.Figures.Manual.Order()], []));
    }
}
