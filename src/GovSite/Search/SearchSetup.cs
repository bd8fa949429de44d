using System.Threading.RateLimiting;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

public static class SearchSetup
{
    /// <summary>Named rate-limit policy for the search API, the suggestions and the search pages.</summary>
    public const string RatePolicy = "search";

    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        // The shipped synonyms until SearchStartup has read the table (and if the database is down).
        builder.Services.AddSingleton(new SearchText(SearchVocabulary.Default()));
        builder.Services.AddScoped<SearchSynonyms>();
        builder.Services.AddHostedService<SearchSynonymListener>();
        builder.Services.AddScoped<ISearchBackend>(sp =>
            sp.GetRequiredService<DataOptions>().UsesPostgres
                ? new PostgresSearchBackend(sp.GetRequiredService<GovSiteDb>())
                : new SqliteSearchBackend(sp.GetRequiredService<GovSiteDb>()));
        builder.Services.AddScoped<SearchIndexer>();
        builder.Services.AddScoped<IArticleObserver>(sp => sp.GetRequiredService<SearchIndexer>());
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(new HotSearchOptions
        {
            MinVisitors = Math.Max(1, builder.Configuration.GetValue("GOVSITE_HOT_SEARCH_VISITORS", 5)),
            Days = Math.Clamp(builder.Configuration.GetValue("GOVSITE_HOT_SEARCH_DAYS", 30), 1, 365),
        });
        builder.Services.AddScoped<HotSearches>();
        builder.Services.AddHostedService<SearchStartup>();
        // Searches per client address per minute (suggestions while typing count too).
        var perMinute = builder.Configuration.GetValue("GOVSITE_SEARCH_RATE", 120);
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(RatePolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/search").WithTags("Search").RequireRateLimiting(RatePolicy);
        api.MapGet("", SearchApiAsync);
        api.MapGet("/suggest", async (string? q, string? site, SiteDirectory sites, SearchService search, CancellationToken ct) =>
        {
            int? siteId = site is { Length: > 0 } ? sites.FindByCode(site)?.Id ?? -1 : null;
            return TypedResults.Ok(new SuggestBody(await search.SuggestAsync(q, siteId, ct)));
        });
        return app;
    }

    private static async Task<Results<Ok<SearchBody>, NotFound>> SearchApiAsync(string? q, string? site, int? page,
        string? type, string? subject, int? year, string? issuer, string? validity, string? sort,
        SiteDirectory sites, SearchService search, HttpContext http, CancellationToken ct)
    {
        int? siteId = null;
        if (site is { Length: > 0 })
        {
            if (sites.FindByCode(site) is not { } found)
            {
                return TypedResults.NotFound();
            }
            siteId = found.Id;
        }
        var response = await search.SearchAsync(new SearchRequest(q, siteId,
            Enum.TryParse<ColumnType>(type, true, out var t) ? t : null, subject, year, issuer,
            Enum.TryParse<PolicyValidity>(validity, true, out var v) ? v : null, sort == "date", page ?? 1, http.Connection.RemoteIpAddress), ct: ct);
        return TypedResults.Ok(new SearchBody(response.Total,
            [.. response.Results.Select(r => new SearchResultBody(r.Title, r.Url, r.Snippet, r.SiteCode, r.ColumnType,
                ChinaTime.FormatDate(r.PublishedAt), r.Score))],
            response.Suggestions,
            response.Answer is { } a ? new AnswerBody(a.Title, a.Answer, a.Url) : null));
    }

    /// <summary>The API's answer, exactly as issue 5 names it; snippet is HTML with matches in &lt;mark&gt;.</summary>
    public sealed record SearchBody(int Total, List<SearchResultBody> Results, List<string> Suggestions, AnswerBody? Answer);

    public sealed record SearchResultBody(string Title, string Url, string Snippet, string SiteCode, ColumnType ColumnType,
        string PublishDate, double Score);

    public sealed record AnswerBody(string Title, string Answer, string? Url);

    public sealed record SuggestBody(List<string> Suggestions);
}

/// <summary>
/// After the schema and the demo are in place: the synonym table, the backend's token table,
/// documents published without ArticleService (seed, import, restore), and the demo answer cards.
/// </summary>
public sealed class SearchStartup(IServiceProvider services, IConfiguration configuration, ILogger<SearchStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Accounts.SiteAccess>().BecomeSystem();
        try
        {
            await scope.ServiceProvider.GetRequiredService<SearchSynonyms>().LoadAsync(cancellationToken);
            // A bench that measures something else over a million generated articles does not wait for
            // their index (`govsite search-rebuild` builds it later); everything else catches up here.
            if (configuration.GetValue("Search:CatchUpOnStart", true))
            {
                await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(cancellationToken);
            }
            await DemoAnswers.SeedIfEmptyAsync(scope.ServiceProvider.GetRequiredService<GovSiteDb>(), cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // A database that is down at start must not stop the server: /healthz reports it, and
            // the index catches up at the next start or with `govsite search-rebuild`.
            logger.LogError(ex, "Search index catch-up failed at start-up");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A few 搜索即服务 cards for the demo region, until the services and FAQ features fill the store.</summary>
public static class DemoAnswers
{
    public static async Task SeedIfEmptyAsync(GovSiteDb db, CancellationToken ct)
    {
        if (await db.SearchAnswers.AnyAsync(ct) || await db.SearchLog.AnyAsync(ct))
        {
            return;
        }
        var province = await db.Sites.Where(s => s.Code == DemoRegion.ProvincialPortalCode).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var humanResources = await db.Sites.Where(s => s.Code == DemoRegion.HumanResourcesCode).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (province is null || humanResources is null)
        {
            return;
        }
        db.SearchAnswers.AddRange(
            new SearchAnswer
            {
                SiteId = 0, Title = "居民身份证补领", Triggers = "身份证丢了 身份证补领 补领身份证 居民身份证补领 身份证",
                Answer = "身份证丢失后，本人携带户口簿到户籍所在地或居住地派出所申请补领，现场采集照片，一般20个工作日内领取新证；急用可同时申请临时身份证。",
                Url = $"/sites/{DemoRegion.ProvincialPortalCode}/", UrlText = "前往江川省政务服务",
            },
            new SearchAnswer
            {
                SiteId = humanResources.Value, Title = "社会保险查询与参保", Triggers = "社保 社会保险 社保查询 参保 社保卡",
                Answer = "个人社保缴费记录可在江川省人力资源和社会保障厅网站“办事服务”栏目或12333热线查询；灵活就业人员可在户籍所在地社保经办机构办理参保登记。",
                Url = $"/sites/{DemoRegion.HumanResourcesCode}/", UrlText = "进入省人力资源和社会保障厅网站",
            },
            new SearchAnswer
            {
                SiteId = 0, Title = "生育登记与生育津贴", Triggers = "生孩子 生育 生育登记 生育津贴 生育保险",
                Answer = "生育登记可通过江川省政务服务网在线办理，无需提交证明材料；参加生育保险的职工产假期间按规定领取生育津贴。",
                Url = $"/sites/{DemoRegion.ProvincialPortalCode}/", UrlText = "前往江川省人民政府门户网站",
            },
            new SearchAnswer
            {
                SiteId = province.Value, Title = "企业开办一网通办", Triggers = "开公司 企业开办 营业执照 办执照 开店",
                Answer = "在江川省政务服务网“企业开办”专区一次填报、一网通办，营业执照、公章刻制、发票申领和社保登记1个工作日内办结。",
                Url = $"/sites/{DemoRegion.ProvincialPortalCode}/", UrlText = "前往江川省人民政府门户网站",
            });
        await db.SaveChangesAsync(ct);
    }
}
