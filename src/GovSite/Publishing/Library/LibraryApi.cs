using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Quality;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

/// <summary>The library and workflow over HTTP: /api/v1/items and friends.</summary>
public static class LibraryApi
{
    /// <summary>An item's fields plus the site it is written for.</summary>
    public sealed class CreateItemRequest : ItemInput
    {
        public string SiteCode { get; set; } = "";
    }

    public sealed record CreatedDto(int Id, string Status);
    public sealed record StepDto(int Id, string Status, int ReviewLevel, IReadOnlyList<QualityFinding> Findings, string? Error = null,
        RevisionDto? Revision = null);

    /// <summary>A published item's pending revision: what it asks for, where it stands, and (for a new text) that text.</summary>
    public sealed record RevisionDto(string Kind, string Status, int ReviewLevel, int? Version, string? Title, string? Body);
    public sealed record CommentRequest(string? Comment);
    public sealed record ReasonRequest(string? Reason);

    /// <param name="Urgent">紧急撤回 by a site administrator, with the reason in <paramref name="Comment"/>: at once, before review.</param>
    public sealed record TimeRequest(DateTimeOffset? At, string? Comment = null, bool Urgent = false);
    public sealed record ItemDto(int Id, string SiteCode, int ColumnId, string Title, string? Subtitle, string Body, string? Summary,
        string? Keywords, string? Source, string? Author, string? Issuer, string? DocNumber, string? WrittenDate, string? SubjectClass,
        string? GenreClass, string Language, PolicyValidity? Validity, int? InterpretsItemId, InterpretationKind? InterpretationKind,
        int[] Interpretations, List<int> Attachments, string Status, int ReviewLevel, string? PublishAt, string? PublishedAt, int Version,
        int[] Placements, string? ImageUrl = null, int? PublishedVersion = null, RevisionDto? Revision = null,
        DisclosureMode? Disclosure = null, string? DisclosureReason = null);

    /// <param name="Revision">The step moved the pending revision of a published item (From and To are its stages).</param>
    /// <param name="Version">The version acted on.</param>
    public sealed record TransitionDto(string At, string User, string From, string To, string Action, int? Level, string? Comment,
        int? Version = null, bool Revision = false);
    public sealed record VersionDto(int Number, string At, string? By, string Title, string? Note);
    public sealed record VersionDetailDto(int Number, string At, string? By, string Title, string Body, JsonElement Content, string? Note);
    public sealed record DiffDto(int From, int To, IReadOnlyList<TextDiff.Piece> Title, IReadOnlyList<TextDiff.Piece> Body);
    public sealed record RestoreRequest(int Version);
    public sealed record PlaceRequest(string SiteCode, int? ColumnId);
    public sealed record RequestDto(int Id, int ItemId, string Title, string SiteCode, int? ColumnId, string Kind, string Status,
        string RequestedAt, string? RequestedBy, string? Deadline, int? ArticleId);
    public sealed record AcceptRequest(int ColumnId);
    /// <param name="Deadline">A date (<c>2026-03-03</c>: the end of that day, China time) or a time with or without an offset.</param>
    public sealed record OrderRequest(List<string> SiteCodes, string? Deadline, string? Note);
    public sealed record OrderDto(int Id, int ItemId, string Deadline, IReadOnlyList<Reprints.OrderProgress> Sites);
    public sealed record SubscribeRequest(int SourceColumnId);

    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LibraryService>();
        builder.Services.AddScoped<Workflow>();
        builder.Services.AddScoped<Reprints>();
        builder.Services.AddScoped<IndexNumbers>();
        builder.Services.AddScoped<TodoList>();
        builder.Services.AddScoped<BulkActions>();
        builder.AddJobHandler<ScheduledPublishJob>(Workflow.PublishJob);
        builder.AddJobHandler<ScheduledWithdrawJob>(Workflow.WithdrawJob);
        return builder;
    }

    public static IEndpointRouteBuilder MapLibrary(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Library").RequireAuthorization(AccountsSetup.Writer);
        api.MapPost("/items", CreateAsync).WithSummary("在稿件库中新建稿件（草稿）")
            .WithDescription("稿件属于一个网站，放在该网站的一个栏目；保存时运行内容质量检查（严重错误、敏感词等），有问题时按字段返回。");
        api.MapGet("/items/{id:int}", GetAsync)
            .WithSummary("查看稿件")
            .WithDescription("返回稿件的当前内容、状态、所在栏目和各网站的发布位置；有待审的修订时一并返回。仅对能编辑或审核该稿件的用户可见。");
        api.MapPut("/items/{id:int}", UpdateAsync)
            .WithSummary("保存稿件")
            .WithDescription("草稿直接保存；已发布稿件的修改成为待审修订，在需审核的栏目中须审核后才发布，不需审核的栏目保存即发布。");
        api.MapPost("/items/{id:int}/submit", (int id, Workflow w, CancellationToken ct) => StepAsync(w.SubmitAsync(id, ct)))
            .WithSummary("提交审核")
            .WithDescription("把草稿或修订提交给栏目规定的审核人；不需审核的栏目不能提交。")
            .Produces<StepDto>(StatusCodes.Status200OK);
        api.MapPost("/items/{id:int}/approve", (int id, CommentRequest? body, Workflow w, CancellationToken ct) => StepAsync(w.ApproveAsync(id, body?.Comment, ct)))
            .WithSummary("审核通过")
            .WithDescription("审核人通过当前一级审核，可附意见（comment）；最后一级通过后稿件可发布。")
            .Produces<StepDto>(StatusCodes.Status200OK);
        api.MapPost("/items/{id:int}/reject", (int id, CommentRequest? body, Workflow w, CancellationToken ct) => StepAsync(w.RejectAsync(id, body?.Comment, ct)))
            .WithSummary("退回修改")
            .WithDescription("审核人退回稿件，comment 写明原因；稿件回到编辑手中。")
            .Produces<StepDto>(StatusCodes.Status200OK);
        api.MapPost("/items/{id:int}/publish", (int id, TimeRequest? body, Workflow w, CancellationToken ct) =>
            StepAsync(w.PublishAsync(id, body?.At?.UtcDateTime, ct))).WithSummary("发布稿件")
            .WithDescription("立即发布，或在 at（ISO 8601 时间）定时发布；只有审核通过或无需审核的稿件可以发布。")
            .Produces<StepDto>(StatusCodes.Status200OK);
        api.MapPost("/items/{id:int}/withdraw", (int id, TimeRequest? body, Workflow w, CancellationToken ct) =>
            StepAsync(w.WithdrawAsync(id, body?.At?.UtcDateTime, body?.Comment, body?.Urgent ?? false, ct)))
            .WithSummary("撤下稿件")
            .WithDescription("立即或在 at 定时撤下已发布的稿件；需审核的栏目中第一次调用提出撤稿申请，审核通过后再调用执行撤稿；urgent 表示紧急撤稿。")
            .Produces<StepDto>(StatusCodes.Status200OK);
        api.MapPost("/items/{id:int}/urgent", (int id, ReasonRequest? body, Workflow w, CancellationToken ct) => StepAsync(w.UrgentAsync(id, body?.Reason, ct)))
            .WithSummary("紧急更正")
            .WithDescription("网站管理员不经审核立即发布待审修订，须填写理由；记入审计日志并通知审核人。")
            .Produces<StepDto>(StatusCodes.Status200OK);
        api.MapPost("/items/{id:int}/discard-revision", async (int id, CommentRequest? body, LibraryService library, SiteDirectory sites, CancellationToken ct) =>
            ApiResults.From(await library.DiscardRevisionAsync(id, body?.Comment, ct), i => ToDto(i, sites.FindById(i.OwnerSiteId)?.Code ?? "", [], [], null)))
            .WithSummary("放弃待审修订")
            .WithDescription("删除已发布稿件的待审修订，已发布的版本不变。");
        api.MapGet("/items/{id:int}/history", HistoryAsync).WithSummary("办理记录")
            .WithDescription("稿件只增不改的办理记录：谁、何时、从什么状态到什么状态、意见。");
        api.MapGet("/items/{id:int}/versions", VersionsAsync)
            .WithSummary("版本列表")
            .WithDescription("稿件每次保存形成的版本，按版本号排列。");
        api.MapGet("/items/{id:int}/versions/{number:int}", VersionAsync)
            .WithSummary("查看一个版本")
            .WithDescription("返回指定版本的标题和正文。");
        api.MapGet("/items/{id:int}/diff", DiffAsync).WithSummary("比较两个版本")
            .WithDescription("返回 from 与 to 两个版本之间的文字差异（增加、删除的段落）。");
        api.MapPost("/items/{id:int}/restore", RestoreAsync).WithSummary("恢复旧版本")
            .WithDescription("把指定版本的内容恢复为新的一个版本（旧版本保留）。");
        api.MapPost("/items/{id:int}/placements", PlaceAsync).WithSummary("发布到其他网站或栏目")
            .WithDescription("在自己能编辑的网站上直接放入栏目；其他网站则成为转载请求，由该网站编辑接受或拒绝。");
        api.MapPost("/items/{id:int}/reprint-orders", OrderAsync).WithSummary("下发转载要求")
            .WithDescription("上级网站要求下级网站在期限（deadline）前转载该稿件，平台跟踪各网站的完成情况。");
        api.MapGet("/reprint-orders/{id:int}", OrderStatusAsync)
            .WithSummary("转载要求的完成情况")
            .WithDescription("返回转载要求及每个下级网站是否已按期转载。");
        api.MapGet("/sites/{code}/placement-requests", RequestsAsync).WithSummary("待处理的转载请求")
            .WithDescription("等待本站编辑接受或拒绝的转载请求。");
        api.MapPost("/placement-requests/{id:int}/accept", (int id, AcceptRequest body, Reprints r, CancellationToken ct) =>
            Saved(r.AcceptAsync(id, body.ColumnId, ct)))
            .WithSummary("接受转载请求")
            .WithDescription("本站编辑接受转载，columnId 指定放入的栏目。")
            .Produces<PlacementRequest>(StatusCodes.Status200OK);
        api.MapPost("/placement-requests/{id:int}/decline", (int id, CommentRequest? body, Reprints r, CancellationToken ct) =>
            Saved(r.DeclineAsync(id, body?.Comment, ct)))
            .WithSummary("拒绝转载请求")
            .WithDescription("本站编辑拒绝转载，可附意见（comment）。")
            .Produces<PlacementRequest>(StatusCodes.Status200OK);
        api.MapPost("/columns/{id:int}/subscriptions", async (int id, SubscribeRequest body, Reprints r, CancellationToken ct) =>
            ApiResults.From(await r.SubscribeAsync(id, body.SourceColumnId, ct), s => new { s.Id, s.ColumnId, s.SourceColumnId }))
            .WithSummary("订阅栏目")
            .WithDescription("让本栏目自动转载另一网站栏目（sourceColumnId）新发布的稿件。");
        api.MapGet("/sites/{code}/todo", TodoAsync).WithSummary("本站待办")
            .WithDescription("本站待办事项，如尚无政策解读的政策文件。");
        return app;
    }

    public static string StatusName(ItemStatus status) => status switch
    {
        ItemStatus.Draft => "draft",
        ItemStatus.Submitted => "submitted",
        ItemStatus.ConfidentialityReview => "confidentiality_review",
        ItemStatus.Approved => "approved",
        ItemStatus.Scheduled => "scheduled",
        ItemStatus.Published => "published",
        _ => "withdrawn",
    };

    private static async Task<Results<Ok<CreatedDto>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        CreateItemRequest body, LibraryService library, SiteDirectory sites, CancellationToken ct)
    {
        if (sites.FindByCode(body.SiteCode ?? "") is not { } site)
        {
            return TypedResults.NotFound();
        }
        return ApiResults.From(await library.CreateAsync(site.Id, body, ct), i => new CreatedDto(i.Id, StatusName(i.Status)));
    }

    private static async Task<Results<Ok<ItemDto>, NotFound>> GetAsync(int id, GovSiteDb db, SiteDirectory sites, LibraryService library,
        SiteAccess access, CancellationToken ct)
    {
        var item = await db.LibraryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return TypedResults.NotFound();
        }
        var interpretations = await db.LibraryItems.Where(i => i.InterpretsItemId == id).Select(i => i.Id).ToArrayAsync(ct);
        var placements = await db.Articles.Where(a => a.ItemId == id).Select(a => a.Id).ToArrayAsync(ct);
        return TypedResults.Ok(ToDto(item, sites.FindById(item.OwnerSiteId)?.Code ?? "", interpretations, placements,
            await RevisionAsync(item, library, access, ct)));
    }

    private static async Task<Results<Ok<ItemDto>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        int id, CreateItemRequest body, LibraryService library, SiteAccess access, SiteDirectory sites, CancellationToken ct)
    {
        var result = await library.UpdateAsync(id, body, null, ct);
        var revision = result.Succeeded ? await RevisionAsync(result.Value!, library, access, ct) : null;
        return ApiResults.From(result, i => ToDto(i, sites.FindById(i.OwnerSiteId)?.Code ?? "", [], [], revision));
    }

    /// <summary>The pending revision, with its text for the item's own staff (others see only that one exists).</summary>
    private static async Task<RevisionDto?> RevisionAsync(LibraryItem item, LibraryService library, SiteAccess access, CancellationToken ct)
    {
        if (item.RevisionStatus is not { } status)
        {
            return null;
        }
        var text = item.RevisionVersion is not null && access.CanSee(item.OwnerSiteId) ? await library.WorkingCopyAsync(item, ct) : null;
        return new RevisionDto(item.RevisionKind == RevisionKind.Withdrawal ? "withdrawal" : "edit", StatusName(status), item.RevisionLevel,
            item.RevisionVersion, text?.Title, text?.Body);
    }

    /// <summary>A refused step (a block-level finding, a wrong state) is 422 with the same body, so clients can read the findings.</summary>
    private static async Task<IResult> StepAsync(Task<StepResult> step)
    {
        var result = await step;
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (result.Forbidden)
        {
            return TypedResults.Forbid();
        }
        var item = result.Item!;
        var error = result.Blocked ? "质量检查发现须修改的问题，未能继续" : result.Errors.All.SelectMany(e => e.Value).FirstOrDefault();
        var revision = item.RevisionStatus is { } stage
            ? new RevisionDto(item.RevisionKind == RevisionKind.Withdrawal ? "withdrawal" : "edit", StatusName(stage), item.RevisionLevel, item.RevisionVersion, null, null)
            : null;
        var dto = new StepDto(item.Id, StatusName(item.Status), item.ReviewLevel, result.Findings, error, revision);
        return result.Succeeded ? TypedResults.Ok(dto) : TypedResults.UnprocessableEntity(dto);
    }

    private static async Task<IResult> Saved<T>(Task<SaveResult<T>> save) where T : class =>
        ApiResults.From(await save, r => r);

    private static async Task<Results<Ok<List<TransitionDto>>, NotFound>> HistoryAsync(int id, GovSiteDb db, SiteAccess access, CancellationToken ct)
    {
        // Reviewers' comments are the owner site's, as its versions are: another site's staff get 404.
        if (await VisibleOwnerAsync(id, db, access, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var rows = await db.ItemTransitions.AsNoTracking().Where(t => t.ItemId == id).OrderBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(t => new TransitionDto(ChinaTime.Format(t.At) ?? "", t.UserName, StatusName(t.From), StatusName(t.To),
            t.Action, t.Level, t.Comment, t.Version, t.Revision)).ToList());
    }

    private static async Task<Results<Ok<List<VersionDto>>, NotFound>> VersionsAsync(int id, GovSiteDb db, SiteAccess access, CancellationToken ct)
    {
        if (await VisibleOwnerAsync(id, db, access, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var rows = await db.ItemVersions.AsNoTracking().Where(v => v.ItemId == id).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.CreatedAt, v.CreatedByName, v.Title, v.Note }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(v => new VersionDto(v.Number, ChinaTime.Format(v.CreatedAt) ?? "", v.CreatedByName, v.Title, v.Note)).ToList());
    }

    private static async Task<Results<Ok<VersionDetailDto>, NotFound>> VersionAsync(int id, int number, GovSiteDb db, SiteAccess access, CancellationToken ct)
    {
        if (await VisibleOwnerAsync(id, db, access, ct) is null ||
            await db.ItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == id && v.Number == number, ct) is not { } v)
        {
            return TypedResults.NotFound();
        }
        using var content = JsonDocument.Parse(v.Content);
        return TypedResults.Ok(new VersionDetailDto(v.Number, ChinaTime.Format(v.CreatedAt) ?? "", v.CreatedByName, v.Title, v.Body,
            content.RootElement.Clone(), v.Note));
    }

    /// <remarks>from and to are optional to binding, so another site's caller meets 404 before a missing version number is named.</remarks>
    private static async Task<Results<Ok<DiffDto>, NotFound, ValidationProblem>> DiffAsync(int id, int? from, int? to, GovSiteDb db, SiteAccess access,
        CancellationToken ct)
    {
        if (await VisibleOwnerAsync(id, db, access, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        if (from is null)
        {
            errors["from"] = ["请指定要比较的旧版本号（from）"];
        }
        if (to is null)
        {
            errors["to"] = ["请指定要比较的新版本号（to）"];
        }
        if (from is not int older || to is not int newer)
        {
            return TypedResults.ValidationProblem(errors, title: "请求有误");
        }
        var versions = await db.ItemVersions.AsNoTracking().Where(v => v.ItemId == id && (v.Number == older || v.Number == newer)).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Number == older) is not { } a || versions.FirstOrDefault(v => v.Number == newer) is not { } b)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new DiffDto(older, newer, TextDiff.Compare(a.Title, b.Title),
            TextDiff.Compare(HtmlSanitiser.ToPlainText(a.Body), HtmlSanitiser.ToPlainText(b.Body))));
    }

    private static async Task<Results<Ok<ItemDto>, ValidationProblem, NotFound, ForbidHttpResult>> RestoreAsync(
        int id, RestoreRequest body, LibraryService library, SiteDirectory sites, CancellationToken ct) =>
        ApiResults.From(await library.RestoreAsync(id, body.Version, ct), i => ToDto(i, sites.FindById(i.OwnerSiteId)?.Code ?? "", [], [],
            i.RevisionStatus is { } stage ? new RevisionDto("edit", StatusName(stage), i.RevisionLevel, i.RevisionVersion, null, null) : null));

    private static async Task<Results<Ok<RequestDto>, ValidationProblem, NotFound, ForbidHttpResult>> PlaceAsync(
        int id, PlaceRequest body, Reprints reprints, SiteDirectory sites, GovSiteDb db, CancellationToken ct)
    {
        if (sites.FindByCode(body.SiteCode ?? "") is not { } site)
        {
            return TypedResults.NotFound();
        }
        var result = await reprints.PlaceAsync(id, site.Id, body.ColumnId, ct);
        var title = await db.LibraryItems.IgnoreQueryFilters().Where(i => i.Id == id).Select(i => i.Title).FirstOrDefaultAsync(ct) ?? "";
        return ApiResults.From(result, r => ToDto(r, title, site.Code, null));
    }

    private static async Task<Results<Ok<OrderDto>, ValidationProblem, NotFound, ForbidHttpResult>> OrderAsync(
        int id, OrderRequest body, Reprints reprints, SiteDirectory sites, CancellationToken ct)
    {
        var siteIds = new List<int>();
        foreach (var code in body.SiteCodes ?? [])
        {
            if (sites.FindByCode(code) is not { } site)
            {
                var errors = new ValidationErrors();
                errors.Add("SiteCodes", $"网站 {code} 不存在");
                return ApiResults.From(SaveResult<OrderDto>.Invalid(errors), o => o);
            }
            siteIds.Add(site.Id);
        }
        var deadline = Common.Deadline.Parse(body.Deadline);
        if (deadline is null && !string.IsNullOrWhiteSpace(body.Deadline))
        {
            var errors = new ValidationErrors();
            errors.Add("Deadline", $"转载期限“{body.Deadline}”无法识别，请写日期（如 2026-03-03，表示当天24时前）或时间");
            return ApiResults.From(SaveResult<OrderDto>.Invalid(errors), o => o);
        }
        var result = await reprints.OrderAsync(id, siteIds, deadline ?? default, body.Note, ct);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, _ => (OrderDto)null!);
        }
        var progress = await reprints.ProgressAsync(result.Value!.Id, ct);
        return TypedResults.Ok(new OrderDto(result.Value.Id, id, ChinaTime.Format(result.Value.DeadlineUtc) ?? "", progress));
    }

    private static async Task<Results<Ok<OrderDto>, NotFound>> OrderStatusAsync(int id, Reprints reprints, GovSiteDb db, SiteAccess access,
        CancellationToken ct)
    {
        var order = await db.ReprintOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || !access.CanSee(order.IssuerSiteId))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new OrderDto(order.Id, order.ItemId, ChinaTime.Format(order.DeadlineUtc) ?? "", await reprints.ProgressAsync(id, ct)));
    }

    private static async Task<Results<Ok<List<RequestDto>>, NotFound, ForbidHttpResult>> RequestsAsync(string code, SiteDirectory sites,
        GovSiteDb db, SiteAccess access, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        if (!access.CanSee(site.Id))
        {
            return TypedResults.Forbid();
        }
        var rows = await (from r in db.PlacementRequests.AsNoTracking()
                          join i in db.LibraryItems.IgnoreQueryFilters() on r.ItemId equals i.Id
                          join o in db.ReprintOrders.IgnoreQueryFilters() on r.OrderId equals o.Id into orders
                          from o in orders.DefaultIfEmpty()
                          where r.SiteId == site.Id && r.Status == PlacementRequestStatus.Pending
                          orderby r.RequestedAt
                          select new { r, i.Title, Deadline = o == null ? (DateTime?)null : o.DeadlineUtc }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => ToDto(x.r, x.Title, site.Code, x.Deadline)).ToList());
    }

    private static async Task<Results<Ok<List<TodoList.Entry>>, NotFound, ForbidHttpResult>> TodoAsync(string code, SiteDirectory sites,
        SiteAccess access, TodoList todo, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        if (!access.CanSee(site.Id))
        {
            return TypedResults.Forbid();
        }
        return TypedResults.Ok(await todo.ForSiteAsync(site.Id, ct));
    }

    /// <summary>The owner site of an item the caller may see the insides of (versions are staff-only).</summary>
    private static async Task<int?> VisibleOwnerAsync(int id, GovSiteDb db, SiteAccess access, CancellationToken ct)
    {
        var owner = await db.LibraryItems.Where(i => i.Id == id).Select(i => (int?)i.OwnerSiteId).FirstOrDefaultAsync(ct);
        return owner is int site && access.CanSee(site) ? site : null;
    }

    private static RequestDto ToDto(PlacementRequest r, string title, string siteCode, DateTime? deadline) => new(
        r.Id, r.ItemId, title, siteCode, r.ColumnId, r.Kind.ToString().ToLowerInvariant(), r.Status.ToString().ToLowerInvariant(),
        ChinaTime.Format(r.RequestedAt) ?? "", r.RequestedByName, deadline is null ? null : ChinaTime.Format(deadline), r.ArticleId);

    private static ItemDto ToDto(LibraryItem i, string siteCode, int[] interpretations, int[] placements, RevisionDto? revision) => new(
        i.Id, siteCode, i.HomeColumnId, i.Title, i.Subtitle, i.Body, i.Summary, i.Keywords, i.Source, i.Author, i.Issuer, i.DocNumber,
        ArticleService.FormatWrittenDate(i.WrittenDate), i.SubjectClass, i.GenreClass, i.Language, i.Validity, i.InterpretsItemId,
        i.InterpretationKind, interpretations, ItemContent.AttachmentIds(i.Attachments), StatusName(i.Status), i.ReviewLevel,
        i.PublishAt is null ? null : ChinaTime.Format(i.PublishAt), i.PublishedAt is null ? null : ChinaTime.Format(i.PublishedAt),
        i.VersionNumber, placements, i.ImageUrl, i.PublishedVersion, revision, i.Disclosure, i.DisclosureReason);
}
