using System.Net;
using System.Net.Http.Headers;
using GovSite.Publishing;
using GovSite.PublicSite;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.PublicSite;

/// <summary>
/// Which cached pages a change evicts, seen from outside: a page re-rendered after eviction
/// carries a new ETag, a page still served from the cache keeps its old one.
/// </summary>
public class CacheInvalidationTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    [Fact]
    public async Task A_cached_page_answers_304_to_its_etag_and_last_modified()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var path = $"/articles/{site.PolicyId}";
        await client.GetAsync(path);
        var response = await client.GetAsync(path);
        var etag = response.Headers.ETag.ShouldNotBeNull();
        var lastModified = response.Content.Headers.LastModified.ShouldNotBeNull();

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, path);
        byEtag.Headers.IfNoneMatch.Add(etag);
        (await client.SendAsync(byEtag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = lastModified;
        (await client.SendAsync(byDate)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", true));
        (await client.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_editor_is_served_the_visitors_cached_page_but_a_theme_preview_is_never_stored()
    {
        using var visitor = site.ClientForHost(PublicSiteFixture.Host);
        var path = $"/articles/{site.PolicyId}";
        var (body, etag) = await PublicTestHelpers.GetWithETagAsync(visitor, path);
        using var admin = await PublicTestHelpers.SignInAsync(site, "admin", GovSiteFactory.AdminPassword);
        admin.DefaultRequestHeaders.Host = PublicSiteFixture.Host;
        // Public pages do not depend on who is signed in: the editor gets the visitor's stored copy.
        var asEditor = await admin.GetAsync(path);
        asEditor.Headers.ETag!.Tag.ShouldBe(etag);
        asEditor.Headers.Age.ShouldNotBeNull();
        (await asEditor.Content.ReadAsStringAsync()).ShouldBe(body);
        admin.DefaultRequestHeaders.Host = null;

        var preview = await admin.GetAsync($"/sites/{PublicSiteFixture.Code}/?preview=theme");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        preview.Headers.Age.ShouldBeNull();
        (await admin.GetAsync($"/sites/{PublicSiteFixture.Code}/?preview=theme")).Headers.Age.ShouldBeNull();
    }

    [Fact]
    public async Task A_head_request_is_answered_from_the_cache_without_a_body()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var path = $"/columns/{site.PolicyColumnId}";
        var get = await client.GetAsync(path);
        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        var response = await client.SendAsync(head);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldBe(get.Headers.ETag!.Tag);
        response.Content.Headers.ContentLength.ShouldBe(get.Content.Headers.ContentLength);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Publishing_an_article_evicts_exactly_the_pages_that_show_it()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        string[] affected = ["/", $"/columns/{site.NewsColumnId}", $"/columns/{site.NewsColumnId}/page/2", $"/columns/{site.NewsColumnId}/rss.xml", "/sitemap.xml"];
        string[] unaffected = [$"/articles/{site.PolicyId}", $"/columns/{site.PolicyColumnId}", $"/columns/{site.PolicyColumnId}/rss.xml", $"/articles/{site.NewestNewsId}"];
        var before = new Dictionary<string, string?>();
        foreach (var path in affected.Concat(unaffected))
        {
            await client.GetAsync(path);
            before[path] = (await PublicTestHelpers.GetWithETagAsync(client, path)).ETag;
        }

        var id = await site.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, null,
            new ArticleInput { Publish = true, ColumnId = site.NewsColumnId, Title = "缓存测试：新发布的要闻", Body = "<p>正文。</p>" })).Value!.Id);

        foreach (var path in affected)
        {
            var (body, etag) = await PublicTestHelpers.GetWithETagAsync(client, path);
            etag.ShouldNotBe(before[path], path);
            if (!path.Contains("/page/", StringComparison.Ordinal))
            {
                body.ShouldContain($"/articles/{id}", customMessage: path);
            }
        }
        foreach (var path in unaffected)
        {
            (await PublicTestHelpers.GetWithETagAsync(client, path)).ETag.ShouldBe(before[path], path);
        }

        // Withdrawn: gone from the column's first page and the homepage at once.
        await client.GetAsync($"/articles/{id}");
        await site.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().WithdrawAsync(site.Site.Id, id));
        (await client.GetStringAsync($"/columns/{site.NewsColumnId}")).ShouldNotContain($"/articles/{id}\"");
        (await client.GetStringAsync("/")).ShouldNotContain($"/articles/{id}\"");
        (await client.GetAsync($"/articles/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Editing_a_policy_refreshes_its_interpretation_which_shows_its_title()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var path = $"/articles/{site.InterpretationId}";
        await client.GetAsync(path);
        var policy = await site.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Data.GovSiteDb>().Articles.FindAsync(site.PolicyId).AsTask());
        await site.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, site.PolicyId, new ArticleInput
        {
            Publish = true,
            ColumnId = policy!.ColumnId, Title = policy.Title + "（修订）", Body = policy.Body, DocNumber = policy.DocNumber, Issuer = policy.Issuer,
            PublishedAt = GovSite.Common.ChinaTime.ToLocal(policy.PublishedAt!.Value),
        }));
        (await client.GetStringAsync(path)).ShouldContain("（修订）");
    }

    [Fact]
    public async Task Fingerprinted_stylesheets_and_scripts_are_cached_for_a_year()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var home = await client.GetStringAsync("/");
        var urls = System.Text.RegularExpressions.Regex.Matches(home, "(?:href|src)=\"(/(?:css|js)/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        // The theme stylesheet, the search stylesheet and the accessibility toolbar script.
        urls.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var url in urls)
        {
            url.ShouldMatch(@"^/(css|js)/[a-z0-9-]+\.[a-z0-9]{6,}\.(css|js)$");
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365), url);
        }
    }

    [Fact]
    public void An_article_change_touches_its_column_and_every_ancestor_before_and_after_a_move()
    {
        Column[] columns =
        [
            new() { Id = 1, Name = "信息公开" }, new() { Id = 2, ParentId = 1, Name = "政策文件" },
            new() { Id = 3, Name = "新闻" }, new() { Id = 4, Name = "无关" },
        ];
        var tags = PageTags.ForArticle(columns, 7, 50, [2, 3], [40]);
        tags.ShouldBe(new[]
        {
            "site:7:article:50", "site:7:article:40", "site:7:sitemap", "site:7:policy-theme-feeds",
            "site:7:column:2", "site:7:block:2", "site:7:feed:2",
            "site:7:column:1", "site:7:block:1", "site:7:feed:1",
            "site:7:column:3", "site:7:block:3", "site:7:feed:3",
        }, ignoreOrder: true);
    }
}
