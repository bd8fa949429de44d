using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

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
            if (database.PostgresConnection is { } pg)
            {
                // Another machine: it shares only the database, not the data directory.
                builder.UseSetting("GOVSITE_DB", pg);
                builder.UseSetting("GOVSITE_DATA", Path.Combine(database.DataDirectory, "node-b"));
            }
            else
            {
                builder.UseSetting("GOVSITE_DATA", database.DataDirectory);
            }
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
            new { columnId = column, title = "节点甲发布的原稿", body = "<p>正文</p>", publish = true })).Content.ReadFromJsonAsync<JsonElement>();
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

    /// <summary>Keys live in the shared database, so nodes are interchangeable (on SQLite: two processes on one file).</summary>
    [Fact]
    public async Task A_token_issued_by_one_node_is_accepted_by_another()
    {
        var token = await nodeA.TokenAsync("admin", GovSiteFactory.AdminPassword);
        await using var nodeB = new SecondNode(nodeA.Database);
        using var client = nodeB.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsJsonAsync("/api/v1/regions", new { code = "371000", name = "第二节点测试市", level = "City" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = nodeA.Database.NewContext();
        (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
    }
}
