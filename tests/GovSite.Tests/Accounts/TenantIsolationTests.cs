using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Accounts;

/// <summary>Two sites, an editor on each; neither may see or change the other's unpublished work or settings.</summary>
public sealed class TwoSitesFixture : EmptyPlatformFactory
{
    public const string Password = "Editor12345x";
    public Site SiteA { get; private set; } = null!;
    public Site SiteB { get; private set; } = null!;
    public int ColumnA { get; private set; }
    public int ColumnB { get; private set; }
    public int DraftB { get; private set; }
    public int PublishedB { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SiteA = await CreateSiteAsync("3401000001", "测试甲局");
        SiteB = await CreateSiteAsync("3401000002", "测试乙局");
        ColumnA = await ColumnIdAsync(SiteA.Id, "工作动态");
        ColumnB = await ColumnIdAsync(SiteB.Id, "工作动态");
        await CreateUserAsync("editor-a", Password, (Role.Editor, SiteA.Id));
        await CreateUserAsync("editor-b", Password, (Role.Editor, SiteB.Id));
        await CreateUserAsync("siteadmin-a", Password, (Role.SiteAdmin, SiteA.Id));
        (DraftB, PublishedB) = await AsSystemAsync(async sp =>
        {
            var articles = sp.GetRequiredService<ArticleService>();
            var draft = await articles.SaveAsync(SiteB.Id, null, new ArticleInput { ColumnId = ColumnB, Title = "乙局内部草稿", Body = "<p>未发布</p>", Publish = false });
            var published = await articles.SaveAsync(SiteB.Id, null, new ArticleInput { Publish = true, ColumnId = ColumnB, Title = "乙局公开信息", Body = "<p>已发布</p>" });
            return (draft.Value!.Id, published.Value!.Id);
        });
    }
}

public class TenantIsolationTests(TwoSitesFixture app) : IClassFixture<TwoSitesFixture>
{
    [Fact]
    public async Task An_editor_cannot_read_another_sites_draft()
    {
        using var editorA = await app.ClientWithTokenAsync("editor-a", TwoSitesFixture.Password);
        (await editorA.GetAsync($"/api/v1/articles/{app.DraftB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editorA.GetAsync($"/api/v1/articles/{app.PublishedB}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listing = await editorA.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{app.SiteB.Code}/articles");
        var titles = listing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        titles.ShouldContain("乙局公开信息");
        titles.ShouldNotContain("乙局内部草稿");
    }

    [Fact]
    public async Task The_owning_editor_does_see_the_draft()
    {
        using var editorB = await app.ClientWithTokenAsync("editor-b", TwoSitesFixture.Password);
        var article = await editorB.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{app.DraftB}");
        article.GetProperty("title").GetString().ShouldBe("乙局内部草稿");
        article.GetProperty("status").GetString().ShouldBe("draft");
    }

    [Fact]
    public async Task An_editor_cannot_change_or_withdraw_another_sites_article()
    {
        using var editorA = await app.ClientWithTokenAsync("editor-a", TwoSitesFixture.Password);
        var update = await editorA.PutAsJsonAsync($"/api/v1/articles/{app.PublishedB}", new { columnId = app.ColumnB, title = "篡改", body = "<p>x</p>" });
        update.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await editorA.PostAsync($"/api/v1/articles/{app.PublishedB}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Another site's draft does not even exist for this editor.
        (await editorA.PutAsJsonAsync($"/api/v1/articles/{app.DraftB}", new { columnId = app.ColumnB, title = "篡改", body = "<p>x</p>" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var create = await editorA.PostAsJsonAsync($"/api/v1/sites/{app.SiteB.Code}/articles", new { columnId = app.ColumnB, title = "越权发布", body = "<p>x</p>" });
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var editorB = await app.ClientWithTokenAsync("editor-b", TwoSitesFixture.Password);
        var unchanged = await editorB.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{app.PublishedB}");
        unchanged.GetProperty("title").GetString().ShouldBe("乙局公开信息");
        unchanged.GetProperty("status").GetString().ShouldBe("published");
    }

    [Fact]
    public async Task An_editor_cannot_publish_into_another_sites_column_from_their_own_site()
    {
        using var editorA = await app.ClientWithTokenAsync("editor-a", TwoSitesFixture.Password);
        var response = await editorA.PostAsJsonAsync($"/api/v1/sites/{app.SiteA.Code}/articles", new { columnId = app.ColumnB, title = "错栏目", body = "<p>x</p>" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请选择本网站的栏目");
    }

    [Fact]
    public async Task A_site_admin_cannot_change_another_sites_settings_or_columns()
    {
        using var adminA = await app.ClientWithTokenAsync("siteadmin-a", TwoSitesFixture.Password);
        var site = await adminA.PutAsJsonAsync($"/api/v1/sites/{app.SiteB.Code}", new
        {
            code = app.SiteB.Code, name = "被改名", type = "Department", level = "City", regionCode = "340100",
            hostUnitId = app.SiteB.HostUnitId, domains = new[] { "hijack.gov.cn" },
        });
        site.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var column = await adminA.PostAsJsonAsync($"/api/v1/sites/{app.SiteB.Code}/columns", new { name = "越权栏目", type = "News" });
        column.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await adminA.PostAsJsonAsync($"/api/v1/sites/{app.SiteA.Code}/columns", new { name = "自有栏目", type = "News" });
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_editor_cannot_change_their_own_sites_settings()
    {
        using var editorA = await app.ClientWithTokenAsync("editor-a", TwoSitesFixture.Password);
        var column = await editorA.PostAsJsonAsync($"/api/v1/sites/{app.SiteA.Code}/columns", new { name = "编辑建栏目", type = "News" });
        column.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_public_site_never_shows_drafts()
    {
        using var client = app.ClientForHost(app.SiteB.Domains[0].Host);
        (await client.GetAsync($"/articles/{app.DraftB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/articles/{app.PublishedB}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync($"/api/v1/articles/{app.DraftB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
