using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing;

public class ArticlesApiTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private static int s_siteCounter;

    private async Task<(Site Site, int ColumnId)> NewSiteAsync()
    {
        var n = Interlocked.Increment(ref s_siteCounter);
        var site = await app.CreateSiteAsync($"350100{n:0000}", $"测试站{n}");
        return (site, await app.ColumnIdAsync(site.Id, "工作动态"));
    }

    [Fact]
    public async Task Script_in_article_html_is_removed_on_save()
    {
        var (site, column) = await NewSiteAsync();
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync($"/api/v1/sites/{site.Code}/articles", new
        {
            columnId = column,
            publish = true,
            title = "关于开展安全检查的通知",
            body = "<p onmouseover=\"steal()\">请各单位认真落实。</p><script>document.location='https://evil'</script><img src=x onerror=alert(1) alt=\"检查现场\">",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        var body = article.GetProperty("body").GetString()!;
        body.ShouldContain("请各单位认真落实。");
        body.ShouldNotContain("script");
        body.ShouldNotContain("onmouseover");
        body.ShouldNotContain("onerror");

        using var page = app.ClientForHost(site.Domains[0].Host);
        var html = await page.GetStringAsync($"/articles/{article.GetProperty("id").GetInt32()}");
        html.ShouldNotContain("evil");
        html.ShouldNotContain("onerror");
    }

    [Fact]
    public async Task Articles_list_newest_first_and_paginate()
    {
        var (site, column) = await NewSiteAsync();
        using var admin = await app.AdminClientAsync();
        for (var day = 1; day <= 5; day++)
        {
            var r = await admin.PostAsJsonAsync($"/api/v1/sites/{site.Code}/articles", new
            {
                columnId = column, title = $"第{day}日动态", body = "今日工作动态。", publishedAt = $"2026-11-0{day}T08:00:00", publish = true,
            });
            r.EnsureSuccessStatusCode();
        }
        using var anonymous = app.CreateClient();
        var page1 = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{site.Code}/columns/{column}/articles?page=1&pageSize=2");
        page1.GetProperty("total").GetInt32().ShouldBe(5);
        page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe(["第5日动态", "第4日动态"]);
        page1.GetProperty("items")[0].GetProperty("publishDate").GetString().ShouldBe("2026-11-05 08:00");
        var page3 = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{site.Code}/columns/{column}/articles?page=3&pageSize=2");
        page3.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe(["第1日动态"]);
    }

    [Fact]
    public async Task An_edit_shows_at_once_on_cached_public_pages()
    {
        var (site, column) = await NewSiteAsync();
        using var admin = await app.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync($"/api/v1/sites/{site.Code}/articles",
            new { columnId = column, title = "原标题", body = "<p>正文</p>", publish = true })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        using var page = app.ClientForHost(site.Domains[0].Host);
        (await page.GetStringAsync($"/articles/{id}")).ShouldContain("原标题");
        (await page.GetStringAsync("/")).ShouldContain("原标题");

        (await admin.PutAsJsonAsync($"/api/v1/articles/{id}", new { columnId = column, title = "更正后的标题", body = "<p>正文</p>" }))
            .EnsureSuccessStatusCode();
        (await page.GetStringAsync($"/articles/{id}")).ShouldContain("更正后的标题");
        (await page.GetStringAsync("/")).ShouldContain("更正后的标题");

        (await admin.PostAsync($"/api/v1/articles/{id}/withdraw", null)).EnsureSuccessStatusCode();
        (await page.GetAsync($"/articles/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Missing_title_and_body_get_field_messages()
    {
        var (site, column) = await NewSiteAsync();
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync($"/api/v1/sites/{site.Code}/articles", new { columnId = column, title = " ", body = "<script>x</script>" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("title")[0].GetString().ShouldBe("请填写标题");
        errors.GetProperty("body")[0].GetString().ShouldBe("请填写正文");
    }

    [Fact]
    public async Task An_oversized_request_is_refused_with_a_clear_message()
    {
        var (site, column) = await NewSiteAsync();
        using var admin = await app.AdminClientAsync();
        var huge = new string('字', 3_000_000);
        var json = JsonSerializer.Serialize(new { columnId = column, title = "超长", body = huge });
        var response = await admin.PostAsync($"/api/v1/sites/{site.Code}/articles", new StringContent(json, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请求内容过大");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.CountAsync(a => a.Title == "超长"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_over_the_article_limit_is_refused_per_field()
    {
        var (site, column) = await NewSiteAsync();
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync($"/api/v1/sites/{site.Code}/articles",
            new { columnId = column, title = "很长", body = new string('a', ArticleService.MaxBodyLength + 1) });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString()!.ShouldContain("正文过长");
    }

    [Fact]
    public async Task Malformed_json_gets_a_problem_not_a_crash()
    {
        var (site, _) = await NewSiteAsync();
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsync($"/api/v1/sites/{site.Code}/articles", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("不是有效的 JSON");
    }
}
