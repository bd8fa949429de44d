using System.Text.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Security;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

/// <summary>办事服务 over HTTP: the catalogue and guides (public), 好差评 (public), and the provincial import (staff).</summary>
public static class ServicesApi
{
    public sealed record ItemSummary(string Code, string Name, ServiceItemType Type, string TypeLabel, List<string> Audience, List<string> Themes,
        string Department, OnlineDepth OnlineDepth, string OnlineDepthLabel, string? HallUrl, string Url);

    public sealed record CatalogueBody(int Total, int Page, int PageSize, List<ItemSummary> Items);

    public sealed record MaterialBody(string Name, MaterialForm Form, string FormLabel, int Originals, int Copies, bool Required, string? Note);

    public sealed record StepBody(string Name, string? Description, string? TimeLimit);

    public sealed record QuestionBody(string Question, string Answer);

    public sealed record DocumentBody(DocumentKind Kind, string Title, string Url);

    /// <summary>A guide with its ten elements (事项名称 … 办理流程) and the rest of the item.</summary>
    public sealed record ItemBody(
        string Code, string Name, ServiceItemType Type, string TypeLabel, List<string> Audience, List<string> Themes, List<string> LifeEvents,
        List<string> BusinessEvents, string Department, string LegalBasis, string Conditions, List<MaterialBody> Materials, string Location,
        string Fee, string OfficeHours, int? LegalDays, int? PromisedDays, string Phone, string? SupervisionPhone, List<StepBody> Steps,
        List<QuestionBody> Questions, List<DocumentBody> Documents, string? HallUrl, OnlineDepth OnlineDepth, string OnlineDepthLabel,
        string Site, string Url, DateTime? PublishedAt);

    public sealed record RatingRequest(RatingLevel? Level, string? Comment);

    public sealed record RatingBody(long Id, RatingLevel Level, string LevelLabel, DateTime CreatedAt);

    public sealed record SummaryBody(int Total, Dictionary<RatingLevel, int> Counts, double? SatisfiedShare, double? Average);

    public sealed record UseRequest(string? Kind);

    public sealed record ImportRequest(int? SourceId, bool AllowMassWithdrawal = false);

    public sealed record RunBody(int Id, int SourceId, DateTime StartedAt, DateTime? FinishedAt, int Rows, int Added, int Updated, int Unchanged,
        int Withdrawn, int Rejected, int Incomplete, int MissingHallLinks, string? Error, List<ImportChange> Changes);

    public static void Map(IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Services").AllowAnonymous();
        open.MapGet("/sites/{code}/services", ListAsync)
            .WithSummary("办事服务目录：网站展示的事项（部门网站为本部门事项，门户为下属全部网站的事项）")
            .WithDescription("audience 为 person（个人办事）或 enterprise（法人办事）；theme 为主题（如 生育收养、开办企业所属的 设立变更）；" +
                "event 为人生事件（出生、上学、就业、结婚、退休……）或企业事件（开办、经营、注销……）；department 为办理机构；q 为事项名称中的词；page 从 1 开始，每页 30 项。");
        open.MapGet("/services/{code}", ItemAsync)
            .WithSummary("办事指南：一个已发布事项的十项要素（事项名称、设定依据、申请条件、办理材料、办理地点、办理机构、收费标准、办理时间、联系电话、办理流程）及其他信息")
            .WithDescription("按事项编码返回一个已发布事项的办事指南，十项要素齐全；未发布或不存在的事项答复 404。公开接口。");
        open.MapPost("/services/{code}/ratings", RateAsync).DisableAntiforgery().LimitPerAddress(RateLimitOptions.ServiceRatings)
            .WithSummary("好差评：评价一个事项（非常满意、满意、基本满意、不满意、非常不满意），可附评价内容")
            .WithDescription("level 为 verySatisfied、satisfied、basic、dissatisfied、veryDissatisfied（或 5 到 1）；comment 不超过 500 字，按原样保存，仅供办理部门查看和回访。同一地址每个事项每天可评价一次。");
        open.MapGet("/services/{code}/ratings/summary", SummaryAsync)
            .WithSummary("好差评统计：一个事项各评价等级的数量、满意率和平均分")
            .WithDescription("counts 按评价等级（verySatisfied 到 veryDissatisfied）给出数量，satisfiedShare 为满意（含非常满意、满意、基本满意）的比例，average 为 5 分制平均分。公开接口。");
        open.MapPost("/services/{code}/uses", UseAsync).DisableAntiforgery().LimitPerAddress(RateLimitOptions.ServiceUses)
            .WithSummary("记录一次使用（查看办事指南或前往网上办事大厅），热门服务按实际使用排序")
            .WithDescription("kind 为 view（查看办事指南）或 hall（前往网上办事大厅办理）。");

        var staff = app.MapGroup("/api/v1/services").WithTags("Services").RequireAuthorization(AccountsSetup.Writer);
        staff.MapPost("/import", ImportAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ServicesSetup.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: ServicesSetup.MaxUploadBytes)
            .WithSummary("从省级政务服务平台导入事项（按数据源的设置读取数据地址，或上传导出文件）")
            .WithDescription("JSON 请求体 {sourceId, allowMassWithdrawal} 按数据源的数据地址导入；multipart/form-data 带 sourceId 和 file 时导入上传的 CSV 或 JSON 文件。" +
                "返回本次导入的统计和逐项变化（新增、更新、撤下、拒收及原因、要素不全、缺少办事大厅链接）。平台管理员或数据源所属网站的管理员可以导入。");
    }

    private static async Task<Results<Ok<CatalogueBody>, NotFound, ValidationProblem>> ListAsync(string code, string? audience, string? theme,
        string? @event, string? department, string? q, int? page, SiteDirectory sites, ServiceCatalogue catalogue, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        if (audience is not (null or "" or CatalogueFilter.Persons or CatalogueFilter.Enterprises))
        {
            errors["audience"] = ["audience 只能是 person（个人办事）或 enterprise（法人办事）"];
        }
        if (theme is { Length: > 0 } && !ServiceTaxonomy.AllThemes.Contains(theme))
        {
            errors["theme"] = [$"没有名为“{theme}”的主题"];
        }
        var life = @event is { Length: > 0 } && ServiceTaxonomy.LifeEvents.Contains(@event) ? @event : null;
        var business = @event is { Length: > 0 } && ServiceTaxonomy.BusinessEvents.Contains(@event) ? @event : null;
        if (@event is { Length: > 0 } && life is null && business is null)
        {
            errors["event"] = [$"没有名为“{@event}”的人生事件或企业事件"];
        }
        if (page is < 1 or > 100_000)
        {
            errors["page"] = ["page 须为 1 到 100000 之间的整数"];
        }
        if (q is { Length: > 64 })
        {
            errors["q"] = ["搜索词不能超过64个字"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询条件有误");
        }
        var shown = catalogue.SitesShownOn(site);
        var number = page ?? 1;
        var (total, items) = await catalogue.ListAsync(shown, new CatalogueFilter(audience is { Length: > 0 } ? audience : null, theme, life, business, department, q), number, ct: ct);
        return TypedResults.Ok(new CatalogueBody(total, number, ServiceCatalogue.PageSize, [.. items.Select(i => new ItemSummary(
            i.Code, i.Name, i.Type, ServiceTaxonomy.Label(i.Type), Audience(i.ForPersons, i.ForEnterprises), ServiceTaxonomy.Split(i.Themes), i.Department,
            i.OnlineDepth, ServiceTaxonomy.Label(i.OnlineDepth), i.HallBroken ? null : i.HallUrl, $"/sites/{site.Code}/services/{i.Code}"))]));
    }

    private static List<string> Audience(bool persons, bool enterprises) =>
        [.. new[] { persons ? CatalogueFilter.Persons : null, enterprises ? CatalogueFilter.Enterprises : null }.OfType<string>()];

    private static async Task<ServiceItem?> PublishedAsync(GovSiteDb db, string code, CancellationToken ct) =>
        await ServiceEditor.WithLists(db.ServiceItems.AsNoTracking().IgnoreQueryFilters())
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Code == code && i.Status == ServiceItemStatus.Published, ct);

    private static async Task<Results<Ok<ItemBody>, NotFound>> ItemAsync(string code, GovSiteDb db, SiteDirectory sites, CancellationToken ct)
    {
        if (await PublishedAsync(db, code, ct) is not { } i || sites.FindById(i.SiteId) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var files = await ServicePages.FileNamesAsync(db, i, ct);
        return TypedResults.Ok(new ItemBody(
            i.Code, i.Name, i.Type, ServiceTaxonomy.Label(i.Type), Audience(i.ForPersons, i.ForEnterprises), ServiceTaxonomy.Split(i.Themes),
            ServiceTaxonomy.Split(i.LifeEvents), ServiceTaxonomy.Split(i.BusinessEvents), i.Department, i.LegalBasis, i.Conditions,
            [.. i.Materials.OrderBy(m => m.SortOrder).Select(m => new MaterialBody(m.Name, m.Form, ServiceTaxonomy.Label(m.Form), m.Originals, m.Copies, m.Required, m.Note))],
            i.Location, i.Fee, i.OfficeHours, i.LegalDays, i.PromisedDays, i.Phone, i.SupervisionPhone,
            [.. i.Steps.OrderBy(s => s.SortOrder).Select(s => new StepBody(s.Name, s.Description, s.TimeLimit))],
            [.. i.Questions.OrderBy(q => q.SortOrder).Select(q => new QuestionBody(q.Question, q.Answer))],
            [.. i.Documents.OrderBy(d => d.SortOrder).Select(d => new DocumentBody(d.Kind, d.Title, ServicePages.DocumentUrl($"/sites/{site.Code}", i.Code, d, files)))],
            i.HallBroken ? null : i.HallUrl, i.OnlineDepth, ServiceTaxonomy.Label(i.OnlineDepth), site.Code, $"/sites/{site.Code}/services/{i.Code}", i.PublishedAt));
    }

    private static async Task<Results<Created<RatingBody>, NotFound, ValidationProblem, ProblemHttpResult>> RateAsync(string code, RatingRequest? request,
        GovSiteDb db, ServiceRatings ratings, HttpContext http, CancellationToken ct)
    {
        if (await db.ServiceItems.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Code == code && i.Status == ServiceItemStatus.Published, ct) is not { } item)
        {
            return TypedResults.NotFound();
        }
        var outcome = await ratings.RateAsync(item, new RatingInput(request?.Level, request?.Comment), http.Connection.RemoteIpAddress?.ToString(),
            await ServicesSetup.CitizenIdAsync(http), ct);
        if (outcome.RateLimited)
        {
            return TypedResults.Problem(string.Join(" ", outcome.Errors.All.SelectMany(e => e.Value)), statusCode: StatusCodes.Status429TooManyRequests, title: "评价过于频繁");
        }
        if (outcome.Rating is not { } r)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary().ToDictionary(kv => JsonNamingPolicy.CamelCase.ConvertName(kv.Key), kv => kv.Value),
                title: "评价内容有误", detail: "请根据各字段的提示修改后重试");
        }
        return TypedResults.Created($"/api/v1/services/{code}/ratings/summary", new RatingBody(r.Id, r.Level, ServiceTaxonomy.Label(r.Level), r.CreatedAt));
    }

    private static async Task<Results<Ok<SummaryBody>, NotFound>> SummaryAsync(string code, GovSiteDb db, ServiceCatalogue catalogue, CancellationToken ct)
    {
        var id = await db.ServiceItems.AsNoTracking().IgnoreQueryFilters().Where(i => i.Code == code && i.Status == ServiceItemStatus.Published)
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return TypedResults.NotFound();
        }
        var summary = await catalogue.RatingsAsync(id.Value, ct);
        return TypedResults.Ok(new SummaryBody(summary.Total,
            Enum.GetValues<RatingLevel>().OrderByDescending(l => l).ToDictionary(l => l, l => summary.Counts.GetValueOrDefault(l)),
            summary.SatisfiedShare is { } share ? Math.Round(share, 4) : null, summary.Average is { } average ? Math.Round(average, 2) : null));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UseAsync(string code, UseRequest? request, GovSiteDb db,
        ServiceUseCounter counter, CancellationToken ct)
    {
        if (request?.Kind is not ("view" or "hall"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["kind 只能是 view 或 hall"] }, title: "请求有误");
        }
        var id = await db.ServiceItems.AsNoTracking().IgnoreQueryFilters().Where(i => i.Code == code && i.Status == ServiceItemStatus.Published)
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return TypedResults.NotFound();
        }
        await counter.RecordAsync(id.Value, request.Kind == "hall", ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RunBody>, NotFound, ValidationProblem, ForbidHttpResult>> ImportAsync(HttpRequest request, GovSiteDb db,
        ServiceImporter importer, SiteAccess access, CancellationToken ct)
    {
        // Who administers no site may import from no source: refused before the body is read, whatever it holds.
        if (!access.Unrestricted && !access.SitesWithRole(Role.SiteAdmin).Any())
        {
            return TypedResults.Forbid();
        }
        int? sourceId;
        IFormFile? file = null;
        var allowMass = false;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            sourceId = int.TryParse(form["sourceId"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
            allowMass = string.Equals(form["allowMassWithdrawal"], "true", StringComparison.OrdinalIgnoreCase);
            file = form.Files.GetFile("file");
        }
        else
        {
            ImportRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<ImportRequest>(ct);
            }
            catch (JsonException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["请求体不是有效的 JSON"] }, title: "请求有误");
            }
            sourceId = body?.SourceId;
            allowMass = body?.AllowMassWithdrawal ?? false;
        }
        if (sourceId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sourceId"] = ["请指定数据源（sourceId）"] }, title: "请求有误");
        }
        var source = await db.ServiceImportSources.FirstOrDefaultAsync(x => x.Id == sourceId, ct);
        if (source is null)
        {
            return TypedResults.NotFound();
        }
        if (!importer.CanRun(source))
        {
            return TypedResults.Forbid();
        }
        ServiceImportRun run;
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            run = await importer.ImportAsync(source, stream, allowMass, ct);
        }
        else if (source.Location is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["该数据源没有数据地址，请上传导出文件（file）"] }, title: "请求有误");
        }
        else
        {
            run = await importer.RunAsync(source, allowMass, ct);
        }
        return TypedResults.Ok(Body(run));
    }

    public static RunBody Body(ServiceImportRun run) => new(run.Id, run.SourceId, run.StartedAt, run.FinishedAt, run.Rows, run.Added, run.Updated,
        run.Unchanged, run.Withdrawn, run.Rejected, run.Incomplete, run.MissingHallLinks, run.Error, ServiceImporter.ReportOf(run));
}
