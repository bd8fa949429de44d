using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Files;
using GovSite.Publishing.Library;
using GovSite.Publishing.Quality;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing;

public static class PublishingApi
{
    public sealed record ColumnDto(int Id, string Name, ColumnType Type, int? ParentId, int SortOrder, bool IsVisible, string Url);

    public sealed record ArticleSummaryDto(int Id, string Title, int ColumnId, ArticleStatus Status, string? PublishDate, string? Source, string Url);

    public sealed record ArticleDto(int Id, string SiteCode, int ColumnId, string Title, string Body, string? Summary, string? Source,
        string? Author, string? Keywords, ArticleStatus Status, string? PublishDate, string Url, string? IndexNumber, string? Issuer,
        string? DocNumber, string? WrittenDate, string? SubjectCategory, PolicyValidity? Validity, int? InterpretsId, int[] Interpretations);

    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ColumnService>();
        builder.Services.AddScoped<ArticleService>();
        builder.Services.AddScoped<ArticleImport>();
        // Sub-features, registered by their parent.
        builder.AddLibrary();
        builder.AddFiles();
        builder.AddQuality();
        return builder;
    }

    public static IEndpointRouteBuilder MapPublishing(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Publishing");
        var writer = api.MapGroup("").RequireAuthorization(AccountsSetup.Writer);

        api.MapGet("/sites/{code}/columns", ListColumnsAsync).WithSummary("网站的栏目")
            .WithDescription("返回网站的全部栏目（树状结构展开为列表，含上级栏目编号、栏目类型和更新要求）。公开接口。");
        writer.MapPost("/sites/{code}/columns", async (string code, ColumnInput input, ColumnService columns, SiteDirectory sites, HttpRequest request) =>
            sites.FindByCode(code) is { } site
                ? ApiResults.From(await columns.SaveAsync(site.Id, null, input), c => ToDto(c, request, site.Code))
                : (Results<Ok<ColumnDto>, ValidationProblem, NotFound, ForbidHttpResult>)TypedResults.NotFound())
            .WithSummary("新建栏目")
            .WithDescription("在网站中新建栏目；栏目类型决定更新期限等检查规则。仅该网站的管理员可用。");
        writer.MapPut("/sites/{code}/columns/{id:int}", async (string code, int id, ColumnInput input, ColumnService columns, SiteDirectory sites, HttpRequest request) =>
            sites.FindByCode(code) is { } site
                ? ApiResults.From(await columns.SaveAsync(site.Id, id, input), c => ToDto(c, request, site.Code))
                : (Results<Ok<ColumnDto>, ValidationProblem, NotFound, ForbidHttpResult>)TypedResults.NotFound())
            .WithSummary("修改栏目")
            .WithDescription("修改栏目的名称、类型、上级栏目和审核设置。仅该网站的管理员可用。");

        api.MapGet("/sites/{code}/columns/{id:int}/articles", ListColumnArticlesAsync)
            .WithSummary("栏目的已发布文章")
            .WithDescription("栏目中已发布的文章，最新的在前，分页（page、pageSize）。公开接口。");
        writer.MapGet("/sites/{code}/articles", ListSiteArticlesAsync)
            .WithSummary("网站的文章")
            .WithDescription("网站各状态的文章，可按 status（draft、published、withdrawn）筛选，分页（page、pageSize）；草稿只对本站工作人员可见。");
        api.MapGet("/articles/{id:int}", GetArticleAsync)
            .WithSummary("查看文章")
            .WithDescription("已发布的文章对所有人可见；草稿和已撤下的文章只对本站工作人员可见。");
        writer.MapPost("/sites/{code}/articles", async (string code, ArticleInput input, ArticleService articles, SiteDirectory sites, GovSiteDb db, HttpRequest request) =>
            sites.FindByCode(code) is { } site
                ? ApiResults.From(await articles.SaveAsync(site.Id, null, input), a => ToDto(a, site.Code, [], request))
                : (Results<Ok<ArticleDto>, ValidationProblem, NotFound, ForbidHttpResult>)TypedResults.NotFound())
            .WithSummary("新建文章")
            .WithDescription("在网站的栏目中新建文章；保存时运行内容质量检查，有问题时按字段返回。");
        writer.MapPut("/articles/{id:int}", UpdateArticleAsync)
            .WithSummary("修改文章")
            .WithDescription("修改文章内容；保存时运行内容质量检查。");
        writer.MapPost("/articles/{id:int}/withdraw", WithdrawArticleAsync)
            .WithSummary("撤下文章")
            .WithDescription("撤下已发布的文章，页面不再公开。");
        app.MapLibrary();
        app.MapFiles();
        app.MapQuality();
        return app;
    }

    private static async Task<Results<Ok<List<ColumnDto>>, NotFound>> ListColumnsAsync(string code, SiteDirectory sites, GovSiteDb db, HttpRequest request)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var columns = await db.Columns.AsNoTracking().Where(c => c.SiteId == site.Id)
            .OrderBy(c => c.ParentId).ThenBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        return TypedResults.Ok(columns.Select(c => ToDto(c, request, site.Code)).ToList());
    }

    private static async Task<Results<Ok<Paged<ArticleSummaryDto>>, NotFound>> ListColumnArticlesAsync(
        string code, int id, int? page, int? pageSize, SiteDirectory sites, GovSiteDb db, TimeProvider clock, HttpRequest request)
    {
        if (sites.FindByCode(code) is not { } site ||
            !await db.Columns.AnyAsync(c => c.Id == id && c.SiteId == site.Id))
        {
            return TypedResults.NotFound();
        }
        var p = ApiResults.ClampPage(page);
        var size = ApiResults.ClampPageSize(pageSize);
        var query = ArticleService.Visible(db.Articles.AsNoTracking(), clock.GetUtcNow().UtcDateTime)
            .Where(a => a.ColumnId == id);
        return TypedResults.Ok(await PageAsync(query, query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id),
            p, size, site.Code, request));
    }

    private static async Task<Results<Ok<Paged<ArticleSummaryDto>>, NotFound>> ListSiteArticlesAsync(
        string code, ArticleStatus? status, int? page, int? pageSize, SiteDirectory sites, GovSiteDb db, HttpRequest request)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var p = ApiResults.ClampPage(page);
        var size = ApiResults.ClampPageSize(pageSize);
        // The query filter hides another site's drafts; this is only the listing.
        var query = db.Articles.AsNoTracking().Where(a => a.SiteId == site.Id);
        if (status is ArticleStatus s)
        {
            query = query.Where(a => a.Status == s);
        }
        return TypedResults.Ok(await PageAsync(query, query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id),
            p, size, site.Code, request));
    }

    private static async Task<Paged<ArticleSummaryDto>> PageAsync(IQueryable<Article> query, IQueryable<Article> ordered,
        int page, int size, string siteCode, HttpRequest request)
    {
        var total = await query.CountAsync();
        var items = await ordered.Skip((page - 1) * size).Take(size)
            .Select(a => new { a.Id, a.Title, a.ColumnId, a.Status, a.PublishedAt, a.Source })
            .ToListAsync();
        return new Paged<ArticleSummaryDto>(total, page, size, items
            .Select(a => new ArticleSummaryDto(a.Id, a.Title, a.ColumnId, a.Status, ChinaTime.Format(a.PublishedAt), a.Source,
                ArticleUrl(request, siteCode, a.Id)))
            .ToList());
    }

    private static async Task<Results<Ok<ArticleDto>, NotFound>> GetArticleAsync(int id, GovSiteDb db, SiteAccess access,
        SiteDirectory sites, TimeProvider clock, HttpRequest request)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || sites.FindById(article.SiteId) is not { } site ||
            (!access.CanSee(article.SiteId) && !(article.Status == ArticleStatus.Published && article.PublishedAt <= clock.GetUtcNow().UtcDateTime)))
        {
            return TypedResults.NotFound();
        }
        var interpretations = await db.Articles.Where(a => a.InterpretsId == id).Select(a => a.Id).ToArrayAsync();
        return TypedResults.Ok(ToDto(article, site.Code, interpretations, request));
    }

    private static async Task<Results<Ok<ArticleDto>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateArticleAsync(
        int id, ArticleInput input, ArticleService articles, GovSiteDb db, SiteDirectory sites, HttpRequest request)
    {
        var siteId = await db.Articles.Where(a => a.Id == id).Select(a => (int?)a.SiteId).FirstOrDefaultAsync();
        if (siteId is null || sites.FindById(siteId.Value) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var result = await articles.SaveAsync(site.Id, id, input);
        return ApiResults.From(result, a => ToDto(a, site.Code, [], request));
    }

    private static async Task<Results<Ok<ArticleDto>, ValidationProblem, NotFound, ForbidHttpResult>> WithdrawArticleAsync(
        int id, ArticleService articles, GovSiteDb db, SiteDirectory sites, HttpRequest request)
    {
        var siteId = await db.Articles.Where(a => a.Id == id).Select(a => (int?)a.SiteId).FirstOrDefaultAsync();
        if (siteId is null || sites.FindById(siteId.Value) is not { } site)
        {
            return TypedResults.NotFound();
        }
        return ApiResults.From(await articles.WithdrawAsync(site.Id, id), a => ToDto(a, site.Code, [], request));
    }

    public static string ArticleUrl(HttpRequest request, string siteCode, int id) =>
        $"{request.Scheme}://{request.Host}/sites/{siteCode}/articles/{id}";

    private static ColumnDto ToDto(Column c, HttpRequest request, string siteCode) =>
        new(c.Id, c.Name, c.Type, c.ParentId, c.SortOrder, c.IsVisible, $"{request.Scheme}://{request.Host}/sites/{siteCode}/columns/{c.Id}");

    private static ArticleDto ToDto(Article a, string siteCode, int[] interpretations, HttpRequest request) => new(
        a.Id, siteCode, a.ColumnId, a.Title, a.Body, a.Summary, a.Source, a.Author, a.Keywords, a.Status,
        a.PublishedAt is null ? null : ChinaTime.Format(a.PublishedAt), ArticleUrl(request, siteCode, a.Id),
        a.IndexNumber, a.Issuer, a.DocNumber, ArticleService.FormatWrittenDate(a.WrittenDate), a.SubjectCategory,
        a.Validity, a.InterpretsId, interpretations);
}
