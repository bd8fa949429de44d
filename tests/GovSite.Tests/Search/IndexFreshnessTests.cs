using System.Net;
using System.Net.Http.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Publishing;
using GovSite.Search;
using GovSite.Sites;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>The index follows publishing at once, and only what the public may see is ever found.</summary>
public class IndexFreshnessTests(SearchFixture app) : IClassFixture<SearchFixture>
{
    private async Task<int> SaveAsync(Site site, int? id, string title, bool publish = true, DateTime? publishedAt = null) =>
        await app.AsSystemAsync(async sp =>
        {
            var column = await app.ColumnIdAsync(site.Id, "政策文件");
            var result = await sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, id, new ArticleInput
            {
                ColumnId = column,
                Title = title,
                Body = "<p>正文说明。</p>",
                Publish = publish,
                PublishedAt = publishedAt,
            });
            result.Succeeded.ShouldBeTrue();
            return result.Value!.Id;
        });

    private async Task<List<string>> TitlesAsync(string query, int? siteId = null) =>
        [.. (await app.SearchAsync(new SearchRequest(query, siteId))).Results.Select(r => r.Title)];

    [Fact]
    public async Task Publish_edit_and_withdraw_show_in_search_immediately()
    {
        var site = await app.CreateSiteAsync("3701000101", "测试乙市人民政府", SiteType.Portal);
        var id = await SaveAsync(site, null, "关于推进萤火虫保护区建设的通知");
        (await TitlesAsync("萤火虫")).ShouldBe(["关于推进萤火虫保护区建设的通知"]);

        await SaveAsync(site, id, "关于推进湿地候鸟保护区建设的通知");
        (await TitlesAsync("萤火虫")).ShouldBeEmpty();
        (await TitlesAsync("候鸟")).ShouldBe(["关于推进湿地候鸟保护区建设的通知"]);

        await app.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().WithdrawAsync(site.Id, id));
        (await TitlesAsync("候鸟")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Drafts_and_scheduled_articles_are_never_found()
    {
        var site = await app.CreateSiteAsync("3701000102", "测试丙市人民政府", SiteType.Portal);
        await SaveAsync(site, null, "珊瑚礁修复工作方案（草稿）", publish: false);
        await SaveAsync(site, null, "珊瑚礁修复定时发布公告", publishedAt: ChinaTime.ToLocal(DateTime.UtcNow).AddDays(3));
        (await TitlesAsync("珊瑚礁")).ShouldBeEmpty();
        await SaveAsync(site, null, "珊瑚礁修复已发布公告");
        (await TitlesAsync("珊瑚礁")).ShouldBe(["珊瑚礁修复已发布公告"]);
    }

    [Fact]
    public async Task A_site_search_never_returns_another_sites_articles_and_site_editors_see_no_drafts()
    {
        var mine = await app.CreateSiteAsync("3701000103", "测试丁市人民政府", SiteType.Portal);
        var other = await app.CreateSiteAsync("3701000104", "测试戊市人民政府", SiteType.Portal);
        await SaveAsync(mine, null, "丁市独角仙标本展开幕");
        await SaveAsync(other, null, "戊市独角仙科普周启动");
        await SaveAsync(other, null, "戊市独角仙内部草稿", publish: false);

        (await TitlesAsync("独角仙", mine.Id)).ShouldBe(["丁市独角仙标本展开幕"]);
        (await TitlesAsync("独角仙")).Order().ShouldBe(["丁市独角仙标本展开幕", "戊市独角仙科普周启动"]);

        // Signed in as the other site's editor, the public API still shows only published work.
        await app.CreateUserAsync("wu-editor", "Editor12345x", (Role.Editor, other.Id));
        using var client = await app.ClientWithTokenAsync("wu-editor", "Editor12345x");
        var body = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/search?q={Uri.EscapeDataString("独角仙")}&site=3701000104");
        body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()).ShouldBe(["戊市独角仙科普周启动"]);
        using var page = app.CreateClient();
        (await page.GetStringAsync($"/sites/3701000103/search?q={Uri.EscapeDataString("独角仙")}")).ShouldNotContain("戊市");
    }

    [Fact]
    public async Task The_rebuild_indexes_everything_published_again()
    {
        var before = (await app.SearchAsync(new SearchRequest("江川省"))).Total;
        before.ShouldBeGreaterThan(0);
        var count = await app.AsSystemAsync(sp => sp.GetRequiredService<SearchIndexer>().RebuildAsync(null, default));
        count.ShouldBeGreaterThanOrEqualTo(200);
        (await app.SearchAsync(new SearchRequest("江川省"))).Total.ShouldBe(before);
    }
}

public class SearchRateLimitTests(RateLimitedSearchFixture app) : IClassFixture<RateLimitedSearchFixture>
{
    [Fact]
    public async Task A_client_that_searches_too_fast_is_told_to_slow_down()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < RateLimitedSearchFixture.Limit; i++)
        {
            (await client.GetAsync("/api/v1/search?q=abc")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var refused = await client.GetAsync("/api/v1/search?q=abc");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请求过于频繁");
        (await client.GetAsync("/sites/9900000001/search?q=abc")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

public class SearchRebuildCommandTests
{
    [Fact]
    public async Task The_rebuild_command_indexes_the_demo_and_reports_the_count()
    {
        await using var test = await TestDatabase.CreateAsync();
        (await GovSiteCli.RunAsync(test, "seed-demo")).ExitCode.ShouldBe(0);
        var run = await GovSiteCli.RunAsync(test, "search-rebuild");
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldMatch(@"已索引 2\d\d 篇文章");
        await using var db = test.NewContext();
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SearchDocuments)).ShouldBeGreaterThan(200);
    }
}
