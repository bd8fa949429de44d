using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovSite.Tests.Sites;

/// <summary>
/// Two GovSite nodes on one PostgreSQL database: a change made through one node must reach the
/// other node's page cache and site directory (LISTEN/NOTIFY). Only meaningful on PostgreSQL;
/// on SQLite there is one process by design and the test has nothing to check.
/// </summary>
public class MultiNodeTests(EmptyPlatformFactory nodeA) : IClassFixture<EmptyPlatformFactory>
{
    private sealed class SecondNode(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GOVSITE_DATA", database.DataDirectory);
            builder.UseSetting("GOVSITE_DB", database.PostgresConnection);
            builder.UseSetting("GOVSITE_QUIET", "true");
            builder.UseSetting("GOVSITE_NO_DEMO", "true");
        }
    }

    private const string SiteMeta = "<meta name=\"SiteIDCode\" content=\"3702000002\">";

    private static async Task<string> EventuallyAsync(Func<Task<string>> read, string expected)
    {
        var last = "";
        for (var i = 0; i < 50 && !last.Contains(expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            last = await read();
        }
        return last;
    }

    [Fact]
    public async Task An_edit_on_one_node_refreshes_the_cached_page_on_the_other()
    {
        if (!TestDatabase.OnPostgres)
        {
            return;
        }
        var site = await nodeA.CreateSiteAsync("3702000001", "多节点测试局", GovSite.Sites.SiteType.Department, "multi.test.gov.cn");
        var column = await nodeA.ColumnIdAsync(site.Id, "工作动态");
        using var admin = await nodeA.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync($"/api/v1/sites/{site.Code}/articles",
            new { columnId = column, title = "节点甲发布的原稿", body = "<p>正文</p>" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();

        await using var nodeB = new SecondNode(nodeA.Database);
        using var pageOnB = nodeB.CreateClient();
        pageOnB.DefaultRequestHeaders.Host = "multi.test.gov.cn";
        (await pageOnB.GetStringAsync($"/articles/{id}")).ShouldContain("节点甲发布的原稿");

        (await admin.PutAsJsonAsync($"/api/v1/articles/{id}", new { columnId = column, title = "节点甲改过的标题", body = "<p>正文</p>" }))
            .EnsureSuccessStatusCode();
        (await EventuallyAsync(() => pageOnB.GetStringAsync($"/articles/{id}"), "节点甲改过的标题")).ShouldContain("节点甲改过的标题");
    }

    [Fact]
    public async Task A_new_domain_registered_on_one_node_resolves_on_the_other()
    {
        if (!TestDatabase.OnPostgres)
        {
            return;
        }
        var site = await nodeA.CreateSiteAsync("3702000002", "多节点域名局", GovSite.Sites.SiteType.Department, "old.multi.gov.cn");
        await using var nodeB = new SecondNode(nodeA.Database);
        using var onB = nodeB.CreateClient();
        onB.DefaultRequestHeaders.Host = "old.multi.gov.cn";
        (await onB.GetStringAsync("/")).ShouldContain(SiteMeta);

        using var admin = await nodeA.AdminClientAsync();
        var update = await admin.PutAsJsonAsync($"/api/v1/sites/{site.Code}", new
        {
            code = site.Code, name = "多节点域名局", type = "Department", level = "City", status = "Online", regionCode = "370200",
            hostUnitId = site.HostUnitId, domains = new[] { "new.multi.gov.cn" },
        });
        update.StatusCode.ShouldBe(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());

        using var newHost = nodeB.CreateClient();
        newHost.DefaultRequestHeaders.Host = "new.multi.gov.cn";
        // An unknown host gets the platform index, which lists every site by name: look for the site's own meta tag.
        (await EventuallyAsync(() => newHost.GetStringAsync("/"), SiteMeta)).ShouldContain(SiteMeta);
    }
}
