using GovSite.Common;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Publishing;
using GovSite.Security;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

public static class SearchSetup
{
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
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/search").WithTags("Search").LimitPerAddress(RateLimitOptions.Search);
        api.MapGet("", SearchApiAsync)
            .WithSummary("全文检索")
            .WithDescription("在全部已发布的内容中检索 q，可按网站（site）、体裁（type）、主题（subject）、年份（year）、发文机关（issuer）、有效性（validity）筛选，按相关度或时间排序（sort），分页（page）。有频率限制。");
        api.MapGet("/suggest", async (string? q, string? site, SiteDirectory sites, SearchService search, CancellationToken ct) =>
        {
            int? siteId = site is { Length: > 0 } ? sites.FindByCode(site)?.Id ?? -1 : null;
            return TypedResults.Ok(new SuggestBody(await search.SuggestAsync(q, siteId, ct)));
        })
            .WithSummary("检索词提示")
            .WithDescription("根据已输入的文字（q）提示常用检索词，可限定网站（site）。有频率限制。");
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
